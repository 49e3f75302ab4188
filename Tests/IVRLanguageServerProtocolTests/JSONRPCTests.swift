import Foundation
import IVRLanguageServerProtocol
import Testing

@Suite struct JSONRPCTests {
    @Test func requestsKeepTheirIdAsSent() throws {
        for (id, expected) in [("7", RequestID.number(7)), (#""abc""#, RequestID.string("abc"))] {
            let message = try #require(try IncomingMessage.decode(Data(#"{"jsonrpc":"2.0","id":\#(id),"method":"shutdown"}"#.utf8)).get())
            #expect(message.id == expected && message.method == "shutdown")
            let response = try OutgoingMessage.response(id: expected, result: JSONValue.null)
            #expect(String(decoding: response, as: UTF8.self) == #"{"id":\#(id),"jsonrpc":"2.0","result":null}"#)
        }
    }

    @Test func notJSONIsAParseErrorAndNotJSONRPCIsAnInvalidRequest() {
        #expect(IncomingMessage.decode(Data("{not json".utf8)).errorCode == ErrorCode.parseError.rawValue)
        #expect(IncomingMessage.decode(Data("[1,2]".utf8)).errorCode == ErrorCode.invalidRequest.rawValue)
        #expect(IncomingMessage.decode(Data(#"{"jsonrpc":"1.0","method":"x"}"#.utf8)).errorCode == ErrorCode.invalidRequest.rawValue)
    }

    @Test func wrongParametersSayWhichMember() throws {
        let message = try #require(try IncomingMessage.decode(Data(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{}}}"#.utf8)).get())
        #expect(throws: ResponseError.self) { try message.parameters(TextDocumentPositionParams.self) }
        do {
            _ = try message.parameters(TextDocumentPositionParams.self)
        } catch {
            #expect(error.code == ErrorCode.invalidParams.rawValue)
            #expect(error.message.contains("textDocument.uri"))
        }
    }

    @Test func errorResponseWithNullId() throws {
        let body = try OutgoingMessage.error(id: nil, ResponseError(.parseError, "bad"))
        #expect(String(decoding: body, as: UTF8.self) == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
    }
}

extension Result where Success == IncomingMessage?, Failure == ResponseError {
    var errorCode: Int? {
        if case .failure(let error) = self { return error.code }
        return nil
    }
}
