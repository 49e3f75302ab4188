import Foundation
import IVRBundle
import TeXMLSchema

/// A loaded bundle with every document parsed once, plus what is needed to turn the URLs in
/// the documents back into bundle paths. Shared by every call simulated over the bundle.
public struct CallProgram: Sendable {
    public var bundle: LoadedBundle { answerer.bundle }
    /// Base URLs the bundle is served from (`--base-url`, `base-url`); absolute URLs under
    /// one of them are documents of the bundle, any other absolute URL is external.
    public var baseURLs: [String] { answerer.documents.baseURLs }
    /// Answers requests as `ivrc serve` does (`BundleAnswerer`, the server's own function).
    let answerer: BundleAnswerer<ParsedDocuments>
    /// Which flows fill `{{NAME}}` with call values, and how.
    public var values: BundleValues { answerer.values }
    /// How `hours` routes are decided; nil stops a call that reaches one (a test without `at`).
    public var clock: ScheduleClock?
    /// `branch` routes whose line is chosen rather than decided by the call's value (by the
    /// document holding the branch, the line's index), so `test --paths` can walk each line.
    public var chosenLines: [String: Int] = [:]
    /// The caller's number the first request sends (`{{From}}`).
    public var caller = CallValues.simulatedCaller

    public init(bundle: LoadedBundle, baseURLs: [String] = [], clock: ScheduleClock? = nil) {
        self.clock = clock
        var parsed: [String: Result<XMLElement, XMLParseError>] = [:]
        let parser = SafeXMLParser()
        for path in bundle.manifest.documents.keys {
            guard let bytes = bundle.document(path) else { continue }
            parsed[path] = Result { () throws(XMLParseError) in try parser.parse(Data(bytes)) }
        }
        let documents = ParsedDocuments(parsed: parsed, baseURLs: baseURLs.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 },
                                        flows: Set(bundle.manifest.flows.map(\.name)))
        answerer = BundleAnswerer(bundle: bundle,
                                  values: BundleValues(manifest: bundle.manifest, documents: parsed.compactMapValues { try? $0.get() }),
                                  filling: (try? TeXMLVocabulary.bundled.get()).map(ValueFilling.init), documents: documents)
    }

    /// The `<Response>` of a document, or why it cannot be read.
    public func response(_ path: String) -> Result<XMLElement, XMLParseError>? { answerer.documents.stored(path) }

    /// The entry document of the flow answering `number`, or of the flow named `flow`.
    public func entry(number: String) -> String? { bundle.entry(forNumber: number) }

    public func entry(flow: String) -> String? { bundle.manifest.flows.first { $0.name == flow }?.entry }

    /// Where `url`, found in document `from`, leads (`BundleAddress`): under a known base URL a
    /// bundle path; without known base URLs an absolute URL ending in a bundle path is that path.
    public func resolve(_ url: String, from: String) -> BundleAddress.Target {
        answerer.documents.resolve(url, from: from)
    }
}
