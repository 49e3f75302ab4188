/// A parsed XML document as plain Swift values, so no other module ever holds a libxml2 pointer.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// One XML element: its local name (no namespace prefix), attributes in document order, children and source line.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    /// The namespace URI, nil for none (TeXML's elements have none).
    public var namespace: String?
    /// Attributes in document order (a dictionary would lose the order the author wrote).
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    /// 1-based line of the start tag.
    public var line: Int

    public init(name: String, namespace: String? = nil, attributes: [(name: String, value: String)] = [], children: [XMLNode] = [],
                line: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// Child elements only, skipping text.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { e } else { nil } }
    }

    /// Direct text content, concatenated.
    public var text: String {
        children.map { if case .text(let t) = $0 { t } else { "" } }.joined()
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.namespace == rhs.namespace && lhs.line == rhs.line && lhs.children == rhs.children
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }
}
