import Foundation

/// The base protocol's framing: `Content-Length: N\r\n` (other headers allowed), a blank line,
/// then N bytes of JSON.
public enum MessageFraming {
    /// Larger bodies are refused (skipped, answered with an error) rather than buffered.
    public static let maxBodySize = 64 * 1024 * 1024

    public static func frame(_ body: Data) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// Splits a byte stream into message bodies. Fed bytes as they arrive; a header without a
/// usable `Content-Length` is reported and skipped up to the next `Content-Length:` so one
/// bad message does not end the session.
public struct MessageReader: Sendable {
    public enum Frame: Sendable, Equatable {
        case body(Data)
        case malformed(String)
    }

    private var buffer: [UInt8] = []
    /// Bytes of a refused (too large) body still to be thrown away.
    private var skipping = 0
    private static let headerEnd: [UInt8] = Array("\r\n\r\n".utf8)
    private static let lengthHeader: [UInt8] = Array("content-length:".utf8)

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, or nil until more bytes arrive.
    public mutating func next() -> Frame? {
        if skipping > 0 {
            let dropped = min(skipping, buffer.count)
            buffer.removeFirst(dropped)
            skipping -= dropped
            if skipping > 0 { return nil }
        }
        guard let end = Self.find(Self.headerEnd, in: buffer, from: 0) else { return nil }
        let header = String(decoding: buffer[..<end], as: UTF8.self)
        guard let length = Self.contentLength(header) else {
            buffer.removeFirst(end + Self.headerEnd.count)
            resynchronise()
            return .malformed("a message header without a valid Content-Length: \(header.debugDescription)")
        }
        guard length <= MessageFraming.maxBodySize else {
            buffer.removeFirst(end + Self.headerEnd.count)
            skipping = length
            return .malformed("a message of \(length) bytes, more than the \(MessageFraming.maxBodySize) accepted")
        }
        let bodyStart = end + Self.headerEnd.count
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Data(buffer[bodyStart..<(bodyStart + length)])
        buffer.removeFirst(bodyStart + length)
        return .body(body)
    }

    /// Drops bytes up to the next `Content-Length:` header (the body of the bad message).
    private mutating func resynchronise() {
        let lowered = buffer.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if let start = Self.find(Self.lengthHeader, in: lowered, from: 0) {
            buffer.removeFirst(start)
        } else {
            buffer.removeAll()
        }
    }

    private static func contentLength(_ header: String) -> Int? {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else { return nil }
                length = number
            }
        }
        return length
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
