import Foundation
import IVRBundle
import TeXMLEmit
import TeXMLSchema

/// A loaded bundle with every document parsed once, plus what is needed to turn the URLs in
/// the documents back into bundle paths. Shared by every call simulated over the bundle.
public struct CallProgram: Sendable {
    public let bundle: LoadedBundle
    /// Base URLs the bundle is served from (`--base-url`, `base-url`); absolute URLs under
    /// one of them are documents of the bundle, any other absolute URL is external.
    public let baseURLs: [String]
    private let parsed: [String: Result<XMLElement, XMLParseError>]
    /// Which flows fill `{{NAME}}` with call values, and how (the server's own function).
    public let values: BundleValues
    let filling: ValueFilling?
    /// How `hours` routes are decided; nil stops a call that reaches one (a test without `at`).
    public var clock: ScheduleClock?

    public init(bundle: LoadedBundle, baseURLs: [String] = [], clock: ScheduleClock? = nil) {
        self.bundle = bundle
        self.clock = clock
        self.baseURLs = baseURLs.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        var parsed: [String: Result<XMLElement, XMLParseError>] = [:]
        let parser = SafeXMLParser()
        for path in bundle.manifest.documents.keys {
            guard let bytes = bundle.document(path) else { continue }
            parsed[path] = Result { () throws(XMLParseError) in try parser.parse(Data(bytes)) }
        }
        self.parsed = parsed
        values = BundleValues(manifest: bundle.manifest, documents: parsed.compactMapValues { try? $0.get() })
        filling = (try? TeXMLVocabulary.bundled.get()).map(ValueFilling.init)
    }

    /// The `<Response>` of a document, or why it cannot be read.
    public func response(_ path: String) -> Result<XMLElement, XMLParseError>? { parsed[path] }

    /// The entry document of the flow answering `number`, or of the flow named `flow`.
    public func entry(number: String) -> String? { bundle.entry(forNumber: number) }

    public func entry(flow: String) -> String? { bundle.manifest.flows.first { $0.name == flow }?.entry }

    /// Where `url`, found in document `from`, leads (`BundleAddress`): under a known base URL a
    /// bundle path; without known base URLs an absolute URL ending in a bundle path is that path.
    public func resolve(_ url: String, from: String) -> BundleAddress.Target {
        BundleAddress.target(of: url, from: from, baseURLs: baseURLs, isKnown: isKnown)
    }

    private func isKnown(_ path: String) -> Bool {
        parsed[path] != nil || parsed[BundleAddress.document(ofRoute: path)] != nil
    }
}
