import CLibXML2
import Foundation

/// Writes documents through libxml2's tree API, so escaping is libxml2's, done exactly once:
/// text and attribute values go in as literal text nodes and are escaped on output.
public enum XMLSerializer {
    public static func serialize(_ verbs: [TeXMLElement]) -> [UInt8] {
        guard let document = xml("1.0", { xmlNewDoc($0) }) else { return [] }
        defer { xmlFreeDoc(document) }
        let root = xml("Response") { xmlNewDocNode(document, nil, $0, nil) }
        xmlDocSetRootElement(document, root)
        for verb in verbs { append(verb, to: root, in: document) }
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
        guard let buffer else { return [] }
        // libxml2's xmlFree is a mutable global (Swift 6 refuses it); ivrc never replaces
        // libxml2's allocator, so it is `free`.
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    private static func append(_ element: TeXMLElement, to parent: xmlNodePtr?, in document: xmlDocPtr) {
        // nil content: xmlNewDocNode would parse entity references in it.
        let node = xml(element.name) { xmlNewDocNode(document, nil, $0, nil) }
        for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
            xml(name) { namePointer in xml(value) { _ = xmlNewProp(node, namePointer, $0) } }
        }
        if let text = element.text {
            xmlAddChild(node, xml(text) { xmlNewDocText(document, $0) })
        }
        for child in element.children { append(child, to: node, in: document) }
        xmlAddChild(parent, node)
    }
}

/// Passes a Swift string to libxml2 as `const xmlChar *` (UTF-8, NUL-terminated).
func xml<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    text.withCString { pointer in
        pointer.withMemoryRebound(to: xmlChar.self, capacity: text.utf8.count + 1, body)
    }
}
