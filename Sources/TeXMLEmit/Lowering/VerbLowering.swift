import IVRCheck

/// Lowers single actions to TeXML elements, applying the flow's defaults
/// (`voice`, `language` on every `<Say>`).
struct VerbLowering {
    let flow: Flow

    func attributes(_ attributes: [Attribute]) -> [String: String] {
        var result: [String: String] = [:]
        for attribute in attributes { result[attribute.name] = attribute.value }
        return result
    }

    /// Elements for actions that do not hand control anywhere; nil for control actions.
    func element(_ action: Action) -> TeXMLElement? {
        switch action.kind {
        case .say(let text, _, let sayAttributes):
            var attributes: [String: String] = [:]
            if let voice = flow.voice { attributes["voice"] = voice }
            if let language = flow.language { attributes["language"] = language }
            attributes.merge(self.attributes(sayAttributes)) { _, written in written }
            return TeXMLElement("Say", attributes, text: text)
        case .play(let url, let attributes):
            return TeXMLElement("Play", self.attributes(attributes), text: url)
        case .pause(let attributes):
            return TeXMLElement("Pause", self.attributes(attributes))
        case .dial(let targets, let attributes, nil):
            return dial(targets, self.attributes(attributes))
        case .enqueue(let name, let attributes):
            return TeXMLElement("Enqueue", self.attributes(attributes), text: name)
        case .leave:
            return TeXMLElement("Leave")
        case .redirect(let url, let attributes):
            return TeXMLElement("Redirect", self.attributes(attributes), text: url)
        case .refer(let target, let attributes):
            return TeXMLElement("Refer", self.attributes(attributes), children: [TeXMLElement("Sip", text: target)])
        case .hangup:
            return TeXMLElement("Hangup")
        case .reject(let attributes):
            return TeXMLElement("Reject", self.attributes(attributes))
        case .verb(let name, let text, let attributes):
            return TeXMLElement(name, self.attributes(attributes), text: text)
        case .menu, .gather, .record, .goto, .dial:
            return nil
        }
    }

    func dial(_ targets: [DialTarget], _ attributes: [String: String]) -> TeXMLElement {
        let nouns = targets.map { target in
            let name = switch target.kind {
            case .number: "Number"
            case .sip: "Sip"
            case .queue: "Queue"
            case .conference: "Conference"
            }
            return TeXMLElement(name, self.attributes(target.attributes), text: target.value)
        }
        return TeXMLElement("Dial", attributes, children: nouns)
    }

    /// The menu's `<Gather>` attributes, with defaults the branches imply: `numDigits` when
    /// every key has the same length (no waiting for the timeout after one key), and speech
    /// input when a branch has a phrase.
    func gatherAttributes(_ menu: Menu) -> [String: String] {
        var result = attributes(menu.attributes)
        let lengths = Set(menu.branches.compactMap { branch -> Int? in
            if case .digits(let keys) = branch.key { keys.count } else { nil }
        })
        if result["numDigits"] == nil, lengths.count == 1, let length = lengths.first {
            result["numDigits"] = String(length)
        }
        if result["input"] == nil, menu.branches.contains(where: { $0.phrase != nil }) {
            result["input"] = "dtmf speech"
        }
        return result
    }
}
