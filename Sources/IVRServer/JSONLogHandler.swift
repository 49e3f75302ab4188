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

    public func log(event: LogEvent) {
        var object: [String: Any] = [
            "time": ISO8601DateFormatter.string(from: Date(), timeZone: .gmt, formatOptions: [.withInternetDateTime, .withFractionalSeconds]),
            "level": event.level.rawValue,
            "logger": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = Self.json(value)
        }
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(UInt8(ascii: "\n"))
        sink([UInt8](line))
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let string): string
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let dictionary): dictionary.mapValues(json)
        }
    }
}
