import CLibXML2
import Foundation

/// Parses untrusted XML with libxml2 under hostile-input rules:
/// - a byte limit checked before libxml2 sees anything;
/// - `XML_PARSE_NONET`, and never `NOENT`/`DTDLOAD`/`HUGE`, so nothing is fetched or expanded;
/// - any DOCTYPE stops the parse at the declaration (blocks XXE and billion laughs outright);
/// - UTF-8 only: another declared encoding, or a start that libxml2 reads as UTF-16, UTF-32 or
///   EBCDIC, is refused, so no byte sequence means anything but what it says;
/// - a nesting limit enforced while parsing, so a 100,000-deep document stops at the limit;
/// - errors collected per parser context (no global handler, safe across threads).
public struct SafeXMLParser: Sendable {
    public struct Limits: Sendable, Equatable {
        public var maxBytes: Int
        public var maxDepth: Int

        public init(maxBytes: Int = 10 * 1024 * 1024, maxDepth: Int = 64) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Parses `data` and returns the root element as a Swift value tree.
    public func parse(_ data: Data) throws(XMLParseError) -> XMLElement {
        let document = try parseDocument(data)
        guard let root = document.root else { throw .malformed([XMLParseIssue(line: 1, message: "document has no root element")]) }
        return XMLTreeConverter.convert(root)
    }

    public func parse(_ string: String) throws(XMLParseError) -> XMLElement {
        try parse(Data(string.utf8))
    }

    /// Parses into a libxml2 tree for modules inside this target (schema validation).
    func parseDocument(_ data: Data) throws(XMLParseError) -> LibXMLDocument {
        guard data.count <= limits.maxBytes else { throw .tooLarge(byteCount: data.count, limit: limits.maxBytes) }
        let detected = data.prefix(4).withUnsafeBytes { start in
            xmlDetectCharEncoding(start.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(start.count))
        }
        guard detected == XML_CHAR_ENCODING_NONE || detected == XML_CHAR_ENCODING_UTF8 else {
            throw .notUTF8(encoding: xmlGetCharEncodingName(detected).map { String(cString: $0) } ?? "an encoding other than UTF-8")
        }
        guard let context = xmlNewParserCtxt() else {
            throw .malformed([XMLParseIssue(line: 0, message: "libxml2 could not allocate a parser context")])
        }
        defer { xmlFreeParserCtxt(context) }

        let state = ParseState(maxDepth: limits.maxDepth)
        let unmanaged = Unmanaged.passRetained(state)
        defer { unmanaged.release() }
        // `_private` is documented as user data libxml2 never touches; the callbacks find the state there.
        context.pointee._private = unmanaged.toOpaque()
        context.pointee.sax.pointee.serror = safeParserStructuredError
        context.pointee.sax.pointee.internalSubset = safeParserRefuseDoctype
        context.pointee.sax.pointee.startElementNs = safeParserStartElement

        // Encoding and I/O errors are raised without a parser context, through libxml2's
        // per-thread handler (stderr by default): collect them here for this parse too.
        xmlSetStructuredErrorFunc(context, safeParserStructuredError)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let options = Int32(XML_PARSE_NONET.rawValue)
        let doc: xmlDocPtr? = data.withUnsafeBytes { buffer in
            xmlCtxtReadMemory(context, buffer.baseAddress?.assumingMemoryBound(to: CChar.self),
                              Int32(buffer.count), nil, nil, options)
        }
        let document = doc.map(LibXMLDocument.init)

        if let refusal = state.refusal { throw refusal }
        // The encoding the XML declaration names: the input keeps it whether or not the parse
        // succeeded (a UTF-7 document usually does not), the document when it did.
        let declaredName = context.pointee.input?.pointee.encoding.map { UnsafePointer($0) } ?? document.flatMap { $0.pointer.pointee.encoding }
        if let declared = declaredName.map({ String(cString: $0) }), !["UTF-8", "UTF8"].contains(declared.uppercased()) {
            throw .notUTF8(encoding: declared)
        }
        guard let document, state.issues.isEmpty else {
            throw .malformed(state.issues.isEmpty ? [XMLParseIssue(line: 1, message: "not well-formed XML")] : state.issues)
        }
        return document
    }
}

/// What the C callbacks learn during one parse; reached through the context's `_private` pointer.
private final class ParseState {
    let maxDepth: Int
    var issues: [XMLParseIssue] = []
    var refusal: XMLParseError?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    static func from(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parser.pointee._private else { return nil }
        return (parser, Unmanaged<ParseState>.fromOpaque(raw).takeUnretainedValue())
    }
}

// libxml2 passes the parser context as `userData` to SAX callbacks and to `sax->serror`.

private let safeParserStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let error, let (_, state) = ParseState.from(context), state.refusal == nil else { return }
    state.issues.append(XMLParseIssue(line: Int(error.pointee.line), message: LibXMLErrorMessage.clean(error)))
}

private let safeParserRefuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let (parser, state) = ParseState.from(context) else { return }
    state.refusal = .doctypeForbidden(line: Int(xmlSAX2GetLineNumber(context)))
    xmlStopParser(parser)
}

private let safeParserStartElement: startElementNsSAX2Func = {
    context, localname, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
    xmlSAX2StartElementNs(context, localname, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes)
    guard let (parser, state) = ParseState.from(context), state.refusal == nil else { return }
    // xmlSAX2StartElementNs has just pushed this element, so nodeNr is its depth (root = 1).
    if Int(parser.pointee.nodeNr) > state.maxDepth {
        state.refusal = .tooDeep(line: Int(xmlSAX2GetLineNumber(context)), limit: state.maxDepth)
        xmlStopParser(parser)
    }
}
