import Foundation

/// Whether spoken text tells the caller the call is recorded: it mentions record, recorded
/// or recording (any case). The one test for compiled TeXML: `validate` accepts such a `<Say>`
/// as the disclosure, `import` writes it as `disclose`, `test --paths` and `diff` count it.
public enum RecordingMention {
    public static func discloses(_ text: String) -> Bool {
        text.range(of: #"\brecord(ed|ing)?\b"#, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
