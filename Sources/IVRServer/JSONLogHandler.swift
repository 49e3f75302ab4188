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

    /// UTC, milliseconds: `2026-11-27T10:41:46.123Z`.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public func log(event: LogEvent) {
        // The event's metadata over the handler's over the line's own fields, inserted one by
        // one: `merge` went through a lazy map costing more than the line's bytes.
        var fields = event.metadata ?? [:]
        fields.reserveCapacity(fields.count + metadata.count + 4)
        for (key, value) in metadata where fields[key] == nil { fields[key] = value }
        let own: [(String, Logger.Metadata.Value)] = [
            ("time", .string(Self.timeFormat.format(Date()))), ("level", .string(event.level.rawValue)),
            ("logger", .string(label)), ("message", .string(event.message.description)),
        ]
        for (key, value) in own where fields[key] == nil { fields[key] = value }
        sink(Self.line(fields))
    }

    /// One JSON object with its keys in byte order, written by hand: Foundation's encoder keeps
    /// no key order on Linux and sorts with the locale's collation (slower than the request).
    /// A value logged as a number or a Bool (`.stringConvertible(200)`, `.stringConvertible(true)`) is
    /// a JSON number or boolean; the rest strings.
    static func line(_ fields: [String: Logger.Metadata.Value]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(512)
        for (index, (key, value)) in fields.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            switch value {
            case .string(let text):
                appendString(text, to: &bytes)
            case .stringConvertible(let number as Int):
                bytes.append(contentsOf: number.description.utf8)
            case .stringConvertible(let number as Double) where number.isFinite:
                bytes.append(contentsOf: number.description.utf8)
            case .stringConvertible(let flag as Bool):
                bytes.append(contentsOf: flag.description.utf8)
            default:
                appendString(value.description, to: &bytes)
            }
        }
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
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
        bytes.append(UInt8(ascii: "\""))
    }
}
