/// How the values a call carries from request to request travel in URLs: the server seals them
/// with its key (`ValueSeal`), the runtime carries them in plain form (only the simulated caller
/// sees them).
public protocol CallValueCarrier {
    associatedtype Rejection: Error
    /// The values in a request's token, or why they are refused (nil: the URL carries none).
    func open(_ token: String?) -> Result<CallValues, Rejection>
    /// The token for the values an answer carries on every URL back into the bundle.
    func seal(_ values: CallValues) -> String
}
