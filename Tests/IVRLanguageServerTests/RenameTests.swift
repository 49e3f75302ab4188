import Foundation
import Testing

@Suite struct RenameTests {
    static let module = """
        module greeting
          step hello
            say "Hello."
            goto bye

          step bye
            hangup

        """

    static let flow = """
        flow a
          number +1-800-555-0157
          industry general
          use greeting as g

          step welcome
            goto g.hello

          test "greets"
            expect step g.bye

        """

    @Test func definitionAndReferencesAcrossFiles() throws {
        let harness = try ServerHarness(files: ["greeting.ivr": Self.module, "a.ivr": Self.flow])
        harness.initialize()
        harness.open("a.ivr", Self.flow)
        let definition = harness.request("textDocument/definition", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                     "position": ["line": 6, "character": 12]])
        let target = try #require((definition["result"] as? [[String: Any]])?.first)
        #expect(target["uri"] as? String == harness.uri("greeting.ivr"))
        #expect(range(target) == [1, 7, 1, 12])
        let references = harness.request("textDocument/references", ["textDocument": ["uri": harness.uri("greeting.ivr")],
                                                                     "position": ["line": 5, "character": 8],
                                                                     "context": ["includeDeclaration": true]])
        let places = (references["result"] as? [[String: Any]])?.map { ($0["uri"] as? String ?? "", range($0)) }
        #expect(places?.count == 3)
        #expect(places?.contains { $0.0 == harness.uri("a.ivr") && $0.1 == [9, 18, 9, 21] } == true)
    }

    @Test func renameEditsEveryFileTestsIncluded() throws {
        let harness = try ServerHarness(files: ["greeting.ivr": Self.module, "a.ivr": Self.flow])
        harness.initialize()
        let response = harness.request("textDocument/rename", ["textDocument": ["uri": harness.uri("greeting.ivr")],
                                                               "position": ["line": 5, "character": 8], "newName": "farewell"])
        let changes = try #require((response["result"] as? [String: Any])?["changes"] as? [String: [[String: Any]]])
        #expect(changes[harness.uri("greeting.ivr")]?.map(range).sorted { $0.lexicographicallyPrecedes($1) } == [[3, 9, 3, 12], [5, 7, 5, 10]])
        #expect(changes[harness.uri("a.ivr")]?.map(range) == [[9, 18, 9, 21]])
        #expect(changes.values.joined().allSatisfy { $0["newText"] as? String == "farewell" })
    }

    @Test(arguments: ["front desk", "hello", "9lives", ""])
    func aNameThatIsNotANameOrClashesIsRefused(newName: String) throws {
        let harness = try ServerHarness(files: ["greeting.ivr": Self.module])
        harness.initialize()
        let response = harness.request("textDocument/rename", ["textDocument": ["uri": harness.uri("greeting.ivr")],
                                                               "position": ["line": 5, "character": 8], "newName": newName])
        #expect(response.errorCode == -32803)
        #expect(((response["error"] as? [String: Any])?["message"] as? String)?.contains("`\(newName)`") == true)
    }

    @Test func prepareRenameNamesTheStep() throws {
        let harness = try ServerHarness(files: ["a.ivr": Self.flow, "greeting.ivr": Self.module])
        harness.initialize()
        let response = harness.request("textDocument/prepareRename", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                      "position": ["line": 6, "character": 12]])
        #expect((response["result"] as? [String: Any])?["placeholder"] as? String == "hello")
        let nowhere = harness.request("textDocument/prepareRename", ["textDocument": ["uri": harness.uri("a.ivr")],
                                                                     "position": ["line": 1, "character": 3]])
        #expect(nowhere.errorCode == -32803)
    }
}
