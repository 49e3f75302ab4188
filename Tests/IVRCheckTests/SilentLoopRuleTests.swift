import IVRCheck
import IVRLang
import Testing

@Suite struct SilentLoopRuleTests {
    let rule = SilentLoopRule()

    @Test func gotoPingPongIsReportedOnceAtTheFirstStep() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                say "Welcome."
                goto hold

              step hold
                play https://example.com/hold.mp3
                goto start
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.span.start.line == 6)
        #expect(finding.message.hasSuffix("`start` → goto → `hold` → goto → `start`"))
        #expect(finding.notes.map(\.span.start.line) == [10])
    }

    @Test func selfGotoIsALoop() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                say "Hello."
                goto start
            """)
        #expect(findings.count == 1)
    }

    @Test func loopThroughAMenuOrRecordIsFine() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> retry

              step retry
                menu timeout=5s
                  say "Press 1 to try again."
                  on 1 -> start
                  on timeout -> start
                  on invalid -> start

              step again
                record max=30s
                goto again
            """)
        #expect(findings.isEmpty)
    }

    @Test func twoSeparateLoopsAreTwoFindings() {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                dial +1-555-010-0200 -> start2

              step start2
                dial +1-555-010-0201 -> start

              step later
                goto later
            """)
        // `later` is unreachable: only the reachable loop is reported.
        #expect(findings.count == 1)
    }

    @Test func loopEnteredFromABranchBlockNamesItsEdges() throws {
        let findings = RuleTesting.findings(rule, """
            flow line
              number +1-800-555-0157

              step start
                menu timeout=5s
                  say "Press 1."
                  on 1
                    goto spin
                  on timeout -> start
                  on invalid -> start

              step spin
                dial +1-555-010-0200 -> spin_back

              step spin_back
                goto spin
            """)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.message.hasSuffix("`spin` → no answer → `spin_back` → goto → `spin`"))
    }
}

@Suite struct SilentLoopScaleTests {
    /// A hostile flow: thousands of steps chained by goto, the last one going back to the first.
    /// One knot, one finding; the search is linear and iterative, so this cannot hang or
    /// overflow the stack.
    @Test func aLongGotoChainThatLoopsIsOneFinding() {
        var source = "flow chain\n  number +1-800-555-0100\n"
        let count = 20_000
        for index in 0..<count {
            source += "  step s\(index)\n    say \"\(index)\"\n    goto s\((index + 1) % count)\n"
        }
        let findings = Checker.check([SourceFile(path: "chain.ivr", text: source)], rules: [SilentLoopRule()])
            .diagnostics.filter { $0.id == "silent-loop" }
        #expect(findings.count == 1)
    }

    @Test func twoLoopsSharingAStepAreOneKnot() {
        let source = """
            flow knot
              number +1-800-555-0100
              step a
                menu
                  on 1 -> b
                  on 2 -> c
              step b
                say "b"
                goto d
              step c
                say "c"
                goto d
              step d
                say "d"
                goto b

            """
        let findings = Checker.check([SourceFile(path: "knot.ivr", text: source)], rules: [SilentLoopRule()])
            .diagnostics.filter { $0.id == "silent-loop" }
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("`b`") == true)
    }
}
