import Foundation
import IVRTestSupport
import Testing

/// The TextMate grammar in `editors/` tokenises the examples as expected
/// (`editors/test_grammar.py`, which needs python3 with the `regex` package).
@Suite struct EditorGrammarTests {
    @Test func grammarScopesTheExamples() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-B", Repository.file("editors/test_grammar.py").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.hasPrefix("grammar ok"))
    }

    @Test func vscodeExtensionUsesTheSameGrammar() throws {
        let linked = Repository.file("editors/vscode/syntaxes/ivr.tmLanguage.json")
        let grammar = Repository.file("editors/ivr.tmLanguage.json")
        #expect(try Data(contentsOf: linked) == Data(contentsOf: grammar))
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf:
            Repository.file("editors/vscode/package.json"))) as? [String: Any]
        let contributes = try #require(package?["contributes"] as? [String: Any])
        let grammars = try #require(contributes["grammars"] as? [[String: Any]])
        #expect(grammars.first?["scopeName"] as? String == "source.ivr")
    }

    /// `editors/vscode/extension.js` parses and, activated against stand-ins for the `vscode`
    /// modules (npm packages cannot be installed here), starts `ivrc lsp` with the settings.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"
                   || FileManager.default.isExecutableFile(atPath: "/usr/bin/node"), "node is not installed: run scripts/setup"))
    func vscodeExtensionStartsTheLanguageServer() throws {
        let folder = Repository.root.appendingPathComponent("editors/vscode")
        let node = URL(fileURLWithPath: "/usr/bin/env")
        let check = try CLITests.run(node, ["node", "--check", folder.appendingPathComponent("extension.js").path], timeout: 60)
        #expect(check.status == 0, "\(check.stderr)")
        let activation = try CLITests.run(node, ["node", "--test", folder.appendingPathComponent("test").path], timeout: 120)
        #expect(activation.status == 0, "\(activation.stdout)\n\(activation.stderr)")
        let package = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("package.json"))) as? [String: Any]
        #expect(package?["main"] as? String == "./extension.js")
        let settings = ((package?["contributes"] as? [String: Any])?["configuration"] as? [String: Any])?["properties"] as? [String: Any]
        #expect(settings?.keys.sorted() == ["ivrc.env", "ivrc.path"])
    }
}
