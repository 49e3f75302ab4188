@testable import IVRServer
import Testing

/// The per-replica window that makes each call end once in the metrics.
@Suite struct CallStatusWindowTests {
    private func callback(_ sid: String, _ sequence: Int, _ status: String) throws -> CallStatusCallback {
        try CallStatusCallback(fields: ["CallSid": sid, "SequenceNumber": String(sequence), "CallStatus": status])
    }

    @Test func aRepeatedCallbackIsTurnedAway() throws {
        let window = CallStatusWindow()
        #expect(window.admit(try callback("a", 0, "initiated")))
        #expect(!window.admit(try callback("a", 0, "initiated")))
        #expect(window.admit(try callback("a", 1, "ringing")))
        #expect(window.admit(try callback("a", 3, "completed")))
        #expect(!window.admit(try callback("a", 3, "completed")))
    }

    @Test func anOlderSequenceAfterANewerOneIsTurnedAway() throws {
        let window = CallStatusWindow()
        #expect(window.admit(try callback("a", 2, "in-progress")))
        #expect(!window.admit(try callback("a", 1, "ringing")))
        #expect(window.admit(try callback("b", 1, "ringing")), "another call is not affected")
    }

    @Test func nothingIsTakenAfterACallEnded() throws {
        let window = CallStatusWindow()
        #expect(window.admit(try callback("a", 3, "some-new-ending")))
        #expect(!window.admit(try callback("a", 4, "completed")))
    }

    @Test func theWindowForgetsTheOldestCallPastItsCapacity() throws {
        let window = CallStatusWindow(capacity: 2)
        for sid in ["a", "b", "c"] { #expect(window.admit(try callback(sid, 3, "completed"))) }
        #expect(window.count == 2)
        #expect(!window.admit(try callback("c", 3, "completed")))
        #expect(!window.admit(try callback("b", 3, "completed")))
        #expect(window.admit(try callback("a", 3, "completed")), "forgotten, so taken again")
        #expect(window.count == 2)
        #expect(window.admit(try callback("b", 3, "completed")), "a pushed b out")
    }
}
