import Foundation
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

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Imports `files`; the call starts at the bundle's entry when it is among them, else at the first file.
    public static func importFlow(_ files: [TeXMLFile], options: Options = Options()) -> Result {
        let documents = files.map { ParsedTeXML.parse($0, limits: options.limits) }
        let refusals = documents.flatMap(\.refusal)
        guard refusals.isEmpty, !documents.isEmpty else {
            return Result(source: "", diagnostics: refusals, sources: documents.map(\.source))
        }
        var writer = FlowWriter(documents: documents, options: options)
        let source = writer.write()
        return Result(source: source, diagnostics: Diagnostic.sorted(writer.warnings), sources: documents.map(\.source))
    }
}
