import Testing

/// `ivrc help COMMAND` wraps its discussion to the terminal, never at the line breaks of the
/// source: on a terminal wide enough, every paragraph is one line.
@Suite struct HelpTextTests {
    static let subcommands = ["check", "build", "fmt", "test", "simulate", "graph", "validate", "import", "new", "diff",
                              "rules", "explain", "serve", "lsp", "recordings", "report", "store"]

    @Test(arguments: subcommands)
    func paragraphsBreakOnlyWhereTheTerminalEnds(_ subcommand: String) throws {
        let run = try CLITests.ivrc(["help", subcommand], environment: ["COLUMNS": "2000"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let discussion = lines.drop { !$0.hasPrefix("OVERVIEW:") }.prefix { !$0.hasPrefix("USAGE:") }
        let broken = zip(discussion, discussion.dropFirst()).filter { !$0.0.isEmpty && !$0.1.isEmpty }
        #expect(broken.isEmpty, "\(subcommand): a paragraph breaks after “\(broken.first?.0 ?? "")”")
    }

    @Test func everySubcommandIsChecked() throws {
        let help = try CLITests.ivrc("--help").stdout
        let listed = help.split(separator: "\n").drop { !$0.hasPrefix("SUBCOMMANDS:") }.dropFirst()
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed.filter { $0 != "See" } == Self.subcommands)
    }
}
