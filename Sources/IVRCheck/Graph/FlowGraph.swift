import IVRBundle
import IVRLang

/// Every flow of one invocation, resolved: names bound to steps, options bound to TeXML
/// attributes, anonymous branch blocks turned into steps. Rules and lowering read this.
public struct FlowGraph: Sendable {
    public var flows: [Flow]
    public var sources: [SourceFile]

    public init(flows: [Flow], sources: [SourceFile]) {
        self.flows = flows
        self.sources = sources
    }
}

public enum Industry: String, Sendable, CaseIterable, Codable {
    case healthcare
    case fleet
    case general
}

public struct Flow: Sendable {
    public let name: String
    public let nameRange: SourceRange
    public let source: SourceFile
    /// The inbound number, normalised to E.164 (`+18005550157`).
    public var number: String?
    public var numberRange: SourceRange?
    public var industry: Industry
    public var voice: String?
    public var language: String?
    public var baseURL: String?
    /// Where Telnyx delivers every recording of the flow (`recordingStatusCallback`), unless
    /// a statement names its own; recording URLs expire, so without it recordings are lost.
    public var recordingStatusCallback: String?
    /// `retention`, else the industry's standard: how long `ivrc serve` keeps the recordings.
    public var retention: RecordingRetention?
    /// `daily-call-target 120`: calls a day the line should take, instead of its industry's.
    public var dailyCallTarget: Int?
    /// Named steps in source order, then anonymous ones. The entry is `steps[0]`.
    public var steps: [Step]
    public var tests: [TestDecl]
    /// `schedule` declarations, in source order; `hours NAME` branches on them.
    public var schedules: [NamedSchedule] = []
    /// `languages en-US es-MX`: the languages a call can be in, the first the one it starts in.
    /// Empty when the flow declares none (then it speaks `language`, if set, throughout).
    public var languages: [String] = []
    /// `voice` lines per language (`es-MX Polly.Mia` under `voice`); others use `voice`.
    public var voices: [String: String] = [:]
    /// `dial-prefixes +1 +44`: the E.164 prefixes a number filled from a value may start
    /// with, for every dial without its own `allow=`. Empty when the flow sets none.
    public var dialPrefixes: [String] = []
    /// The module copies among `steps` (`use NAME`), whose ranges are moved up into regions.
    public var regions: [ExpandedSource.Region] = []

    /// `recording-status-callback serve`: recordings go to the `ivrc serve` that answers the call.
    public static let servedRecordings = "serve"

    public var keptFor: RecordingRetention {
        if let retention { return retention }
        return switch industry {
        case .healthcare: .healthcare
        case .fleet: .fleet
        case .general: .general
        }
    }

    /// Calls a day the line should take (`ivrc serve`'s quiet-line alerts): `daily-call-target`,
    /// else the onboarding plan's figure for its industry; nil for a general line without one.
    public var expectedDailyCalls: Int? { dailyCallTarget ?? industry.dailyCallTarget }

    public var emergencyStep: Int? { steps.firstIndex { $0.isEmergency } }

    public func index(of stepName: String) -> Int? { steps.firstIndex { $0.name == stepName } }

    /// A range of this flow as a printable span, in the module's file for copied module code.
    public func span(_ range: SourceRange) -> SourceSpan { expandedSource.span(range.start, range.end) }

    /// The source text of a range of this flow, as written.
    public func text(_ range: SourceRange) -> String { expandedSource.text(range) }

    var expandedSource: ExpandedSource { ExpandedSource(file: source, regions: regions) }
}

public struct Step: Sendable {
    /// `welcome`, or for a branch block `welcome.invalid`, `welcome.9` (names never hold `.`).
    public let name: String
    public let range: SourceRange
    public let isEmergency: Bool
    /// True for a block written under `on KEY`.
    public let isAnonymous: Bool
    public var actions: [Action]
}

/// A TeXML attribute: camelCase name as TeXML spells it, value as it will be written.
public struct Attribute: Sendable, Hashable {
    public let name: String
    public let value: String
    public let range: SourceRange

    public init(name: String, value: String, range: SourceRange) {
        self.name = name
        self.value = value
        self.range = range
    }
}

public struct Action: Sendable {
    public let kind: Kind
    public let range: SourceRange
    /// Where each translation of a `say`/`disclose` is written (`es-MX "…"` under it), so a
    /// finding about the Spanish text points at the Spanish line.
    public let translationRanges: [String: SourceRange]

    public init(_ kind: Kind, range: SourceRange, translationRanges: [String: SourceRange] = [:]) {
        self.kind = kind
        self.range = range
        self.translationRanges = translationRanges
    }

    public enum Kind: Sendable {
        /// `say` and `disclose` (the checker treats the latter as the recording notice).
        /// `translations` holds the text per language other than the flow's first.
        case say(text: String, isDisclosure: Bool, attributes: [Attribute], translations: [String: String])
        case play(url: String, attributes: [Attribute])
        case pause(attributes: [Attribute])
        case menu(Menu)
        /// `gather NAME` collecting input for the next step.
        case gather(Gather)
        /// `next` is where the recording's action goes; nil continues with this step's rest.
        case record(attributes: [Attribute], next: Int?)
        /// `next` runs when the dialled call ends unanswered, busy or failed.
        case dial(targets: [DialTarget], attributes: [Attribute], next: Int?)
        case enqueue(Enqueue)
        case leave
        case goto(Int)
        case redirect(url: String, attributes: [Attribute])
        case refer(target: String, attributes: [Attribute])
        case hangup
        case reject(attributes: [Attribute])
        /// `hours NAME`: the call goes on at `open` or `closed`, decided when it happens.
        case hours(Hours)
        /// `branch {{NAME}}`: the call goes on at the first line the carried value matches.
        case branch(ValueBranch)
        /// `language TAG`: the call speaks this language from here on.
        case language(String)
        /// `http-request URL -> STEP`: Telnyx asks an outside server; its answer's fields
        /// become values for the rest of the call.
        case httpRequest(HTTPRequest)
        /// Any other TeXML verb written by its kebab-case name, with the elements nested in
        /// it written as an indented block (`start` holding `stream url=…`).
        case verb(name: String, text: String?, attributes: [Attribute], children: [Action])
    }
}

public struct Menu: Sendable {
    /// Say/Play/Pause spoken inside the `<Gather>`.
    public var prompts: [Action]
    public var branches: [Branch]
    /// How many times the prompt plays before the `timeout`/`invalid` branch is taken.
    public var tries: Int
    /// `<Gather>` attributes (timeout, input, numDigits, …).
    public var attributes: [Attribute]

    public func branch(_ key: Branch.Key) -> Branch? { branches.first { $0.key == key } }
}

public struct Branch: Sendable {
    public enum Key: Sendable, Hashable, CustomStringConvertible {
        /// DTMF keys: `"9"`, `"*"`, `"12"`.
        case digits(String)
        case timeout
        case invalid

        public var description: String {
            switch self {
            case .digits(let keys): keys
            case .timeout: "timeout"
            case .invalid: "invalid"
            }
        }
    }

    public let key: Key
    /// Speech alternatives, in the order written (`on 2 "billing" "invoices"`); may be empty.
    public let speech: [String]
    /// The phrases in the flow's other languages (`es-MX="facturas" es-MX="cuentas"`).
    public var phrases: [String: [String]] = [:]
    /// `language=TAG`: the call speaks this language from the branch on.
    public var language: String?
    /// The step taken; nil when the written name did not resolve (already reported).
    public let target: Int?
    public let range: SourceRange

    /// The first phrase, which messages quote.
    public var phrase: String? { speech.first }
}

public struct Hours: Sendable {
    /// The flow's schedule it reads.
    public let schedule: String
    public let open: Int?
    public let closed: Int?
    /// The `on open` and `on closed` lines.
    public let openRange: SourceRange
    public let closedRange: SourceRange
}

public struct Gather: Sendable {
    public let variable: String
    public var prompts: [Action]
    public var attributes: [Attribute]
    public var next: Int?
    /// `on timeout -> STEP` in the gather's block: where the call goes when the caller enters
    /// nothing. Without it the call goes on at `next` with nothing collected.
    public var timeout: Branch?
}

/// `http-request URL [method=GET|POST] -> STEP` with `header`, `body` and `field` lines.
public struct HTTPRequest: Sendable {
    public struct Field: Sendable, Equatable {
        /// The value's name (`{{eta}}`), sent by Telnyx as a parameter of the action request.
        public let name: String
        /// Where it is in the JSON answer: a dotted path (`eta.minutes`).
        public let path: String
        /// `default="TEXT"`: the value when the answer lacks the field or the request fails.
        /// A field without one is collected only when the answer holds it.
        public var defaultValue: String?

        public init(name: String, path: String, defaultValue: String? = nil) {
            self.name = name
            self.path = path
            self.defaultValue = defaultValue
        }
    }

    public let url: String
    public var method: String?
    public var headers: [(name: String, value: String)]
    public var body: String?
    public var fields: [Field]
    /// Where the call goes on once the answer is in.
    public var next: Int?
    /// `on failure -> STEP`: where the call goes when the request fails, or the answer lacks a
    /// field that has no default. Without it such a call goes on at `next` without those values.
    public var failure: Int?
    /// The `on failure` line.
    public var failureRange: SourceRange?

    /// Where a failed lookup goes on.
    public var afterFailure: Int? { failureRange == nil ? next : failure }

    /// Whether a lookup can fail: a field without a default may be missing. Where every field
    /// has one, a failed request reads as an answer of defaults.
    public var canFail: Bool { fields.contains { $0.defaultValue == nil } }
}

/// `enqueue NAME … [wait-url=STEP] [-> STEP]`.
public struct Enqueue: Sendable {
    public let queue: String
    public var attributes: [Attribute]
    /// The step played to the caller while waiting (Enqueue's `waitUrl`), when the flow holds it.
    public var hold: Int?
    /// Where the call continues once it leaves the queue (Enqueue's `action`); nil continues
    /// with this step's rest.
    public var next: Int?
}

public struct DialTarget: Sendable {
    public enum Kind: String, Sendable {
        case number
        case sip
        case queue
        case conference
    }

    public let kind: Kind
    /// Normalised phone number, SIP URI, queue or conference name.
    public let value: String
    public let attributes: [Attribute]
    public let range: SourceRange

    /// The E.164 prefixes a number filled from a value must start with (`allow=`, else the
    /// flow's `dial-prefixes`); empty when neither bounds it.
    public var prefixes: [String] = []

    /// Whether the target is a number filled from a call value (`{{callback}}`, `+1{{x}}`).
    public var isValueNumber: Bool { kind == .number && !Placeholder.names(in: value).isEmpty }

    /// Whether a value-filled number can reach only some destinations: by `allow=`,
    /// `dial-prefixes` or a country code written before the value.
    public var isBounded: Bool { !prefixes.isEmpty || DialPrefix.written(in: value) != nil }

    /// Whether a person can answer this target directly (a number or a SIP endpoint).
    public var isLive: Bool { kind == .number || kind == .sip }
}
