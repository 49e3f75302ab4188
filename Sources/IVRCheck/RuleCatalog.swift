/// Every rule ivrc runs, in the order `ivrc rules` lists them.
public enum RuleCatalog {
    public static let all: [any Rule] = [
        RecordingDisclosureRule(),
        RecordingUnsavedRule(),
        EmergencyRouteRule(),
        EmergencyReachableRule(),
        EmergencyLiveDialRule(),
        DialLoopbackRule(),
        UnboundedValueDialRule(),
        DialCycleRule(),
        DuplicateNumberRule(),
        InvalidNumberRule(),
        SilentLoopRule(),
        UnreachableStepRule(),
        UnreachableCodeRule(),
        MenuFallbackRule(),
        MenuFinishKeyRule(),
        GatherTimeoutRule(),
        UnknownPlaceholderRule(),
        ConstantScheduleRule(),
        MissingTranslationRule(),
    ]

    public static func rule(id: String) -> (any Rule)? {
        all.first { $0.description.id == id }
    }
}
