import IVRBundle
import TeXMLSchema

/// The bundle in memory answers a call's requests with `ivrc serve`'s own function
/// (`BundleAnswerer`): a route by the manifest's route table, a document by its path, its
/// `{{NAME}}` filled from the values carried in the URL (`v=`, in plain form here: nobody but
/// the simulated caller sees them) and the request's parameters.
extension CallProgram: DocumentSource {
    public func request(_ url: String, from address: String?, parameters: [String: String]?) -> Fetch {
        let parameters = parameters ?? [:]
        let path: String
        switch resolve(url, from: address ?? "") {
        case .external(let url): return .handedOff(url: url)
        case .local(let local): path = local
        }
        let incoming: IncomingValues = address == nil ? .firstRequest(firstRequest(url)) : .carried(token: CallValues.carriedToken(in: url))
        switch answerer.answer(path, parameters: parameters, incoming: incoming, clock: clock, carrier: PlainValues(),
                               chosenLines: chosenLines) {
        case .document(let path, .success(let root), _, _, let route):
            return .document(FetchedDocument(address: path, bundlePath: path, root: root, route: route))
        case .document(let path, .failure(let error), _, _, _):
            return .failed(.malformedDocument(path: path, message: "\(error)"))
        case .invalidFilledDocument(let path, let message):
            return .failed(.malformedDocument(path: path, message: message))
        case .unknownDocument(let path):
            return .failed(.missingDocument(path))
        case .noRoute:
            return .failed(.noRoute(url))
        case .momentNeeded(let schedule):
            return .failed(.momentNeeded(schedule: schedule))
        }
    }

    /// The call's fields as a simulated caller's first request sends them.
    private func firstRequest(_ entry: String) -> CallValues {
        let number = bundle.manifest.flows.first { $0.entry == entry }?.number ?? ""
        return .firstRequest(["From": caller, "To": number, "CallSid": CallValues.simulatedCallSid])
    }

    public func resolvedAddress(_ url: String, from address: String) -> String {
        switch resolve(url, from: address) {
        case .local(let path): path
        case .external(let url): url
        }
    }
}
