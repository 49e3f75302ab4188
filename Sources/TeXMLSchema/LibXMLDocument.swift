import CLibXML2

/// Owns a libxml2 document tree and frees it once.
/// `@unchecked Sendable`: the tree is never mutated after parsing, and libxml2 allows
/// concurrent read-only use of one document (schema validation only reads it).
final class LibXMLDocument: @unchecked Sendable {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    var root: xmlNodePtr? {
        xmlDocGetRootElement(pointer)
    }
}
