import IVRBundle
import IVRLang

/// Runs a flow test against the compiled bundle: the test's events are the caller's script,
/// and its expectations are matched in order against the transcript. An expectation written
/// after an event must match something that happened after the call used that event.
public enum FlowTestRunner {
    public static func run(_ test: FlowTest, in program: CallProgram) -> TestOutcome {
        guard let entry = program.entry(flow: test.flow) else {
            return TestOutcome(test: test, failure: "flow \(test.flow) is not in the bundle", transcript: [], branches: [])
        }
        var program = program
        program.clock = test.moment.map { .at($0) }
        program.caller = test.caller ?? CallValues.simulatedCaller
        return run(test, source: program, entry: entry)
    }

    /// Runs the test against any source of documents: the bundle in memory, or a live server
    /// whose webhook URL is `entry`.
    public static func run(_ test: FlowTest, source: some DocumentSource, entry: String) -> TestOutcome {
        var caller = ScriptedCaller(test.events)
        let session = CallSimulator.session(source, entry: entry, caller: &caller)
        return TestOutcome(test: test, failure: check(test, against: session.events), transcript: session.events, branches: session.branches)
    }

    /// The first failure, or nil.
    static func check(_ test: FlowTest, against transcript: [CallEvent]) -> String? {
        let used = transcript.indices.filter { if case .caller = transcript[$0] { true } else { false } }
        var from = 0
        var eventCount = 0
        for line in test.lines {
            switch line {
            case .event(let event, let span):
                guard eventCount < used.count else {
                    return "\(where_(span)): the call never asked for `\(event)`\(ending(transcript))"
                }
                from = max(from, used[eventCount] + 1)
                eventCount += 1
            case .expect(let expectation, let span):
                guard let found = transcript[from...].firstIndex(where: expectation.matches) else {
                    return "\(where_(span)): `\(expectation)` did not happen"
                        + (from > 0 ? " at or after transcript line \(from)" : "") + ending(transcript)
                }
                from = found + 1
            case .expectNone(let expectation, let span):
                if let found = transcript[from...].firstIndex(where: expectation.matches) {
                    return "\(where_(span)): `expect no \(expectation.description.dropFirst("expect ".count))` failed: "
                        + "it happened at transcript line \(found) (`\(transcript[found])`)"
                }
            }
        }
        if case .stopped(let reason)? = transcript.last, reason.isFault {
            return "the call stopped: \(reason)"
        }
        return nil
    }

    private static func where_(_ span: SourceSpan) -> String {
        "\(span.file):\(span.start.line):\(span.start.column)"
    }

    /// How the call ended, when that explains a failure.
    private static func ending(_ transcript: [CallEvent]) -> String {
        guard let last = transcript.last else { return "" }
        switch last {
        case .hangup, .handedOff, .stopped: return " (the call ended: \(last))"
        default: return ""
        }
    }
}
