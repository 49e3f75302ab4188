/// A language as the flow writes it: a BCP 47 tag `language[-Script][-REGION]` in its usual
/// case (`en-US`, `es-MX`, `fr`, `zh-Hans-CN`), which both `<Say language>` and
/// `<Gather language>` take. Written any other way, the designer gets the usual spelling back.
public enum LanguageTag {
    /// True when `text` is already a tag in its usual case.
    public static func isValid(_ text: String) -> Bool { canonical(text) == text }

    /// The tag in its usual case (`ES-mx` → `es-MX`), or nil when `text` is no tag at all.
    public static func canonical(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy(isASCIILetter),
              parts.count <= 3 else { return nil }
        var result = [language.lowercased()]
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy(isASCIILetter) {
            result.append(script.prefix(1).uppercased() + script.dropFirst().lowercased())
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            if region.count == 2, region.allSatisfy(isASCIILetter) {
                result.append(region.uppercased())
            } else if region.count == 3, region.allSatisfy(\.isASCII), region.allSatisfy(\.isNumber) {
                result.append(region)
            } else {
                return nil
            }
            rest = rest.dropFirst()
        }
        return rest.isEmpty ? result.joined(separator: "-") : nil
    }

    /// Whether a word is written like a tag at all, in any case: what a line under `say` or
    /// `voice` is taken to be when it is not a statement.
    public static func looksLikeTag(_ text: String) -> Bool { canonical(text) != nil }

    private static func isASCIILetter(_ character: Character) -> Bool {
        character.isASCII && character.isLetter
    }
}
