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
        let frame = LogFrame(metadata: metadata, level: event.level, logger: label, message: event.message.description)
        guard let eventFields = event.metadata, !eventFields.isEmpty else { return sink(JSONLineWriter(frame: frame).finish()) }
        var fields: [(key: LogKey, value: LogValue)] = []
        fields.reserveCapacity(eventFields.count)
        fields.append(contentsOf: eventFields.lazy.map { (key: LogKey($0.key), value: LogValue($0.value)) })
        sink(Self.line(fields, over: frame))
    }

    /// Writes one line when `level` is logged, its fields given by `write` in key order: what
    /// `log(event:)` writes for metadata of these fields, without swift-log's metadata dictionary
    /// and its values (`RequestLog` writes every request's line this way).
    func log(level: Logger.Level, message: String, fields write: (inout JSONLineWriter) -> Void) {
        guard logLevel <= level else { return }
        var line = JSONLineWriter(frame: LogFrame(metadata: metadata, level: level, logger: label, message: message))
        write(&line)
        sink(line.finish())
    }

    /// One JSON object of `fields` over `frame` (fields in any order, the first of each key
    /// written), its keys in byte order, written by hand: Foundation's encoder keeps no key
    /// order on Linux and sorts with the locale's collation (slower than the request).
    private static func line(_ fields: [(key: LogKey, value: LogValue)], over frame: LogFrame) -> [UInt8] {
        var line = JSONLineWriter(frame: frame)
        for (key, value) in inKeyOrder(fields) { line.append(key, value) }
        return line.finish()
    }

    /// `fields` sorted by key, the first of each key kept.
    private static func inKeyOrder(_ fields: [(key: LogKey, value: LogValue)]) -> [(key: LogKey, value: LogValue)] {
        // By key, then by place: the sort alone does not promise to keep equal keys in order.
        let order = fields.indices.sorted {
            fields[$0].key.name == fields[$1].key.name ? $0 < $1 : fields[$0].key.name < fields[$1].key.name
        }
        var kept: [(key: LogKey, value: LogValue)] = []
        kept.reserveCapacity(order.count)
        for position in order where kept.last?.key.name != fields[position].key.name { kept.append(fields[position]) }
        return kept
    }
}
