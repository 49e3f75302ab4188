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
        abstract: "Explain a rule or diagnostic id, with an example that is reported and one that is not."
    )

    @Argument(help: "A rule id such as recording-disclosure, or a diagnostic id such as unknown-option.")
    var id: String

    func run() throws {
        try reportingFailures {
            let known = DiagnosticCatalog.all() + TeXMLDiagnostics.all + FlowTestDiagnostics.all
            guard let description = known.first(where: { $0.id == id }) else {
                let ids = known.map(\.id)
                let hint = Spelling.nearest(id, in: ids).map { "; did you mean `\($0)`?" } ?? ""
                throw UsageFailure("no rule or diagnostic is named `\(id)`\(hint) (`ivrc rules` lists the rules)")
            }
            FileHandle.standardOutput.write(Data(RuleDocumentation.explain(description).utf8))
            return ExitStatus.clean
        }
    }
}
