import Logging

/// The fields a handler adds to every line it writes: its metadata, then the level, logger,
/// message and time. `JSONLineWriter` merges them into the line by key: a field of the line's own
/// wins over the frame's of the same key, the metadata over the four every line has.
struct LogFrame {
    /// A field of the frame.
    enum Field {
        case metadata(Int)
        case level, logger, message, time
    }

    let metadata: [(key: LogKey, value: LogValue)]
    let level: String
    let logger: String
    let message: String
    /// The time (`LogTimestamp`) in its two parts, joined only as the line is written.
    let time: (second: String, millisecond: String)
    /// The fields in key order, one of each key: without metadata (the server's own handler) a
    /// constant, so a line's frame allocates nothing.
    let order: [Field]

    init(metadata: Logger.Metadata, level: Logger.Level, logger: String, message: String) {
        self.level = level.rawValue
        self.logger = logger
        self.message = message
        time = LogTimestamp.now
        guard !metadata.isEmpty else {
            self.metadata = []
            order = Self.everyLine
            return
        }
        let sorted = metadata.map { (key: LogKey($0.key), value: LogValue($0.value)) }.sorted { $0.key.name < $1.key.name }
        self.metadata = sorted
        var order: [Field] = []
        var fixed = Self.everyLine[...]
        for index in sorted.indices {
            let name = sorted[index].key.name
            while let next = fixed.first, Self.key(of: next).name <= name {
                if Self.key(of: next).name < name { order.append(next) }
                fixed = fixed.dropFirst()
            }
            order.append(.metadata(index))
        }
        self.order = order + fixed
    }

    func key(of field: Field) -> LogKey {
        if case .metadata(let index) = field { return metadata[index].key }
        return Self.key(of: field)
    }

    /// The four fields every line has, in key order.
    private static let everyLine: [Field] = [.level, .logger, .message, .time]

    private static func key(of field: Field) -> LogKey {
        switch field {
        case .metadata: preconditionFailure("a metadata field's key is the frame's")
        case .level: levelKey
        case .logger: loggerKey
        case .message: messageKey
        case .time: timeKey
        }
    }

    private static let levelKey = LogKey("level"), loggerKey = LogKey("logger"), messageKey = LogKey("message"),
                       timeKey = LogKey("time")
}
