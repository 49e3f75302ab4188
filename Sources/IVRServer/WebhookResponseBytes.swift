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
        let status = HTTPResponseStatus(statusCode: answer.status.code)
        let reason = status.reasonPhrase, date = HTTPDate.now
        // The framing fields are this function's to write.
        func isWritten(_ field: HTTPField) -> Bool { field.name != .contentLength && field.name != .date && field.name != .connection }
        // Room for the head, counted generously: the status line and the framing fields are
        // short, and the answer's fields are counted byte by byte.
        var headRoom = 128 + 3 * ByteCursor.maxDecimalLength + reason.utf8.count + date.utf8.count
        for field in answer.headers where isWritten(field) { headRoom += field.name.rawName.utf8.count + field.value.utf8.count + 4 }
        var bytes = allocator.buffer(capacity: headRoom + (withBody ? answer.body.readableBytes : 0))
        bytes.writeWithUnsafeMutableBytes(minimumWritableBytes: headRoom) { memory in
            var head = ByteCursor(memory)
            switch (version.major, version.minor) {
            case (1, 1): head.write("HTTP/1.1 ")
            case (1, 0): head.write("HTTP/1.0 ")
            default:
                head.write("HTTP/")
                head.write(decimal: version.major)
                head.write(UInt8(ascii: "."))
                head.write(decimal: version.minor)
                head.write(UInt8(ascii: " "))
            }
            head.write(decimal: Int(status.code))
            head.write(UInt8(ascii: " "))
            head.write(utf8: reason)
            head.write("\r\n")
            for field in answer.headers where isWritten(field) {
                head.write(utf8: field.name.rawName)
                head.write(": ")
                head.write(utf8: field.value)
                head.write("\r\n")
            }
            head.write("content-length: ")
            head.write(decimal: answer.body.readableBytes)
            head.write("\r\ndate: ")
            head.write(utf8: date)
            if close {
                head.write("\r\nconnection: close")
            } else if version == .http1_0 {
                head.write("\r\nconnection: keep-alive")
            }
            head.write("\r\n\r\n")
            return head.written
        }
        if withBody {
            var body = answer.body
            bytes.writeBuffer(&body)
        }
        return bytes
    }
}
