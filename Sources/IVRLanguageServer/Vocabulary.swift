import IVRCheck
import IVRLang
import TeXMLSchema

/// What the language offers at a point, from the same catalogues `ivrc explain` prints and the
/// XSD the checker binds options with: statements, their TeXML element and options.
enum Vocabulary {
    /// Keyword → catalogue entry, for every statement (sugared and generic).
    static let statements: [String: StatementCatalog.Entry] = Dictionary(
        (StatementCatalog.statements + StatementCatalog.genericVerbs).map { entry in
            (String(entry.name.prefix { $0 != " " }), entry)
        }, uniquingKeysWith: { first, _ in first })

    /// Written directly in a flow, at the first indentation.
    static let flowLevel = Parser.settingNames + ["step", "test", "schedule", "use", "on"]

    static func options(of keyword: String) -> [AttributeSpec] {
        guard let element = statements[keyword]?.element else { return [] }
        return TeXMLVocabulary.shared.element(named: element)?.attributes ?? []
    }
}
