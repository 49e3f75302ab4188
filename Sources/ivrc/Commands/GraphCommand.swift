import ArgumentParser
import Foundation
import IVRCheck
import IVRDiagram
import IVRReport

extension DiagramFormat: ExpressibleByArgument {}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw the flows as a diagram (Graphviz DOT or Mermaid).",
        discussion: """
            Steps are nodes and edges are labelled with what takes the call there (a key, \
            timeout, invalid, no answer, goto). The emergency step and recording steps stand out. \
            Render DOT with `dot -Tsvg`; paste Mermaid into Markdown.
            """
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr).")
    var paths: [String]

    /// `--format` names the diagram here; errors that stop the drawing are printed as text.
    @Option(help: "dot or mermaid.")
    var format: DiagramFormat = .dot

    @OptionGroup var environment: EnvironmentOptions

    func run() throws {
        try reportingFailures {
            let sources = try InputFiles.load(paths)
            let values = try environment.load()
            let result = Checker.check(sources, environment: values)
            let errors = result.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                print(TextReport(sources: sources.with(values), colored: OutputOptions.colored).render(errors), terminator: "")
                return ExitStatus.diagnostics
            }
            var graph = result.graph
            graph.flows.sort { $0.name < $1.name }
            print(format.render(FlowDiagram(graph)), terminator: "")
            return ExitStatus.clean
        }
    }
}
