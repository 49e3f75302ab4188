import IVRLang

extension Action {
    /// TeXML verbs (written by name) that capture the call's audio. `Start` counts as a whole:
    /// the resolver keeps it opaque, and what it starts (a recording, a media stream, a
    /// transcription) all carry the caller's voice somewhere. `ivrc validate` judges raw TeXML
    /// by the same list.
    public static let capturingVerbs: Set<String> = ["Record", "Recording", "Stream", "Siprec", "Transcription"]

    /// Whether running this action starts recording (or otherwise capturing) the caller:
    /// `record`, a `dial` with `record=…` other than `do-not-record` (on the dial or a
    /// target), or a capturing verb.
    public var isRecording: Bool {
        switch kind {
        case .record:
            return true
        case .dial(let targets, let attributes, _):
            return (attributes + targets.flatMap(\.attributes)).contains(where: Action.recordsDial)
        case .verb("Start", _, _, let children):
            // A block's meaning is in what it starts: noise suppression records nothing.
            return children.contains(where: \.isRecording)
        case .verb("Stop", _, _, _):
            return false
        case .verb(let name, _, _, _):
            return Action.capturingVerbs.contains(name)
        default:
            return false
        }
    }

    private static func recordsDial(_ attribute: Attribute) -> Bool {
        attribute.name == "record" && isRecordingDialMode(attribute.value)
    }

    /// Whether a `<Dial record="…">` value records (anything but not recording).
    public static func isRecordingDialMode(_ value: String) -> Bool {
        value != "do-not-record" && value != "false"
    }

    /// The attributes of every element of this action that leaves a recording file behind
    /// (`<Record>`, a recording `<Dial>`, `<Recording>` started by `start`). Telnyx keeps
    /// the file only briefly; `recordingStatusCallback` is where it is delivered.
    public var recordingFiles: [[Attribute]] {
        switch kind {
        case .record(let attributes, _):
            return [attributes]
        case .dial(_, let attributes, _) where attributes.contains(where: Action.recordsDial):
            return [attributes]
        case .verb("Start", _, _, let children):
            return children.flatMap(\.recordingFiles)
        case .verb("Recording", _, let attributes, _):
            return [attributes]
        default:
            return []
        }
    }

    /// The TeXML verbs that stop and wait for the caller (to press, speak or be recorded):
    /// the one meaning of "waiting for the caller", shared by `silent-loop` over the source
    /// and the path explorer over the compiled bundle. A loop that waits is not silent, even
    /// when the caller stays silent and the menu plays again.
    public static let callerWaitVerbs: Set<String> = ["Gather", "Record"]

    /// Whether this action stops and waits for the caller: it lowers to one of `callerWaitVerbs`.
    public var waitsForCaller: Bool {
        switch kind {
        case .menu, .gather, .record: true
        default: false
        }
    }

    /// A `disclose`, or a menu/gather whose prompts include one (prompts play before input).
    public var discloses: Bool {
        switch kind {
        case .say(_, let isDisclosure, _, _): isDisclosure
        case .menu(let menu): menu.prompts.contains { $0.discloses }
        case .gather(let gather): gather.prompts.contains { $0.discloses }
        default: false
        }
    }
}
