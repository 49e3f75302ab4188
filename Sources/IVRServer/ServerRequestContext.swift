import Hummingbird
import Synchronization

/// Hummingbird's request context plus what a handler learned about the request (which flow
/// and document it answered), for the log and metrics middleware that run around it.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let notes = RequestNotes()
    /// The connection's peer address (a proxy's, behind one).
    public let peer: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
    }
}

/// Filled by the handler, read by the middleware once the response exists. Holds bundle
/// names and ids only, never a request parameter a caller could have typed or said.
public final class RequestNotes: Sendable {
    public struct Fields: Sendable {
        public var callSid: String?
        public var flow: String?
        public var document: String?
        public var bundle: String?
        public var kind: ServerMetrics.RequestKind = .unmatched
        /// The step the answer belongs to and its language when not the flow's first: bundle names only.
        public var step: String?
        public var language: String?
        /// The branch the request's route took (`RouteOutcome`), never the input that chose it.
        public var outcome: String?
        /// Whether the request belongs to the flow's `emergency` step (its route or its answer).
        public var emergency: Bool?
        /// A status callback's `CallStatus` and `HangupSource` (their fixed sets, `other` for
        /// anything else), its `CallDuration` when believable, and what became of it.
        public var callStatus: String?
        public var hangupSource: String?
        public var durationSeconds: Int?
        public var statusCallback: String?
        /// Why a request was refused (`unknown-number`, `signature-forged`, …).
        public var refusal: String?
    }

    private let fields = Mutex(Fields())

    public func update(_ change: (inout Fields) -> Void) {
        fields.withLock { change(&$0) }
    }

    public var current: Fields { fields.withLock { $0 } }

    /// `body` reads the fields where they are: a request's line reads them once, and copying
    /// them out cost more than the look.
    func read<Result>(_ body: (borrowing Fields) -> Result) -> Result {
        fields.withLock { body($0) }
    }
}
