/// A fast reader of the one shape `ivrc serve` writes: a flat JSON object of ASCII keys and
/// strings without escapes, plain numbers, `true`, `false`, `null`. It answers only when it
/// is sure: `.entry` for such a line, `.unsure` for anything else (escapes, non-ASCII bytes,
/// nested values, a repeated or mistyped field, malformed text), which `JSONDecoder` then
/// reads, so what is accepted, refused and counted is exactly what the decoder alone decides.
enum LogLineScanner {
    enum Result {
        case entry(LogEntry)
        case unsure
    }

    static func scan(_ line: UnsafeRawBufferPointer) -> Result {
        var cursor = Cursor(bytes: line)
        guard let entry = cursor.object(), cursor.atEndAfterSpace() else { return .unsure }
        return .entry(entry)
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var index = 0

        init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        private enum Value {
            case string(Range<Int>)
            case number(Range<Int>, integral: Bool)
            case bool(Bool)
            case null
        }

        mutating func object() -> LogEntry? {
            skipSpace()
            guard take(UInt8(ascii: "{")) else { return nil }
            var entry = LogEntry()
            var seen: UInt16 = 0
            skipSpace()
            if take(UInt8(ascii: "}")) { return entry }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard take(UInt8(ascii: ":")) else { return nil }
                skipSpace()
                guard let value = value() else { return nil }
                if let field = Field(key, in: bytes) {
                    // A repeated field: which one wins is the decoder's to say.
                    guard seen & field.bit == 0 else { return nil }
                    seen |= field.bit
                    guard assign(value, to: field, in: &entry) else { return nil }
                }
                skipSpace()
                if take(UInt8(ascii: ",")) { continue }
                guard take(UInt8(ascii: "}")) else { return nil }
                return entry
            }
        }

        mutating func atEndAfterSpace() -> Bool {
            skipSpace()
            return index == bytes.count
        }

        /// A known field gets its value when the types agree; nil (a null) leaves it absent, as
        /// the decoder's `decodeIfPresent` does.
        private func assign(_ value: Value, to field: Field, in entry: inout LogEntry) -> Bool {
            if case .null = value { return true }
            switch field {
            case .emergency:
                guard case .bool(let flag) = value else { return false }
                entry.emergency = flag
            case .status:
                // Integers of up to 18 digits only: anything longer is the decoder's to judge.
                guard case .number(let range, true) = value, range.count <= 18 else { return false }
                var number = 0
                var negative = false
                for position in range {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "-") { negative = true } else { number = number * 10 + Int(byte - UInt8(ascii: "0")) }
                }
                entry.status = negative ? -number : number
            case .latencyMs:
                guard case .number(let range, _) = value,
                      let number = Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)),
                      number.isFinite else { return false }
                entry.latencyMs = number
            default:
                guard case .string(let range) = value else { return false }
                let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                switch field {
                case .time: entry.time = text
                case .message: entry.message = text
                case .kind: entry.kind = text
                case .callSid: entry.callSid = text
                case .flow: entry.flow = text
                case .document: entry.document = text
                case .bundle: entry.bundle = text
                case .step: entry.step = text
                case .outcome: entry.outcome = text
                case .language: entry.language = text
                case .callStatus: entry.callStatus = text
                case .hangupSource: entry.hangupSource = text
                case .emergency, .status, .latencyMs: return false
                }
            }
            return true
        }

        private mutating func value() -> Value? {
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        /// The bytes between the quotes: printable ASCII without a backslash, else nil.
        private mutating func string() -> Range<Int>? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return start..<(index - 1)
                }
                guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }

        /// JSON's number grammar: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
        private mutating func number() -> Value? {
            let start = index
            _ = take(UInt8(ascii: "-"))
            guard index < bytes.count, isDigit(bytes[index]) else { return nil }
            if bytes[index] == UInt8(ascii: "0") { index += 1 } else { digits() }
            var integral = true
            if take(UInt8(ascii: ".")) {
                integral = false
                guard index < bytes.count, isDigit(bytes[index]) else { return nil }
                digits()
            }
            if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
                integral = false
                if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
                guard index < bytes.count, isDigit(bytes[index]) else { return nil }
                digits()
            }
            return .number(start..<index, integral: integral)
        }

        private mutating func digits() {
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

        private mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        private mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0a, 0x0d: index += 1
                default: return
                }
            }
        }
    }

    /// The keys `LogEntry` reads, each a bit of the set already seen.
    private enum Field: UInt16 {
        case time, message, kind, callSid, flow, document, bundle, step, outcome, language, emergency, status, latencyMs
        case callStatus, hangupSource

        var bit: UInt16 { 1 << rawValue }

        init?(_ key: Range<Int>, in bytes: UnsafeRawBufferPointer) {
            let name = UnsafeRawBufferPointer(rebasing: bytes[key])
            for field in Self.byName where field.name.count == name.count && field.name.elementsEqual(name) {
                self = field.field
                return
            }
            return nil
        }

        private static let byName: [(name: [UInt8], field: Field)] = LogEntry.CodingKeys.allCases.compactMap { key in
            Field(codingKey: key).map { (Array(key.stringValue.utf8), $0) }
        }

        init?(codingKey: LogEntry.CodingKeys) {
            switch codingKey {
            case .time: self = .time
            case .message: self = .message
            case .kind: self = .kind
            case .callSid: self = .callSid
            case .flow: self = .flow
            case .document: self = .document
            case .bundle: self = .bundle
            case .step: self = .step
            case .outcome: self = .outcome
            case .language: self = .language
            case .emergency: self = .emergency
            case .status: self = .status
            case .latencyMs: self = .latencyMs
            case .callStatus: self = .callStatus
            case .hangupSource: self = .hangupSource
            }
        }
    }
}
