import IVRBundle
import TeXMLEmit
import TeXMLSchema

/// The bundle in memory answers a call's requests the way `ivrc serve` does: a route by the
/// manifest's route table (`LoadedBundle.next`), a document by its path, its `{{NAME}}` filled
/// by `ValueFilling` from the values carried in the URL (`v=`, in plain form here: nobody but
/// the simulated caller sees them) and the request's parameters.
extension CallProgram: DocumentSource {
    public func request(_ url: String, from address: String?, parameters: [String: String]?) -> Fetch {
        let parameters = parameters ?? [:]
        let carried = address == nil ? firstRequest(url)
            : CallValues.carriedToken(in: url).flatMap(CallValues.init(formEncoded:)) ?? CallValues()
        switch resolve(url, from: address ?? "") {
        case .external(let url):
            return .handedOff(url: url)
        case .local(let path) where path.hasSuffix(".route"):
            let owner = Self.document(ofRoute: path)
            let route = bundle.manifest.routes[owner]
            if route?.kind == .hours, clock == nil { return .failed(.momentNeeded(schedule: route?.schedule ?? owner)) }
            guard let target = bundle.next(after: owner, parameters: parameters, clock: clock ?? .assumed([:])) else {
                return .failed(.noRoute(url))
            }
            return document(at: target, values: carried.adding(route, parameters: parameters), parameters: parameters)
        case .local(let path):
            return document(at: path, values: carried, parameters: parameters)
        }
    }

    /// The call's fields as a simulated caller's first request sends them.
    private func firstRequest(_ entry: String) -> CallValues {
        let number = bundle.manifest.flows.first { $0.entry == entry }?.number ?? ""
        return .firstRequest(["From": CallValues.simulatedCaller, "To": number, "CallSid": CallValues.simulatedCallSid])
    }

    public func resolvedAddress(_ url: String, from address: String) -> String {
        switch resolve(url, from: address) {
        case .local(let path): path
        case .external(let url): url
        }
    }

    private func document(at path: String, values: CallValues, parameters: [String: String]) -> Fetch {
        switch response(path) {
        case nil: return .failed(.missingDocument(path))
        case .success(let root)?: return .document(FetchedDocument(address: path, bundlePath: path, root: filled(root, at: path, values, parameters)))
        case .failure(let error)?: return .failed(.malformedDocument(path: path, message: "\(error)"))
        }
    }

    /// The document as `ivrc serve` would answer it: placeholders filled, dial targets checked,
    /// and the flow's carried values added to every URL that leads back into the bundle.
    private func filled(_ root: XMLElement, at path: String, _ values: CallValues, _ parameters: [String: String]) -> XMLElement {
        guard let flow = self.values.flow(of: path), let filling else { return root }
        let carried = values.restricted(to: flow.carried)
        let token = carried.formEncoded
        let filled = filling.fill(root.elements, values: carried.filling(with: parameters), limits: flow.limits,
                                  ownNumber: flow.number, route: bundle.manifest.routes[path]) { url in
            guard !token.isEmpty, case .local = resolve(url, from: path) else { return url }
            return CallValues.carrying(token, on: url)
        }
        var copy = root
        copy.children = filled.verbs.map { .element($0) }
        return copy
    }
}
