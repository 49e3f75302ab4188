import TeXMLSchema

extension XMLElement {
    /// An element as the lowering builds it. Attributes are written sorted by name, so output
    /// does not depend on the order options were written in the source.
    static func verb(_ name: String, _ attributes: [String: String] = [:], text: String? = nil,
                     children: [XMLElement] = []) -> XMLElement {
        XMLElement(
            name: name,
            attributes: attributes.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            children: (text.map { [XMLNode.text($0)] } ?? []) + children.map(XMLNode.element),
            line: 0)
    }
}

/// One document of the bundle: `patient_intake/welcome.xml` holds `<Response>` + verbs.
public struct TeXMLDocument: Sendable {
    /// Path inside the bundle, `FLOW/DOCUMENT.xml`.
    public let path: String
    public let verbs: [XMLElement]
    /// The step the document was lowered from, for internal error reports.
    public let step: String
}
