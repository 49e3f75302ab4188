import IVRCheck
import IVRLang
import IVRReport
import IVRRuntime

/// Flows checked and compiled in memory for `simulate` and `test`: the same documents and
/// routes `build` would write, without writing them. Refuses flows with errors.
struct CheckedProgram {
    let result: Checker.Result
    let program: CallProgram

    /// Nil after printing the errors (exit 1) when the flows cannot be compiled.
    static func load(_ sources: [SourceFile], output: OutputOptions, baseURL: String? = nil,
                     environment: EnvironmentValues? = nil) -> CheckedProgram? {
        let result = Checker.check(sources, environment: environment)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            output.emit(errors, sources: sources.with(environment))
            standardError("ivrc: cannot run the flows: fix the errors above first\n")
            return nil
        }
        do {
            return CheckedProgram(result: result, program: try CallProgram(compiling: result.graph, baseURL: baseURL))
        } catch {
            standardError("\(error)\n")
            return nil
        }
    }
}
