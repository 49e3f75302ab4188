import IVRCheck
import IVRLang
import IVRLanguageServerProtocol
import IVRReport
import TeXMLSchema

/// `textDocument/hover`: a rule id in a waiver (its `explain`), a statement (what it does, its
/// TeXML element), an option (its allowed values from the XSD), `env.KEY`, a `use` line's
/// module, a phone number, a step or other name (its declaration's first lines).
enum HoverText {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentPositionParams.self)
        let document = try session.document(params.textDocument.uri)
        let cursor = CursorContext(document, params.position)
        guard !cursor.word.isEmpty, let text = markdown(cursor, session) else { return JSONValue.null }
        return Hover(markdown: text, range: document.range(of: cursor.wordRange))
    }

    private static func markdown(_ cursor: CursorContext, _ session: Session) -> String? {
        if cursor.isInWaiver, let rule = DiagnosticCatalog.description(id: cursor.word) {
            return RuleDocumentation.markdown(rule)
        }
        let words = cursor.wordsBefore
        if words.isEmpty, let entry = Vocabulary.statements[cursor.word] {
            return "`\(entry.name)`" + (entry.element.map { " → TeXML `<\($0)>`" } ?? "") + "\n\n\(entry.summary)"
        }
        if let keyword = words.first, let option = Vocabulary.options(of: String(keyword)).first(where: {
            $0.kebabName == cursor.word.prefix { $0 != "=" }
        }) {
            return "`\(option.kebabName)` → TeXML attribute `\(option.name)`\n\n\(describe(option.kind))"
        }
        if let text = ValueHover.environmentValue(cursor, root: session.workspace.root)
            ?? ValueHover.moduleParameters(cursor, session.parsedWorkspace())
            ?? ValueHover.phoneNumber(cursor) {
            return text
        }
        return step(cursor, session)
    }

    private static func describe(_ kind: AttributeKind) -> String {
        switch kind {
        case .enumeration(let values): "One of: " + values.map { "`\($0)`" }.joined(separator: ", ")
        case .seconds(let range): "A duration (`5s`, `2m`)" + (range.map { ", \($0.lowerBound)–\($0.upperBound) seconds" } ?? "")
        case .integer(let range): "A whole number" + (range.map { ", \($0.lowerBound)–\($0.upperBound)" } ?? "")
        case .boolean: "`true` or `false`"
        case .pattern(let pattern): "Matching `\(pattern)`"
        case .url: "A URL"
        case .text: "Text"
        }
    }

    /// A step reference or declaration: the step's first lines.
    private static func step(_ cursor: CursorContext, _ session: Session) -> String? {
        let documents = session.parsedWorkspace()
        let index = NameOccurrences(documents.map(\.parsed))
        guard let occurrence = index.occurrence(in: cursor.document.path, at: cursor.offset),
              let declaration = index.all(occurrence.symbol).first(where: \.isDeclaration),
              let file = documents.first(where: { $0.path == declaration.file }) else { return nil }
        let first = file.source.line(of: declaration.range.start)
        let last = min(file.source.lineStarts.count, first + 5)
        let lines = (first...last).map { file.source.lineText($0) }
        return "```ivr\n" + lines.joined(separator: "\n") + "\n```"
    }
}
