/// The bundle in memory answers a call's requests the way `ivrc serve` does: a route by the
/// manifest's route table (`LoadedBundle.next`), a document by its path.
extension CallProgram: DocumentSource {
    public func request(_ url: String, from address: String?, parameters: [String: String]?) -> Fetch {
        switch resolve(url, from: address ?? "") {
        case .external(let url):
            return .handedOff(url: url)
        case .local(let path) where path.hasSuffix(".route"):
            let owner = Self.document(ofRoute: path)
            let route = bundle.manifest.routes[owner]
            if route?.kind == .hours, clock == nil { return .failed(.momentNeeded(schedule: route?.schedule ?? owner)) }
            guard let target = bundle.next(after: owner, parameters: parameters ?? [:], clock: clock ?? .assumed([:])) else {
                return .failed(.noRoute(url))
            }
            return document(at: target)
        case .local(let path):
            return document(at: path)
        }
    }

    public func resolvedAddress(_ url: String, from address: String) -> String {
        switch resolve(url, from: address) {
        case .local(let path): path
        case .external(let url): url
        }
    }

    private func document(at path: String) -> Fetch {
        switch response(path) {
        case nil: .failed(.missingDocument(path))
        case .success(let root)?: .document(FetchedDocument(address: path, bundlePath: path, root: root))
        case .failure(let error)?: .failed(.malformedDocument(path: path, message: "\(error)"))
        }
    }
}
