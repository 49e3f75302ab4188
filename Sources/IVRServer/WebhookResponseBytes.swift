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
        case (1, 1): head.append("HTTP/1.1 ")
        case (1, 0): head.append("HTTP/1.0 ")
        default: head.append(utf8: "HTTP/\(version.major).\(version.minor) ")
        }
        let status = HTTPResponseStatus(statusCode: answer.status.code)
        head.append(utf8: String(status.code))
        head.append(UInt8(ascii: " "))
        head.append(utf8: status.reasonPhrase)
        head.append("\r\n")
        // The framing fields are this function's to write.
        for field in answer.headers where field.name != .contentLength && field.name != .date && field.name != .connection {
            head.append(utf8: field.name.rawName)
            head.append(": ")
            head.append(utf8: field.value)
            head.append("\r\n")
        }
        head.append("content-length: ")
        head.append(utf8: String(answer.body.readableBytes))
        head.append("\r\ndate: ")
        head.append(utf8: HTTPDate.now)
        if close {
            head.append("\r\nconnection: close")
        } else if version == .http1_0 {
            head.append("\r\nconnection: keep-alive")
        }
        head.append("\r\n\r\n")
        var bytes = allocator.buffer(capacity: head.count + (withBody ? answer.body.readableBytes : 0))
        bytes.writeBytes(head)
        if withBody {
            var body = answer.body
            bytes.writeBuffer(&body)
        }
        return bytes
    }
}
