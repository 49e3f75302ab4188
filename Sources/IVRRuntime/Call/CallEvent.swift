/// One line of a call transcript: what the caller heard, what the call asked for, where it went.
public enum CallEvent: Sendable, Hashable, CustomStringConvertible {
    /// A document was fetched; `step` is the `.ivr` step it came from (nil for `hangup.call`).
    case document(path: String, step: String?)
    case say(String)
    case play(String)
    case pause(seconds: String)
    /// A `<Gather>` waits for input (after its prompts played).
    case gather(GatherRequest)
    /// The caller's (or the dialled party's) response, consumed from the script.
    case caller(CallerEvent)
    /// A `<Record>` starts, or a `<Dial record=…>` records the bridged call.
    case record(source: String)
    case dial(targets: [DialedTarget])
    /// How the dial ended: `completed` (answered), `no-answer`, `busy`, `failed`.
    case dialStatus(String)
    /// An action URL is requested with Telnyx's parameters.
    case request(url: String, parameters: [String: String])
    case redirect(url: String)
    case hangup(HangupReason)
    /// The call left the bundle: an external `<Redirect>`, `<Enqueue>`, `<Refer>`.
    case handedOff(verb: String, target: String)
    /// A verb the simulator does not act on (`<Start>`, `<Stream>`, …); the call continues.
    case other(verb: String)
    /// Telnyx asks an outside server (`<HttpRequest>`); the answer comes from the script.
    case httpRequest(url: String)
    case stopped(StopReason)

    public var description: String {
        switch self {
        case .document(let path, let step): "document \(path)" + (step.map { " (step \($0))" } ?? "")
        case .say(let text): "say \"\(text)\""
        case .play(let url): "play \(url)"
        case .pause(let seconds): "pause \(seconds)s"
        case .gather(let request): "gather \(request)"
        case .caller(let event): "caller: \(event)"
        case .record(let source): "record (\(source))"
        case .dial(let targets): "dial " + targets.map(\.description).joined(separator: ", ")
        case .dialStatus(let status): "dial ended: \(status)"
        case .request(let url, let parameters):
            "request \(url)" + (parameters.isEmpty ? "" : " " + parameters.sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        case .redirect(let url): "redirect \(url)"
        case .hangup(let reason): "hangup (\(reason))"
        case .handedOff(let verb, let target): "handed off: <\(verb)> \(target)"
        case .other(let verb): "<\(verb)> (not simulated)"
        case .httpRequest(let url): "http-request \(url)"
        case .stopped(let reason): "stopped: \(reason)"
        }
    }
}

/// What a `<Gather>` accepts, as written on it (Telnyx defaults filled in).
public struct GatherRequest: Sendable, Hashable, CustomStringConvertible {
    public let acceptsDigits: Bool
    public let acceptsSpeech: Bool
    public let numDigits: Int?
    public let finishOnKey: String
    public let timeout: String

    public init(acceptsDigits: Bool, acceptsSpeech: Bool, numDigits: Int?, finishOnKey: String, timeout: String) {
        self.acceptsDigits = acceptsDigits
        self.acceptsSpeech = acceptsSpeech
        self.numDigits = numDigits
        self.finishOnKey = finishOnKey
        self.timeout = timeout
    }

    public var description: String {
        var parts = [[acceptsDigits ? "dtmf" : nil, acceptsSpeech ? "speech" : nil].compactMap { $0 }.joined(separator: "+")]
        if let numDigits { parts.append("numDigits=\(numDigits)") }
        parts.append("timeout=\(timeout)s")
        return parts.joined(separator: " ")
    }
}

/// A `<Dial>` noun: `<Number>`, `<Sip>`, `<Queue>` or `<Conference>` and its text.
public struct DialedTarget: Sendable, Hashable, CustomStringConvertible {
    public let noun: String
    public let value: String

    public init(noun: String, value: String) {
        self.noun = noun
        self.value = value
    }

    public var description: String {
        noun == "Number" || noun == "Sip" ? value : "\(noun.lowercased()) \(value)"
    }
}

public enum HangupReason: Sendable, Hashable, CustomStringConvertible {
    /// A `<Hangup>` verb.
    case verb
    /// `<Reject reason=…>`.
    case reject(String)
    /// The document ran out of verbs; Telnyx hangs up.
    case endOfDocument
    /// The caller hung up (`hang-up` in the script).
    case caller

    public var description: String {
        switch self {
        case .verb: "<Hangup>"
        case .reject(let reason): "<Reject reason=\(reason)>"
        case .endOfDocument: "end of document"
        case .caller: "caller hung up"
        }
    }
}

/// Why the simulation stopped before the call ended.
public enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// The script has no more events and the call is waiting for one.
    case scriptEnded
    /// The script's next event does not fit what the call waits for.
    case scriptMismatch(expected: String, got: CallerEvent)
    case stepLimit(Int)
    case missingDocument(String)
    case noRoute(String)
    case malformedDocument(path: String, message: String)
    /// The call reached `hours` with no moment to decide it by (a test without `at`).
    case momentNeeded(schedule: String)
    /// A live server answered a request with something other than 200.
    case serverStatus(url: String, status: Int)
    /// A live server could not be reached (refused, timed out, broken response).
    case unreachable(url: String, message: String)
    /// The call has a moment (`at`, `--at`) but the live server decides `hours` by its own
    /// clock: the call would pass or fail by the time it is run.
    case momentIgnored(url: String)

    public var description: String {
        switch self {
        case .scriptEnded: "the caller script ended while the call was waiting"
        case .scriptMismatch(let expected, let got): "the call waits for \(expected), but the script says `\(got)`"
        case .stepLimit(let limit): "more than \(limit) documents and verbs without the call ending; is the flow looping?"
        case .missingDocument(let url): "\(url) is not a document of the bundle"
        case .noRoute(let url): "no route answers the action request \(url)"
        case .malformedDocument(let path, let message): "\(path) is not a readable TeXML document: \(message)"
        case .momentNeeded(let schedule):
            "the call reaches schedule `\(schedule)`; say when it happens: `at 2026-12-25 09:00` in the test, `--at` for simulate"
        case .serverStatus(let url, let status): "the server answered \(status) to \(url)"
        case .unreachable(let url, let message): "no answer from \(url): \(message)"
        case .momentIgnored(let url):
            "\(url) decides `hours` by its own clock, not by this call's moment; start `ivrc serve` with --test-clock to run calls at a moment"
        }
    }

    /// True when the bundle (not the script running out) is to blame.
    public var isFault: Bool { self != .scriptEnded }
}
