import Logging

/// Takes a log line's fields one by one, for `JSONLineWriter` or for swift-log's metadata: the
/// request line's fields are listed once (`RequestLog`) and written into either.
protocol LogFieldWriter: ~Copyable {
    /// Fields come in byte order of their keys, each key once; a nil value writes nothing.
    mutating func append(_ key: LogKey, _ value: LogValue?)
}

/// One JSON object on one line, its keys in byte order, written as its fields come: no array of
/// them, no sort (for the request line, gathering and sorting its fields cost more than writing
/// it). The handler's own fields (`LogFrame`) are merged in where they belong; a field given
/// here wins over the frame's of the same key.
///
/// The bytes go into memory of the writer's own, copied out once by `finish`: appended to an
/// array piece by piece, each piece paid the array's uniqueness and capacity checks, more than
/// copying the piece.
struct JSONLineWriter: ~Copyable, LogFieldWriter {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private let frame: LogFrame
    private var nextInFrame = 0
    private var written = 0

    init(frame: LogFrame) {
        self.frame = frame
        buffer = .allocate(capacity: 512)
        buffer[0] = UInt8(ascii: "{")
        count = 1
    }

    deinit { buffer.deallocate() }

    mutating func append(_ key: LogKey, _ value: LogValue?) {
        guard let value else { return }
        while nextInFrame < frame.order.count {
            let field = frame.order[nextInFrame], fieldKey = frame.key(of: field)
            if fieldKey.name > key.name { break }
            if fieldKey.name != key.name { write(field) }
            nextInFrame += 1
        }
        write(key, value)
    }

    /// The line, the rest of the frame written and the object closed.
    consuming func finish() -> [UInt8] {
        while nextInFrame < frame.order.count {
            write(frame.order[nextInFrame])
            nextInFrame += 1
        }
        reserve(2)
        buffer[count] = UInt8(ascii: "}")
        buffer[count + 1] = UInt8(ascii: "\n")
        return Array(buffer.prefix(count + 2))
    }

    private mutating func write(_ field: LogFrame.Field) {
        let key = frame.key(of: field)
        switch field {
        case .metadata(let index): write(key, frame.metadata[index].value)
        case .level: write(key, .string(frame.level))
        case .logger: write(key, .string(frame.logger))
        case .message: write(key, .string(frame.message))
        case .time:
            // Digits and `-:.TZ`: nothing to escape.
            var (second, millisecond) = frame.time
            second.withUTF8 { second in
                millisecond.withUTF8 { millisecond in
                    write(key, second, escaped: false, quoted: true)
                    reserve(millisecond.count + 1)
                    copy(millisecond)
                    buffer[count] = UInt8(ascii: "\"")
                    count += 1
                }
            }
        }
    }

    private mutating func write(_ key: LogKey, _ value: LogValue) {
        switch value {
        case .string(var text): text.withUTF8 { write(key, $0, escaped: true) }
        case .literal(var text): text.withUTF8 { write(key, $0, escaped: false) }
        }
    }

    /// `,"key":` and the value, room for them made once; `quoted` opens a string of unescaped text.
    private mutating func write(_ key: LogKey, _ value: UnsafeBufferPointer<UInt8>, escaped: Bool, quoted: Bool = false) {
        reserve(2 + key.json.count + (escaped ? JSONString.maxLength(value.count) : value.count))
        if written > 0 {
            buffer[count] = UInt8(ascii: ",")
            count += 1
        }
        written += 1
        key.json.withUnsafeBufferPointer { copy($0) }
        if escaped {
            count += JSONString.write(value, to: buffer.baseAddress! + count)
            return
        }
        if quoted {
            buffer[count] = UInt8(ascii: "\"")
            count += 1
        }
        copy(value)
    }

    /// Copies `bytes` where room was made for them.
    private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (buffer.baseAddress! + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func reserve(_ extra: Int) {
        guard count + extra > buffer.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(buffer.count * 2, count + extra))
        grown.baseAddress!.initialize(from: buffer.baseAddress!, count: count)
        buffer.deallocate()
        buffer = grown
    }
}

/// Text as a JSON string: quoted, `"` and `\` escaped, control characters as `\n`, `\t` or `\u00XX`.
enum JSONString {
    /// The most bytes `write` can write for `count` bytes of text.
    static func maxLength(_ count: Int) -> Int { count * 6 + 2 }

    /// Writes `utf8` quoted and escaped at `output`, which has room for `maxLength(utf8.count)`
    /// bytes; returns how many it wrote.
    static func write(_ utf8: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        output[0] = UInt8(ascii: "\"")
        // Most text needs no escape: the bytes up to the first that does are copied at once.
        var plain = 0
        while plain < utf8.count, !needsEscape(utf8[plain]) { plain += 1 }
        if plain > 0 { (output + 1).initialize(from: utf8.baseAddress!, count: plain) }
        var written = 1 + plain
        for byte in utf8[plain...] {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output[written] = UInt8(ascii: "\\")
                output[written + 1] = byte
                written += 2
            case UInt8(ascii: "\n"), UInt8(ascii: "\t"):
                output[written] = UInt8(ascii: "\\")
                output[written + 1] = byte == UInt8(ascii: "\n") ? UInt8(ascii: "n") : UInt8(ascii: "t")
                written += 2
            case 0..<0x20:
                output[written] = UInt8(ascii: "\\")
                output[written + 1] = UInt8(ascii: "u")
                output[written + 2] = UInt8(ascii: "0")
                output[written + 3] = UInt8(ascii: "0")
                output[written + 4] = hexDigits[Int(byte >> 4)]
                output[written + 5] = hexDigits[Int(byte & 0xF)]
                written += 6
            default:
                output[written] = byte
                written += 1
            }
        }
        output[written] = UInt8(ascii: "\"")
        return written + 1
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Text as a JSON string's bytes.
    static func quoted(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { utf8 in
            [UInt8](unsafeUninitializedCapacity: maxLength(utf8.count)) { output, initialized in
                initialized = write(utf8, to: output.baseAddress!)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// The fields as swift-log metadata, for a handler other than the server's own.
struct LogMetadataWriter: LogFieldWriter {
    private(set) var fields: Logger.Metadata = [:]

    mutating func append(_ key: LogKey, _ value: LogValue?) {
        if let value { fields[key.name] = value.metadataValue }
    }
}
