/// TwiML spellings Telnyx TeXML does not accept, with the TeXML spelling where one exists.
/// Sources: developers.telnyx.com texml-twiml-compatibility (unsupported verbs and nouns)
/// and the texml-verbs pages (TeXML's `transcription`/`transcriptionCallback` on `<Record>`).
public enum TwiMLOnlyVocabulary {
    public struct Entry: Sendable, Equatable {
        /// The TeXML spelling, when TeXML has the same feature under another name.
        public let texml: String?
        /// Why, or what to use instead, in one phrase.
        public let note: String
    }

    /// TwiML verbs and nouns with no TeXML counterpart.
    public static let elements: [String: Entry] = [
        "Pay": Entry(texml: nil, note: "TeXML has no payment verb; collect card data outside the call flow"),
        "Client": Entry(texml: nil, note: "Telnyx has no Twilio Client endpoints; dial a <Sip> URI or a <Number>"),
        "Room": Entry(texml: nil, note: "Telnyx has no Twilio Video rooms; use a <Conference>"),
        "VirtualAgent": Entry(texml: nil, note: "Dialogflow virtual agents are Twilio-only; stream the call to your agent with <Stream>"),
    ]

    /// TwiML attributes by element, for attributes TeXML does not have under that name.
    public static let attributes: [String: [String: Entry]] = [
        "Record": [
            "transcribe": Entry(texml: "transcription", note: "TeXML spells TwiML's `transcribe` as `transcription`"),
            "transcribeCallback": Entry(texml: "transcriptionCallback",
                                        note: "TeXML spells TwiML's `transcribeCallback` as `transcriptionCallback`"),
        ],
        "Gather": [
            "enhanced": Entry(texml: "useEnhanced", note: "TeXML spells TwiML's `enhanced` as `useEnhanced`"),
            "actionOnEmptyResult": Entry(texml: nil, note: "TeXML always falls through to the next verb when there is no input"),
        ],
        "Dial": [
            "answerOnBridge": Entry(texml: nil, note: "TeXML has no answerOnBridge; the call is answered when the document is fetched"),
            "ringTone": Entry(texml: nil, note: "TeXML has no ringTone attribute"),
        ],
    ]

    public static func attribute(_ name: String, of element: String) -> Entry? {
        attributes[element]?[name]
    }
}
