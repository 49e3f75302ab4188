import Foundation

/// Whether spoken text tells the caller the call is recorded: it mentions record, recorded
/// or recording (any case), or the same in the languages a bilingual line speaks most often
/// (Spanish `grabada`/`grabación`, French `enregistré`, Portuguese `gravada`/`gravação`,
/// German `aufgezeichnet`). The one test for compiled TeXML: `validate` accepts such a `<Say>`
/// as the disclosure, `import` writes it as `disclose`, `test --paths` and `diff` count it.
public enum RecordingMention {
    private static let words = #"\b(record(ed|ing)?|graba\w*|enregistr\w*|grava(da|do|das|dos|ção|ndo)|aufgezeichnet|aufzeichnung)\b"#

    public static func discloses(_ text: String) -> Bool {
        text.range(of: words, options: [.regularExpression, .caseInsensitive]) != nil
    }
}
