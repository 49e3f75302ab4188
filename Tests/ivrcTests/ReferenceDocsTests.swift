import Foundation
import IVRTestSupport
import Testing

/// The reference pages in `docs/` against what they describe, so they cannot drift: the rules
/// and subcommands the built `ivrc` lists, the targets `Package.swift` declares, and every link.
@Suite struct ReferenceDocsTests {
    static func page(_ path: String) throws -> MarkdownPage {
        MarkdownPage(try String(contentsOf: Repository.file(path), encoding: .utf8))
    }

    /// `ivrc rules`' rows (after its header), as id and severity.
    @Test func rulesPageListsEveryRuleInOrderWithItsSeverity() throws {
        let run = try CLITests.ivrc("rules")
        #expect(run.status == 0)
        let listed = run.stdout.split(separator: "\n").dropFirst().map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).prefix(2).map(String.init)
        }
        let documented = try Self.page("docs/rules.md").table(under: "Every rule").map { row in
            [MarkdownPage.codeSpans(in: row[0]).joined(), String(row[1].split(separator: " ").first ?? "")]
        }
        #expect(documented == listed)
    }

    /// The SUBCOMMANDS block of `ivrc --help`: one line per subcommand, its name first.
    @Test func commandsPageListsEverySubcommand() throws {
        let run = try CLITests.ivrc("--help")
        #expect(run.status == 0)
        let block = run.stdout.components(separatedBy: "SUBCOMMANDS:\n").last ?? ""
        let listed = block.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.count >= 13, "\(run.stdout)")
        let documented = try Self.page("docs/commands.md").table(under: "Every subcommand").flatMap { row in
            MarkdownPage.codeSpans(in: row[0]).compactMap { span in
                span.hasPrefix("ivrc ") ? span.dropFirst(5).split(separator: " ").first.map(String.init) : nil
            }
        }
        #expect(Set(documented) == Set(listed))
    }

    /// Every target and plugin of `Package.swift` (test targets aside) has its row, and every row one.
    @Test func architecturePageNamesEveryModule() throws {
        let manifest = try String(contentsOf: Repository.file("Package.swift"), encoding: .utf8)
        let declared = manifest.matches(of: /\.(?:target|executableTarget|systemLibrary|plugin)\(\s*name: "([^"]+)"/)
            .map { String($0.output.1) }
        #expect(declared.count >= 20)
        let documented = try Self.page("docs/architecture.md").table(under: "Modules").flatMap { row in
            MarkdownPage.codeSpans(in: row[0]).filter { !$0.hasSuffix("/") }
        }
        #expect(Set(documented) == Set(declared))
    }

    /// Relative links between README.md and docs/ name files that exist and headings they hold.
    @Test func everyLinkBetweenPagesResolves() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Repository.file("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/\($0)" }
        #expect(docs.count >= 7)
        for path in ["README.md"] + docs {
            let folder = (path as NSString).deletingLastPathComponent
            for link in try Self.page(path).relativeLinks {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? path : (folder.isEmpty ? parts[0] : "\(folder)/\(parts[0])")
                let normalized = URL(fileURLWithPath: target, relativeTo: Repository.root).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: normalized.path), "\(path): \(link)")
                if parts.count == 2, target.hasSuffix(".md"), let page = try? String(contentsOf: normalized, encoding: .utf8) {
                    #expect(MarkdownPage(page).anchors.contains(parts[1]), "\(path): \(link)")
                }
            }
        }
    }

    /// The README's first flow is what it says: clean, its test passing.
    @Test func readmeFirstFlowChecksCleanAndItsTestPasses() throws {
        let readme = try String(contentsOf: Repository.file("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## A first flow\n").last ?? ""
        let flow = try #require(section.components(separatedBy: "```\n").dropFirst().first)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-readme-\(UUID().uuidString).ivr")
        try Data(flow.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try CLITests.ivrc("test", file.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("1 passed, 0 failed\n"), "\(run.stdout)")
    }

    /// The README keeps one sitting's worth, its two commands first; CI runs the second.
    @Test func readmeIsShortAndCIRunsItsTestCommand() throws {
        let readme = try String(contentsOf: Repository.file("README.md"), encoding: .utf8)
        #expect(readme.split(separator: "\n", omittingEmptySubsequences: false).count <= 250)
        let commands = readme.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first ?? ""
        let lines = commands.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("scripts/setup && swift build && .build/debug/ivrc check examples") == true)
        let ci = try String(contentsOf: Repository.file(".ci/run"), encoding: .utf8)
        #expect(ci.split(separator: "\n").contains { $0 == lines.last.map { Substring($0) } })
    }
}
