import IVRCheck
import IVRDiagram
import IVRFormat
import IVRLang
import TeXMLEmit

/// One fuzz input as a `.ivr` file through everything `check`, `build`, `graph` and `fmt` do
/// in memory. Any internal error is a bug and traps, so libFuzzer keeps the input.
public enum SourcePipeline {
    public static func run(_ bytes: [UInt8]) {
        let source = SourceFile(path: "fuzz.ivr", bytes: bytes)
        let result = Checker.check([source])
        _ = DiagnosticRenderer(sources: [source]).render(result.diagnostics)
        _ = DotRenderer.render(FlowDiagram(result.graph))
        if !result.hasErrors {
            do {
                _ = try Compiler.compile(result.graph)
            } catch {
                fatalError("checked clean but did not compile: \(error)")
            }
        }
        switch SourceFormatter.format(source) {
        case .formatted(let text):
            guard case .formatted(let again) = SourceFormatter.format(SourceFile(path: "fuzz.ivr", text: text)), again == text else {
                fatalError("formatting is not idempotent")
            }
        case .invalid:
            break
        case .unsafe(let reason):
            fatalError("the formatter changed the meaning: \(reason)")
        }
    }
}
