import ArgumentParser
import Foundation
import IVRCheck
import IVRReport

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every check: id, severity, industries it applies to, and what it proves.",
        discussion: "`ivrc explain RULE` prints a rule's explanation with examples."
    )

    func run() throws {
        FileHandle.standardOutput.write(Data(RuleDocumentation.list(RuleCatalog.all.map(\.description)).utf8))
    }
}
