import Foundation
import Hummingbird
import HTTPTypes
import IVRBundle
import IVRCheck
import IVRRuntime
import TelnyxWebhook

/// The TeXML endpoints: `{path}` answers a new call with its flow's entry document;
/// `{path}/{bundle}/FLOW/NAME.route` routes an action request through the manifest
/// (`LoadedBundle.next`) and answers with the next document in the same response;
/// `{path}/{bundle}/FLOW/NAME.xml` serves a document a `<Redirect>` names. `entry` and
/// `bundlePath` answer once the form is decoded and the bundle found; the router's routes and
/// `TeXMLFastPath` both call them.
struct TeXMLRoutes {
    let store: BundleStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        configuration.addWebhook(configuration.path, to: router, metrics: metrics, routes: [
            ("", { request, context in
                var request = request
                let parameters = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
                return entry(parameters, moment: request.headers[Self.momentHeader], notes: context.notes).response
            }),
            (":bundle/**", { request, context in
                var request = request
                let parameters = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
                let bundleId = context.parameters.get("bundle") ?? ""
                let path = context.parameters.getCatchAll().joined(separator: "/")
                return bundlePath(path, on: bundleId, served: await store.bundle(forCallOn: bundleId), parameters: parameters,
                                  query: request.uri.query, moment: request.headers[Self.momentHeader], notes: context.notes).response
            }),
        ])
    }

    /// A new call: its flow's entry document, found from the number called.
    func entry(_ parameters: [String: String], moment: String?, notes: RequestNotes) -> WebhookAnswer {
        let served = store.current
        notes.update {
            $0.kind = .entry
            $0.callSid = parameters["CallSid"]
            $0.bundle = served.id
        }
        guard let entry = served.entry(forNumber: parameters["To"] ?? "") else {
            metrics.unknownNumber()
            notes.update { $0.refusal = "unknown-number" }
            return .refusal(HTTPResponse.Status(code: configuration.unknownNumberStatus), "no flow answers this number")
        }
        let facts = served.facts(of: entry)
        metrics.callStarted(flow: facts?.flow ?? "")
        // An entry document is filled with the call's own fields only in a flow that uses values.
        let values: CallValues = served.values.flow(of: entry) == nil ? CallValues() : .firstRequest(parameters)
        return answer(entry, .firstRequest(values), of: served, facts: facts, moment: moment, parameters: parameters, notes: notes)
    }

    /// A request of a call under way: `path` (`FLOW/NAME.route` or `FLOW/NAME.xml`) of bundle
    /// `bundleId`, answered from `served`, the bundle with that id if this server can answer it.
    func bundlePath(_ path: String, on bundleId: String, served: ServedBundle?, parameters: [String: String], query: String?,
                    moment: String?, notes: RequestNotes) -> WebhookAnswer {
        notes.update {
            $0.callSid = parameters["CallSid"]
            // Set before the bundle is found: a signed request for a replaced bundle is still one Telnyx sent.
            $0.kind = BundleAddress.isRoute(path) ? .route : .document
        }
        guard let served else {
            metrics.unknownBundle()
            notes.update { $0.refusal = "unknown-bundle" }
            return .refusal(.notFound, "unknown bundle, or replaced longer ago than the grace period")
        }
        notes.update { $0.bundle = served.id }
        // A URL into a flow without values has no query: nothing to read.
        let token = query.flatMap { CallValues.carriedToken(in: "?" + $0) }
        return answer(path, .carried(token: token), of: served, moment: moment, parameters: parameters, notes: notes)
    }

    /// The bundle's answer (`BundleAnswerer`, the runtime's own function) as an HTTP response,
    /// with its metrics and log notes; carried values are opened and sealed with the server's key.
    /// `facts` are those of `path` when the caller looked them up already.
    private func answer(_ path: String, _ incoming: IncomingValues, of served: ServedBundle, facts pathFacts: DocumentFacts? = nil,
                        moment: String?, parameters: [String: String], notes: RequestNotes) -> WebhookAnswer {
        let carrier = SealedValues(seal: configuration.valueSeal, callSid: parameters["CallSid"] ?? "", bundle: served.id)
        switch served.answer(path, parameters: parameters, incoming: incoming, clock: clock(sent: moment), carrier: carrier) {
        case .carriedValuesRejected(let rejection):
            metrics.carriedValuesRejected(reason: rejection.rawValue)
            notes.update { $0.refusal = "carried-values-\(rejection.rawValue)" }
            return .refusal(.forbidden, "carried call values refused (\(rejection.rawValue))")
        // The server always passes a clock, so an `hours` route never lacks its moment.
        case .noRoute, .momentNeeded:
            notes.update { $0.refusal = "unknown-route" }
            return .refusal(.notFound, "no route here")
        case .unknownDocument:
            notes.update { $0.refusal = "unknown-document" }
            return .refusal(.notFound, "no such document")
        case .invalidFilledDocument(let document, _):
            // The violation may quote the value, which a log must never carry.
            noteServed(document, of: served, notes: notes)
            notes.update { $0.refusal = "filled-document-invalid" }
            return .refusal(.internalServerError, "the document is not valid TeXML once filled with this call's values")
        case .document(let document, let bytes, let refusals, let refusedValues, let outcome):
            let facts = noteServed(document, of: served, facts: document == path ? pathFacts : nil, notes: notes)
            for refusal in refusedValues { metrics.collectedValueRefused(reason: refusal.rawValue) }
            metrics.outcomes.served(facts)
            noteOutcome(outcome?.outcome, at: path, refusals: refusals, answer: document, facts: facts, of: served, notes: notes)
            for refusal in refusals { metrics.dialRefused(reason: refusal.rawValue) }
            if let refusal = refusals.first { notes.update { $0.refusal = "dial-\(refusal.rawValue)" } }
            var headers = facts?.answerFields ?? Self.answerFields(document: document)
            // Tells `ivrc test --url` its `at` moments are honoured, so they never silently follow the clock.
            if configuration.testClock { headers[Self.testClockHeader] = "on" }
            return WebhookAnswer(status: .ok, headers: headers, body: bytes)
        }
    }

    /// Notes the document answered and returns its facts (`known`, or looked up), found once for the
    /// notes and the metrics.
    @discardableResult
    private func noteServed(_ document: String, of served: ServedBundle, facts known: DocumentFacts? = nil,
                            notes: RequestNotes) -> DocumentFacts? {
        let facts = known ?? served.facts(of: document)
        notes.update {
            $0.flow = facts?.flow
            $0.document = document
            $0.step = facts?.step
            $0.language = facts?.languageTag
            $0.emergency = facts?.isEmergency ?? false
        }
        return facts
    }

    /// Counts the branch the request's route took, as the bundle names it (`LoadedBundle.decide`;
    /// the step the answer enters is counted from its facts); a dial whose target was refused counts as
    /// `refused` at the dial's own step, since Telnyx never dials it.
    private func noteOutcome(_ outcome: RouteOutcome?, at path: String, refusals: [ValueFilling.Refusal], answer document: String,
                             facts answerFacts: DocumentFacts?, of served: ServedBundle, notes: RequestNotes) {
        // `path` is the route's own: its facts are its document's, with the route's kind.
        if let outcome, let ownerFacts = served.facts(of: path), let kind = ownerFacts.routeKind {
            // The answer is the document the route decided on, so its step is the one the call goes on to.
            metrics.outcomes.routed(kind, facts: ownerFacts, outcome: outcome, next: answerFacts, stepAfter: answerFacts?.step ?? "")
            notes.update {
                $0.outcome = outcome.rawValue
                $0.emergency = $0.emergency == true || ownerFacts.isEmergency
            }
        }
        if !refusals.isEmpty, let route = served.bundle.manifest.routes[document], route.kind == .dial {
            metrics.outcomes.routed(.dial, facts: answerFacts, outcome: .refused, next: nil,
                                    stepAfter: OutcomeMetrics.stepAfter(route, outcome: .refused, of: served))
            notes.update { $0.outcome = RouteOutcome.refused.rawValue }
        }
    }

    /// The moment `hours` routes are decided at: now, or with `--test-clock` the moment the test sent.
    private func clock(sent moment: String?) -> ScheduleClock {
        let sent = configuration.testClock ? moment.flatMap(CallMoment.parse) : nil
        return .at(sent ?? .instant(Date()))
    }

    /// Names the bundle document an answer is, so a test caller's `expect step` works over HTTP
    /// as it does against the bundle (a bundle path, never anything from the request).
    static let documentHeader = HTTPField.Name(TestCallerHeaders.document)!
    private static let xmlContentType = HTTPField(name: .contentType, value: "application/xml; charset=utf-8")

    /// The fields of an answer with bundle document `document`: TeXML's content type and `X-IVRC-Document`.
    static func answerFields(document: String) -> HTTPFields {
        HTTPFields([xmlContentType, HTTPField(name: documentHeader, value: document)])
    }

    static let momentHeader = HTTPField.Name(TestCallerHeaders.moment)!
    static let testClockHeader = HTTPField.Name(TestCallerHeaders.testClock)!
}
