import IVRBundle

/// Carried values as the server carries them: sealed with its `ValueSeal` for this call and
/// bundle; without a key every token is refused as forged.
struct SealedValues: CallValueCarrier {
    let seal: ValueSeal?
    let callSid: String
    let bundle: String

    func open(_ token: String?) -> Result<CallValues, ValueSeal.Rejection> {
        guard let token else { return .failure(.missing) }
        guard let seal else { return .failure(.forged) }
        return seal.open(token, callSid: callSid, bundle: bundle)
    }

    func seal(_ values: CallValues) -> String {
        seal?.seal(values, callSid: callSid, bundle: bundle) ?? ""
    }
}
