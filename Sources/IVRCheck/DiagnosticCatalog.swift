/// Every id ivrc can report: the rules first, in `RuleCatalog` order, then the front end's.
/// The checker's part of `EveryDiagnostic`, which SARIF's rule table and `ivrc explain` read.
public enum DiagnosticCatalog {
    public static func all(rules: [any Rule] = RuleCatalog.all) -> [RuleDescription] {
        rules.map(\.description) + FrontEndDiagnostics.all.map { RuleDescription($0) }
    }

    public static func description(id: String, rules: [any Rule] = RuleCatalog.all) -> RuleDescription? {
        all(rules: rules).first { $0.id == id }
    }
}
