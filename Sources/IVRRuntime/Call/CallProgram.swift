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

    /// Where a URL found in document `from` leads.
    public enum Target: Sendable, Equatable {
        /// A bundle path: a document `FLOW/NAME.xml` or a route `FLOW/NAME.route`.
        case local(String)
        case external(String)
    }

    /// Resolves `url` as Telnyx would against the document's own URL, then maps it back to a
    /// bundle path: relative `x.xml` sits beside `from`; `BASE/FLOW/x.xml` under a known base
    /// URL is `FLOW/x.xml`. Without known base URLs an absolute URL whose last two segments
    /// name a bundle document is taken to be that document.
    public func resolve(_ url: String, from: String) -> Target {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("://") {
            let withoutQuery = String(trimmed.prefix { $0 != "?" && $0 != "#" })
            for base in baseURLs where withoutQuery.hasPrefix(base + "/") {
                return .local(Self.normalise(String(withoutQuery.dropFirst(base.count + 1))))
            }
            if baseURLs.isEmpty {
                let tail = withoutQuery.split(separator: "/").suffix(2).joined(separator: "/")
                if isKnown(tail) { return .local(tail) }
            }
            return .external(trimmed)
        }
        let path = String(trimmed.prefix { $0 != "?" && $0 != "#" })
        if path.hasPrefix("/") { return .local(Self.normalise(String(path.dropFirst()))) }
        let directory = from.split(separator: "/").dropLast().joined(separator: "/")
        return .local(Self.normalise(directory.isEmpty ? path : directory + "/" + path))
    }

    private func isKnown(_ path: String) -> Bool {
        parsed[path] != nil || parsed[Self.document(ofRoute: path)] != nil
    }

    /// `FLOW/NAME.route` → `FLOW/NAME.xml`, the document whose route it is.
    public static func document(ofRoute path: String) -> String {
        path.hasSuffix(".route") ? String(path.dropLast(".route".count)) + ".xml" : path
    }

    /// Removes `.` and `..` segments so `../flow/x.xml` lands on a bundle path.
    private static func normalise(_ path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/") {
            if segment == "." { continue }
            if segment == ".." { _ = segments.popLast(); continue }
            segments.append(segment)
        }
        return segments.joined(separator: "/")
    }
}
