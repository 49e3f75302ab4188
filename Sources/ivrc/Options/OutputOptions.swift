import ArgumentParser
import Foundation
import IVRCheck
import IVRLang
import TeXMLEmit
import IVRReport
import IVRRuntime
import TeXMLImport

extension ReportFormat: ExpressibleByArgument {}

/// How diagnostics are shown, shared by every command that reports them.
struct OutputOptions: ParsableArguments {
    @Option(help: "How to print diagnostics: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: ReportFormat = .text

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    static var colored: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Prints `diagnostics` to stdout in the chosen format; under `--strict` warnings print
    /// (and count) as errors, so every format agrees with the exit status. SARIF also lists
    /// what waivers silenced, as suppressed results.
    /// `flows`: how many flows were checked, for the text summary; `tests`: each test's result,
    /// which JSON lists.
    func emit(_ diagnostics: [Diagnostic], sources: [SourceFile], waived allWaived: [WaivedDiagnostic] = [], flows: Int? = nil,
              tests: [TestResult]? = nil) {
        let all = reported(diagnostics)
        let shown = Array(all.prefix(DiagnosticLimit.shown))
        let waived = Array(allWaived.prefix(DiagnosticLimit.shown))
        let text: String = switch format {
        case .text:
            TextReport(sources: sources, colored: Self.colored).render(shown, flows: flows)
        case .json:
            JSONReport(toolVersion: CompilerVersion.string).render(shown, tests: tests)
        case .sarif:
            SARIFReport(rules: EveryDiagnostic.all, toolVersion: CompilerVersion.string).render(shown, waived: waived)
        case .github:
            GitHubAnnotations.render(shown)
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        DiagnosticLimit.noteHidden(all.count - shown.count + allWaived.count - waived.count, of: all)
    }

    func status(for diagnostics: [Diagnostic]) -> Int32 {
        reported(diagnostics).contains { $0.severity == .error } ? ExitStatus.diagnostics : ExitStatus.clean
    }

    private func reported(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard strict else { return diagnostics }
        return diagnostics.map {
            $0.with(severity: .error)
        }
    }
}
