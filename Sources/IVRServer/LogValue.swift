import Logging

/// A value of a JSON log line: a string, escaped when written, or a JSON literal (a number or a
/// boolean) written bare.
enum LogValue: Sendable, Equatable {
    case string(String)
    case literal(String)

    /// A swift-log value: logged as a number or a Bool (`.stringConvertible(200)`,
    /// `.stringConvertible(true)`) it is a literal, told by its text (casting the value to each
    /// type cost more than writing the line); anything else its text as a string.
    init(_ value: Logger.Metadata.Value) {
        switch value {
        case .string(let text):
            self = .string(text)
        case .stringConvertible(let convertible):
            let text = convertible.description
            self = JSONLiteral.isNumberOrBoolean(text) ? .literal(text) : .string(text)
        default:
            self = .string(value.description)
        }
    }

    static func number(_ value: Int) -> LogValue { .literal(String(value)) }

    static func bool(_ value: Bool) -> LogValue { .literal(value ? "true" : "false") }

    /// Microseconds as milliseconds, the text `number(Double(microseconds) / 1000)` writes
    /// (`0.405`, `1.0`, `12.25`), without formatting a double: for a request's latency that cost
    /// more than the rest of its field.
    static func milliseconds(microseconds: Int) -> LogValue {
        // Beyond 31 years a double's shortest text may take an exponent.
        guard (0..<1_000_000_000_000_000).contains(microseconds) else { return number(Double(microseconds) / 1000) }
        var fraction = microseconds % 1000, fractionDigits = 3
        while fraction % 10 == 0, fractionDigits > 1 {
            fraction /= 10
            fractionDigits -= 1
        }
        var wholeDigits = 1, whole = microseconds / 1000
        while whole >= 10 {
            wholeDigits += 1
            whole /= 10
        }
        let length = wholeDigits + 1 + fractionDigits
        return .literal(String(unsafeUninitializedCapacity: length) { text in
            var rest = microseconds / 1000
            for position in (0..<wholeDigits).reversed() {
                text[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            text[wholeDigits] = UInt8(ascii: ".")
            for position in (wholeDigits + 1..<length).reversed() {
                text[position] = UInt8(ascii: "0") + UInt8(fraction % 10)
                fraction /= 10
            }
            return length
        })
    }

    /// A finite double's shortest text is a JSON number; `nan` and `inf` are not and stay strings.
    static func number(_ value: Double) -> LogValue { value.isFinite ? .literal(value.description) : .string(value.description) }

    /// The same value for swift-log, which `LogValue(_:)` reads back as it is.
    var metadataValue: Logger.Metadata.Value {
        switch self {
        case .string(let text): .string(text)
        case .literal(let text): .stringConvertible(text)
        }
    }
}

/// A key of a JSON log line with its JSON text (`"key":`) made once: a request's line has a
/// dozen keys, all fixed, and escaping each again on every line cost a tenth of the line.
struct LogKey: Sendable {
    let name: String
    let json: [UInt8]

    init(_ name: String) {
        self.name = name
        json = JSONString.quoted(name) + [UInt8(ascii: ":")]
    }
}
