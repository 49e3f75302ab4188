import Foundation
import Logging
import Synchronization

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

    /// Writes lines to standard output, whole lines at a time across threads.
    public static func standardOutput(label: String) -> JSONLogHandler {
        let output = Mutex(FileHandle.standardOutput)
        return JSONLogHandler(label: label) { bytes in
            output.withLock { $0.write(Data(bytes)) }
        }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// UTC, milliseconds: `2026-11-27T10:41:46.123Z`.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public func log(event: LogEvent) {
        var fields = [
            "time": Self.timeFormat.format(Date()),
            "level": event.level.rawValue,
            "logger": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            fields[key] = value.description
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let line = try? encoder.encode(Line(fields: fields.sorted { $0.key < $1.key })) else { return }
        sink([UInt8](line) + [UInt8(ascii: "\n")])
    }

    /// Keys in the given (sorted) order; Foundation's own key sorting compares with the
    /// locale's collation, which cost more than the rest of a request put together.
    private struct Line: Encodable {
        let fields: [(key: String, value: String)]

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for field in fields { try container.encode(field.value, forKey: Key(stringValue: field.key)) }
        }
    }
}
