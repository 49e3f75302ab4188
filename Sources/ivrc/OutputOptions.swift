import ArgumentParser
import Foundation
import IVRLang

/// How diagnostics are shown, shared by every command that reports them.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    /// Colour only for a terminal, and never when NO_COLOR is set (no-color.org).
    private var colored: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    func emit(_ diagnostics: [Diagnostic], sources: [SourceFile]) {
        let renderer = DiagnosticRenderer(sources: sources, colored: colored)
        var text = renderer.render(diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty {
            text += "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func status(for diagnostics: [Diagnostic]) -> Int32 {
        let failing = diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        return failing ? ExitStatus.diagnostics : ExitStatus.clean
    }
}
