import IVRLang

/// `name=value` options are written sorted by name, so two people writing the same
/// statement write the same line and diffs show real changes. The sort is stable: an
/// option given twice (an error the checker reports) keeps its order. Options do not
/// affect each other's meaning, and TeXML attributes are written sorted anyway, so the
/// order never changes the compiled output.
enum OptionOrder {
    static func sorted(_ options: [StatementOption]) -> [StatementOption] {
        options.enumerated()
            .sorted { ($0.element.name.text, $0.offset) < ($1.element.name.text, $1.offset) }
            .map(\.element)
    }
}
