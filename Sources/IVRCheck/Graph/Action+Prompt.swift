import IVRLang

extension Action {
    /// Say, disclose, play and pause: actions that only speak to the caller and move on.
    public var isPrompt: Bool {
        switch kind {
        case .say, .play, .pause: true
        default: false
        }
    }
}
