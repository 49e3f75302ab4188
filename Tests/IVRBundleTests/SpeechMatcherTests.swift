import IVRBundle
import Testing

/// The reproductions: substring matching sent an urgent caller to voicemail and heard
/// `cita` inside `solicitar`.
@Suite struct SpeechMatcherTests {
    let intake = ["urgent": "clinic/urgent.xml", "refill": "clinic/refill.xml", "appointments": "clinic/appointments.xml"]

    @Test func theEmergencyBranchWinsWhenSeveralMatch() {
        #expect(SpeechMatcher.match("it is urgent, my refill caused swelling", phrases: intake, emergency: "clinic/urgent.xml") == "urgent")
        #expect(SpeechMatcher.match("my refill, it is URGENT", phrases: intake, emergency: "clinic/urgent.xml") == "urgent")
    }

    @Test func wordsMatchWholeNeverInsideAnotherWord() {
        let spanish = ["cita": "c/booking.xml", "receta": "c/refill.xml"]
        #expect(SpeechMatcher.match("quiero solicitar una receta", phrases: spanish, emergency: nil) == "receta")
        #expect(SpeechMatcher.match("solicitar", phrases: spanish, emergency: nil) == nil)
        #expect(SpeechMatcher.match("urgently", phrases: intake, emergency: nil) == nil)
    }

    @Test func caseAndAccentsDoNotMatter() {
        let phrases = ["médico": "c/doctor.xml"]
        #expect(SpeechMatcher.match("Necesito un MEDICO", phrases: phrases, emergency: nil) == "médico")
        #expect(SpeechMatcher.match("el médico.", phrases: ["medico": "c/doctor.xml"], emergency: nil) == "medico")
    }

    @Test func multiWordPhrasesNeedTheirWordsTogether() {
        let phrases = ["front desk": "c/desk.xml", "desk": "c/other.xml"]
        #expect(SpeechMatcher.match("the front desk please", phrases: phrases, emergency: nil) == "front desk")
        #expect(SpeechMatcher.match("front of the desk", phrases: phrases, emergency: nil) == "desk")
    }

    @Test func tiesGoToWhatWasSaidFirst() {
        let phrases = ["billing": "c/b.xml", "appointments": "c/a.xml"]
        #expect(SpeechMatcher.match("billing or appointments", phrases: phrases, emergency: nil) == "billing")
        #expect(SpeechMatcher.match("appointments or billing", phrases: phrases, emergency: nil) == "appointments")
    }

    @Test func nothingSaidOrNothingMatching() {
        #expect(SpeechMatcher.match("", phrases: intake, emergency: nil) == nil)
        #expect(SpeechMatcher.match("¿…?", phrases: intake, emergency: nil) == nil)
        #expect(SpeechMatcher.match("hello", phrases: [:], emergency: nil) == nil)
    }
}
