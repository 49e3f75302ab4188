import Foundation
import IVRLanguageServerProtocol
import Testing

@Suite struct MessageReaderTests {
    static func framed(_ text: String) -> [UInt8] { Array(MessageFraming.frame(Data(text.utf8))) }

    @Test func splitsMessagesArrivingByteByByte() {
        var reader = MessageReader()
        var bodies: [String] = []
        for byte in Self.framed(#"{"a":1}"#) + Self.framed(#"{"é":"ü"}"#) {
            reader.append([byte])
            while let frame = reader.next() {
                if case .body(let body) = frame { bodies.append(String(decoding: body, as: UTF8.self)) }
            }
        }
        #expect(bodies == [#"{"a":1}"#, #"{"é":"ü"}"#])
    }

    @Test func otherHeadersAndAnyCaseAreAccepted() {
        var reader = MessageReader()
        reader.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
        #expect(reader.next() == .body(Data("{}".utf8)))
    }

    @Test func aHeaderWithoutLengthIsReportedAndTheNextMessageStillRead() {
        var reader = MessageReader()
        reader.append(Array("Content-Type: x\r\n\r\n{\"lost\":1}".utf8) + Self.framed("{}"))
        guard case .malformed(let reason) = reader.next() else { Issue.record("expected a malformed frame"); return }
        #expect(reason.contains("Content-Length"))
        #expect(reader.next() == .body(Data("{}".utf8)))
        #expect(reader.next() == nil)
    }

    @Test func aShortBodyWaitsForTheRest() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: 10\r\n\r\n{}".utf8))
        #expect(reader.next() == nil)
    }

    @Test func anOversizedBodyIsRefusedAndSkipped() {
        var reader = MessageReader()
        reader.append(Array("Content-Length: \(MessageFraming.maxBodySize + 1)\r\n\r\n".utf8))
        guard case .malformed = reader.next() else { Issue.record("expected a refusal"); return }
        #expect(reader.next() == nil)
    }
}
