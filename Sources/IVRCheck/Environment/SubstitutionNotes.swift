import IVRLang

extension Diagnostic {
    /// The finding with a note for every environment value it points at (directly or through a
    /// note): a production number that dials the line names the values file and key it came from.
    /// `substitutions` are grouped by file, so a finding is compared only with its own file's.
    func noting(_ substitutions: [String: [EnvironmentSubstitution.Substitution]]) -> Diagnostic {
        let spans = [span] + notes.map(\.span)
        let added = spans.flatMap { span in (substitutions[span.file] ?? []).filter { span.overlaps($0.span) } }.map { substitution in
            Note("`env.\(substitution.key)` is `\(substitution.value)` in this environment", at: substitution.definition)
        }
        guard !added.isEmpty else { return self }
        return with(notes: notes + added)
    }
}

extension SourceSpan {
    func overlaps(_ other: SourceSpan) -> Bool {
        file == other.file && start.offset < other.end.offset && other.start.offset < end.offset
    }
}
