/// What a caller hears when the server refuses a dial target filled from a call value (not
/// digits, too long, the line's own number), in the language the call speaks at the dial.
/// The texts are built in, by primary language subtag (`es` for `es-MX` and `es-US`), so one
/// table serves the server, the runtime and `missing-translation`, which reports a dial of a
/// value a call reaches in a language that has none here.
public enum RefusedDialApology {
    /// The apology by primary language subtag.
    public static let texts: [String: String] = [
        "de": "Diese Nummer kann leider nicht gewählt werden.",
        "en": "Sorry, that number cannot be dialled.",
        "es": "Lo sentimos, no se puede marcar ese número.",
        "fr": "Désolé, ce numéro ne peut pas être composé.",
        "it": "Spiacenti, non è possibile chiamare quel numero.",
        "nl": "Sorry, dat nummer kan niet worden gekozen.",
        "pt": "Desculpe, não é possível ligar para esse número.",
    ]

    /// The apology in `language` (a BCP 47 tag); English for a call with no language set,
    /// nil for a language with no built-in text.
    public static func text(in language: String?) -> String? {
        guard let language else { return texts["en"] }
        return texts[String(language.prefix { $0 != "-" }).lowercased()]
    }

    /// The languages with a built-in apology, for a diagnostic's help.
    public static var languages: String { texts.keys.sorted().joined(separator: ", ") }
}
