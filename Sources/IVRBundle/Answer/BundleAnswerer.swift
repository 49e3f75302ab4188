import TeXMLSchema

/// Answers one request to a bundle, the same way for `ivrc serve` and the runtime: a route
/// through the manifest (`LoadedBundle.next`), the values carried so far plus those the route
/// gathers, the next document filled with them (`ValueFilling`), and every URL in it that leads
/// back into the bundle carrying the flow's values. So "simulate answers as serve does" holds
/// by construction.
public struct BundleAnswerer<Documents: AnswerDocuments>: Sendable where Documents: Sendable {
    public let bundle: LoadedBundle
    /// Which flows fill `{{NAME}}` with call values, and how.
    public let values: BundleValues
    let filling: ValueFilling?
    public let documents: Documents

    public init(bundle: LoadedBundle, values: BundleValues, filling: ValueFilling?, documents: Documents) {
        self.bundle = bundle
        self.values = values
        self.filling = filling
        self.documents = documents
    }

    /// The answer to a request for bundle path `path` (a document `FLOW/NAME.xml` or a route
    /// `FLOW/NAME.route`). `clock` decides `hours` routes; nil answers one with `.momentNeeded`.
    /// `branch` routes are decided by the call's values, unless `chosenLines` picks a line (by
    /// the document holding the branch, the line's index: `test --paths` walks each).
    public func answer<Carrier: CallValueCarrier>(
        _ path: String, parameters: [String: String], incoming: IncomingValues, clock: ScheduleClock?, carrier: Carrier,
        chosenLines: [String: Int] = [:]
    ) -> RequestAnswer<Documents.Document, Carrier.Rejection> {
        let owner = BundleAddress.document(ofRoute: path)
        let received: CallValues
        switch incoming {
        case .firstRequest(let values):
            received = values
        case .carried(let token):
            guard let flow = values.flow(of: owner), !flow.carried.isEmpty else {
                received = CallValues()
                break
            }
            switch carrier.open(token) {
            case .success(let opened): received = opened
            case .failure(let rejection): return .carriedValuesRejected(rejection)
            }
        }
        // A route's owner is another path: its document's.
        guard owner != path else {
            return document(path, values: received, refusedValues: [], parameters: parameters, carrier: carrier)
        }
        guard let route = bundle.manifest.routes[owner] else { return .noRoute(path: path) }
        if route.kind == .hours, clock == nil { return .momentNeeded(schedule: route.schedule ?? owner) }
        // Only a branch decides on the call's values; merging them for any other route cost more than its decision.
        guard let decision = bundle.decide(route, parameters: parameters,
                                           values: route.kind == .branch ? received.filling(with: parameters) : [:],
                                           clock: clock ?? .assumed([:]), chosenLine: chosenLines[owner]),
              let next = decision.next else {
            return .noRoute(path: path)
        }
        let collected = received.collecting(route, parameters: parameters)
        let answer = document(next, values: collected.values, refusedValues: collected.refused, parameters: parameters, carrier: carrier)
        guard case .document(let path, let document, let refusals, let refusedValues, _) = answer else { return answer }
        return .document(path: path, document, refusals: refusals, refusedValues: refusedValues, route: decision)
    }

    /// Document `path` as answered: as stored, or, in a flow that uses values, filled with them,
    /// every URL back into the bundle carrying the flow's values (sealed even when there are
    /// none yet: a sealed token also binds the call and the time).
    private func document<Carrier: CallValueCarrier>(
        _ path: String, values: CallValues, refusedValues: [CallValues.Refusal], parameters: [String: String], carrier: Carrier
    ) -> RequestAnswer<Documents.Document, Carrier.Rejection> {
        guard let flow = self.values.flow(of: path), let filling, let verbs = documents.verbs(path) else {
            guard let stored = documents.stored(path) else { return .unknownDocument(path: path) }
            return .document(path: path, stored, refusals: [], refusedValues: refusedValues, route: nil)
        }
        let carried = values.restricted(to: flow.carried)
        let token = flow.carried.isEmpty ? "" : carrier.seal(carried)
        let documents = documents
        let filled = filling.fill(verbs, values: carried.filling(with: parameters), limits: flow.limits, ownNumber: flow.number,
                                  route: bundle.manifest.routes[path], dialPrefixes: bundle.manifest.dialPrefixes(of: path)) { url in
            token.isEmpty || !documents.leadsIntoBundle(url, from: path) ? url : CallValues.carrying(token, on: url)
        }
        switch documents.write(filled.verbs, path: path) {
        case .success(let document): return .document(path: path, document, refusals: filled.refusals, refusedValues: refusedValues, route: nil)
        case .failure(let invalid): return .invalidFilledDocument(path: path, message: invalid.message)
        }
    }
}
