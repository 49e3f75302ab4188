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
        var bytes = allocator.buffer(capacity: 256 + (withBody ? answer.body.readableBytes : 0))
        switch (version.major, version.minor) {
        case (1, 1): bytes.writeStaticString("HTTP/1.1 ")
        case (1, 0): bytes.writeStaticString("HTTP/1.0 ")
        default: bytes.writeString("HTTP/\(version.major).\(version.minor) ")
        }
        let status = HTTPResponseStatus(statusCode: answer.status.code)
        bytes.writeString(String(status.code))
        bytes.writeStaticString(" ")
        bytes.writeString(status.reasonPhrase)
        bytes.writeStaticString("\r\n")
        // The framing fields are this function's to write.
        for field in answer.headers where field.name != .contentLength && field.name != .date && field.name != .connection {
            bytes.writeString(field.name.rawName)
            bytes.writeStaticString(": ")
            bytes.writeString(field.value)
            bytes.writeStaticString("\r\n")
        }
        bytes.writeStaticString("content-length: ")
        bytes.writeString(String(answer.body.readableBytes))
        bytes.writeStaticString("\r\ndate: ")
        bytes.writeString(HTTPDate.now)
        if close {
            bytes.writeStaticString("\r\nconnection: close")
        } else if version == .http1_0 {
            bytes.writeStaticString("\r\nconnection: keep-alive")
        }
        bytes.writeStaticString("\r\n\r\n")
        if withBody {
            var body = answer.body
            bytes.writeBuffer(&body)
        }
        return bytes
    }
}
