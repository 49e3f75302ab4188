import Foundation

/// Whether spoken text tells the caller the call is recorded: it mentions record, recorded
/// or recording (any case). The same test makes `validate` accept a `<Say>` as the
/// disclosure and makes `import` write that `<Say>` as `disclose`.
public enum RecordingMention {
    public static func discloses(_ text: String) -> Bool {
        text.range(of: #"\brecord(ed|ing)?\b"#, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
