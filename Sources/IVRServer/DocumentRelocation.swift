import Foundation
import IVRBundle
import IVRCheck
import IVRRuntime
import TeXMLSchema

/// Rewrites every URL in a bundle's documents that leads back into the bundle so it names the
/// server endpoint for that document or route, `{prefix}/{bundleId}/FLOW/NAME.xml|.route`.
///
/// Why: Telnyx resolves a relative URL against the URL the document was fetched from, and the
/// entry document is fetched from the webhook URL, so `welcome.route` in it would resolve to
/// `/welcome.route`. Rooted (or, with `--public-url`, absolute) URLs resolve the same from any
/// document, and the bundle id in them keeps a call on the bundle it started on across reloads.
/// Which attributes and texts are URLs comes from the XSD (`Url`-typed), not from a list here.
struct DocumentRelocation {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// `{public-url}{path}/{bundleId}`, the prefix every relocated URL starts with.
    let prefix: String
    /// `{public-url}{path}/recordings/{bundleId}` and `…/transcriptions/{bundleId}`: where a
    /// step's recordings and transcripts are reported (`FLOW/STEP.recording`, `.transcription`).
    let receiverPrefixes: [BundleAddress.Receiver: String]
    let program: CallProgram
    let vocabulary: TeXMLVocabulary
    let validator: TeXMLSchemaValidator

    /// The served bytes of every document, each re-validated against the XSD: on every core,
    /// since a call waits while a build it needs loads. The first failure in path order is thrown.
    func relocatedDocuments() throws -> [String: [UInt8]] {
        let paths = program.bundle.manifest.documents.keys.sorted()
        let results = ParallelResults<Result<[UInt8], Failure>>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            results.set(index, Result { () throws(Failure) in try relocatedDocument(paths[index]) })
        }
        var relocated: [String: [UInt8]] = [:]
        relocated.reserveCapacity(paths.count)
        for (path, result) in zip(paths, results.values) { relocated[path] = try result.get() }
        return relocated
    }

    private func relocatedDocument(_ path: String) throws(Failure) -> [UInt8] {
        let written = validator.write(try relocatedVerbs(path))
        guard written.violations.isEmpty else {
            let first = written.violations.map(\.message).first ?? ""
            throw Failure(description: "document \(path) is not valid TeXML once its URLs are rewritten: \(first)")
        }
        return written.bytes
    }

    /// A document's verbs with their URLs rewritten, for documents filled per request.
    func relocatedVerbs(_ path: String) throws(Failure) -> [XMLElement] {
        guard case .success(let response)? = program.response(path) else {
            throw Failure(description: "document \(path) is not well-formed XML")
        }
        return response.elements.map { relocate($0, in: path) }
    }

    /// The served URL of a bundle path.
    func url(of bundlePath: String) -> String { prefix + "/" + bundlePath }

    private func relocate(_ element: XMLElement, in path: String) -> XMLElement {
        let spec = vocabulary.element(named: element.name)
        var copy = element
        copy.attributes = element.attributes.map { attribute in
            guard spec?.attribute(named: attribute.name)?.kind == .url else { return attribute }
            return (attribute.name, rewritten(attribute.value, in: path))
        }
        copy.children = element.children.compactMap { child in
            switch child {
            case .element(let nested):
                return .element(relocate(nested, in: path))
            case .text(let text):
                // Indentation between verbs is re-created by the writer.
                guard spec?.hasText == true else { return text.allSatisfy(\.isWhitespace) ? nil : child }
                return spec?.text == .url ? .text(rewritten(text, in: path)) : child
            }
        }
        return copy
    }

    /// A URL that names a document, a route or a receiver of this bundle becomes
    /// its served URL; any other URL (an audio file, another host) is left exactly as written.
    private func rewritten(_ url: String, in path: String) -> String {
        guard case .local(let target) = program.resolve(url, from: path) else { return url }
        if let found = BundleAddress.receiver(at: target), let prefix = receiverPrefixes[found.receiver] {
            return prefix + "/" + found.flow + "/" + found.step
        }
        return isServed(target) ? self.url(of: target) : url
    }

    private func isServed(_ target: String) -> Bool {
        let manifest = program.bundle.manifest
        if target.hasSuffix(".route") { return manifest.routes[BundleAddress.document(ofRoute: target)] != nil }
        return manifest.documents[target] != nil
    }
}
