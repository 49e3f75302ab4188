import ArgumentParser
import Foundation
import IVRCheck
import IVRLang
import IVRReport
import IVRRuntime
import TeXMLImport

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule or diagnostic id, with an example that is reported and one that is not; `statements` lists the language's statements."
    )

    @Argument(help: "A rule id such as recording-disclosure, a diagnostic id such as unknown-option, or `statements`; none lists every id.")
    var id: String?

    func run() throws {
        try reportingFailures {
            let catalogue = EveryDiagnostic.all
            guard let id else {
                FileHandle.standardOutput.write(Data(StatementDocumentation.index(catalogue).utf8))
                return ExitStatus.clean
            }
            if id == "statements" {
                FileHandle.standardOutput.write(Data(StatementDocumentation.statements().utf8))
                return ExitStatus.clean
            }
            if catalogue.first(where: { $0.id == id }) == nil, StatementKeyword(rawValue: id) != nil {
                throw UsageFailure("`\(id)` is a statement, not a rule or diagnostic: `ivrc explain statements` describes every statement (`ivrc rules` lists the rules)")
            }
            guard let description = catalogue.first(where: { $0.id == id }) else {
                let ids = catalogue.map(\.id) + ["statements"]
                let hint = Spelling.nearest(id, in: ids).map { "; did you mean `\($0)`?" } ?? ""
                throw UsageFailure("no rule or diagnostic is named `\(id)`\(hint) (`ivrc rules` lists the rules)")
            }
            var run: ExampleRun.Outcome?
            if let example = description.reported.first {
                do { run = try ExampleRun.run(example, of: description.id) } catch { throw UsageFailure("\(error)") }
            }
            FileHandle.standardOutput.write(Data(RuleDocumentation.explain(description, run: run).utf8))
            return ExitStatus.clean
        }
    }
}
