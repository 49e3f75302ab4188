/// Whoever answers a waiting call: a script, a person at a terminal, the path explorer.
public protocol Caller {
    /// The response to `request`, or nil when there is none (see `CallSession.respond`).
    mutating func respond(to request: InputRequest) -> CallerEvent?
}

/// Plays a list of events in order, as the call asks for them. A recording only takes the
/// next event when it is one a recording can end with, so a `press` meant for a later menu is
/// not swallowed by a `<Record>` that ends by itself.
public struct ScriptedCaller: Caller {
    public let events: [CallerEvent]
    public private(set) var consumed = 0

    public init(_ events: [CallerEvent]) {
        self.events = events
    }

    public mutating func respond(to request: InputRequest) -> CallerEvent? {
        guard consumed < events.count else { return nil }
        let event = events[consumed]
        if case .record = request {
            switch event {
            case .speak, .silence, .hangUp: break
            default: return nil
            }
        }
        consumed += 1
        return event
    }
}
