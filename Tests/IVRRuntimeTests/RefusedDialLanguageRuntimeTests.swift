import IVRCheck
import IVRRuntime
import IVRTestSupport
import TeXMLEmit
import Testing

/// A refused dial in a bilingual flow: the caller hears the apology in the language they chose,
/// in that language's voice, and a value fills a translation as it fills the first language.
@Suite struct RefusedDialLanguageRuntimeTests {
    func outcomes(_ source: String) throws -> [TestOutcome] {
        let result = Examples.check(source)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let program = try CallProgram.compiled(result.graph)
        return Examples.tests(result.graph).map { FlowTestRunner.run($0, in: program) }
    }

    @Test func theFlowsOwnTestsPassInBothLanguages() throws {
        let results = try outcomes(ValuesFlow.bilingual)
        #expect(results.count == 3)
        for result in results { #expect(result.passed, "\(result.test.description): \(result.failure ?? "")") }
    }

    /// The dial's route records the Spanish language and voice; the caller hears no English.
    @Test func theSpanishApologyCarriesTheLanguageAndVoice() throws {
        let result = Examples.check(ValuesFlow.bilingual)
        let compiled = try Compiler.compile(result.graph)
        let route = try #require(BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: [])
            .routes["directorio/connect.es-MX.xml"])
        #expect(route.language == "es-MX" && route.voice == "Polly.Mia")
        let results = try outcomes(ValuesFlow.bilingual)
        let spoken = results[1].transcript.compactMap { event -> String? in
            if case .say(let text) = event { text } else { nil }
        }
        #expect(spoken.contains("Lo sentimos, no se puede marcar ese número."))
        #expect(!spoken.contains { $0.contains("Sorry") })
    }
}
