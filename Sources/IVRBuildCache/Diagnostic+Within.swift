import IVRLang

extension Diagnostic {
    /// Whether the diagnostic is in `source` and every other place it names (its notes', its
    /// fix-its') in `source` or `other` (the values file, where a note shows a value's
    /// definition): a diagnostic read from a snapshot is rendered against the files as they
    /// are now, and one naming a line a file does not have is no diagnostic of it.
    func isWithin(_ source: SourceFile, or other: SourceFile?) -> Bool {
        let files = [source] + (other.map { [$0] } ?? [])
        let others = notes.map(\.span) + fixIts.flatMap { $0.changes.map(\.span) }
        return span.lies(in: source) && others.allSatisfy { span in files.contains { span.lies(in: $0) } }
    }
}

extension SourceSpan {
    /// Whether the span is in `source`: its file, lines and bytes.
    func lies(in source: SourceFile) -> Bool {
        let lines = source.bytes.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return file == source.path && start.offset <= end.offset && [start, end].allSatisfy { position in
            (1...lines).contains(position.line) && (1...(source.bytes.count + 1)).contains(position.column)
                && (0...source.bytes.count).contains(position.offset)
        }
    }
}
