import IVRCheck
import IVRLang
import Testing
@testable import IVREnvironment

/// Values files read, and substituted before the rules run: the same flow is clean in staging
/// and dials itself in production.
@Suite struct EnvironmentTests {
    static let flow = """
        flow dispatch
          number env.line
          industry fleet

          step start
            say "{{env.company}} driver line."
            disclose "Calls may be recorded."
            menu
              say "In an emergency, press 1."
              on 1 -> dispatcher
              on timeout -> dispatcher
              on invalid -> dispatcher

          step dispatcher emergency
            dial env.dispatch timeout=15s -> bye

          step bye
            hangup
        """

    static func values(_ text: String, name: String = "staging") throws -> EnvironmentValues {
        try ValuesFile.parse(name: name, file: SourceFile(path: "environments/\(name).toml", text: text))
    }

    static let staging = "line = \"+1-555-020-0100\"\ncompany = \"Northwind\"\ndispatch = \"+1-555-020-0911\"\n"

    func check(_ values: EnvironmentValues?) -> Checker.Result {
        Checker.check([SourceFile(path: "dispatch.ivr", text: Self.flow)], environment: values)
    }

    @Test func valuesAreSubstitutedBeforeTheRules() throws {
        let result = check(try Self.values(Self.staging))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let flow = try #require(result.graph.flows.first)
        #expect(flow.number == "+15550200100")
        guard case .say(let text, _, _, _) = flow.steps[0].actions[0].kind else { Issue.record("no say"); return }
        #expect(text == "Northwind driver line.")
        #expect(result.environmentUsed == ["company", "dispatch", "line"])
    }

    @Test func productionDialsItselfInProductionOnly() throws {
        let production = try Self.values(Self.staging.replacingOccurrences(of: "+1-555-020-0911", with: "+1-555-020-0100"), name: "production")
        let loop = try #require(check(production).diagnostics.first { $0.id == "dial-loopback" })
        #expect(loop.span.start.line == 15 && loop.span.start.column == 10)  // at `env.dispatch`
        // Notes name the values file and the keys both numbers came from, the dialled one first.
        let fromValues = loop.notes.filter { $0.span.file == "environments/production.toml" }
        #expect(fromValues.map(\.message) == ["`env.dispatch` is `+1-555-020-0100` in this environment",
                                               "`env.line` is `+1-555-020-0100` in this environment"], "\(loop.notes)")
        #expect(fromValues.first?.span.start.column == 1)
    }

    @Test func missingKeysAndMissingEnvironment() throws {
        let typo = try #require(check(try Self.values(Self.staging.replacingOccurrences(of: "dispatch =", with: "dispatcher ="))).diagnostics
            .first { $0.id == "undefined-value" })
        #expect(typo.message == "`dispatch` is not defined in environments/staging.toml")
        #expect(typo.help?.contains("did you mean `env.dispatcher`?") == true)
        let none = check(nil).diagnostics
        #expect(none.count == 3 && none.allSatisfy { $0.id == "undefined-value" }, "\(none)")
    }

    @Test func unusedKeysAreWarnedAtTheirLine() throws {
        let result = check(try Self.values(Self.staging + "\n  spare = \"x\"\n"))
        let unused = try #require(result.diagnostics.first { $0.id == "unused-value" })
        #expect(unused.span.file == "environments/staging.toml")
        #expect(unused.span.start.line == 5 && unused.span.start.column == 3)
        #expect(unused.severity == .warning)
    }

    @Test func aValueOutsideQuotesMustBeOneValue() throws {
        let result = check(try Self.values(Self.staging.replacingOccurrences(of: "\"+1-555-020-0911\"", with: "\"call the desk\"")))
        let invalid = try #require(result.diagnostics.first { $0.id == "invalid-value" })
        #expect(invalid.message == "`env.dispatch` is `call the desk`, which is not one value")
    }

    @Test func valuesFilesThatAreNotFlatTOMLAreRefused() {
        #expect { try Self.values("line = \n") } throws: { ($0 as? ValuesFile.Failure)?.description.hasPrefix("environments/staging.toml:1:") == true }
        #expect { try Self.values("line = \"x\"\n[numbers]\ndesk = \"+1\"\n[numbers.more]\nx = 1\n") } throws: {
            ($0 as? ValuesFile.Failure)?.description.contains("`more` in [numbers] is not a single value") == true
        }
        #expect { try Self.values("ok = 1\nlist = [1, 2]\n") } throws: {
            ($0 as? ValuesFile.Failure)?.description.hasPrefix("environments/staging.toml:2:") == true
        }
    }

    /// Two lines share one values file: each line's table holds its own values, read first by
    /// that line; another line's table is never `unused-value` here, its own unused keys are.
    @Test func aLinesTableComesFirstAndAnotherLinesTableIsNotUnused() throws {
        let shared = try Self.values("""
            company = "Northwind"

            [dispatch]
            line = "+1-555-020-0100"
            dispatch = "+1-555-020-0911"
            spare = "+1-555-020-0999"

            [clinic]
            line = "+1-555-030-0100"
            """)
        let result = check(shared)
        #expect(result.graph.flows.first?.number == "+15550200100")
        #expect(result.environmentUsed == ["company", "dispatch.dispatch", "dispatch.line"])
        let unused = result.diagnostics.filter { $0.id == "unused-value" }
        #expect(unused.map(\.message) == ["`dispatch.spare` in environments/staging.toml is used by no flow"])
        #expect(unused.first?.span.start.line == 6 && unused.first?.span.start.column == 1)
        #expect(unused.first.map { $0.span.end.column - $0.span.start.column } == "spare".count)
    }

    @Test func numbersAndBooleansReadAsText() throws {
        let values = try Self.values("timeout = 20\nbeep = true\n")
        #expect(values.values["timeout"]?.text == "20" && values.values["beep"]?.text == "true")
        #expect(values.values["beep"]?.line == 2)
    }
}
