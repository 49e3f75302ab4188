import IVRFormat
import IVRLanguageServerProtocol

/// `textDocument/formatting`: exactly `ivrc fmt`'s output, as one edit over the whole document
/// (none when it is already formatted; null while it has syntax errors, which the
/// diagnostics already show). `textDocument/rangeFormatting`: the same result as one edit per
/// run of changed lines, only those touching the range's lines.
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

    static func respondToRange(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(DocumentRangeFormattingParams.self)
        let document = try session.document(params.textDocument.uri)
        guard case .formatted(let text) = SourceFormatter.format(document.source) else { return JSONValue.null }
        let source = document.source
        let position = { (line: Int) in
            document.converter.position(ofOffset: line < source.lineStarts.count ? source.lineStarts[line] : source.bytes.count)
        }
        let first = params.range.start.line, last = params.range.end.line
        return UnifiedDiff.changes(old: String(decoding: source.bytes, as: UTF8.self), new: text).filter { change in
            change.old.lowerBound <= last && max(change.old.lowerBound, change.old.upperBound - 1) >= first
        }.map { change in
            TextEdit(range: Range(start: position(change.old.lowerBound), end: position(change.old.upperBound)), newText: change.text)
        }
    }
}
