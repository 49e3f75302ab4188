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
        var fields: [(key: String, value: LogValue)] = []
        fields.reserveCapacity(eventFields.count + metadata.count + 4)
        fields.append(contentsOf: eventFields.lazy.map { (key: $0.key, value: LogValue($0.value)) })
        write(level: event.level, message: event.message.description, fields: &fields)
    }

    /// Writes one line of `fields` when `level` is logged: what `log(event:)` writes for metadata
    /// of these fields, without swift-log's metadata dictionary and its values (`RequestLog`
    /// writes every request's line this way).
    func log(level: Logger.Level, message: String, fields: inout [(key: String, value: LogValue)]) {
        if logLevel <= level { write(level: level, message: message, fields: &fields) }
    }

    /// The line's own fields over the handler's metadata over the time, level, logger and
    /// message, gathered in an array and sorted once: a merged dictionary hashed every key twice
    /// more. `fields` is grown in place.
    private func write(level: Logger.Level, message: String, fields: inout [(key: String, value: LogValue)]) {
        var keys = fields.map(\.key)
        for (key, value) in metadata where !keys.contains(key) {
            fields.append((key, LogValue(value)))
            keys.append(key)
        }
        let own: [(key: String, value: LogValue)] = [
            ("time", .string(LogTimestamp.now)), ("level", .string(level.rawValue)),
            ("logger", .string(label)), ("message", .string(message)),
        ]
        for field in own where !keys.contains(field.key) {
            fields.append(field)
            keys.append(field.key)
        }
        sink(Self.line(fields, keys: keys))
    }

    /// One JSON object with its keys in byte order, written by hand: Foundation's encoder keeps
    /// no key order on Linux and sorts with the locale's collation (slower than the request).
    /// `keys` are the fields' keys, in their order.
    static func line(_ fields: [(key: String, value: LogValue)], keys: [String]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(512)
        for (index, position) in keys.indices.sorted(by: { keys[$0] < keys[$1] }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(keys[position], to: &bytes)
            bytes.append(UInt8(ascii: ":"))
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

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
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
