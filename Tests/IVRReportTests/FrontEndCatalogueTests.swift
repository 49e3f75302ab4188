import IVRCheck
import IVRLang
import Testing

/// The front end's ids, each described once where it is declared, are all in the catalogue
/// `ivrc explain` and SARIF read (`DiagnosticCatalogueCLITests` checks every declaration is).
@Suite struct FrontEndCatalogueTests {
    @Test func descriptionsAreComplete() {
        for entry in FrontEndDiagnostics.all {
            #expect(!entry.summary.isEmpty && !entry.explanation.isEmpty, "\(entry.rawValue)")
        }
        let ids = FrontEndDiagnostics.all.map(\.rawValue)
        #expect(ids.count == Set(ids).count)
    }

    /// A front-end id is never also a rule's: rules can be waived, front-end findings cannot.
    @Test func noFrontEndIDIsARule() {
        let rules = Set(RuleCatalog.all.map(\.description.id))
        #expect(rules.isDisjoint(with: FrontEndDiagnostics.all.map(\.rawValue)))
    }
}
