import Foundation
import Logging

/// A swift-log handler that writes each entry as one JSON object on one line (sorted keys),
/// the shape log shippers ingest without parsing rules. The sink is injectable so tests can
/// read exactly what an operator would see.
public struct JSONLogHandler: LogHandler {
    public typealias Sink = @Sendable ([UInt8]) -> Void

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let sink: Sink

    public init(label: String, sink: @escaping Sink) {
        self.label = label
        self.sink = sink
    }

    /// Writes lines through `writer` (standard output, off the requests' threads).
    public static func writing(to writer: LogWriter, label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { writer.write($0) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let eventFields = event.metadata ?? [:]
        var fields: [(key: LogKey, value: LogValue)] = []
        fields.reserveCapacity(eventFields.count + metadata.count + 4)
        fields.append(contentsOf: eventFields.lazy.map { (key: LogKey($0.key), value: LogValue($0.value)) })
        write(level: event.level, message: event.message.description, fields: &fields)
    }

    /// Writes one line of `fields` when `level` is logged: what `log(event:)` writes for metadata
    /// of these fields, without swift-log's metadata dictionary and its values (`RequestLog`
    /// writes every request's line this way).
    func log(level: Logger.Level, message: String, fields: inout [(key: LogKey, value: LogValue)]) {
        if logLevel <= level { write(level: level, message: message, fields: &fields) }
    }

    /// The line's own fields over the handler's metadata over the time, level, logger and
    /// message: all gathered in one array in that order and sorted once by key, the first of
    /// each key written (a merged dictionary hashed every key twice more; looking each key up in
    /// those before it cost more than the sort). `fields` is grown in place.
    private func write(level: Logger.Level, message: String, fields: inout [(key: LogKey, value: LogValue)]) {
        for (key, value) in metadata { fields.append((LogKey(key), LogValue(value))) }
        fields.append((Self.timeKey, .string(LogTimestamp.now)))
        fields.append((Self.levelKey, .string(level.rawValue)))
        fields.append((Self.loggerKey, .string(label)))
        fields.append((Self.messageKey, .string(message)))
        sink(Self.line(fields))
    }

    private static let timeKey = LogKey("time"), levelKey = LogKey("level"), loggerKey = LogKey("logger"),
                       messageKey = LogKey("message")

    /// One JSON object with its keys in byte order, written by hand: Foundation's encoder keeps
    /// no key order on Linux and sorts with the locale's collation (slower than the request).
    /// Of fields with the same key, the first is written.
    static func line(_ fields: [(key: LogKey, value: LogValue)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        bytes.append(UInt8(ascii: "{"))
        // By key, then by place: the sort alone does not promise to keep equal keys in order.
        let order = fields.indices.sorted {
            fields[$0].key.name == fields[$1].key.name ? $0 < $1 : fields[$0].key.name < fields[$1].key.name
        }
        var previous: String?
        for position in order where fields[position].key.name != previous {
            if previous != nil { bytes.append(UInt8(ascii: ",")) }
            previous = fields[position].key.name
            bytes.append(contentsOf: fields[position].key.json)
            switch fields[position].value {
            case .string(let text): appendString(text, to: &bytes)
            case .literal(let text): bytes.append(contentsOf: text.utf8)
            }
        }
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most values need no escape: copied whole, in one pass over contiguous bytes (a short
        // string's included, which `withContiguousStorageIfAvailable` does not give).
        var text = text
        let copied = text.withUTF8 { utf8 in
            guard !utf8.contains(where: Self.needsEscape) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if copied { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
            default: bytes.append(byte)
            }
        }
    }
}
