import IVRLang

extension Action {
    /// The statement keyword this action was written with, for messages (`dial`, `goto`, `start`).
    public var keyword: String {
        switch kind {
        case .say(_, let isDisclosure, _, _): isDisclosure ? "disclose" : "say"
        case .play: "play"
        case .pause: "pause"
        case .menu: "menu"
        case .gather: "gather"
        case .record: "record"
        case .dial: "dial"
        case .enqueue: "enqueue"
        case .leave: "leave"
        case .goto: "goto"
        case .redirect: "redirect"
        case .refer: "refer"
        case .hangup: "hangup"
        case .reject: "reject"
        case .hours: "hours"
        case .branch: "branch"
        case .language: "language"
        case .httpRequest: "http-request"
        case .verb(let name, _, _, _): Action.kebab(name)
        }
    }

    /// `HttpRequest` → `http-request`: verbs are written by their kebab-case name.
    static func kebab(_ camelCase: String) -> String {
        var result = ""
        for (index, character) in camelCase.enumerated() {
            if character.isUppercase && index > 0 { result.append("-") }
            result += character.lowercased()
        }
        return result
    }
}
