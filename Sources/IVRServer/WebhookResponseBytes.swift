import HTTPTypes
import NIOCore
import NIOHTTP1

/// A webhook answer as HTTP/1 bytes, status line, headers and body in one buffer, written to the
/// socket in one go. The bytes are those NIO's response encoder wrote for the same answer (its
/// reason phrases, the answer's fields in order, then `content-length`, `date` and `connection`).
/// The answer's fields need no check here: `HTTPFields` holds only legal names, and values with
/// line breaks or NULs already turned into spaces.
enum WebhookResponseBytes {
    static func encode(_ answer: WebhookAnswer, version: HTTPVersion, withBody: Bool, close: Bool,
                       allocator: ByteBufferAllocator) -> ByteBuffer {
        // The head gathered in an array and copied into the buffer once: a `ByteBuffer` write
        // checks its storage's uniqueness and exclusive access each time, which cost more than the
        // bytes of the eighteen short pieces a head is made of.
        var head: [UInt8] = []
        head.reserveCapacity(256)
        switch (version.major, version.minor) {
        case (1, 1): head.append(contentsOf: "HTTP/1.1 ".utf8)
        case (1, 0): head.append(contentsOf: "HTTP/1.0 ".utf8)
        default: head.append(contentsOf: "HTTP/\(version.major).\(version.minor) ".utf8)
        }
        let status = HTTPResponseStatus(statusCode: answer.status.code)
        head.append(contentsOf: String(status.code).utf8)
        head.append(UInt8(ascii: " "))
        head.append(contentsOf: status.reasonPhrase.utf8)
        head.append(contentsOf: "\r\n".utf8)
        // The framing fields are this function's to write.
        for field in answer.headers where field.name != .contentLength && field.name != .date && field.name != .connection {
            head.append(contentsOf: field.name.rawName.utf8)
            head.append(contentsOf: ": ".utf8)
            head.append(contentsOf: field.value.utf8)
            head.append(contentsOf: "\r\n".utf8)
        }
        head.append(contentsOf: "content-length: ".utf8)
        head.append(contentsOf: String(answer.body.readableBytes).utf8)
        head.append(contentsOf: "\r\ndate: ".utf8)
        head.append(contentsOf: HTTPDate.now.utf8)
        if close {
            head.append(contentsOf: "\r\nconnection: close".utf8)
        } else if version == .http1_0 {
            head.append(contentsOf: "\r\nconnection: keep-alive".utf8)
        }
        head.append(contentsOf: "\r\n\r\n".utf8)
        var bytes = allocator.buffer(capacity: head.count + (withBody ? answer.body.readableBytes : 0))
        bytes.writeBytes(head)
        if withBody {
            var body = answer.body
            bytes.writeBuffer(&body)
        }
        return bytes
    }
}
