import Foundation

/// Where a document's action URL leads, by what the request carries. The server (and the
/// loader) answers an action request by looking its document's route up here.
public struct Route: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// A `<Gather>` menu: `Digits` or `SpeechResult` pick the branch.
        case menu
        /// A `gather NAME`: any input continues at `next`.
        case gather
        /// A `<Record>`: continues at `next` once the recording ends.
        case record
        /// A `<Dial>` with `-> STEP`: `answered` when the call completed, `next` otherwise.
        case dial
        /// `hours NAME`: `open` or `closed`, by the manifest's schedule `schedule` at the
        /// moment of the request.
        case hours
        /// `http-request`: continues at `next`; the action request carries `fields`. An answer
        /// without a field that has no default continues at `failure`, when there is one.
        case httpRequest
        /// `branch {{NAME}}`: the first of `decisions` the carried value `value` matches.
        case branch
    }

    /// Branch: one `on …` line, and the document it leads to.
    public struct Decision: Sendable, Hashable, Codable {
        public var when: ValueCondition
        public var next: String

        public init(when: ValueCondition, next: String) {
            self.when = when
            self.next = next
        }
    }

    public var kind: Kind
    /// Menu: DTMF keys → document.
    public var keys: [String: String]?
    /// Menu: speech phrase (lowercased) → document, matched by `SpeechMatcher`.
    public var speech: [String: String]?
    /// Menu: the emergency branch's document, which wins when several phrases match.
    public var emergency: String?
    /// Menu: input matching no branch.
    public var invalid: String?
    /// Menu: what the document does when the caller says nothing (the next try or the
    /// timeout branch); recorded here so the route table tells the whole story.
    public var timeout: String?
    /// Gather, record, dial (not answered): the document that follows.
    public var next: String?
    /// Dial: after a completed call.
    public var answered: String?
    /// Hours: the manifest key (`FLOW/NAME`) of the schedule that decides.
    public var schedule: String?
    /// Hours: while the schedule is open, and while it is closed.
    public var open: String?
    public var closed: String?
    /// Gather: the name of the value it collects (`gather NAME`), which the server carries
    /// forward from the request's `Digits` or `SpeechResult`.
    public var value: String?
    /// Http-request: the names of the answer's fields, sent as parameters of the action request.
    public var fields: [String]?
    /// Dial: the language and voice the call speaks there (a flow with a language only), so a
    /// target the server refuses is apologised for as the caller hears the rest of the call.
    public var language: String?
    public var voice: String?
    /// Branch: its lines, in order (the last `on other`).
    public var decisions: [Decision]?
    /// Http-request: where a failed lookup goes (`on failure`).
    public var failure: String?
    /// Http-request: the fields' `default=` values, used when the answer lacks them.
    public var defaults: [String: String]?

    public init(kind: Kind, keys: [String: String]? = nil, speech: [String: String]? = nil, emergency: String? = nil,
                invalid: String? = nil, timeout: String? = nil, next: String? = nil, answered: String? = nil,
                schedule: String? = nil, open: String? = nil, closed: String? = nil, value: String? = nil,
                fields: [String]? = nil, language: String? = nil, voice: String? = nil,
                decisions: [Decision]? = nil, failure: String? = nil, defaults: [String: String]? = nil) {
        self.kind = kind
        self.keys = keys
        self.speech = speech
        self.emergency = emergency
        self.invalid = invalid
        self.timeout = timeout
        self.next = next
        self.answered = answered
        self.schedule = schedule
        self.open = open
        self.closed = closed
        self.value = value
        self.fields = fields
        self.language = language
        self.voice = voice
        self.decisions = decisions
        self.failure = failure
        self.defaults = defaults
    }

    /// Http-request: the value of each field for an action request with `parameters`: what
    /// the answer holds, else its default; nil when a field without default is absent or
    /// empty, which is a failed lookup.
    public func answeredFields(_ parameters: [String: String]) -> [String: String]? {
        var values: [String: String] = [:]
        for field in fields ?? [] {
            if let answered = parameters[field], !answered.trimmingCharacters(in: .whitespaces).isEmpty {
                values[field] = answered
            } else if let fallback = defaults?[field] {
                values[field] = fallback
            } else {
                return nil
            }
        }
        return values
    }
}
