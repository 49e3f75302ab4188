import Foundation

/// The TeXML verbs, nouns and attributes, read at run time from the XSD so the schema stays
/// the single source of truth for the compiler's option names and value checks.
public struct TeXMLVocabulary: Sendable {
    /// Elements allowed directly in `<Response>`, in schema order.
    public let verbs: [String]
    /// Every element the schema declares, by name.
    public let elements: [String: ElementSpec]

    /// The vocabulary of the bundled XSD, loaded on first use.
    public static let bundled: Result<TeXMLVocabulary, VocabularyError> = Result {
        try TeXMLVocabulary(xsd: TeXMLSchemaResource.xsdData)
    }.mapError { $0 as? VocabularyError ?? VocabularyError(message: "\($0)") }

    /// Reads an XSD written in texml.xsd's style: global simple types, global elements
    /// referenced by `ref`, attributes declared locally with a `type`.
    public init(xsd: Data) throws {
        let schema = try SafeXMLParser().parse(xsd)
        let types = XSDSimpleTypes(schema: schema)
        var elements: [String: ElementSpec] = [:]
        for declaration in schema.elements where declaration.name == "element" {
            guard let name = declaration.attribute("name") else { continue }
            elements[name] = try ElementSpec(declaration: declaration, name: name, types: types)
        }
        guard let response = elements["Response"] else { throw VocabularyError(message: "the XSD declares no Response element") }
        self.verbs = response.children
        self.elements = elements
    }

    public func element(named name: String) -> ElementSpec? {
        elements[name]
    }
}

public struct VocabularyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// One verb or noun.
public struct ElementSpec: Sendable, Equatable {
    public let name: String
    /// Elements that may be nested inside, in schema order (empty: nothing may be nested).
    public let children: [String]
    /// At least one child is required (`<Start>` must start something): a `choice` whose
    /// `minOccurs` is not 0, XSD's default being 1.
    public let requiresChild: Bool
    /// The kind of the element's text, or nil when it takes no text.
    public let text: AttributeKind?
    /// Attributes in schema order.
    public let attributes: [AttributeSpec]
    public let documentation: String

    public var hasText: Bool { text != nil }

    public func attribute(named name: String) -> AttributeSpec? {
        attributes.first { $0.name == name }
    }

    public func attribute(kebab: String) -> AttributeSpec? {
        attributes.first { $0.kebabName == kebab }
    }

    init(declaration: XMLElement, name: String, types: XSDSimpleTypes) throws {
        self.name = name
        documentation = declaration.documentation
        guard let complexType = declaration.elements.first(where: { $0.name == "complexType" }) else {
            throw VocabularyError(message: "element \(name) has no inline complexType")
        }
        var attributeHolder = complexType
        var text: AttributeKind?
        if let simpleContent = complexType.elements.first(where: { $0.name == "simpleContent" }),
           let extensionElement = simpleContent.elements.first(where: { $0.name == "extension" }) {
            text = types.kind(of: extensionElement.attribute("base") ?? "xs:string")
            attributeHolder = extensionElement
        } else if complexType.attribute("mixed") == "true" {
            text = .text
        }
        self.text = text
        children = Self.references(in: complexType)
        requiresChild = complexType.elements.contains { $0.name == "choice" && ($0.attribute("minOccurs") ?? "1") != "0" }
        attributes = attributeHolder.elements.filter { $0.name == "attribute" }.compactMap { attribute in
            guard let attributeName = attribute.attribute("name") else { return nil }
            return AttributeSpec(name: attributeName, kind: types.kind(of: attribute.attribute("type") ?? "xs:string"),
                                 required: attribute.attribute("use") == "required")
        }
    }

    /// `ref`s under the content model, breadth-first but in document order per level;
    /// content models here nest only a few levels (choice/sequence), never recursively.
    private static func references(in complexType: XMLElement) -> [String] {
        var names: [String] = []
        var queue = complexType.elements.filter { $0.name == "choice" || $0.name == "sequence" }
        while !queue.isEmpty {
            let group = queue.removeFirst()
            for item in group.elements {
                if item.name == "element", let ref = item.attribute("ref"), !names.contains(ref) {
                    names.append(ref)
                } else if item.name == "choice" || item.name == "sequence" {
                    queue.append(item)
                }
            }
        }
        return names
    }
}

/// One attribute of a verb or noun.
public struct AttributeSpec: Sendable, Equatable {
    /// The TeXML (camelCase) name, e.g. `finishOnKey`.
    public let name: String
    /// The .ivr option spelling, e.g. `finish-on-key`.
    public let kebabName: String
    public let kind: AttributeKind
    public let required: Bool

    public init(name: String, kind: AttributeKind, required: Bool = false) {
        self.name = name
        self.kebabName = kebabCase(name)
        self.kind = kind
        self.required = required
    }
}

extension XMLElement {
    /// Text of `annotation/documentation`, whitespace-collapsed.
    fileprivate var documentation: String {
        let text = elements.filter { $0.name == "annotation" }
            .flatMap { $0.elements.filter { $0.name == "documentation" } }
            .map(\.text).joined(separator: " ")
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
