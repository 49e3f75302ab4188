/// What `ivrc report` says, per flow and day: the value every output format renders, and the
/// `--format json` document itself.
public struct CallReport: Sendable, Equatable, Codable {
    public struct Figures: Sendable, Equatable, Codable {
        /// `YYYY-MM-DD`, or `all` for a flow's whole window.
        public var day: String
        public var calls = 0
        /// Calls in which a dial was answered.
        public var reachedPerson = 0
        public var emergencyCalls = 0
        public var emergencyReached = 0
        public var lookups = 0
        public var lookupFailures = 0
        /// Requests Telnyx was answered for (entry, route, document) and the non-2xx among them.
        public var requests = 0
        public var errors = 0
        public var p50Ms: Double?
        public var p95Ms: Double?
        public var p99Ms: Double?
    }

    /// How many of the flow's calls something applies to (the last step, a language).
    public struct Count: Sendable, Equatable, Codable {
        public var name: String
        public var calls: Int
    }

    /// A menu's branch or a value `branch`'s line: the deciding step, the branch kind (`key`,
    /// `timeout`, `invalid`; `equal`, `empty`, `above`, `below`, `range`, `other`), the step it led to.
    public struct Branch: Sendable, Equatable, Codable {
        public var menu: String
        public var outcome: String
        public var next: String
        public var count: Int
        /// All decisions of this menu, the share's denominator.
        public var ofMenu: Int
    }

    /// Calls moving from one step to the next: the diagram's edge counts.
    public struct Transition: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        public var calls: Int
    }

    /// An emergency call that did not reach a person: its CallSid (never the caller's number).
    public struct EmergencyCall: Sendable, Equatable, Codable {
        public var callSid: String
        public var day: String
        /// The emergency dial's outcome; `entered` when the call ended before one was logged.
        public var outcome: String
        public var fallback: String?
        /// Who hung up, from a status callback when the server logged one.
        public var hangupSource: String?
    }

    public struct Indicator: Sendable, Equatable, Codable {
        public var name: String
        public var target: String
        public var value: String
        /// nil when there is nothing to judge (no emergency call, no target, no lookup).
        public var pass: Bool?
    }

    public struct Flow: Sendable, Equatable, Codable {
        public var flow: String
        public var dailyCallTarget: Int?
        public var days: [Figures]
        public var total: Figures
        public var endedAt: [Count]
        public var branches: [Branch]
        public var languages: [Count]
        public var transitions: [Transition]
        public var emergencyNotReached: [EmergencyCall]
        public var indicators: [Indicator]
    }

    public var from: String?
    public var to: String?
    public var flows: [Flow]
    /// Calls no flow answered (their number is in no flow of the served bundle).
    public var unroutedCalls: Int
    public var input: InputTally
}
