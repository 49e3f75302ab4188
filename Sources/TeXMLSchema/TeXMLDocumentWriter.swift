import CLibXML2
import Foundation

/// A document written by `TeXMLSchemaValidator.write`: its bytes, and what the schema says.
public struct WrittenDocument: Sendable {
    public let bytes: [UInt8]
    /// Empty when the document is valid TeXML.
    public let violations: [SchemaViolation]
}

extension TeXMLSchemaValidator {
    /// Builds `<Response>` + `verbs` through libxml2's tree API (text and attribute values go in
    /// as literal text and are escaped once, on output), validates the tree in memory and
    /// serialises it. Only an invalid document is parsed again, to put lines on its violations.
    public func write(_ verbs: [XMLElement]) -> WrittenDocument {
        guard let pointer = libxml("1.0", { xmlNewDoc($0) }) else {
            return WrittenDocument(bytes: [], violations: [SchemaViolation(line: 0, element: nil, message: "libxml2 could not allocate a document")])
        }
        let document = LibXMLDocument(pointer)
        let root = libxml("Response") { xmlNewDocNode(pointer, nil, $0, nil) }
        xmlDocSetRootElement(pointer, root)
        for verb in verbs { Self.append(verb, to: root, in: pointer) }
        let bytes = Self.serialize(pointer)
        guard !validate(document).isEmpty else { return WrittenDocument(bytes: bytes, violations: []) }
        return WrittenDocument(bytes: bytes, violations: validate(Data(bytes)))
    }

    private static func append(_ element: XMLElement, to parent: xmlNodePtr?, in document: xmlDocPtr) {
        // nil content: xmlNewDocNode would parse entity references in it.
        let node = libxml(element.name) { xmlNewDocNode(document, nil, $0, nil) }
        for attribute in element.attributes {
            libxml(attribute.name) { name in libxml(attribute.value) { _ = xmlNewProp(node, name, $0) } }
        }
        for child in element.children {
            switch child {
            case .text(let text): xmlAddChild(node, libxml(text) { xmlNewDocText(document, $0) })
            case .element(let nested): append(nested, to: node, in: document)
            }
        }
        xmlAddChild(parent, node)
    }

    private static func serialize(_ document: xmlDocPtr) -> [UInt8] {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
        guard let buffer else { return [] }
        // libxml2's xmlFree is a mutable global (Swift 6 refuses it); ivrc never replaces
        // libxml2's allocator, so it is `free`.
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }
}

/// Passes a Swift string to libxml2 as `const xmlChar *` (UTF-8, NUL-terminated).
private func libxml<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    text.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
    }
}
