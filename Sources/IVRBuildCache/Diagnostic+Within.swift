import IVRLang

extension Diagnostic {
    /// Whether every place the diagnostic names (its span, its notes', its fix-its') is in
    /// `source`: a diagnostic read from a snapshot is rendered against the file as it is now,
    /// and one naming a line the file does not have is no diagnostic of it.
    func isWithin(_ source: SourceFile, lines: Int) -> Bool {
        let spans = [span] + notes.map(\.span) + fixIts.flatMap { $0.changes.map(\.span) }
        return spans.allSatisfy { span in
            span.file == source.path && [span.start, span.end].allSatisfy { position in
                (1...lines).contains(position.line) && position.column >= 1 && (0...source.bytes.count).contains(position.offset)
            } && span.start.offset <= span.end.offset
        }
    }
}
