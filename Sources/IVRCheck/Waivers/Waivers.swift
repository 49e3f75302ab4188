import IVRLang

/// The waiver step of `Checker.check`, run after every rule: reads `# ivrc: allow RULE --
/// reason` comments, drops the diagnostics they cover, and reports waivers that cannot be
/// trusted (no reason, unknown rule, above nothing) or that silence nothing.
public enum Waivers {
    public struct Outcome: Sendable {
        /// The diagnostics left after waiving, plus the waivers' own problems; sorted.
        public let diagnostics: [Diagnostic]
        /// Waivers in force: well formed and silencing at least one diagnostic, in source order.
        public let waivers: [Waiver]
        /// What the waivers silenced, each with the waiver that did, for reports that show
        /// suppressed findings (SARIF) rather than drop them.
        public let waived: [WaivedDiagnostic]
    }

    /// `rules` are the ids that may be waived: the rules that ran.
    public static func apply(to diagnostics: [Diagnostic], files: [ParsedFile], rules: [String]) -> Outcome {
        let waivable = Set(rules)
        var problems: [Diagnostic] = []
        var written: [Waiver] = []
        for file in files {
            let scopes = WaiverScopes(file)
            for comment in file.comments {
                guard let waiver = WaiverComment(comment, in: file.source) else { continue }
                let span = file.source.span(comment.range.start, comment.range.end)
                switch waiver.content {
                case .malformed(let problem):
                    problems.append(.error(malformed, problem, at: span, help: "write `# ivrc: allow RULE -- reason`"))
                case .allow(let rule, let reason):
                    let ruleSpan = file.source.span(waiver.ruleRange.start, waiver.ruleRange.end)
                    if !waivable.contains(rule) {
                        problems.append(unknown(rule, at: ruleSpan, waivable: rules))
                    }
                    if reason == nil {
                        problems.append(.error(
                            withoutReason, "this waiver of `\(rule)` does not say why", at: span,
                            help: "add the reason after `--`: `# ivrc: allow \(rule) -- why this is safe here`"))
                    }
                    guard let reason, waivable.contains(rule) else { continue }
                    guard let scope = scopes.scope(of: comment) else {
                        problems.append(.error(
                            misplaced, "this waiver is not directly above a statement, step or flow", at: span,
                            help: "put it on its own line just above what it allows, or as the first line inside a step or flow"))
                        continue
                    }
                    written.append(Waiver(rule: rule, reason: reason, span: span,
                                          scope: file.source.span(scope.start, scope.end)))
                }
            }
        }
        var used = Set<Int>()
        var waived: [WaivedDiagnostic] = []
        let kept = diagnostics.filter { diagnostic in
            let covering = written.indices.filter { written[$0].covers(diagnostic) }
            used.formUnion(covering)
            if let first = covering.first { waived.append(WaivedDiagnostic(diagnostic: diagnostic, waiver: written[first])) }
            return covering.isEmpty
        }
        for (index, waiver) in written.enumerated() where !used.contains(index) {
            problems.append(.warning(
                unused, "nothing here breaks `\(waiver.rule)`, so this waiver silences nothing", at: waiver.span,
                help: "remove the waiver"))
        }
        let inForce = written.indices.filter(used.contains).map { written[$0] }
        return Outcome(diagnostics: Diagnostic.sorted(kept + problems), waivers: inForce, waived: waived)
    }

    private static func unknown(_ rule: String, at span: SourceSpan, waivable: [String]) -> Diagnostic {
        if FrontEndDiagnostics.description(id: rule) != nil {
            return .error(unknownRule, "`\(rule)` cannot be waived", at: span,
                          help: "only checks can be waived; fix the problem instead (`ivrc rules` lists the checks)")
        }
        let nearest = Spelling.nearest(rule, in: waivable)
        let hint = nearest.map { "did you mean `\($0)`? " } ?? ""
        return .error(unknownRule, "there is no rule named `\(rule)`", at: span,
                      help: "\(hint)`ivrc rules` lists the rules that can be waived",
                      fixIts: nearest.map { [.replace(span, with: $0)] } ?? [])
    }
}

/// A diagnostic a waiver silenced.
public struct WaivedDiagnostic: Sendable, Codable {
    public let diagnostic: Diagnostic
    public let waiver: Waiver
}
