import IVRBundle
import IVRCheck
import IVRLang

/// `--format sarif`: a SARIF 2.1.0 log that GitHub code scanning accepts. The rule table
/// lists every id ivrc can report (rules and front-end ids), so every result has a `ruleIndex`.
public struct SARIFReport: Sendable {
    public let rules: [RuleDescription]
    public let toolVersion: String
    /// Where viewers send people for more about the tool; left out when there is none to name.
    public let informationURI: String?

    public init(rules: [RuleDescription], toolVersion: String, informationURI: String? = nil) {
        self.rules = rules
        self.toolVersion = toolVersion
        self.informationURI = informationURI
    }

    /// `waived` findings are listed too, as suppressed results carrying the waiver's reason, so
    /// code scanning shows auditors each compliance exception instead of hiding it.
    public func render(_ diagnostics: [Diagnostic], waived: [WaivedDiagnostic] = []) -> String {
        var table = rules
        // An id missing from the catalogue still gets an entry, so the log stays valid.
        for id in Set((diagnostics + waived.map(\.diagnostic)).map(\.id)).subtracting(rules.map(\.id)).sorted() {
            let severity = diagnostics.first { $0.id == id }?.severity ?? .error
            table.append(RuleDescription(DiagnosticID(id, severity, summary: id, explanation: id, reported: [], notReported: [])))
        }
        let index = Dictionary(table.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let driver = SARIFLog.Driver(name: "ivrc", version: toolVersion, informationUri: informationURI,
                                     rules: table.map(descriptor))
        let results = diagnostics.map { result($0, ruleIndex: index[$0.id] ?? 0) }
            + waived.map { result($0.diagnostic, ruleIndex: index[$0.diagnostic.id] ?? 0, waivedBecause: $0.waiver.reason) }
        return DeterministicJSON.string(SARIFLog(runs: [SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), results: results)]))
    }

    private func descriptor(_ rule: RuleDescription) -> SARIFLog.ReportingDescriptor {
        SARIFLog.ReportingDescriptor(
            id: rule.id,
            shortDescription: .init(text: rule.summary),
            fullDescription: .init(text: rule.explanation),
            help: .init(text: RuleDocumentation.explain(rule), markdown: RuleDocumentation.markdown(rule)),
            defaultConfiguration: .init(level: rule.severity.rawValue),
            properties: rule.industries.isEmpty ? nil : .init(tags: rule.industries.map(\.rawValue)))
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int, waivedBecause reason: String? = nil) -> SARIFLog.Result {
        var text = diagnostic.message
        if let help = diagnostic.help { text += "\nhelp: \(help)" }
        let related = diagnostic.notes.enumerated().map { offset, note in
            SARIFLog.Location(id: offset + 1, physicalLocation: physical(note.span), message: .init(text: note.message))
        }
        return SARIFLog.Result(
            ruleId: diagnostic.id, ruleIndex: ruleIndex, level: diagnostic.severity.rawValue,
            message: .init(text: text),
            locations: [SARIFLog.Location(id: nil, physicalLocation: physical(diagnostic.span), message: nil)],
            relatedLocations: related.isEmpty ? nil : related,
            suppressions: reason.map { [SARIFLog.Suppression(justification: $0)] },
            fixes: diagnostic.fixIts.isEmpty ? nil : diagnostic.fixIts.map(fix))
    }

    private func fix(_ fix: FixIt) -> SARIFLog.Fix {
        let byFile = Dictionary(grouping: fix.changes, by: \.span.file)
        return SARIFLog.Fix(description: .init(text: fix.message), artifactChanges: byFile.keys.sorted().map { file in
            SARIFLog.ArtifactChange(artifactLocation: Self.artifactLocation(file), replacements: (byFile[file] ?? []).map { change in
                // The region replaced is exactly the span, even when it is empty (an insertion).
                SARIFLog.Replacement(
                    deletedRegion: .init(startLine: change.span.start.line, startColumn: change.span.start.column,
                                         endLine: change.span.end.line, endColumn: change.span.end.column),
                    insertedContent: .init(text: change.replacement))
            })
        })
    }

    private func physical(_ span: SourceSpan) -> SARIFLog.PhysicalLocation {
        // A zero-width span still marks one character, so viewers have something to highlight.
        let endColumn = span.end.line == span.start.line ? max(span.end.column, span.start.column + 1) : span.end.column
        return SARIFLog.PhysicalLocation(
            artifactLocation: Self.artifactLocation(span.file),
            region: .init(startLine: span.start.line, startColumn: span.start.column,
                          endLine: span.end.line, endColumn: endColumn))
    }

    /// Relative paths stay relative to the repository root (`%SRCROOT%`), as code scanning
    /// expects; absolute ones become `file://` URIs. Both are percent-encoded.
    static func artifactLocation(_ path: String) -> SARIFLog.ArtifactLocation {
        var path = Substring(path)
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        if path.hasPrefix("/") {
            return .init(uri: "file://" + percentEncoded(path), uriBaseId: nil)
        }
        return .init(uri: percentEncoded(path), uriBaseId: "%SRCROOT%")
    }

    private static func percentEncoded(_ path: Substring) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
