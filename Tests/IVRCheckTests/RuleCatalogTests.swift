import Foundation
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
        let described = Set(DiagnosticCatalog.all().map(\.id))
        for id in Self.specIDs { #expect(described.contains(id), "\(id) has no description") }
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = DiagnosticCatalog.all().map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func everyRuleHasExamplesBothWays() {
        for description in RuleCatalog.all.map(\.description) {
            #expect(!description.reported.isEmpty, "\(description.id) has no reported example")
            #expect(!description.notReported.isEmpty, "\(description.id) has no passing example")
            #expect(!description.explanation.isEmpty && !description.summary.isEmpty)
        }
    }

    @Test func lookupFindsGraphRulesAndResolverChecks() {
        #expect(RuleCatalog.rule(id: "silent-loop") is SilentLoopRule)
        #expect(RuleCatalog.rule(id: "undefined-step") == nil)
        #expect(DiagnosticCatalog.description(id: "undefined-step")?.severity == .error)
        #expect(DiagnosticCatalog.description(id: "unreachable-code")?.severity == .warning)
    }

    @Test func emergencyRulesApplyToHealthcareAndFleetOnly() {
        for id in ["emergency-route", "emergency-reachable", "emergency-live-dial"] {
            #expect(Set(DiagnosticCatalog.description(id: id)?.industries ?? []) == [.healthcare, .fleet])
        }
    }

    /// A rule written under Rules/ but left out of `RuleCatalog.all` would never run.
    @Test func everyRuleTypeUnderRulesIsInTheCatalog() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/IVRCheck/Rules")
        let pattern = try NSRegularExpression(pattern: #"\bstruct (\w+)\s*:\s*(?:[\w, ]*\b)?Rule\b"#)
        var declared = Set<String>()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { declared.insert(String(text[range])) }
            }
        }
        #expect(declared.count >= 18)
        let listed = Set(RuleCatalog.all.map { String(describing: type(of: $0)) })
        #expect(declared.subtracting(listed).isEmpty, "rules missing from RuleCatalog.all: \(declared.subtracting(listed).sorted())")
    }
}
