/// One TeXML element as the lowering builds it: a plain value, serialised by libxml2.
public struct TeXMLElement: Sendable, Hashable {
    public let name: String
    /// Written sorted by name, so output does not depend on the order options were written.
    public let attributes: [String: String]
    public let text: String?
    public let children: [TeXMLElement]

    public init(_ name: String, _ attributes: [String: String] = [:], text: String? = nil,
                children: [TeXMLElement] = []) {
        self.name = name
        self.attributes = attributes
        self.text = text
        self.children = children
    }
}

/// One document of the bundle: `patient_intake/welcome.xml` holds `<Response>` + verbs.
public struct TeXMLDocument: Sendable, Hashable {
    /// Path inside the bundle, `FLOW/DOCUMENT.xml`.
    public let path: String
    public let verbs: [TeXMLElement]
    /// The step the document was lowered from, for internal error reports.
    public let step: String
}
