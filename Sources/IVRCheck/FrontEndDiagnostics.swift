import IVRLang

/// The ids the lexer, parser, resolver, module expansion, environment substitution and waiver
/// step report, in the order `ivrc explain` lists them. They are not rules (they cannot be
/// waived), but SARIF's rule table and `ivrc explain` need them too. Each is described where
/// it is declared (`DiagnosticID+*.swift`).
public enum FrontEndDiagnostics {
    public static let all: [DiagnosticID] = [
        .syntax, .indentation, .nestingTooDeep, .unterminatedString, .invalidPlaceholder, .placeholderInHost, .valueInName, .placeholderInOption, .dialPrefixConflict,
        .bodyContentType, .encoding, .emptyFlow,
        .duplicateSetting, .duplicateFlow, .duplicateStep, .duplicateEmergency, .duplicateKey, .duplicateOption,
        .missingNumber, .invalidSetting, .nameTooLong, .unknownStatement, .unknownOption, .invalidOption,
        .compilerOwnedOption, .invalidText, .undefinedStep, .schedule, .unknownTimeZone, .undefinedSchedule, .unreachableBranch, .mixedComparison,
        .duplicateSchedule, .invalidLanguage, .undeclaredLanguage, .duplicateTranslation, .undefinedValue,
        .invalidValue, .unusedValue, .undefinedModule, .duplicateModule, .moduleCycle, .moduleNameClash,
        .moduleLimit, .bundleLimit, .missingParam, .duplicateParam, .undefinedParam, .invalidParam, Waivers.withoutReason,
        Waivers.unknownRule, Waivers.malformed, Waivers.misplaced, Waivers.unused,
    ]

    public static func description(id: String) -> DiagnosticID? {
        all.first { $0.rawValue == id }
    }
}
