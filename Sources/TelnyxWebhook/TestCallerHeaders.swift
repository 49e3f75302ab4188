/// Headers ivrc adds to the webhook exchange for its own test callers (`ivrc test --url`,
/// `ivrc simulate --url`), named once for the server that writes or reads them and the caller.
public enum TestCallerHeaders {
    /// Response header in which `ivrc serve` names the bundle document it answered with, so
    /// `expect step` works over HTTP as it does against the bundle.
    public static let document = "X-IVRC-Document"
    /// Request header carrying a test's `at` moment; `ivrc serve --test-clock` decides `hours`
    /// by it instead of its own clock (and only then: callers never choose the time).
    public static let moment = "X-IVRC-Moment"
    /// Response header of a server that decides `hours` by `moment` (`--test-clock`): without
    /// it, a call with a moment is stopped rather than run by the server's clock.
    public static let testClock = "X-IVRC-Test-Clock"
}
