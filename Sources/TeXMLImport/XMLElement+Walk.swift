import TeXMLSchema

extension XMLElement {
    /// Visits this element and everything nested in it in document order (start tags in the
    /// order they appear), with each element's parent. Depth is bounded by the safe parser.
    func walk(parent: XMLElement? = nil, _ visit: (XMLElement, XMLElement?) -> Void) {
        visit(self, parent)
        for child in elements { child.walk(parent: self, visit) }
    }
}
