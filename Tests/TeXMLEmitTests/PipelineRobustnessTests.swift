import Foundation
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// Mutated examples through the whole pipeline: the checker always answers, and whatever it
/// passes compiles to schema-valid documents (an internal compiler error fails the test).
@Suite struct PipelineRobustnessTests {
    @Test func mutatedExamplesAreCheckedAndWhatPassesCompiles() throws {
        let examples = try ExampleFlows.sources().map(\.bytes)
        var random = SeededRandom(seed: 0xC0FFEE)
        var compiled = 0, refused = 0
        for round in 0..<600 {
            let mutated = Mutator.mutate(examples[round % examples.count], using: &random)
            let result = Checker.check([SourceFile(path: "mutant.ivr", bytes: mutated)])
            if result.hasErrors {
                refused += 1
                continue
            }
            let bundle = try Compiler.compile(result.graph)
            #expect(!bundle.documents.isEmpty)
            compiled += 1
        }
        // Both sides are exercised: some mutants stay valid, most are refused.
        #expect(compiled > 10)
        #expect(refused > 100)
    }

    /// Values swapped for plausible wrong ones (`voice x`, `timeout=0s`, `on "#"`): `check`
    /// reports whatever `build` would refuse, so what passes the checker always compiles.
    @Test func valueMutantsThatCheckCleanCompile() throws {
        let seeds = try ExampleFlows.sources().map(\.bytes)
        var random = SeededRandom(seed: 0x5EED)
        var compiled = 0
        for round in 0..<1_500 {
            let mutated = WordMutator.mutate(seeds[round % seeds.count], using: &random)
            let result = Checker.check([SourceFile(path: "mutant.ivr", bytes: mutated)])
            guard !result.hasErrors else { continue }
            #expect(throws: Never.self, "\(String(decoding: mutated, as: UTF8.self))") { try Compiler.compile(result.graph) }
            compiled += 1
        }
        #expect(compiled > 100)
    }

    /// Found by `scripts/fuzz`: a SIP target whose scheme is not in lower case checked clean, then
    /// failed TeXML's schema in the compiler (an internal error). It compiles to `sip:`.
    @Test func aSipTargetWithAnUpperCaseSchemeCompiles() throws {
        let bundle = try Compile.bundle("""
        flow desk
          number +1-800-555-0200
          step main
            say "Connecting you."
            dial timeout=25s
              number +1-646-555-0111
              sip sIp:desk@clinic.example.com
        """ + "\n")
        let documents = try bundle.documents.keys.sorted().map { try Compile.text(bundle, $0) }
        #expect(documents.contains { $0.contains("<Sip>sip:desk@clinic.example.com</Sip>") }, "\(documents)")
    }

    /// Found by `scripts/fuzz`: a SIP target with two `@`s (`sip:scheduling@clinic.exampl@e.com`)
    /// checked clean, then failed TeXML's schema in the compiler. The checker refuses it now, in a
    /// written target and in one an environment fills.
    @Test func aSipTargetWithTwoAtSignsIsRefusedByTheChecker() throws {
        let written = Checker.check([SourceFile(path: "desk.ivr", text: """
        flow desk
          number +1-800-555-0200
          step main
            dial sip:scheduling@clinic.exampl@e.com

        """)])
        #expect(written.diagnostics.contains { $0.id == "syntax" && $0.message.contains("more than one `@`") }, "\(written.diagnostics)")
        #expect(written.hasErrors)
    }

    /// Thousands of steps each used once by a `goto` are inlined into one document, by a loop,
    /// not recursion: this used to overflow the stack.
    @Test func aLongGotoChainIsInlinedWithoutRecursion() throws {
        var source = "flow chain\n  number +1-800-555-0100\n"
        let count = 20_000
        for index in 0..<count {
            source += "  step s\(index)\n    say \"\(index)\"\n"
            source += index + 1 < count ? "    goto s\(index + 1)\n" : "    hangup\n"
        }
        let bundle = try Compile.bundle(source)
        #expect(bundle.documents.count == 1)
        let text = try Compile.text(bundle, "chain/s0.xml")
        #expect(text.contains("<Say>19999</Say>\n  <Hangup/>"))
    }
}
