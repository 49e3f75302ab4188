import Foundation
import Hummingbird
import HTTPTypes
import IVRCheck
import IVRRuntime
import TeXMLEmit

/// The TeXML endpoints: `{path}` answers a new call with its flow's entry document;
/// `{path}/{bundle}/FLOW/NAME.route` routes an action request through the manifest
/// (`LoadedBundle.next`) and answers with the next document in the same response;
/// `{path}/{bundle}/FLOW/NAME.xml` serves a document a `<Redirect>` names.
struct TeXMLRoutes {
    let store: BundleStore
    let configuration: ServerConfiguration
    let metrics: ServerMetrics

    func add(to router: Router<ServerRequestContext>) {
        let group = router.group(RouterPath(configuration.path))
        if let verifier = configuration.verifier {
            group.add(middleware: SignatureMiddleware(verifier: verifier, maxBodyBytes: configuration.maxBodyBytes, metrics: metrics))
        }
        // Telnyx signs only a POST body, so a GET is authentic only when nothing is checked.
        let methods: [HTTPRequest.Method] = configuration.verifier == nil ? [.post, .get] : [.post]
        for method in methods {
            group.on("", method: method) { request, context in try await entry(request, context: context) }
            group.on(":bundle/**", method: method) { request, context in try await bundlePath(request, context: context) }
        }
    }

    private func entry(_ request: Request, context: ServerRequestContext) async throws -> Response {
        var request = request
        let parameters = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
        let served = store.current
        context.notes.update {
            $0.kind = .entry
            $0.callSid = parameters["CallSid"]
            $0.bundle = served.id
        }
        guard let entry = served.bundle.entry(forNumber: parameters["To"] ?? "") else {
            metrics.unknownNumber()
            context.notes.update { $0.refusal = "unknown-number" }
            return Self.refusal(HTTPResponse.Status(code: configuration.unknownNumberStatus), "no flow answers this number")
        }
        let flow = served.flow(of: entry) ?? ""
        metrics.callStarted(flow: flow)
        return document(entry, of: served, values: .firstRequest(parameters), parameters: parameters, context: context)
    }

    private func bundlePath(_ request: Request, context: ServerRequestContext) async throws -> Response {
        var request = request
        let parameters = try await CallParameters.decode(&request, maxBodyBytes: configuration.maxBodyBytes)
        let bundleId = context.parameters.get("bundle") ?? ""
        let path = context.parameters.getCatchAll().joined(separator: "/")
        context.notes.update { $0.callSid = parameters["CallSid"] }
        guard let served = store.bundle(id: bundleId) else {
            metrics.unknownBundle()
            context.notes.update { $0.refusal = "unknown-bundle" }
            return Self.refusal(.notFound, "unknown bundle, or replaced longer ago than the grace period")
        }
        context.notes.update { $0.bundle = served.id }
        let carried: CallValues
        switch carriedValues(request, path: path, of: served, callSid: parameters["CallSid"] ?? "") {
        case .success(let values): carried = values
        case .failure(let rejection):
            metrics.carriedValuesRejected(reason: rejection.rawValue)
            context.notes.update {
                $0.kind = path.hasSuffix(".route") ? .route : .document
                $0.refusal = "carried-values-\(rejection.rawValue)"
            }
            return Self.refusal(.forbidden, "carried call values refused (\(rejection.rawValue))")
        }
        guard path.hasSuffix(".route") else {
            context.notes.update { $0.kind = .document }
            return document(path, of: served, values: carried, parameters: parameters, context: context)
        }
        context.notes.update { $0.kind = .route }
        let from = CallProgram.document(ofRoute: path)
        guard let next = served.bundle.next(after: from, parameters: parameters, clock: clock(for: request)) else {
            context.notes.update { $0.refusal = "unknown-route" }
            return Self.refusal(.notFound, "no route here")
        }
        let collected = carried.collecting(served.bundle.manifest.routes[from], parameters: parameters)
        collected.refused.forEach { metrics.collectedValueRefused(reason: $0.rawValue) }
        return document(next, of: served, values: collected.values, parameters: parameters, context: context)
    }

    /// The values the request's URL carries (`v=`), opened with the server's key: nothing for a
    /// flow that carries none, a rejection for a token that is missing, forged, stale or for
    /// another call.
    private func carriedValues(_ request: Request, path: String, of served: ServedBundle,
                               callSid: String) -> Result<CallValues, ValueSeal.Rejection> {
        guard let flow = served.values.flow(of: CallProgram.document(ofRoute: path)), !flow.carried.isEmpty else {
            return .success(CallValues())
        }
        guard let token = CallValues.carriedToken(in: "?" + (request.uri.query ?? "")) else { return .failure(.missing) }
        guard let seal = configuration.valueSeal else { return .failure(.forged) }
        return seal.open(token, callSid: callSid, bundle: served.id)
    }

    /// The moment `hours` routes are decided at: now, or with `--test-clock` the moment the test sent.
    private func clock(for request: Request) -> ScheduleClock {
        let sent = configuration.testClock ? request.headers[Self.momentHeader].flatMap(CallMoment.parse) : nil
        return .at(sent ?? .instant(Date()))
    }

    private func document(_ path: String, of served: ServedBundle, values: CallValues, parameters: [String: String],
                          context: ServerRequestContext) -> Response {
        let seal = configuration.valueSeal
        let answer = served.answer(path, values: values, parameters: parameters) { carried in
            seal?.seal(carried, callSid: parameters["CallSid"] ?? "", bundle: served.id) ?? ""
        }
        context.notes.update {
            $0.flow = served.flow(of: path)
            $0.document = path
        }
        switch answer {
        case nil:
            context.notes.update {
                $0.flow = nil
                $0.document = nil
                $0.refusal = "unknown-document"
            }
            return Self.refusal(.notFound, "no such document")
        case .invalid?:
            // The violation may quote the value, which a log must never carry.
            context.notes.update { $0.refusal = "filled-document-invalid" }
            return Self.refusal(.internalServerError, "the document is not valid TeXML once filled with this call's values")
        case .document(let bytes, let refusals)?:
            for refusal in refusals { metrics.dialRefused(reason: refusal.rawValue) }
            if let refusal = refusals.first { context.notes.update { $0.refusal = "dial-\(refusal.rawValue)" } }
            return Response(status: .ok, headers: [.contentType: "application/xml; charset=utf-8", Self.documentHeader: path],
                            body: .init(byteBuffer: bytes))
        }
    }

    /// Names the bundle document an answer is, so a test caller's `expect step` works over HTTP
    /// as it does against the bundle (a bundle path, never anything from the request).
    static let documentHeader = HTTPField.Name("X-IVRC-Document")!
    static let momentHeader = HTTPField.Name("X-IVRC-Moment")!

    /// A refusal carries a short plain-text reason and never TeXML, so Telnyx cannot play it.
    static func refusal(_ status: HTTPResponse.Status, _ reason: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: reason + "\n")))
    }
}
