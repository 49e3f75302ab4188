import IVRCheck
import IVRLang
import IVRLanguageServerProtocol

/// `textDocument/completion`: step names after `->`/`goto`, rule ids in a waiver, a statement's
/// options and their enumerated values, statements (or flow-level lines) at the start of a line.
enum Completions {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentPositionParams.self)
        let document = try session.document(params.textDocument.uri)
        return items(CursorContext(document, params.position), session)
    }

    static func items(_ cursor: CursorContext, _ session: Session) -> [CompletionItem] {
        if cursor.isInWaiver {
            return DiagnosticCatalog.all().map { CompletionItem(label: $0.id, kind: .constant, detail: $0.summary) }
        }
        let words = cursor.wordsBefore
        if words.last == "->" || words.last == "goto" || (words.count >= 2 && words.suffix(2) == ["expect", "step"]) {
            return steps(cursor, session)
        }
        if let keyword = words.first.map(String.init), !words.isEmpty {
            return options(of: keyword, typed: cursor.token)
        }
        if cursor.indentation == 0 {
            return ["flow", "module"].map { CompletionItem(label: $0, kind: .keyword) }
        }
        if cursor.indentation <= 2 {
            return Vocabulary.flowLevel.map { CompletionItem(label: $0, kind: .keyword) }
        }
        return Vocabulary.statements.sorted { $0.key < $1.key }.map { keyword, entry in
            CompletionItem(label: keyword, kind: .keyword, detail: entry.summary)
        }
    }

    /// `name=` for every option, or the values of `name=` being typed when they are enumerated (or `true`/`false`).
    private static func options(of keyword: String, typed: String) -> [CompletionItem] {
        let options = Vocabulary.options(of: keyword)
        if let equals = typed.firstIndex(of: "=") {
            let name = typed[..<equals]
            let values: [String]
            switch options.first(where: { $0.kebabName == name })?.kind {
            case .enumeration(let enumerated)?: values = enumerated
            case .boolean?: values = ["true", "false"]
            default: return []
            }
            return values.map { CompletionItem(label: "\(name)=\($0)", kind: .enumMember) }
        }
        return options.map { CompletionItem(label: "\($0.kebabName)=", kind: .property, detail: "TeXML \($0.name)") }
    }

    /// The steps of the flow or module the cursor is in.
    private static func steps(_ cursor: CursorContext, _ session: Session) -> [CompletionItem] {
        let parsed = cursor.document.parsed
        let flow = parsed.flows.last { $0.range.start <= cursor.offset }
        let module = parsed.modules.last { $0.range.start <= cursor.offset }
        let steps = (flow?.range.start ?? -1) >= (module?.range.start ?? -1) ? flow?.steps ?? [] : module?.steps ?? []
        return steps.map { CompletionItem(label: $0.name.text, kind: .function, detail: "step") }
    }
}
