import Foundation

/// How a menu's route picks a branch from what the caller said (`SpeechResult`). One function,
/// reached through `LoadedBundle.next`, so `ivrc serve`, `simulate` and `test` agree:
/// - text is compared word by word, case- and accent-insensitively (`Cita` = `cita`, `Médico`
///   = `medico`); a phrase matches when all its words occur consecutively and whole in what was
///   said, so `cita` never matches inside `solicitar`;
/// - when several phrases match, the emergency branch wins, then the longest phrase (in words),
///   then the one said first, then the alphabetically first, so the choice is deterministic.
public enum SpeechMatcher {
    /// The words of `text`, folded: lowercased, accents removed, split at anything that is not
    /// a letter or a digit.
    public static func words(_ text: String) -> [Substring] {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }
    }

    /// The phrase whose branch answers `said`, or nil when none matches. `phrases` maps each
    /// phrase to its target; `emergency` is the emergency branch's target, if the menu has one.
    public static func match(_ said: String, phrases: [String: String], emergency: String?) -> String? {
        let spoken = words(said)
        let candidates = phrases.keys.compactMap { phrase -> (phrase: String, words: Int, at: Int)? in
            let wanted = words(phrase)
            guard let at = firstOccurrence(of: wanted, in: spoken) else { return nil }
            return (phrase, wanted.count, at)
        }
        return candidates.min { a, b in
            let aEmergency = emergency != nil && phrases[a.phrase] == emergency
            let bEmergency = emergency != nil && phrases[b.phrase] == emergency
            if aEmergency != bEmergency { return aEmergency }
            if a.words != b.words { return a.words > b.words }
            if a.at != b.at { return a.at < b.at }
            return a.phrase < b.phrase
        }?.phrase
    }

    private static func firstOccurrence(of wanted: [Substring], in spoken: [Substring]) -> Int? {
        guard !wanted.isEmpty, wanted.count <= spoken.count else { return nil }
        return (0...(spoken.count - wanted.count)).first { start in
            spoken[start..<(start + wanted.count)].elementsEqual(wanted)
        }
    }
}
