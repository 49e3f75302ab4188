import TeXMLSchema

/// Which flows of a bundle use call values, read once from the documents and the route table:
/// a flow without a single `{{NAME}}` is served as written and carries nothing.
public struct BundleValues: Sendable {
    public struct FlowValues: Sendable, Equatable {
        /// Every name its documents fill (request parameters included).
        public let used: Set<String>
        /// The names carried from request to request: the call's fields, gathered values and
    /// http-request fields it uses.
        public let carried: Set<String>
        /// The most digits each gathered name may put into a dial target: the gather's
        /// `numDigits`, else its `maxDigits`.
        public let limits: [String: Int]
        /// The line's own number, which a filled dial target must not be.
        public let number: String
    }

    private let flows: [String: FlowValues]

    /// - Parameter documents: the parsed `<Response>` of each bundle document.
    public init(manifest: Manifest, documents: [String: XMLElement]) {
        var names: [String: Set<String>] = [:]
        for (path, root) in documents {
            names[Self.flow(of: path), default: []].formUnion(Self.placeholders(in: root))
        }
        // A branch reads its value without writing it anywhere: it is used all the same.
        for (path, route) in manifest.routes where route.kind == .branch {
            if let name = route.value { names[Self.flow(of: path), default: []].insert(name) }
        }
        var gathered: [String: [String: Int?]] = [:]
        for (path, route) in manifest.routes where route.kind == .httpRequest {
            for field in route.fields ?? [] { gathered[Self.flow(of: path), default: [:]][field] = .some(nil) }
        }
        for (path, route) in manifest.routes where route.kind == .gather {
            guard let name = route.value else { continue }
            let gather = documents[path]?.elements.first { $0.name == "Gather" }
            let limit = (gather?.attribute("numDigits") ?? gather?.attribute("maxDigits")).flatMap { Int($0) }
            gathered[Self.flow(of: path), default: [:]][name] = limit
        }
        var flows: [String: FlowValues] = [:]
        for flow in manifest.flows {
            let own = gathered[flow.name] ?? [:]
            let fillable = TelnyxRequestParameters.names.union(own.keys)
            let used = (names[flow.name] ?? []).intersection(fillable)
            guard !used.isEmpty else { continue }
            flows[flow.name] = FlowValues(
                used: used, carried: used.intersection(Set(CallValues.callFields).union(own.keys)),
                limits: own.compactMapValues { $0 }, number: flow.number)
        }
        self.flows = flows
    }

    /// The values of the flow a bundle path (`FLOW/NAME.xml|.route`) belongs to; nil when the
    /// flow uses none.
    public func flow(of path: String) -> FlowValues? { flows.isEmpty ? nil : flows[Self.flow(of: path)] }

    public var isEmpty: Bool { flows.isEmpty }

    /// The flows that use values, by name, sorted.
    public var flowNames: [String] { flows.keys.sorted() }

    private static func flow(of path: String) -> String { String(Substring(path.utf8.prefix { $0 != UInt8(ascii: "/") })) }

    private static func placeholders(in element: XMLElement) -> Set<String> {
        var names = Set(element.attributes.flatMap { ValueFilling.names(in: $0.value) })
        for child in element.children {
            switch child {
            case .element(let nested): names.formUnion(placeholders(in: nested))
            case .text(let text): names.formUnion(ValueFilling.names(in: text))
            }
        }
        return names
    }
}
