import CLibXML2

/// Copies a libxml2 element tree into `XMLElement` values without recursion,
/// so depth can never exhaust the stack.
enum XMLTreeConverter {
    static func convert(_ root: xmlNodePtr) -> XMLElement {
        // Each frame is an element under construction and the next libxml2 child to visit.
        var stack: [(element: XMLElement, next: xmlNodePtr?)] = [(shell(root), root.pointee.children)]
        while true {
            let top = stack.count - 1
            guard let node = stack[top].next else {
                let finished = stack.removeLast().element
                if stack.isEmpty { return finished }
                stack[stack.count - 1].element.children.append(.element(finished))
                continue
            }
            stack[top].next = node.pointee.next
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                stack.append((shell(node), node.pointee.children))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                stack[top].element.children.append(.text(string(node.pointee.content)))
            default:
                continue
            }
        }
    }

    private static func shell(_ node: xmlNodePtr) -> XMLElement {
        var attributes: [(name: String, value: String)] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            // Without a DOCTYPE there are no entity nodes: an attribute's value is its text children.
            var value = ""
            var piece = current.pointee.children
            while let text = piece {
                value += string(text.pointee.content)
                piece = text.pointee.next
            }
            attributes.append((string(current.pointee.name), value))
            attribute = current.pointee.next
        }
        let namespace = node.pointee.ns.map { string($0.pointee.href) }
        return XMLElement(name: string(node.pointee.name), namespace: namespace, attributes: attributes, line: Int(xmlGetLineNo(node)))
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        chars.map { String(cString: $0) } ?? ""
    }

    private static func string(_ chars: UnsafeMutablePointer<xmlChar>?) -> String {
        chars.map { String(cString: $0) } ?? ""
    }
}
