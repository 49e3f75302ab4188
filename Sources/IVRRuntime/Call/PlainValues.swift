import IVRBundle

/// Carried values as the runtime carries them: in plain form (`CallValues.formEncoded`), since
/// only the simulated caller sees the URLs; nothing is ever refused.
struct PlainValues: CallValueCarrier {
    func open(_ token: String?) -> Result<CallValues, Never> {
        .success(token.flatMap(CallValues.init(formEncoded:)) ?? CallValues())
    }

    func seal(_ values: CallValues) -> String { values.formEncoded }
}
