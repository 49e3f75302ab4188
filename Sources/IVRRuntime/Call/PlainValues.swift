import IVRBundle

/// Carried values as the runtime carries them: in plain form (`CallValues.formEncoded`), since
/// only the simulated caller sees the URLs; nothing is ever refused. The answer fuzz target
/// carries them so too.
public struct PlainValues: CallValueCarrier {
    public init() {}

    public func open(_ token: String?) -> Result<CallValues, Never> {
        .success(token.flatMap(CallValues.init(formEncoded:)) ?? CallValues())
    }

    public func seal(_ values: CallValues) -> String { values.formEncoded }
}
