import Foundation
import IVRLang
import TeXMLSchema

/// A TeXML file read with the safe parser: its element tree, or the diagnostic that says why
/// it was refused. The `SourceFile` lets diagnostics quote the XML line they point at.
public struct ParsedTeXML: Sendable {
    public let path: String
    public let source: SourceFile
    public let root: XMLElement?
    /// Set when the parser refused the file (`unsafe-xml`, `malformed-xml`); `root` is nil then.
    public let refusal: [Diagnostic]

    /// Parses `file` under `limits`: the size is checked before anything is parsed, a DOCTYPE
    /// stops the parse, and nesting is bounded (see `SafeXMLParser`).
    public static func parse(_ file: TeXMLFile, limits: SafeXMLParser.Limits = .init()) -> ParsedTeXML {
        guard file.byteCount <= limits.maxBytes else {
            let source = SourceFile(path: file.path, bytes: [])
            let message = "this file is \(file.byteCount) bytes, more than the \(limits.maxBytes)-byte limit for a TeXML document; it was not parsed"
            return ParsedTeXML(path: file.path, source: source, root: nil, refusal: [
                .error(.unsafeXML, message, at: source.span(0, 0),
                       help: "a TeXML document is a few kilobytes; check that this is the file you meant"),
            ])
        }
        let source = SourceFile(path: file.path, bytes: [UInt8](file.data))
        do {
            let root = try SafeXMLParser(limits: limits).parse(file.data)
            return ParsedTeXML(path: file.path, source: source, root: root, refusal: [])
        } catch {
            return ParsedTeXML(path: file.path, source: source, root: nil, refusal: refusal(error, in: source))
        }
    }

    private static func refusal(_ error: XMLParseError, in source: SourceFile) -> [Diagnostic] {
        switch error {
        case .tooLarge(let count, let limit):
            return [.error(.unsafeXML, "this file is \(count) bytes, more than the \(limit)-byte limit; it was not parsed",
                           at: source.lineSpan(1))]
        case .doctypeForbidden(let line):
            return [.error(.unsafeXML,
                           "a DOCTYPE declaration is not allowed in TeXML; the file was refused and nothing it names was loaded",
                           at: source.lineSpan(line),
                           help: "DOCTYPEs can read local files (XXE) or expand entities without limit (billion laughs); TeXML never needs one, remove it")]
        case .tooDeep(let line, let limit):
            return [.error(.unsafeXML, "elements nest more than \(limit) levels deep; the file was refused here",
                           at: source.lineSpan(line),
                           help: "TeXML nests at most a few levels (Response › Gather › Say); this file is not a call flow")]
        case .notUTF8(let encoding):
            return [.error(.unsafeXML, "this file is in \(encoding), not UTF-8; it was refused", at: source.lineSpan(1),
                           help: "TeXML is UTF-8: re-save the file as UTF-8 and declare encoding=\"UTF-8\" (or no encoding)")]
        case .malformed(let issues):
            return issues.map { .error(.malformedXML, "not well-formed XML: \($0.message)", at: source.lineSpan($0.line)) }
        }
    }
}
