import IVRCheck
import IVRLang
import Testing

/// `on KEY -> STEP` written in the flow: a key every menu of the flow accepts.
@Suite struct FlowKeyTests {
    static func flow(keys: String, billingMenu: String = "      on 3 -> operator") -> String {
        """
        flow dispatch
          number +1-888-555-0162
          industry fleet
        \(keys)

          step start
            menu timeout=4s
              say "For billing, press 2."
              on 2 -> billing
              on timeout -> dispatch
              on invalid -> dispatch

          step billing
            menu timeout=4s
              say "For invoices, press 3."
        \(billingMenu)
              on timeout -> operator
              on invalid -> operator

          step operator
            dial +1-555-020-0100

          step dispatch emergency
            dial +1-555-020-0911 -> operator
        """
    }

    private func menus(_ result: Checker.Result) -> [Menu] {
        result.graph.flows.flatMap(\.steps).flatMap(\.actions).compactMap { if case .menu(let menu) = $0.kind { menu } else { nil } }
    }

    @Test func everyMenuAcceptsTheFlowsKeys() throws {
        let result = Checker.check([SourceFile(path: "f.ivr", text: Self.flow(keys: "  on 0 \"operator\" -> operator\n  on 1 -> dispatch"))])
        #expect(result.diagnostics.isEmpty, "\(RuleTesting.describe(result.diagnostics))")
        let flow = try #require(result.graph.flows.first)
        for menu in menus(result) {
            #expect(menu.branch(.digits("0"))?.target == flow.index(of: "operator"))
            #expect(menu.branch(.digits("0"))?.phrase == "operator")
            #expect(menu.branch(.digits("1"))?.target == flow.index(of: "dispatch"))
        }
    }

    @Test func emergencyReachableCountsAFlowKey() {
        let withKey = RuleTesting.findings(EmergencyReachableRule(), Self.flow(keys: "  on 1 -> dispatch"))
        #expect(withKey.isEmpty)
        let without = RuleTesting.findings(EmergencyReachableRule(), Self.flow(keys: ""))
        #expect(without.count == 2)
    }

    @Test func aMenuMayNotReuseAFlowKeyForSomethingElse() throws {
        let found = RuleTesting.frontEndDiagnostics(Self.flow(keys: "  on 0 -> operator", billingMenu: "      on 0 -> billing"))
        let finding = try #require(found.first)
        #expect(found.map(\.id) == ["duplicate-key"])
        #expect(finding.span.start.line == 16)
        #expect(finding.notes.first?.span.start.line == 4)
    }

    @Test func aMenuRepeatingAFlowKeyToTheSameStepIsFine() {
        let found = RuleTesting.frontEndDiagnostics(Self.flow(keys: "  on 0 -> operator", billingMenu: "      on 0 -> operator"))
        #expect(found.isEmpty, "\(RuleTesting.describe(found))")
    }

    @Test(arguments: [
        ("  on 0 -> operator\n  on 0 -> billing", "duplicate-key"),
        ("  on timeout -> operator", "syntax"),
        ("  on 0 -> nowhere", "undefined-step"),
        ("  on 0\n    goto operator", "syntax"),
    ])
    func badFlowKeysAreReportedOnce(_ keys: String, _ id: String) {
        let found = RuleTesting.frontEndDiagnostics(Self.flow(keys: keys))
        #expect(found.map(\.id) == [id], "\(RuleTesting.describe(found))")
    }
}
