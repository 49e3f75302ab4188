import Foundation
import IVRTestSupport
import Testing

/// `ivrc lsp` through real clients: pytest-lsp with VS Code's and Neovim 0.7's capabilities
/// (editors/lsp-tests/test_ivrc_lsp.py) and Debian's Neovim itself, headless. Both are
/// installed by scripts/setup; without them a developer's run skips, CI's never does.
@Suite struct LanguageServerClientTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let python = repositoryRoot.appendingPathComponent(".build/tools/venv/bin/python")
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static var hasPytestLSP: Bool {
        isCI || FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(
            ".build/tools/venv/lib").path) && (try? CLITests.run(python, ["-c", "import pytest_lsp"], timeout: 30).status) == 0
    }

    static var neovim: String? {
        ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test(.enabled(if: hasPytestLSP, "pytest-lsp is not installed: run scripts/setup"))
    func vscodeAndNeovimCapabilitiesThroughPytestLSP() throws {
        let executable = try #require(BuiltExecutable.ivrc)
        let arguments = [
            "-m", "pytest", "-q", "-p", "no:cacheprovider", "-o", "asyncio_default_fixture_loop_scope=function",
            "-W", "error::pytest_lsp.checks.LspSpecificationWarning",
            Repository.root.appendingPathComponent("editors/lsp-tests/test_ivrc_lsp.py").path,
        ]
        let run = try CLITests.run(Self.python, arguments, environment: ["IVRC": executable.path], timeout: 600)
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
    }

    @Test(.enabled(if: isCI || neovim != nil, "neovim is not installed: run scripts/setup"))
    func headlessNeovimShowsTheDiagnosticsWhereCheckPutsThem() throws {
        let executable = try #require(BuiltExecutable.ivrc)
        let nvim = try #require(Self.neovim, "neovim is not installed")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-nvim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let flow = folder.appendingPathComponent("front.ivr")
        try Data("flow front\n  number +1-800-555-0157\n  industry general\n\n  step welcome\n    say \"😀 é\" volumee=2\n".utf8)
            .write(to: flow)
        let out = folder.appendingPathComponent("diagnostics.txt")
        let run = try CLITests.run(URL(fileURLWithPath: nvim), [
            "--headless", "--clean", "-c", "luafile " + Repository.root.appendingPathComponent("editors/lsp-tests/neovim_smoke.lua").path,
        ], environment: ["IVRC": executable.path, "IVRC_FLOW": flow.path, "IVRC_OUT": out.path, "HOME": folder.path], timeout: 60)
        let shown = (try? String(contentsOf: out, encoding: .utf8)) ?? ""
        #expect(run.status == 0, "\(run.stderr)")
        // Neovim counts bytes: `    say "😀 é" ` is 18 bytes (the emoji four, the accent two).
        #expect(shown.split(separator: "\n").contains { $0.hasPrefix("5:18 ") }, "\(shown)")
    }
}
