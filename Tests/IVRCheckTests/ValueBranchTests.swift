import IVRBundle
import IVRCheck
import IVRLang
import Testing

/// `branch {{NAME}}` through the front end: its lines, the graph edges the rules walk, and a
/// located error with the fix for every line that is wrong or can never be taken.
@Suite struct ValueBranchTests {
    static func flow(_ lines: String, value: String = "{{status}}") -> String {
        """
        flow line
          number +1-800-555-0157

          step start
            gather status num-digits=2 -> route
              say "Enter your status."
              on timeout -> desk

          step route
            branch \(value)
        \(lines)

          step provider
            dial +1-555-010-0200

          step desk
            dial +1-555-010-0300
        """
    }

    static let allKinds = """
              on "Active" "returning" -> provider
              on empty -> desk
              on other
                say "Connecting you."
                goto desk
        """

    func diagnostics(_ text: String) -> [Diagnostic] { RuleTesting.frontEndDiagnostics(text) }

    @Test func aBranchResolvesToOneEdgePerLineInOrder() throws {
        let result = Checker.check([SourceFile(path: "line.ivr", text: Self.flow(Self.allKinds))])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        let route = try #require(flow.index(of: "route"))
        let exit = flow.exit(of: route)
        #expect(exit.edges.map(\.label.description) == ["status = active or returning", "status empty", "status other"])
        #expect(exit.edges.map { flow.steps[$0.target].name } == ["provider", "desk", "route.other"])
        #expect(!exit.fallsOffEnd)
    }

    @Test func numericLinesResolve() throws {
        let lines = "      on below 10 -> desk\n      on from 10 to 30 -> provider\n      on above 30 -> desk\n      on other -> desk"
        let result = Checker.check([SourceFile(path: "line.ivr", text: Self.flow(lines))], rules: [])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        let labels = flow.exit(of: try #require(flow.index(of: "route"))).edges.map(\.label.description)
        #expect(labels == ["status below 10", "status from 10 to 30", "status above 30", "status other"])
    }

    /// The first matching line wins; text is trimmed and compared without case; numbers are numbers only.
    @Test func decidingTakesTheFirstLineTheValueMatches() throws {
        let lines = "      on \"active\" -> provider\n      on empty -> desk\n      on other -> desk"
        let result = Checker.check([SourceFile(path: "line.ivr", text: Self.flow(lines))], rules: [])
        let flow = try #require(result.graph.flows.first)
        let route = try #require(flow.index(of: "route"))
        guard case .branch(let branch) = try #require(flow.steps[route].actions.last).kind else {
            Issue.record("route does not end in a branch")
            return
        }
        #expect(branch.decide(" ACTIVE ")?.condition == .oneOf(["active"]))
        #expect(branch.decide(nil)?.condition == .empty)
        #expect(branch.decide("  ")?.condition == .empty)
        #expect(branch.decide("inactive")?.condition == .other)
        #expect(ValueCondition.above(30).matches("31.5"))
        #expect(!ValueCondition.above(30).matches("30"))
        #expect(!ValueCondition.below(30).matches("abc"))
        #expect(!ValueCondition.below(30).matches("inf"))
        #expect(ValueCondition.between(1, 5).matches("5"))
        #expect(ValueCondition.between(1, 5).matches(" 1 "))
    }

    static let malformed: [(String, String, String, Int)] = [
        // No `on other`.
        ("      on \"active\" -> provider", "syntax", "on other -> front_desk", 10),
        // A line after `on other`.
        ("      on other -> desk\n      on empty -> provider", "unreachable-branch", "move `on other` to the end", 12),
        // The same text twice (case and spaces do not make it another value).
        ("      on \"active\" -> provider\n      on \"Active \" -> desk\n      on other -> desk", "unreachable-branch", "remove it here", 12),
        // Numbers earlier lines already take, together.
        ("      on below 15 -> desk\n      on above 12 -> provider\n      on from 10 to 20 -> desk\n      on other -> desk",
         "unreachable-branch", "narrow or remove", 13),
        ("      on from 5 to 1 -> desk\n      on other -> desk", "unreachable-branch", "smaller number first", 11),
        ("      on \"active\" -> provider\n      on above 30 -> desk\n      on other -> desk", "mixed-comparison", "either as text", 12),
        ("      on above abc -> desk\n      on other -> desk", "syntax", "on above 30 -> STEP", 11),
        ("      on 30 -> desk\n      on other -> desk", "syntax", "quote it: `on \"30\"`", 11),
        ("      on \"active\" active -> desk\n      on other -> desk", "syntax", "quote it", 11),
        ("      on abov 3 -> desk\n      on other -> desk", "syntax", "did you mean `on above`?", 11),
        // A block and `->` on one line.
        ("      on \"active\" -> provider\n        say \"Hello.\"\n      on other -> desk", "syntax", "move the block into the step", 11),
        ("      on other -> desk\n      say \"after\"", "syntax", "write:\n    branch {{status}}", 12),
    ]

    @Test(arguments: malformed)
    func aWrongLineIsALocatedErrorWithTheFix(_ lines: String, _ id: String, _ help: String, _ line: Int) throws {
        let found = diagnostics(Self.flow(lines))
        let diagnostic = try #require(found.first { $0.id == id && $0.help?.contains(help) == true }, "\(RuleTesting.describe(found))")
        #expect(diagnostic.span.start.line == line, "\(RuleTesting.describe(found))")
        #expect(!found.contains { $0.id == "internal" })
    }

    @Test(arguments: ["status", "{{param.status}}", "{{env.status}}", "\"{{status}}\""])
    func branchNeedsAValueTheCallCarries(_ value: String) throws {
        let found = diagnostics(Self.flow("      on other -> desk", value: value))
        let diagnostic = try #require(found.first { $0.id == "syntax" && $0.span.start.line == 10 }, "\(RuleTesting.describe(found))")
        #expect(diagnostic.message.contains("`branch`"))
    }

    /// The rules walk every line: a value collected on the gather's path only is
    /// `unknown-placeholder` where the timeout path also reaches the branch.
    @Test func aValueCollectedOnSomePathsOnlyIsUnknownWhereTheOthersReachIt() throws {
        let text = Self.flow(Self.allKinds).replacingOccurrences(of: "on timeout -> desk", with: "on timeout -> route")
        let found = RuleTesting.findings(UnknownPlaceholderRule(), text)
        let finding = try #require(found.first, "\(RuleTesting.describe(found))")
        #expect(finding.message == "`{{status}}` is used where not every call has collected it")
        #expect(finding.span.start.line == 10)
        #expect(finding.span.start.column == 14)
        #expect(finding.notes.first?.message.contains("by timeout to `route`") == true, "\(finding.notes.map(\.message))")
    }

    @Test func aValueNoPathCollectsIsUnknown() throws {
        let found = RuleTesting.findings(UnknownPlaceholderRule(), Self.flow("      on other -> desk", value: "{{stauts}}"))
        let finding = try #require(found.first, "\(RuleTesting.describe(found))")
        #expect(finding.help?.contains("did you mean `{{status}}`?") == true)
    }

    /// The branch's lines are ordinary edges: a step only a line leads to is reachable, and
    /// one no line leads to is not.
    @Test func rulesWalkEveryLine() throws {
        let reached = RuleTesting.findings(UnreachableStepRule(), Self.flow(Self.allKinds))
        #expect(reached.isEmpty, "\(RuleTesting.describe(reached))")
        let skipped = RuleTesting.findings(UnreachableStepRule(), Self.flow("      on \"active\" -> desk\n      on other -> desk"))
        #expect(skipped.map(\.span.start.line) == [14], "\(RuleTesting.describe(skipped))")
    }
}
