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
