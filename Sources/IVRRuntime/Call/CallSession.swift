import IVRBundle
import TeXMLSchema

/// One simulated call, executed the way Telnyx executes TeXML: fetch the entry document,
/// run its verbs in order, stop at each verb that needs the caller, request action URLs
/// with Telnyx's parameters and continue with the document the source answers (the bundle in
/// memory, or a live server over HTTP).
///
/// A value type, so a call can be copied at a waiting point and continued with different
/// responses (the path explorer does that).
public struct CallSession: Sendable {
    public static let defaultStepLimit = 200

    public let source: any DocumentSource
    public let stepLimit: Int
    public private(set) var events: [CallEvent] = []
    /// Every branch decided so far, in order (what coverage counts).
    public private(set) var branches: [TakenBranch] = []
    /// Set while the call waits for the caller; `respond` continues it.
    public private(set) var waiting: InputRequest?
    public private(set) var hasEnded = false

    /// Where the running document came from (a bundle path, or the URL it was fetched from).
    private var document = ""
    private var verbs: [XMLElement] = []
    private var next = 0
    private var steps = 0
    /// The verb that is waiting (Gather, Dial, Record).
    private var pending: XMLElement?

    /// The document currently running, and the index of the verb it waits on (or runs next).
    public var position: (document: String, verb: Int) { (document, next) }

    /// Starts the call: `entry` is the source's starting point (a bundle path, or the webhook URL).
    public init(source: some DocumentSource, entry: String, stepLimit: Int = CallSession.defaultStepLimit) {
        self.source = source
        self.stepLimit = stepLimit
        if countStep() { receive(source.request(entry, from: nil, parameters: nil)) }
        run()
    }

    // MARK: Responding

    /// Continues a waiting call with the caller's response; nil means the script has nothing
    /// more (a recording then ends by itself; a gather or dial stops the simulation).
    public mutating func respond(_ event: CallerEvent?) {
        guard let request = waiting, let verb = pending else { return }
        waiting = nil
        pending = nil
        guard let event else {
            if case .record = request { finishRecord(verb, digits: nil) } else { stop(.scriptEnded) }
            run()
            return
        }
        events.append(.caller(event))
        if event == .hangUp {
            end(.hangup(.caller))
            return
        }
        switch request {
        case .gather(let gather, _): finishGather(verb, gather, event)
        case .dial: finishDial(verb, event)
        case .httpRequest:
            switch event {
            case .respond(let fields): self.request(verb.attribute("action"), parameters: fields)
            case .lookupFailed: break
            default: stop(.scriptMismatch(expected: request.expectation, got: event))
            }
        case .record:
            switch event {
            case .press(let keys):
                let finish = verb.attribute("finishOnKey") ?? "1234567890*#"
                finishRecord(verb, digits: keys.first { finish.contains($0) }.map(String.init))
            case .speak, .silence: finishRecord(verb, digits: nil)
            default: stop(.scriptMismatch(expected: request.expectation, got: event))
            }
        }
        run()
    }

    private mutating func finishGather(_ verb: XMLElement, _ gather: GatherRequest, _ event: CallerEvent) {
        var parameters: [String: String] = [:]
        switch event {
        case .press(let keys) where gather.acceptsDigits:
            var digits = keys
            if let finish = digits.firstIndex(where: { gather.finishOnKey.contains($0) }) {
                digits = String(digits[..<finish])
            }
            if let numDigits = gather.numDigits { digits = String(digits.prefix(numDigits)) }
            if !digits.isEmpty { parameters["Digits"] = digits }
        case .speak(let phrase) where gather.acceptsSpeech:
            parameters["SpeechResult"] = phrase
            parameters["Confidence"] = "0.9"
        case .press, .speak, .silence:
            break
        default:
            stop(.scriptMismatch(expected: InputRequest.gather(gather, action: nil).expectation, got: event))
            return
        }
        // No usable input: the gather falls through to the next verb (TeXML semantics).
        guard !parameters.isEmpty else {
            branches.append(TakenBranch(document: document, outcome: .timeout))
            return
        }
        request(verb.attribute("action"), parameters: parameters)
    }

    private mutating func finishDial(_ verb: XMLElement, _ event: CallerEvent) {
        let status: String
        switch event {
        case .answer: status = "completed"
        case .noAnswer: status = "no-answer"
        case .busy: status = "busy"
        case .failed: status = "failed"
        default:
            stop(.scriptMismatch(expected: InputRequest.dial([]).expectation, got: event))
            return
        }
        events.append(.dialStatus(status))
        if status == "completed", let record = verb.attribute("record"), record.hasPrefix("record-from-answer") {
            events.append(.record(source: "<Dial record=\(record)>"))
        }
        // Without an action the call continues with the next verb once the dialled call ends.
        guard let action = verb.attribute("action") else { return }
        request(action, parameters: ["DialCallStatus": status])
    }

    private mutating func finishRecord(_ verb: XMLElement, digits: String?) {
        var parameters = ["RecordingUrl": "https://recordings.example.invalid/\(events.count).wav",
                          "RecordingDuration": "5"]
        if let digits { parameters["Digits"] = digits }
        // Without an action Telnyx requests the current document again, as TwiML does.
        request(verb.attribute("action"), parameters: parameters)
    }

    // MARK: Running

    /// Runs verbs until the call waits or ends.
    private mutating func run() {
        while !hasEnded && waiting == nil {
            guard next < verbs.count else {
                end(.hangup(.endOfDocument))
                return
            }
            guard countStep() else { return }
            let verb = verbs[next]
            next += 1
            execute(verb)
        }
    }

    private mutating func countStep() -> Bool {
        steps += 1
        if steps > stepLimit { stop(.stepLimit(stepLimit)) }
        return !hasEnded
    }

    private mutating func execute(_ verb: XMLElement) {
        switch verb.name {
        case "Say": events.append(.say(verb.text))
        case "Play": events.append(.play(verb.text.trimmingCharacters(in: .whitespacesAndNewlines)))
        case "Pause": events.append(.pause(seconds: verb.attribute("length") ?? "1"))
        case "Gather": startGather(verb)
        case "Record":
            // A transcription is a second copy of what the caller said: the transcript says so.
            events.append(.record(source: verb.attribute("transcription") == "true" ? "<Record>, transcribed" : "<Record>"))
            wait(.record, on: verb)
        case "Dial": startDial(verb)
        case "HttpRequest": startHTTPRequest(verb)
        case "Redirect":
            let url = verb.text.trimmingCharacters(in: .whitespacesAndNewlines)
            events.append(.redirect(url: url))
            follow(url, parameters: nil)
        case "Hangup": end(.hangup(.verb))
        case "Reject": end(.hangup(.reject(verb.attribute("reason") ?? "rejected")))
        case "Enqueue", "Refer":
            let target = verb.elements.first?.text ?? verb.text
            end(.handedOff(verb: verb.name, target: target.trimmingCharacters(in: .whitespacesAndNewlines)))
        default: events.append(.other(verb: verb.name))
        }
    }

    private mutating func startGather(_ verb: XMLElement) {
        for prompt in verb.elements { execute(prompt) }
        let input = verb.attribute("input") ?? "dtmf"
        let gather = GatherRequest(
            acceptsDigits: input.contains("dtmf"), acceptsSpeech: input.contains("speech"),
            numDigits: verb.attribute("numDigits").flatMap { Int($0) },
            finishOnKey: verb.attribute("finishOnKey") ?? "#",
            timeout: verb.attribute("timeout") ?? "5")
        events.append(.gather(gather))
        let action = verb.attribute("action").map { source.resolvedAddress($0, from: document) }
        wait(.gather(gather, action: action), on: verb)
    }

    private mutating func startDial(_ verb: XMLElement) {
        let nouns = verb.elements.map {
            DialedTarget(noun: $0.name, value: $0.text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        // A dial written with its number as text (`<Dial>+1…</Dial>`) is one Number.
        let spelled = verb.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let targets = nouns.isEmpty && !spelled.isEmpty ? [DialedTarget(noun: "Number", value: spelled)] : nouns
        events.append(.dial(targets: targets))
        if let record = verb.attribute("record"), record.hasPrefix("record-from-ringing") {
            events.append(.record(source: "<Dial record=\(record)>"))
        }
        wait(.dial(targets), on: verb)
    }

    /// With an action the call waits for the server's answer; without one (async) it goes on.
    private mutating func startHTTPRequest(_ verb: XMLElement) {
        let url = verb.elements.first { $0.name == "Request" }?.attribute("url") ?? ""
        events.append(.httpRequest(url: url))
        guard verb.attribute("action") != nil else { return }
        let fields = verb.elements.first { $0.name == "Response" }?.elements.first { $0.name == "Content" }?
            .elements.filter { $0.name == "Field" }
            .compactMap { $0.elements.first { $0.name == "Value" }?.text.trimmingCharacters(in: .whitespacesAndNewlines) } ?? []
        wait(.httpRequest(url: url, fields: fields), on: verb)
    }

    private mutating func wait(_ request: InputRequest, on verb: XMLElement) {
        waiting = request
        pending = verb
    }

    // MARK: Fetching

    /// Requests an action URL (or, without one, the current document, as Telnyx does).
    private mutating func request(_ action: String?, parameters: [String: String]) {
        let url = action ?? document.split(separator: "/").last.map(String.init) ?? document
        events.append(.request(url: url, parameters: parameters))
        follow(url, parameters: parameters)
    }

    /// Goes where a URL leads: the source answers with the next document.
    private mutating func follow(_ url: String, parameters: [String: String]?) {
        guard countStep() else { return }
        receive(source.request(url, from: document, parameters: parameters))
    }

    private mutating func receive(_ fetch: Fetch) {
        switch fetch {
        case .handedOff(let url):
            end(.handedOff(verb: "Redirect", target: url))
        case .failed(let reason):
            stop(reason)
        case .document(let fetched) where fetched.root.name == "Response":
            // The route that decided belongs to the document the request left.
            if let route = fetched.route { branches.append(TakenBranch(document: document, outcome: route.outcome, matched: route.matched)) }
            let shown = fetched.bundlePath ?? fetched.address
            events.append(.document(path: shown, step: fetched.bundlePath.flatMap(DocumentStep.step(of:))))
            document = fetched.address
            verbs = fetched.root.elements
            next = 0
        case .document(let fetched):
            stop(.malformedDocument(path: fetched.address, message: "the root element is <\(fetched.root.name)>, not <Response>"))
        }
    }

    private mutating func stop(_ reason: StopReason) {
        end(.stopped(reason))
    }

    private mutating func end(_ event: CallEvent) {
        events.append(event)
        hasEnded = true
        waiting = nil
        pending = nil
    }
}
