import IVRCheck
import IVRLang
import IVRReport
import Testing

/// Each id's examples are its documentation (`ivrc explain` prints them) and its tests: run as
/// ivrc runs a designer's files, a reported example has a finding of that id at every `↓` and
/// nowhere else, and a not reported example has none (and no error at all: it is the fix).
@Suite struct DiagnosticExampleTests {
    static let examples: [(id: String, example: DiagnosticExample, reported: Bool)] = EveryDiagnostic.all.flatMap { entry in
        entry.reported.map { (entry.id, $0, true) } + entry.notReported.map { (entry.id, $0, false) }
    }

    @Test(arguments: examples.indices)
    func findingsAreExactlyWhereTheExampleMarksThem(index: Int) throws {
        let (id, example, reported) = Self.examples[index]
        let run = try ExampleRun.run(example, of: id)
        let found = run.findings(id).map { "\($0.span.file):\($0.span.start.line):\($0.span.start.column)" }.sorted()
        let marked = example.markers.map { "\($0.file):\($0.position.line):\($0.position.column)" }.sorted()
        let shown = DiagnosticRenderer(sources: run.files).render(run.diagnostics)
        if reported {
            #expect(!marked.isEmpty, "a reported example of \(id) marks no finding with ↓")
        } else {
            #expect(marked.isEmpty, "a not reported example of \(id) has ↓ markers")
            #expect(!run.diagnostics.contains { $0.severity == .error }, "a not reported example of \(id) has errors:\n\(shown)")
        }
        #expect(found == marked, "\(id): found at \(found), marked at \(marked):\n\(shown)")
    }

    /// Every id a `.ivr` file, a values file or a test block can produce has an example each way;
    /// the rest say why none can.
    @Test func everyIDHasExamplesOrSaysWhyItCannot() {
        let missing = EveryDiagnostic.all.filter { entry in
            entry.diagnostic.noExample == nil && (entry.reported.isEmpty || entry.notReported.isEmpty)
        }.map(\.id)
        #expect(missing.isEmpty, "ids without a reported and a not reported example: \(missing)")
        for entry in EveryDiagnostic.all where entry.diagnostic.noExample != nil {
            #expect(entry.reported.isEmpty && entry.notReported.isEmpty, "\(entry.id) has examples but says it has none")
        }
    }
}
