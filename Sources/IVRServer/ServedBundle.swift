import Foundation
import Hummingbird
import IVRBundle
import IVRRuntime
import TeXMLSchema

/// A verified bundle ready to answer requests: its documents relocated to the server's URL
/// scheme, validated and held in memory, so a request never touches the file system.
public struct ServedBundle: Sendable {
    /// Short hash of the manifest bytes: the same bundle has the same id on every replica.
    /// Kept, not derived from `bundle` each time: every request compares it.
    public let id: String
    /// The directory state read before loading, so the reloader compares against what was
    /// actually loaded rather than against a later look (nil for a bundle made in memory).
    var origin: BundleFingerprint?
    /// What requests read, behind one reference: every request takes a copy of the bundle it is
    /// answered from, and copying these one by one cost more than any step of the answer.
    private let held: Held

    private final class Held: Sendable {
        let bundle: LoadedBundle
        let loadedAt: Date
        let facts: [String: DocumentFacts]
        let answerer: BundleAnswerer<ServedDocuments>

        init(bundle: LoadedBundle, loadedAt: Date, facts: [String: DocumentFacts], answerer: BundleAnswerer<ServedDocuments>) {
            self.bundle = bundle
            self.loadedAt = loadedAt
            self.facts = facts
            self.answerer = answerer
        }
    }

    public var bundle: LoadedBundle { held.bundle }
    public var loadedAt: Date { held.loadedAt }
    /// The answer to a request for bundle path `path` from the relocated documents
    /// (`BundleAnswerer`, the runtime's own function; flows that fill `{{NAME}}` per request keep
    /// theirs as relocated trees). Asked of the answerer where it is held: through a copy of it,
    /// each request retained and released every one of its parts.
    func answer<Carrier: CallValueCarrier>(_ path: String, parameters: [String: String], incoming: IncomingValues,
                                           clock: ScheduleClock, carrier: Carrier) -> RequestAnswer<ByteBuffer, Carrier.Rejection> {
        held.answerer.answer(path, parameters: parameters, incoming: incoming, clock: clock, carrier: carrier)
    }

    /// The entry document for a dialled number (`LoadedBundle.entry(forNumber:)`).
    func entry(forNumber number: String) -> String? { held.bundle.entry(forNumber: number) }

    /// - Parameter pathPrefix: `{public-url}{path}`, the URL the webhook is served under.
    public init(bundle: LoadedBundle, pathPrefix: String, loadedAt: Date = Date()) throws {
        id = bundle.id
        let program = CallProgram(bundle: bundle)
        let vocabulary = try TeXMLVocabulary.bundled.get()
        let validator = try TeXMLSchemaValidator.bundled.get()
        var receivers: [BundleAddress.Receiver: String] = [:]
        for receiver in BundleAddress.Receiver.allCases { receivers[receiver] = pathPrefix + receiver.routePath + "/" + id }
        let relocation = DocumentRelocation(prefix: pathPrefix + "/" + id, receiverPrefixes: receivers,
                                            program: program, vocabulary: vocabulary, validator: validator)
        var trees: [String: [XMLElement]] = [:]
        for path in bundle.manifest.documents.keys where program.values.flow(of: path) != nil {
            trees[path] = try relocation.relocatedVerbs(path)
        }
        let documents = ServedDocuments(bytes: try relocation.relocatedDocuments().mapValues { ByteBuffer(bytes: $0) }, trees: trees,
                                        validator: validator, servedPrefix: pathPrefix + "/" + id + "/")
        let answerer = BundleAnswerer(bundle: bundle, values: program.values, filling: ValueFilling(vocabulary: vocabulary),
                                      documents: documents)
        let flowEntries = Dictionary(bundle.manifest.flows.map { ($0.name, $0) }) { first, _ in first }
        var facts: [String: DocumentFacts] = [:]
        for path in bundle.manifest.documents.keys {
            let route = bundle.manifest.routes[path]
            let documentFacts = DocumentFacts(document: path, flow: flowEntries[String(path.prefix { $0 != "/" })], routeKind: route?.kind)
            facts[path] = documentFacts
            if route != nil, let routePath = BundleAddress.route(ofDocument: path) { facts[routePath] = documentFacts }
        }
        held = Held(bundle: bundle, loadedAt: loadedAt, facts: facts, answerer: answerer)
    }

    /// The served bytes of a bundle document (shared, never copied per request).
    public func document(_ path: String) -> ByteBuffer? { held.answerer.documents.stored(path) }

    /// Which flows fill `{{NAME}}` per request.
    public var values: BundleValues { held.answerer.values }

    /// The flow a bundle path (document or route) belongs to, for logs and metric labels.
    public func flow(of path: String) -> String? { facts(of: path)?.flow }

    /// The facts of the document a bundle path (a document, or the route of one) names; nil outside
    /// the bundle. Both are keys: a route request's facts are one lookup, without its document's path made first.
    func facts(of path: String) -> DocumentFacts? { held.facts[path] }

    public var compilerVersion: String { bundle.manifest.compilerVersion }

    /// SHA-256 (hex) of the manifest's bytes.
    public var manifestHash: String { bundle.manifestSHA256 }
}
