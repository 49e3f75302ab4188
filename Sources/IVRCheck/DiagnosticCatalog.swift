/// Every id ivrc can report: the rules first, in `RuleCatalog` order, then the front end's.
/// SARIF's rule table and `ivrc explain` read this one list.
public enum DiagnosticCatalog {
    public static func all(rules: [any Rule] = RuleCatalog.all) -> [RuleDescription] {
        let ruleDescriptions = rules.map(\.description)
        let ruleIDs = Set(ruleDescriptions.map(\.id))
        return ruleDescriptions + FrontEndDiagnostics.all.filter { !ruleIDs.contains($0.id) }
    }

    public static func description(id: String, rules: [any Rule] = RuleCatalog.all) -> RuleDescription? {
        all(rules: rules).first { $0.id == id }
    }
}
