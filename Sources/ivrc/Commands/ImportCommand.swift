import ArgumentParser
import Foundation
import IVRCheck
import IVRLang
import TeXMLImport
import TeXMLSchema

extension Industry: ExpressibleByArgument {}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn TeXML documents into an .ivr flow.",
        discussion: """
            One step per document, starting at the first file (or the bundle's entry). Relative \
            action and Redirect URLs between the given files become `-> STEP` and `goto`; with an \
            ivrc bundle's manifest.json, menus come back as `menu`. What the language cannot say \
            is left as a comment and reported as an `import-lossy` warning on stderr. Exit 1 when \
            a file is refused.
            """
    )

    @Argument(help: "TeXML files; the call starts at the first.")
    var files: [String]

    @Option(help: "The number the line answers on (E.164); default: the bundle manifest's.")
    var number: String?

    @Option(help: "The flow's name; default: the manifest's, else the first file's name.")
    var name: String?

    @Option(help: "The flow's industry: healthcare, fleet or general (default: not written, i.e. general).")
    var industry: Industry?

    @Option(name: .shortAndLong, help: "Write the flow here instead of to stdout.")
    var output: String?

    func run() throws {
        try reportingFailures {
            let limits = SafeXMLParser.Limits()
            let inputs = try TeXMLInputFiles.load(files.map { TeXMLInputFiles.Input(path: $0) }, limits: limits)
            let context = try TeXMLInputFiles.bundleContext(for: files)
            let options = TeXMLImporter.Options(number: number, flowName: name, industry: industry, context: context, limits: limits)
            let result = TeXMLImporter.importFlow(inputs, options: options)
            standardError(DiagnosticRenderer(sources: result.sources).render(Array(result.diagnostics.prefix(DiagnosticLimit.shown))))
            DiagnosticLimit.noteHidden(result.diagnostics.count - DiagnosticLimit.shown, of: result.diagnostics)
            if result.hasErrors { return ExitStatus.diagnostics }
            if let output {
                do {
                    try Data(result.source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
                } catch {
                    throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
                }
            } else {
                FileHandle.standardOutput.write(Data(result.source.utf8))
            }
            return ExitStatus.clean
        }
    }
}
