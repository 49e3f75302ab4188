import IVRCheck
import IVRLang
import Testing

@Suite struct RuleCatalogTests {
    /// The rule ids the product promised first (docs/rules.md): every one is described, graph
    /// rule or resolver check.
    static let specIDs = [
        "recording-disclosure", "emergency-route", "emergency-reachable", "emergency-live-dial", "dial-loopback",
        "dial-cycle", "duplicate-number", "invalid-number", "undefined-step", "duplicate-step", "duplicate-key",
        "silent-loop", "unreachable-step", "unreachable-code", "menu-fallback",
    ]

    @Test func everySpecRuleIsDescribed() {
        let described = Set(RuleCatalog.descriptions.map(\.id))
        for id in Self.specIDs { #expect(described.contains(id), "\(id) has no description") }
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = RuleCatalog.descriptions.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleHasExamplesBothWays() {
        for description in RuleCatalog.descriptions {
            #expect(!description.failing.isEmpty, "\(description.id) has no failing example")
            #expect(!description.passing.isEmpty, "\(description.id) has no passing example")
            #expect(!description.explanation.isEmpty && !description.summary.isEmpty)
        }
    }

    @Test func lookupFindsGraphRulesAndResolverChecks() {
        #expect(RuleCatalog.rule(id: "silent-loop") is SilentLoopRule)
        #expect(RuleCatalog.rule(id: "undefined-step") == nil)
        #expect(RuleCatalog.description(id: "undefined-step")?.severity == .error)
        #expect(RuleCatalog.description(id: "unreachable-code")?.severity == .warning)
    }

    @Test func emergencyRulesApplyToHealthcareAndFleetOnly() {
        for id in ["emergency-route", "emergency-reachable", "emergency-live-dial"] {
            #expect(Set(RuleCatalog.description(id: id)?.industries ?? []) == [.healthcare, .fleet])
        }
    }
}
