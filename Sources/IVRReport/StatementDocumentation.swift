import IVRCheck

/// The text of `ivrc explain statements` and of `ivrc explain` with no id.
public enum StatementDocumentation {
    /// Every statement, the schema's other verbs, and what is not a statement and why.
    public static func statements() -> String {
        var out = "Statements (written inside a step):\n\n" + table(StatementCatalog.statements)
        out += "\nOther TeXML verbs, written by their kebab-case name with options in kebab-case:\n\n"
        out += table(StatementCatalog.genericVerbs)
        out += "\nNot statements:\n\n" + table(StatementCatalog.notStatements)
        return out
    }

    /// Every id `ivrc explain` knows, one per line, and where to look next.
    public static func index(_ descriptions: [RuleDescription]) -> String {
        RuleDocumentation.list(descriptions)
            + "\n`ivrc explain ID` explains one of these; `ivrc explain statements` lists the statements.\n"
    }

    private static func table(_ entries: [StatementCatalog.Entry]) -> String {
        let width = entries.map(\.name.count).max() ?? 0
        return entries.map { entry in
            let element = entry.element.map { "<\($0)> " } ?? ""
            return "  " + entry.name + String(repeating: " ", count: width - entry.name.count) + "  \(element)\(entry.summary)\n"
        }.joined()
    }
}
