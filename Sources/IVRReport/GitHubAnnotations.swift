import IVRLang

/// `--format github`: one GitHub Actions workflow command per diagnostic
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=rule-id::message`), which the
/// runner turns into annotations on the changed lines.
public enum GitHubAnnotations {
    public static func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(command).joined()
    }

    static func command(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.span
        let properties = [
            ("file", span.file), ("line", String(span.start.line)), ("col", String(span.start.column)),
            ("endLine", String(span.end.line)), ("endColumn", String(span.end.column)),
            ("title", diagnostic.id),
        ].map { "\($0)=\(escapeProperty($1))" }.joined(separator: ",")
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        for note in diagnostic.notes {
            message += "\nnote: \(note.message) (\(note.span.file):\(note.span.start.line):\(note.span.start.column))"
        }
        let level = diagnostic.severity == .error ? "error" : "warning"
        return "::\(level) \(properties)::\(escapeData(message))\n"
    }

    /// The runner's escaping for a command's message: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`, which delimit the properties.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}

extension String {
    /// Character-wise replace without Foundation (CRLF is one `Character`, so scalars are used).
    fileprivate func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
