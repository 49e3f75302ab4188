import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLSchema

/// `ivrc import`: turns TeXML documents into one `.ivr` flow, one step per document. Links
/// between the given documents (relative `<Redirect>` and `action` URLs, and a bundle's route
/// table) become `goto` and `-> STEP`; a `<Gather>` whose bundle route is a menu becomes a
/// `menu` again (its replay documents folded back into `tries`). What the language cannot
/// say is left as a comment in the flow and reported as an `import-lossy` warning.
public enum TeXMLImporter {
    public struct Options: Sendable {
        /// The line's inbound number (`--number`); else the manifest's.
        public var number: String?
        /// The flow's name; else the manifest's, else the entry file's name.
        public var flowName: String?
        /// Written as `industry` when set; the language's default is `general`.
        public var industry: Industry?
        public var context: BundleContext
        public var limits: SafeXMLParser.Limits

        public init(number: String? = nil, flowName: String? = nil, industry: Industry? = nil,
                    context: BundleContext = BundleContext(), limits: SafeXMLParser.Limits = .init()) {
            self.number = number
            self.flowName = flowName
            self.industry = industry
            self.context = context
            self.limits = limits
        }
    }

    public struct Result: Sendable {
        /// The `.ivr` text; empty when a file was refused.
        public let source: String
        /// Refusals (errors) and what could not be carried over (warnings), at the XML line.
        public let diagnostics: [Diagnostic]
        /// The XML files as sources, for quoting lines.
        public let sources: [SourceFile]
        /// The step each document became, by document path (replays folded into a menu have none).
        public var stepNames: [String: String] = [:]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Imports `files`; the call starts at the bundle's entry when it is among them, else at the first file.
    public static func importFlow(_ files: [TeXMLFile], options: Options = Options()) -> Result {
        let documents = files.map { ParsedTeXML.parse($0, limits: options.limits) }
        let refusals = documents.flatMap(\.refusal) + zip(files, documents).flatMap { file, document in
            notTeXML(document) + changedSinceBuild(file, document.source, context: options.context)
        }
        guard refusals.isEmpty, !documents.isEmpty else {
            return Result(source: "", diagnostics: refusals, sources: documents.map(\.source))
        }
        var writer = FlowWriter(documents: documents, options: options)
        let source = writer.write()
        return Result(source: source, diagnostics: Diagnostic.sorted(writer.warnings), sources: documents.map(\.source),
                      stepNames: writer.stepNames)
    }

    /// A document whose root is not TeXML's `<Response>` (in no namespace) is some other XML.
    private static func notTeXML(_ document: ParsedTeXML) -> [Diagnostic] {
        guard let root = document.root, root.name != "Response" || root.namespace != nil else { return [] }
        let written = root.namespace.map { "<\(root.name) xmlns=\"\($0)\">" } ?? "<\(root.name)>"
        return [.error(.texmlSchema, "the root element is \(written), not TeXML's <Response>; this is not a TeXML document",
                       at: document.source.lineSpan(root.line),
                       help: "TeXML documents are <Response> elements in no namespace")]
    }

    /// A document of an ivrc bundle that no longer matches the SHA-256 its manifest records.
    private static func changedSinceBuild(_ file: TeXMLFile, _ source: SourceFile, context: BundleContext) -> [Diagnostic] {
        guard let recorded = context.hashes[file.path], DocumentHash.sha256([UInt8](file.data)) != recorded else { return [] }
        return [.error(.bundleHash, "this document does not match its SHA-256 in the bundle's manifest.json; it was changed after the build",
                       at: source.lineSpan(1),
                       help: "rebuild the bundle with `ivrc build`, or import the .ivr source it was built from")]
    }
}
