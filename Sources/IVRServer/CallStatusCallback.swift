/// The fields of a TeXML Application's status callback this server uses
/// (https://developers.telnyx.com/api-reference/callbacks/texml-call-completed and its
/// initiated/ringing/answered siblings): `CallSid`, `SequenceNumber`, `CallStatus`,
/// `CallDuration`, `HangupSource`, and `To` to find the flow. Status and hangup source are read
/// into fixed sets, so a metric label never holds what a request sent; `To` is kept only until
/// the flow is looked up, and nothing else (`From`, `CallerId`, `RecordingUrl`) is read at all.
struct CallStatusCallback: Sendable, Equatable {
    /// Telnyx's `CallStatus` values; `other` for any value Telnyx does not document.
    enum Status: String, Sendable, CaseIterable {
        case initiated, ringing
        case inProgress = "in-progress"
        case completed, busy
        case noAnswer = "no-answer"
        case canceled, failed, other

        /// Whether the call has ended: every status but the three sent while it is set up or
        /// running, so an undocumented status counts as an end (once per call: `CallStatusWindow`).
        var endsCall: Bool { ![.initiated, .ringing, .inProgress].contains(self) }

        static var endings: [Status] { allCases.filter(\.endsCall) }
    }

    /// Who hung up, as Telnyx's `HangupSource` says; `unknown` when it is absent or says so.
    enum HangupSource: String, Sendable, CaseIterable {
        case caller, callee, system, unknown, other
    }

    /// Why a callback cannot be used; a log and metric value.
    enum Malformed: String, Error, Sendable {
        case callSid = "call-sid"
        case sequenceNumber = "sequence-number"
        case callStatus = "call-status"
    }

    /// A CallSid longer than this is no Telnyx id (theirs are about 60 bytes); it bounds the window's keys.
    static let maxCallSidBytes = 128
    /// Sequence numbers count a call's callbacks from 0; more digits than this are no sequence.
    static let maxSequenceDigits = 9
    /// A duration over a day is not believed (Telnyx ends calls long before); it is left out.
    static let maxDurationSeconds = 86_400

    let callSid: String
    let sequenceNumber: Int
    let status: Status
    let hangupSource: HangupSource
    /// `CallDuration` in whole seconds when it is a plain number from 0 to a day; nil otherwise.
    let durationSeconds: Int?
    /// The number the call was made to, for the bundle's number→flow lookup only.
    let to: String

    init(fields: [String: String]) throws(Malformed) {
        guard let callSid = fields["CallSid"], !callSid.isEmpty, callSid.utf8.count <= Self.maxCallSidBytes else {
            throw .callSid
        }
        guard let sequence = fields["SequenceNumber"].flatMap({ Self.wholeNumber($0, maxDigits: Self.maxSequenceDigits) }) else {
            throw .sequenceNumber
        }
        guard let reported = fields["CallStatus"], !reported.isEmpty else { throw .callStatus }
        self.callSid = callSid
        sequenceNumber = sequence
        status = Status(rawValue: reported) ?? .other
        hangupSource = fields["HangupSource"].map { HangupSource(rawValue: $0) ?? .other } ?? .unknown
        durationSeconds = fields["CallDuration"].flatMap { Self.wholeNumber($0, maxDigits: 6) }.flatMap {
            $0 <= Self.maxDurationSeconds ? $0 : nil
        }
        to = fields["To"] ?? ""
    }

    /// ASCII digits only (no sign, no space, no `+`), at most `maxDigits` of them.
    private static func wholeNumber(_ text: String, maxDigits: Int) -> Int? {
        guard !text.isEmpty, text.utf8.count <= maxDigits, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return Int(text)
    }
}
