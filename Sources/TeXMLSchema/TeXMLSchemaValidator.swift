import CLibXML2
import Foundation

/// Validates documents against the TeXML XSD.
/// The schema is parsed once and shared; each `validate` call makes its own validation context,
/// so one validator can be used from several threads at once.
public final class TeXMLSchemaValidator: Sendable {
    /// The validator for the bundled XSD, loaded on first use.
    public static let bundled: Result<TeXMLSchemaValidator, SchemaLoadError> = Result {
        try TeXMLSchemaValidator(xsd: TeXMLSchemaResource.xsdData)
    }.mapError { $0 as? SchemaLoadError ?? SchemaLoadError(messages: ["\($0)"]) }

    private let schema: ParsedSchema
    private let parser: SafeXMLParser

    /// Parses the XSD. `parser` sets the limits documents are read with.
    public init(xsd: Data, parser: SafeXMLParser = SafeXMLParser()) throws(SchemaLoadError) {
        self.schema = try ParsedSchema(xsd: xsd)
        self.parser = parser
    }

    public func validate(_ string: String) -> [SchemaViolation] {
        validate(Data(string.utf8))
    }

    /// Returns every violation, in document order; empty when the document is valid TeXML.
    /// A document the safe parser refuses is reported as one violation per parse problem.
    public func validate(_ data: Data) -> [SchemaViolation] {
        let document: LibXMLDocument
        do {
            document = try parser.parseDocument(data)
        } catch {
            if case .malformed(let issues) = error {
                return issues.map { SchemaViolation(line: $0.line, element: nil, message: $0.message) }
            }
            return [SchemaViolation(line: error.line, element: nil, message: error.description)]
        }
        return validate(document)
    }

    /// Validates a tree already in libxml2's hands (no parse, so violations carry no lines).
    func validate(_ document: LibXMLDocument) -> [SchemaViolation] {
        schema.validate(document)
    }
}

/// The XSD could not be loaded or is not a valid schema.
public struct SchemaLoadError: Error, Sendable, CustomStringConvertible {
    public var messages: [String]
    public var description: String { "invalid XSD: " + messages.joined(separator: "; ") }
}

/// Owns the compiled `xmlSchema`.
/// `@unchecked Sendable`: libxml2 never mutates a parsed schema during validation, and its
/// documentation allows sharing one across threads as long as each thread has its own
/// `xmlSchemaValidCtxt`, which `validate` creates per call.
private final class ParsedSchema: @unchecked Sendable {
    private let pointer: xmlSchemaPtr

    init(xsd: Data) throws(SchemaLoadError) {
        let errors = ViolationCollector()
        let box = Unmanaged.passRetained(errors)
        defer { box.release() }
        let parsed: xmlSchemaPtr? = xsd.withUnsafeBytes { buffer in
            guard let context = xmlSchemaNewMemParserCtxt(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count)) else { return nil }
            defer { xmlSchemaFreeParserCtxt(context) }
            xmlSchemaSetParserStructuredErrors(context, collectViolation, box.toOpaque())
            return xmlSchemaParse(context)
        }
        guard let parsed else {
            throw SchemaLoadError(messages: errors.violations.isEmpty ? ["xmlSchemaParse failed"] : errors.violations.map(\.description))
        }
        pointer = parsed
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    func validate(_ document: LibXMLDocument) -> [SchemaViolation] {
        guard let context = xmlSchemaNewValidCtxt(pointer) else {
            return [SchemaViolation(line: 0, element: nil, message: "libxml2 could not allocate a validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(context) }
        let collector = ViolationCollector()
        let box = Unmanaged.passRetained(collector)
        defer { box.release() }
        xmlSchemaSetValidStructuredErrors(context, collectViolation, box.toOpaque())
        let result = xmlSchemaValidateDoc(context, document.pointer)
        if result != 0 && collector.violations.isEmpty {
            return [SchemaViolation(line: 0, element: nil, message: "schema validation failed (libxml2 code \(result))")]
        }
        return collector.violations
    }
}

/// Receives libxml2's structured errors through the context pointer of one call.
private final class ViolationCollector {
    var violations: [SchemaViolation] = []
}

private let collectViolation: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let collector = Unmanaged<ViolationCollector>.fromOpaque(context).takeUnretainedValue()
    var element: String?
    if let node = error.pointee.node?.assumingMemoryBound(to: xmlNode.self), let name = node.pointee.name {
        element = String(cString: name)
    }
    collector.violations.append(SchemaViolation(line: Int(error.pointee.line), element: element, message: LibXMLErrorMessage.clean(error)))
}
