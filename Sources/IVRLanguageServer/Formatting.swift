import IVRFormat
import IVRLanguageServerProtocol

/// `textDocument/formatting`: exactly `ivrc fmt`'s output, as one edit over the whole document
/// (none when it is already formatted; null while it has syntax errors, which the
/// diagnostics already show).
enum Formatting {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(DocumentFormattingParams.self)
        let document = try session.document(params.textDocument.uri)
        guard case .formatted(let text) = SourceFormatter.format(document.source) else { return JSONValue.null }
        if Array(text.utf8) == document.bytes { return [TextEdit]() }
        // From the very start, so a byte-order mark goes as it does with `ivrc fmt`.
        let whole = Range(start: Position(line: 0, character: 0), end: document.converter.position(ofOffset: document.source.bytes.count))
        return [TextEdit(range: whole, newText: text)]
    }
}
