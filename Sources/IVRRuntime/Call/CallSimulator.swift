/// Runs a call to its end with a caller answering every request.
public enum CallSimulator {
    /// The whole transcript. `observe` sees each event as it happens (the interactive
    /// simulator prints what the caller hears before asking for keys).
    public static func run(
        _ source: some DocumentSource, entry: String, caller: inout some Caller,
        stepLimit: Int = CallSession.defaultStepLimit, observe: (CallEvent) -> Void = { _ in }
    ) -> [CallEvent] {
        session(source, entry: entry, caller: &caller, stepLimit: stepLimit, observe: observe).events
    }

    /// The ended session: its transcript and the branches it took.
    public static func session(
        _ source: some DocumentSource, entry: String, caller: inout some Caller,
        stepLimit: Int = CallSession.defaultStepLimit, observe: (CallEvent) -> Void = { _ in }
    ) -> CallSession {
        var session = CallSession(source: source, entry: entry, stepLimit: stepLimit)
        var shown = 0
        func flush() {
            for event in session.events[shown...] { observe(event) }
            shown = session.events.count
        }
        flush()
        while let request = session.waiting {
            session.respond(caller.respond(to: request))
            flush()
        }
        return session
    }
}
