@testable import IVRServer
import Testing

/// Telnyx's status callback fields read into fixed sets; hostile values are refused or left out,
/// never carried into a label or the log.
@Suite struct CallStatusCallbackTests {
    static let completed = ["CallSid": "v3:abc", "SequenceNumber": "3", "CallStatus": "completed", "CallDuration": "45",
                            "HangupSource": "caller", "HangupCause": "normal_clearing", "To": "+13125550140", "From": "+15550100123"]

    private func parsed(_ change: (inout [String: String]) -> Void) throws -> CallStatusCallback {
        var fields = Self.completed
        change(&fields)
        return try CallStatusCallback(fields: fields)
    }

    @Test func theDocumentedCompletedCallbackIsRead() throws {
        let callback = try CallStatusCallback(fields: Self.completed)
        #expect(callback.callSid == "v3:abc" && callback.sequenceNumber == 3 && callback.status == .completed)
        #expect(callback.hangupSource == .caller && callback.durationSeconds == 45 && callback.to == "+13125550140")
        #expect(callback.status.endsCall)
    }

    @Test(arguments: [("initiated", false), ("ringing", false), ("in-progress", false), ("busy", true), ("no-answer", true),
                      ("canceled", true), ("failed", true), ("<script>", true), ("COMPLETED", true)])
    func statusesOutsideTheDocumentedSetAreOtherAndEndTheCall(reported: String, ends: Bool) throws {
        let callback = try parsed { $0["CallStatus"] = reported }
        #expect(callback.status.endsCall == ends)
        #expect(CallStatusCallback.Status.allCases.map(\.rawValue).contains(reported) == (callback.status != .other))
    }

    @Test func hangupSourcesOutsideTheSetAreOtherAndAMissingOneUnknown() throws {
        #expect(try parsed { $0["HangupSource"] = "system" }.hangupSource == .system)
        #expect(try parsed { $0["HangupSource"] = "unknown" }.hangupSource == .unknown)
        #expect(try parsed { $0["HangupSource"] = nil }.hangupSource == .unknown)
        #expect(try parsed { $0["HangupSource"] = "+15550100123" }.hangupSource == .other)
    }

    @Test(arguments: ["-5", "86401", "99999999999999999999", "4.5", " 45", "+45", "", "forty", "٤٥"])
    func anUnbelievableDurationIsLeftOut(duration: String) throws {
        let callback = try parsed { $0["CallDuration"] = duration }
        #expect(callback.durationSeconds == nil)
        #expect(callback.status == .completed)
    }

    @Test func durationsFromZeroToADayAreKept() throws {
        #expect(try parsed { $0["CallDuration"] = "0" }.durationSeconds == 0)
        #expect(try parsed { $0["CallDuration"] = "86400" }.durationSeconds == 86_400)
        #expect(try parsed { $0["CallDuration"] = nil }.durationSeconds == nil)
    }

    @Test(arguments: [nil, "", "-1", "1e3", "0x10", "1234567890", " 3", "3.0"] as [String?])
    func aBadSequenceNumberIsMalformed(sequence: String?) {
        #expect(throws: CallStatusCallback.Malformed.sequenceNumber) { try parsed { $0["SequenceNumber"] = sequence } }
    }

    @Test func aMissingOrOversizedCallSidOrAMissingStatusIsMalformed() {
        #expect(throws: CallStatusCallback.Malformed.callSid) { try parsed { $0["CallSid"] = nil } }
        #expect(throws: CallStatusCallback.Malformed.callSid) { try parsed { $0["CallSid"] = "" } }
        #expect(throws: CallStatusCallback.Malformed.callSid) { try parsed { $0["CallSid"] = String(repeating: "v", count: 129) } }
        #expect(throws: CallStatusCallback.Malformed.callStatus) { try parsed { $0["CallStatus"] = nil } }
        #expect(throws: CallStatusCallback.Malformed.callStatus) { try parsed { $0["CallStatus"] = "" } }
    }
}
