import ArgumentParser
import IVRCheck
import IVRLang

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and check flows; print every problem found.",
        discussion: "All flows named are checked together (numbers, dial cycles across flows)."
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr).")
    var paths: [String]

    @OptionGroup var output: OutputOptions

    @OptionGroup var environment: EnvironmentOptions

    func run() throws {
        try reportingFailures {
            let sources = try InputFiles.load(paths)
            let values = try environment.load()
            let result = Checker.check(sources, environment: values)
            output.emit(result.diagnostics, sources: sources.with(values), waived: result.waived, flows: result.graph.flows.count)
            return output.status(for: result.diagnostics)
        }
    }
}
