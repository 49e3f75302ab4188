/// The named simple types of an XSD, turned into `AttributeKind`s by texml.xsd's naming
/// convention: `Boolean` is true|false, `Url` a URL, `…Seconds` seconds, integer bases with
/// bounds are counts; otherwise enumerations, then patterns, then free text.
struct XSDSimpleTypes {
    private var restrictions: [String: XMLElement] = [:]

    init(schema: XMLElement) {
        for type in schema.elements where type.name == "simpleType" {
            if let name = type.attribute("name"), let restriction = type.elements.first(where: { $0.name == "restriction" }) {
                restrictions[name] = restriction
            }
        }
    }

    func kind(of typeName: String) -> AttributeKind {
        if typeName == "Boolean" { return .boolean }
        if typeName == "Url" { return .url }
        guard let restriction = restrictions[typeName] else {
            return Self.integerBases.contains(typeName) ? .integer(nil) : .text
        }
        let facets = restriction.elements
        let enumeration = facets.filter { $0.name == "enumeration" }.compactMap { $0.attribute("value") }
        if !enumeration.isEmpty { return .enumeration(enumeration) }
        if let pattern = facets.first(where: { $0.name == "pattern" })?.attribute("value") { return .pattern(pattern) }
        let base = restriction.attribute("base") ?? "xs:string"
        if Self.integerBases.contains(base) || typeName.hasSuffix("Seconds") || typeName.hasSuffix("Count") {
            let range = Self.range(facets)
            return typeName.hasSuffix("Seconds") ? .seconds(range) : .integer(range)
        }
        return kind(of: base)
    }

    private static let integerBases: Set<String> = ["xs:integer", "xs:int", "xs:nonNegativeInteger", "xs:positiveInteger"]

    /// Inclusive bounds; a missing upper bound becomes `Int.max`, a missing lower bound `Int.min`.
    private static func range(_ facets: [XMLElement]) -> ClosedRange<Int>? {
        func bound(_ facet: String) -> Int? {
            facets.first { $0.name == facet }?.attribute("value").flatMap { Int($0) }
        }
        let lower = bound("minInclusive"), upper = bound("maxInclusive")
        if lower == nil && upper == nil { return nil }
        return (lower ?? Int.min)...(upper ?? Int.max)
    }
}
