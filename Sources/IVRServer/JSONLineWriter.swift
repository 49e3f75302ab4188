import Logging

/// Takes a log line's fields one by one, for `JSONLineWriter` or for swift-log's metadata: the
/// request line's fields are listed once (`RequestLog`) and written into either.
protocol LogFieldWriter {
    /// Fields come in byte order of their keys, each key once; a nil value writes nothing.
    mutating func append(_ key: LogKey, _ value: LogValue?)
}

/// One JSON object on one line, its keys in byte order, written as its fields come: no array of
/// them, no sort (for the request line, gathering and sorting its fields cost more than writing
/// it). The handler's own fields (`frame`: its metadata, the time, level, logger and message,
/// already in key order, one of each) are merged in where they belong; a field given here
/// wins over the frame's of the same key.
struct JSONLineWriter: LogFieldWriter {
    private var bytes: [UInt8] = []
    private let frame: [(key: LogKey, value: LogValue)]
    private var nextInFrame = 0
    private var written = 0

    init(frame: [(key: LogKey, value: LogValue)]) {
        self.frame = frame
        bytes.reserveCapacity(512)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func append(_ key: LogKey, _ value: LogValue?) {
        guard let value else { return }
        while nextInFrame < frame.count, frame[nextInFrame].key.name <= key.name {
            if frame[nextInFrame].key.name != key.name { write(frame[nextInFrame].key, frame[nextInFrame].value) }
            nextInFrame += 1
        }
        write(key, value)
    }

    /// The line, the rest of the frame written and the object closed.
    consuming func finish() -> [UInt8] {
        for (key, value) in frame[nextInFrame...] { write(key, value) }
        bytes.append(UInt8(ascii: "}"))
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    private mutating func write(_ key: LogKey, _ value: LogValue) {
        if written > 0 { bytes.append(UInt8(ascii: ",")) }
        written += 1
        bytes.append(contentsOf: key.json)
        switch value {
        case .string(let text): JSONLogHandler.appendString(text, to: &bytes)
        case .literal(let text): bytes.append(utf8: text)
        }
    }
}

/// The fields as swift-log metadata, for a handler other than the server's own.
struct LogMetadataWriter: LogFieldWriter {
    private(set) var fields: Logger.Metadata = [:]

    mutating func append(_ key: LogKey, _ value: LogValue?) {
        if let value { fields[key.name] = value.metadataValue }
    }
}
