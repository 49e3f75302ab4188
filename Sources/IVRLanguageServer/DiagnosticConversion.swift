import IVRLang
import IVRLanguageServerProtocol

/// ivrc's `Diagnostic` values as the protocol's, per file: the same findings `ivrc check`
/// prints, at the same places, in the client's position encoding.
struct DiagnosticConversion {
    /// How to turn a file's byte offsets into client positions.
    let converter: (String) -> PositionConverter?
    /// Where a rule's documentation lives (`BASE + id`), when the client configured it.
    let documentationBase: String?

    /// Rules whose findings are code that never runs: clients fade it.
    static let unnecessaryCode: Set<String> = ["unreachable-code", "unreachable-step"]

    func convert(_ diagnostic: Diagnostic) -> LSPDiagnostic? {
        guard let converter = converter(diagnostic.span.file) else { return nil }
        let related: [LSPDiagnostic.RelatedInformation] = diagnostic.notes.compactMap { note in
            guard let noteConverter = self.converter(note.span.file) else { return nil }
            return LSPDiagnostic.RelatedInformation(
                location: Location(uri: DocumentURI.uri(of: note.span.file), range: noteConverter.range(of: note.span)),
                message: note.message)
        }
        let message = diagnostic.help.map { "\(diagnostic.message)\nhelp: \($0)" } ?? diagnostic.message
        return LSPDiagnostic(
            range: converter.range(of: diagnostic.span),
            severity: diagnostic.severity == .error ? .error : .warning,
            code: diagnostic.id,
            codeDescription: documentationBase.map { .init(href: $0 + diagnostic.id) },
            source: "ivrc",
            message: message,
            tags: Self.unnecessaryCode.contains(diagnostic.id) ? [.unnecessary] : nil,
            relatedInformation: related.isEmpty ? nil : related)
    }
}
