import IVRBundle
import TeXMLSchema

/// A bundle's documents parsed once, as `BundleAnswerer` reads them for the runtime: a filled
/// document is its tree (the simulated caller reads it directly), and a URL leads back into the
/// bundle when `BundleAddress` resolves it to a bundle path.
struct ParsedDocuments: AnswerDocuments, Sendable {
    let parsed: [String: Result<XMLElement, XMLParseError>]
    /// Base URLs the bundle is served from; see `CallProgram.baseURLs`.
    let baseURLs: [String]
    /// The bundle's flows, whose steps' receivers (`FLOW/STEP.recording`, `.transcription`) are bundle paths.
    let flows: Set<String>

    func stored(_ path: String) -> Result<XMLElement, XMLParseError>? { parsed[path] }

    func verbs(_ path: String) -> [XMLElement]? { try? parsed[path]?.get().elements }

    func write(_ verbs: [XMLElement], path: String) -> Result<Result<XMLElement, XMLParseError>, InvalidFilledDocument> {
        guard case .success(var root)? = parsed[path] else { return .failure(InvalidFilledDocument(message: "\(path) is not parsed")) }
        root.children = verbs.map { .element($0) }
        return .success(.success(root))
    }

    /// A receiver is not: Telnyx posts recordings and transcripts there, it never fetches a document.
    func leadsIntoBundle(_ url: String, from path: String) -> Bool {
        guard case .local(let target) = resolve(url, from: path) else { return false }
        return BundleAddress.receiver(at: target) == nil
    }

    func resolve(_ url: String, from: String) -> BundleAddress.Target {
        BundleAddress.target(of: url, from: from, baseURLs: baseURLs) { path in
            if let receiver = BundleAddress.receiver(at: path) { return flows.contains(receiver.flow) }
            return parsed[path] != nil || parsed[BundleAddress.document(ofRoute: path)] != nil
        }
    }
}
