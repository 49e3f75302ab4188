import Foundation
import IVRLang
import TeXMLSchema

/// `ivrc validate`: reads TeXML files safely, validates each against the TeXML XSD, then runs
/// the checks that make sense on raw TeXML — `dial-loopback`, `recording-disclosure`,
/// `missing-action`, `twiml-only` and `unresolved-wait-url`. Values in, diagnostics out; nothing is printed.
public struct TeXMLValidation: Sendable {
    /// The number the line answers on (`--number`); overrides the bundle manifest's.
    public var number: String?
    public var context: BundleContext
    public var limits: SafeXMLParser.Limits

    public init(number: String? = nil, context: BundleContext = BundleContext(), limits: SafeXMLParser.Limits = .init()) {
        self.number = number
        self.context = context
        self.limits = limits
    }

    public struct Result: Sendable {
        /// Sorted by file and position.
        public let diagnostics: [Diagnostic]
        /// The files as sources, so the renderer can quote XML lines.
        public let sources: [SourceFile]

        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func validate(_ files: [TeXMLFile]) -> Result {
        let documents = files.map { ParsedTeXML.parse($0, limits: limits) }
        var diagnostics: [Diagnostic] = []
        for (file, document) in zip(files, documents) {
            guard document.root != nil else {
                diagnostics += document.refusal
                continue
            }
            let twiml = TwiMLOnlyCheck.check(document)
            let violations = TeXMLSchemaValidator.shared.validate(file.data).filter { violation in
                // The TwiML report says the same thing better, with the TeXML spelling.
                !twiml.contains { $0.line == violation.line && (violation.message.contains("'\($0.name)'") || violation.element == $0.name) }
            }
            diagnostics += SchemaDiagnostics.diagnostics(violations, document: document)
            diagnostics += twiml.map(\.diagnostic)
            diagnostics += MissingActionCheck.check(document)
            if let number = number ?? context.number(of: document.path) {
                diagnostics += LoopbackCheck.check(document, number: number)
            }
        }
        let links = DocumentLinks(paths: files.map(\.path))
        diagnostics += documents.flatMap(WaitURLCheck(links: links).check)
        diagnostics += DisclosureCheck(documents: documents, links: links, context: context).check()
        return Result(diagnostics: Diagnostic.sorted(diagnostics), sources: documents.map(\.source))
    }
}
