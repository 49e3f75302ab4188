import Foundation
import IVRLanguageServerProtocol
import Testing

@Suite struct LifecycleTests {
    @Test func aRequestBeforeInitializeIsRefused() throws {
        let harness = try ServerHarness()
        #expect(harness.request("textDocument/hover", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                        "position": ["line": 0, "character": 0]]).errorCode == -32002)
        #expect(harness.request("shutdown").errorCode == -32002)
    }

    @Test func initializeNegotiatesTheEncodingAndAdvertisesNoPullDiagnostics() throws {
        let harness = try ServerHarness()
        let response = harness.request("initialize", ["processId": NSNull(), "rootUri": NSNull(),
                                                      "capabilities": ["general": ["positionEncodings": ["utf-32", "utf-16"]]]])
        let capabilities = try #require((response["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        #expect(capabilities["positionEncoding"] as? String == "utf-32")
        #expect(capabilities["diagnosticProvider"] == nil)
        #expect(harness.request("initialize", ["capabilities": [:]]).errorCode == -32600)

        let defaulted = try ServerHarness()
        let result = defaulted.request("initialize", ["processId": 1, "rootUri": NSNull(), "capabilities": [:]])["result"]
        #expect(((result as? [String: Any])?["capabilities"] as? [String: Any])?["positionEncoding"] as? String == "utf-16")
    }

    @Test func unknownMethodsMalformedMessagesAndBadParameters() throws {
        let harness = try ServerHarness()
        harness.initialize()
        #expect(harness.request("textDocument/semanticTokens/full", ["textDocument": ["uri": harness.uri("a.ivr")]]).errorCode == -32601)
        harness.sendRaw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\"")
        #expect(harness.collector.messages.last?.errorCode == -32700)
        #expect(harness.request("textDocument/hover", ["textDocument": 3]).errorCode == -32602)
        // A document the server never saw.
        #expect(harness.request("textDocument/formatting", ["textDocument": ["uri": harness.uri("nowhere.ivr")],
                                                             "options": ["tabSize": 2, "insertSpaces": true]]).errorCode == -32803)
        #expect(harness.exited == nil)
    }

    @Test func shutdownThenExitEndsCleanly() throws {
        let harness = try ServerHarness()
        harness.initialize()
        let response = harness.request("shutdown")
        #expect(response.keys.contains("result") && response["result"] is NSNull)
        #expect(harness.request("textDocument/hover", [:]).errorCode == -32600)
        harness.notify("exit", [String: Any]())
        #expect(harness.exited == 0)
    }

    @Test func exitWithoutShutdownIsAnError() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.notify("exit", [String: Any]())
        #expect(harness.exited == 1)
    }

    @Test func aCancelledRequestIsAnsweredAsCancelled() throws {
        let harness = try ServerHarness()
        harness.initialize()
        harness.open("a.ivr", Flows.line("a", number: "+1-800-555-0157"))
        // Both frames are read before the queue handles the request, as when the client cancels at once.
        let request = #"{"jsonrpc":"2.0","id":"slow","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"\#(harness.uri("a.ivr"))"}}}"#
        let cancel = #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"slow"}}"#
        harness.server.holdingMessages {
            harness.server.receive(.body(Data(request.utf8)))
            harness.server.receive(.body(Data(cancel.utf8)))
        }
        harness.server.settle()
        let answer = harness.collector.messages.last { $0["id"] as? String == "slow" }
        #expect(answer?.errorCode == -32800)
    }
}
