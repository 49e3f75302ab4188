import Foundation
import IVRLanguageServerProtocol
import Testing

/// Each type decodes the JSON the LSP 3.17 specification shows for it, and encodes to the
/// same members (compared as JSON objects, so member order does not matter).
@Suite struct SpecificationJSONTests {
    static func json(_ text: String) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
    }

    static func encoded(_ value: some Encodable) throws -> NSDictionary {
        try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as? NSDictionary)
    }

    @Test func diagnosticWithEveryMemberWeSend() throws {
        let specification = """
            {"range": {"start": {"line": 4, "character": 2}, "end": {"line": 4, "character": 9}},
             "severity": 2, "code": "unreachable-code", "codeDescription": {"href": "https://example.com/rules#unreachable-code"},
             "source": "ivrc", "message": "never runs", "tags": [1],
             "relatedInformation": [{"location": {"uri": "file:///w/a.ivr",
                 "range": {"start": {"line": 3, "character": 4}, "end": {"line": 3, "character": 10}}},
                 "message": "the step ends here"}]}
            """
        let decoded = try JSONDecoder().decode(LSPDiagnostic.self, from: Data(specification.utf8))
        #expect(decoded.severity == .warning)
        #expect(decoded.tags == [.unnecessary])
        #expect(decoded.relatedInformation?.first?.location.range.start == Position(line: 3, character: 4))
        #expect(try Self.encoded(decoded) == Self.json(specification))
    }

    @Test func publishDiagnosticsOmitsAbsentMembers() throws {
        let params = PublishDiagnosticsParams(uri: "file:///w/a.ivr", version: nil, diagnostics: [
            LSPDiagnostic(range: Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 1)),
                          severity: .error, code: "syntax", source: "ivrc", message: "m"),
        ])
        #expect(try Self.encoded(params) == Self.json("""
            {"uri": "file:///w/a.ivr", "diagnostics": [{"range": {"start": {"line": 0, "character": 0},
             "end": {"line": 0, "character": 1}}, "severity": 1, "code": "syntax", "source": "ivrc", "message": "m"}]}
            """))
    }

    @Test func initializeParamsFromVSCodeAndNeovim() throws {
        let vscode = """
            {"processId": 1234, "clientInfo": {"name": "Visual Studio Code", "version": "1.95.0"},
             "rootUri": "file:///home/designer/flows", "rootPath": "/home/designer/flows",
             "capabilities": {"general": {"positionEncodings": ["utf-16"]}, "textDocument": {"publishDiagnostics": {"relatedInformation": true}}},
             "initializationOptions": {"env": "staging"}, "trace": "off",
             "workspaceFolders": [{"uri": "file:///home/designer/flows", "name": "flows"}]}
            """
        let params = try JSONDecoder().decode(InitializeParams.self, from: Data(vscode.utf8))
        #expect(params.capabilities.general?.positionEncodings == ["utf-16"])
        #expect(params.initializationOptions?["env"]?.stringValue == "staging")
        #expect(params.workspaceFolders?.first?.uri == "file:///home/designer/flows")
        // Neovim 0.7 sends neither `general` nor workspace folders' names; rootUri may be null.
        let neovim = #"{"processId": null, "rootUri": null, "capabilities": {"textDocument": {}}}"#
        let minimal = try JSONDecoder().decode(InitializeParams.self, from: Data(neovim.utf8))
        #expect(minimal.rootUri == nil && minimal.capabilities.general == nil)
    }

    @Test func initializeResultAdvertisesPushDiagnosticsOnly() throws {
        let result = try Self.encoded(InitializeResult(capabilities: ServerCapabilities(positionEncoding: .utf32, commands: ["ivrc.runTest"]),
                                                        serverName: "ivrc", version: "0.1.0"))
        let capabilities = try #require(result["capabilities"] as? NSDictionary)
        #expect(capabilities["positionEncoding"] as? String == "utf-32")
        #expect(capabilities["diagnosticProvider"] == nil)
        #expect(capabilities["textDocumentSync"] as? NSDictionary == ["openClose": true, "change": 1, "save": true])
        #expect(result["serverInfo"] as? NSDictionary == ["name": "ivrc", "version": "0.1.0"])
    }

    @Test func textDocumentNotifications() throws {
        let open = try JSONDecoder().decode(DidOpenTextDocumentParams.self, from: Data("""
            {"textDocument": {"uri": "file:///w/a.ivr", "languageId": "ivr", "version": 1, "text": "flow a\\n"}}
            """.utf8))
        #expect(open.textDocument.text == "flow a\n")
        let change = try JSONDecoder().decode(DidChangeTextDocumentParams.self, from: Data("""
            {"textDocument": {"uri": "file:///w/a.ivr", "version": 2}, "contentChanges": [{"text": "flow b\\n"}]}
            """.utf8))
        #expect(change.textDocument.version == 2 && change.contentChanges.map(\.text) == ["flow b\n"])
    }

    @Test func navigationAndEditingShapes() throws {
        let rename = try JSONDecoder().decode(RenameParams.self, from: Data("""
            {"textDocument": {"uri": "file:///w/a.ivr"}, "position": {"line": 3, "character": 7}, "newName": "desk"}
            """.utf8))
        #expect(rename.newName == "desk")
        let references = try JSONDecoder().decode(ReferenceParams.self, from: Data("""
            {"textDocument": {"uri": "file:///w/a.ivr"}, "position": {"line": 1, "character": 2}, "context": {"includeDeclaration": true}}
            """.utf8))
        #expect(references.context.includeDeclaration)
        let edit = WorkspaceEdit(changes: ["file:///w/a.ivr": [TextEdit(range: Range(start: Position(line: 1, character: 2),
                                                                                     end: Position(line: 1, character: 6)), newText: "desk")]])
        #expect(try Self.encoded(edit) == Self.json("""
            {"changes": {"file:///w/a.ivr": [{"range": {"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 6}}, "newText": "desk"}]}}
            """))
        #expect(try Self.encoded(FoldingRange(startLine: 2, endLine: 5)) == Self.json(#"{"startLine": 2, "endLine": 5}"#))
        #expect(try Self.encoded(Hover(markdown: "**x**", range: nil)) == Self.json(#"{"contents": {"kind": "markdown", "value": "**x**"}}"#))
        let symbol = DocumentSymbol(name: "welcome", detail: "step", kind: .function,
                                    range: Range(start: Position(line: 1, character: 2), end: Position(line: 3, character: 0)),
                                    selectionRange: Range(start: Position(line: 1, character: 7), end: Position(line: 1, character: 14)))
        #expect(try Self.encoded(symbol)["kind"] as? Int == 12)
        #expect(try Self.encoded(CompletionItem(label: "goto", kind: .keyword)) == Self.json(#"{"label": "goto", "kind": 14}"#))
    }

    @Test func codeLensAndExecuteCommandShapes() throws {
        let params = try JSONDecoder().decode(CodeLensParams.self, from: Data(#"{"textDocument": {"uri": "file:///w/a.ivr"}}"#.utf8))
        #expect(params.textDocument.uri == "file:///w/a.ivr")
        let lens = """
            {"range": {"start": {"line": 11, "character": 2}, "end": {"line": 11, "character": 25}},
             "command": {"title": "▶ run test", "command": "ivrc.runTest", "arguments": ["file:///w/a.ivr", "reaches the desk"]}}
            """
        let decoded = try JSONDecoder().decode(CodeLens.self, from: Data(lens.utf8))
        #expect(decoded.command?.arguments == [.string("file:///w/a.ivr"), .string("reaches the desk")])
        #expect(try Self.encoded(decoded) == Self.json(lens))
        // A command without arguments leaves the member out, as `arguments?: LSPAny[]` allows.
        #expect(try Self.encoded(Command(title: "t", command: "c")) == Self.json(#"{"title": "t", "command": "c"}"#))
        let execute = try JSONDecoder().decode(ExecuteCommandParams.self, from: Data("""
            {"command": "ivrc.runTest", "arguments": ["file:///w/a.ivr", "reaches the desk"], "workDoneToken": "w1"}
            """.utf8))
        #expect(execute.command == "ivrc.runTest" && execute.arguments?.count == 2)
        let bare = try JSONDecoder().decode(ExecuteCommandParams.self, from: Data(#"{"command": "ivrc.runTests"}"#.utf8))
        #expect(bare.arguments == nil)
        let capabilities = try #require(try Self.encoded(InitializeResult(
            capabilities: ServerCapabilities(positionEncoding: .utf16, commands: ["ivrc.runTest", "ivrc.runTests"]),
            serverName: "ivrc", version: "0.1.0"))["capabilities"] as? NSDictionary)
        #expect(capabilities["codeLensProvider"] as? NSDictionary == ["resolveProvider": false])
        #expect(capabilities["executeCommandProvider"] as? NSDictionary == ["commands": ["ivrc.runTest", "ivrc.runTests"]])
        #expect(try Self.encoded(LogMessageParams(type: 3, message: "ok")) == Self.json(#"{"type": 3, "message": "ok"}"#))
    }
}
