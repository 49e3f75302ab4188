import IVRLang
import IVRLanguageServerProtocol

/// Go to definition, find references and rename for steps, modules, schedules and a module's
/// parameters, across the workspace's files.
enum NameNavigation {
    static func definition(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentPositionParams.self)
        guard let found = try lookUp(session, params.textDocument.uri, params.position) else { return JSONValue.null }
        return locations(found.index.all(found.occurrence.symbol).filter(\.isDeclaration), found.documents)
    }

    static func references(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(ReferenceParams.self)
        guard let found = try lookUp(session, params.textDocument.uri, params.position) else { return JSONValue.null }
        let all = found.index.all(found.occurrence.symbol)
        return locations(params.context.includeDeclaration ? all : all.filter { !$0.isDeclaration }, found.documents)
    }

    static func prepareRename(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentPositionParams.self)
        guard let found = try lookUp(session, params.textDocument.uri, params.position),
              let document = found.documents[found.occurrence.file] else {
            throw ResponseError(.requestFailed, notAName)
        }
        return PrepareRenameResult(range: document.range(of: found.occurrence.range), placeholder: found.occurrence.symbol.name)
    }

    static let notAName = "only the name of a step, module, schedule or parameter can be renamed here"

    /// Every place the name is written, tests and `use` lines included; a new name that is not a
    /// name, or that another of its kind in the same flow, module or workspace has, is refused.
    static func rename(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(RenameParams.self)
        guard let found = try lookUp(session, params.textDocument.uri, params.position) else {
            throw ResponseError(.requestFailed, notAName)
        }
        let newName = params.newName, symbol = found.occurrence.symbol
        guard Parser.isIdentifier(newName), !newName.contains(".") else {
            throw ResponseError(.requestFailed,
                                "`\(newName)` is not a \(symbol.kind.rawValue) name: use letters, digits and underscores, starting with a letter")
        }
        if newName != symbol.name, found.index.declarations(of: symbol.kind, in: symbol.scope).contains(where: { $0.symbol.name == newName }) {
            throw ResponseError(.requestFailed, "a \(symbol.kind.rawValue) named `\(newName)` already exists there: choose another name")
        }
        var changes: [String: [TextEdit]] = [:]
        for occurrence in found.index.all(symbol) {
            guard let document = found.documents[occurrence.file] else { continue }
            changes[document.uri, default: []].append(TextEdit(range: document.range(of: occurrence.range), newText: newName))
        }
        return WorkspaceEdit(changes: changes)
    }

    private struct Found {
        let index: NameOccurrences
        let occurrence: NameOccurrences.Occurrence
        let documents: [String: Document]
    }

    private static func lookUp(_ session: Session, _ uri: String, _ position: Position) throws(ResponseError) -> Found? {
        let document = try session.document(uri)
        let documents = Dictionary(session.parsedWorkspace().map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let index = NameOccurrences(documents.values.map(\.parsed))
        guard let occurrence = index.occurrence(in: document.path, at: document.offset(of: position)) else { return nil }
        return Found(index: index, occurrence: occurrence, documents: documents)
    }

    private static func locations(_ occurrences: [NameOccurrences.Occurrence], _ documents: [String: Document]) -> [Location] {
        occurrences.compactMap { occurrence in
            documents[occurrence.file].map { Location(uri: $0.uri, range: $0.range(of: occurrence.range)) }
        }.sorted { ($0.uri, $0.range.start.line, $0.range.start.character) < ($1.uri, $1.range.start.line, $1.range.start.character) }
    }
}
