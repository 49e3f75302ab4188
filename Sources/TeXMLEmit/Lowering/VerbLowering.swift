import IVRBundle
import IVRCheck
import TeXMLSchema

/// Lowers single actions to TeXML elements in the call's language, applying the flow's
/// defaults (`voice` per language and `language` on every `<Say>` and `<Gather>`,
/// `recordingStatusCallback` on everything that records).
struct VerbLowering {
    let flow: Flow
    let address: BundleAddress

    func attributes(_ attributes: [Attribute]) -> [String: String] {
        var result: [String: String] = [:]
        for attribute in attributes { result[attribute.name] = attribute.value }
        return result
    }

    /// Elements for actions that do not hand control anywhere; nil for control actions.
    /// `language` is the call's language where the action runs, `step` the step it is in.
    func element(_ action: Action, in language: String?, step: String) -> XMLElement? {
        switch action.kind {
        case .say(let text, _, let sayAttributes, _):
            var attributes: [String: String] = [:]
            if let voice = voice(in: language) { attributes["voice"] = voice }
            if let language { attributes["language"] = language }
            attributes.merge(self.attributes(sayAttributes)) { _, written in written }
            // A missing translation is a `missing-translation` error, so a build never gets here without one.
            return XMLElement.verb("Say", attributes, text: action.text(in: language, of: flow) ?? text)
        case .play(let url, let attributes):
            return XMLElement.verb("Play", self.attributes(attributes), text: url)
        case .pause(let attributes):
            return XMLElement.verb("Pause", self.attributes(attributes))
        case .dial(let targets, let attributes, nil):
            return dial(targets, self.attributes(attributes), step: step)
        case .leave:
            return XMLElement.verb("Leave")
        case .redirect(let url, let attributes):
            return XMLElement.verb("Redirect", self.attributes(attributes), text: url)
        case .refer(let target, let attributes):
            return XMLElement.verb("Refer", self.attributes(attributes), children: [XMLElement.verb("Sip", text: target)])
        case .hangup:
            return XMLElement.verb("Hangup")
        case .reject(let attributes):
            return XMLElement.verb("Reject", self.attributes(attributes))
        case .verb(let name, let text, let attributes, let children):
            var written = self.attributes(attributes)
            if name == "Recording" { written = delivered(written, step: step) }
            return XMLElement.verb(name, written, text: text, children: children.compactMap { element($0, in: language, step: step) })
        case .menu, .gather, .record, .goto, .dial, .enqueue, .hours, .branch, .language, .httpRequest:
            return nil
        }
    }

    /// `<HttpRequest async="false">`: Telnyx waits for the answer, then requests `action` with
    /// one parameter per field (`<Field><Name>json.path</Name><Value>NAME</Value></Field>`).
    func httpRequest(_ request: HTTPRequest, action: String) -> XMLElement {
        var requestAttributes = ["url": request.url]
        requestAttributes["method"] = request.method
        var requestChildren: [XMLElement] = []
        if !request.headers.isEmpty {
            requestChildren.append(XMLElement.verb("Headers", children: request.headers.map { header in
                XMLElement.verb("Header", children: [XMLElement.verb("Key", text: header.name), XMLElement.verb("Value", text: header.value)])
            }))
        }
        if let body = request.body { requestChildren.append(XMLElement.verb("Body", text: body)) }
        var answer = [XMLElement.verb("Type", text: "JSON")]
        if !request.fields.isEmpty {
            answer.append(XMLElement.verb("Content", children: request.fields.map { field in
                XMLElement.verb("Field", children: [XMLElement.verb("Name", text: field.path), XMLElement.verb("Value", text: field.name)])
            }))
        }
        return XMLElement.verb("HttpRequest", ["async": "false", "action": action], children: [
            XMLElement.verb("Request", requestAttributes, children: requestChildren),
            XMLElement.verb("Response", children: answer),
        ])
    }

    /// `<Enqueue>`, its hold music step addressed like any document.
    func enqueue(_ enqueue: Enqueue, action: String?, holdMusic: String?) -> XMLElement {
        var attributes = self.attributes(enqueue.attributes)
        if let holdMusic { attributes["waitUrl"] = holdMusic }
        if let action { attributes["action"] = action }
        return XMLElement.verb("Enqueue", attributes, text: enqueue.queue)
    }

    /// The voice a `<Say>` in `language` speaks with: the language's own, else the flow's.
    func voice(in language: String?) -> String? {
        language.flatMap { flow.voices[$0] } ?? flow.voice
    }

    func dial(_ targets: [DialTarget], _ attributes: [String: String], step: String) -> XMLElement {
        let nouns = targets.map { target in
            let name = switch target.kind {
            case .number: "Number"
            case .sip: "Sip"
            case .queue: "Queue"
            case .conference: "Conference"
            }
            return XMLElement.verb(name, self.attributes(target.attributes), text: target.value)
        }
        let records = attributes["record"].map(Action.isRecordingDialMode) ?? false
        return XMLElement.verb("Dial", records ? delivered(attributes, step: step) : attributes, children: nouns)
    }

    /// The attributes of an element that leaves a recording file, with the flow's
    /// `recording-status-callback` unless the statement named its own; `serve` becomes the
    /// address of the receiver in `ivrc serve`, which stores it as a recording of `step`, and a
    /// transcribed `<Record>` without its own `transcriptionCallback` sends its transcript there too.
    func delivered(_ attributes: [String: String], step: String) -> [String: String] {
        var written = attributes
        if written["recordingStatusCallback"] == nil { written["recordingStatusCallback"] = flow.recordingStatusCallback }
        if written["recordingStatusCallback"] == Flow.servedRecordings {
            written["recordingStatusCallback"] = address.receiver(.recording, step: step, flow: flow.name)
            if written["transcription"] == "true", written["transcriptionCallback"] == nil {
                written["transcriptionCallback"] = address.receiver(.transcription, step: step, flow: flow.name)
            }
        }
        return written
    }

    /// The menu's `<Gather>` attributes, with defaults the branches imply: `numDigits` when
    /// every key has the same length (no waiting for the timeout after one key), and speech
    /// input, with the phrases as `hints`, when a branch has a phrase.
    func gatherAttributes(_ menu: Menu, in language: String?) -> [String: String] {
        var result = gatherAttributes(menu.attributes, in: language)
        let lengths = Set(menu.branches.compactMap { branch -> Int? in
            if case .digits(let keys) = branch.key { keys.count } else { nil }
        })
        if result["numDigits"] == nil, lengths.count == 1, let length = lengths.first {
            result["numDigits"] = String(length)
        }
        let phrases = menu.branches.flatMap { branch in
            let own = branch.speech(in: language, of: flow)
            return own.isEmpty ? branch.speech : own
        }
        if result["input"] == nil, !phrases.isEmpty {
            result["input"] = "dtmf speech"
        }
        // The recogniser hears the menu's phrases better when it is told them.
        if result["hints"] == nil, !phrases.isEmpty, result["input"]?.contains("speech") == true {
            result["hints"] = phrases.joined(separator: ",")
        }
        return result
    }

    /// A `<Gather>`'s written attributes, with the call's language unless one is written:
    /// the recogniser hears speech in the language it is told.
    func gatherAttributes(_ written: [Attribute], in language: String?) -> [String: String] {
        var result = attributes(written)
        if result["language"] == nil, let language { result["language"] = language }
        return result
    }
}
