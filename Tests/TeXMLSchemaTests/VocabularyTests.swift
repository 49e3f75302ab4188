import TeXMLSchema
import Testing

@Suite struct VocabularyTests {
    let vocabulary: TeXMLVocabulary

    init() throws {
        vocabulary = try TeXMLVocabulary.bundled.get()
    }

    @Test func verbsAreResponseChildren() {
        #expect(vocabulary.verbs.contains("Gather"))
        #expect(vocabulary.verbs.contains("Dial"))
        #expect(!vocabulary.verbs.contains("Number"))
    }

    @Test func gatherTimeoutIsSecondsOneToOneTwenty() throws {
        let gather = try #require(vocabulary.element(named: "Gather"))
        #expect(gather.attribute(named: "timeout")?.kind == .seconds(1...120))
        #expect(gather.children == ["Say", "Play", "Pause"])
        #expect(!gather.hasText)
    }

    @Test func kebabNamesMapToTeXMLNames() throws {
        let gather = try #require(vocabulary.element(named: "Gather"))
        #expect(gather.attribute(kebab: "finish-on-key")?.name == "finishOnKey")
        let dial = try #require(vocabulary.element(named: "Dial"))
        #expect(dial.attribute(kebab: "time-limit")?.kind == .seconds(60...14400))
        let number = try #require(vocabulary.element(named: "Number"))
        #expect(number.attribute(kebab: "status-callback-event")?.name == "statusCallbackEvent")
    }

    @Test func recordAllowsNoChildren() throws {
        let record = try #require(vocabulary.element(named: "Record"))
        #expect(record.children.isEmpty)
        #expect(!record.hasText)
        #expect(record.attribute(named: "maxLength")?.kind == .seconds(0...14400))
        #expect(record.attribute(named: "playBeep")?.kind == .boolean)
    }

    @Test func dialAllowsItsNouns() throws {
        let dial = try #require(vocabulary.element(named: "Dial"))
        #expect(Set(dial.children) == ["Number", "Sip", "Queue", "Conference"])
        #expect(dial.attribute(named: "record")?.kind == .enumeration([
            "do-not-record", "record-from-answer", "record-from-ringing", "record-from-answer-dual", "record-from-ringing-dual",
        ]))
    }

    @Test func kindsComeFromTheSchema() throws {
        let say = try #require(vocabulary.element(named: "Say"))
        #expect(say.hasText)
        #expect(say.attribute(named: "loop")?.kind == .integer(0...10))
        let reject = try #require(vocabulary.element(named: "Reject"))
        #expect(reject.attribute(named: "reason")?.kind == .enumeration(["rejected", "busy"]))
        let number = try #require(vocabulary.element(named: "Number"))
        #expect(number.text == .pattern(#"\+[1-9][0-9]{1,14}|(\+[1-9][0-9]{0,13})?\{\{[A-Za-z_][A-Za-z0-9_.]*\}\}"#))
        #expect(vocabulary.element(named: "Redirect")?.text == .url)
    }

    @Test func attributeKindValidatesValues() {
        #expect(AttributeKind.seconds(1...120).validate("5") == nil)
        #expect(AttributeKind.seconds(1...120).validate("500") == "must be between 1 and 120 seconds")
        #expect(AttributeKind.seconds(1...120).validate("5s") == "must be a whole number of seconds")
        #expect(AttributeKind.integer(0...Int.max).validate("-1") == "must be at least 0")
        #expect(AttributeKind.boolean.validate("yes") == "must be true or false")
        #expect(AttributeKind.enumeration(["rejected", "busy"]).validate("nope") == "must be one of: rejected, busy")
        let e164 = AttributeKind.pattern(#"\+[1-9][0-9]{1,14}|\{\{[A-Za-z_][A-Za-z0-9_.]*\}\}"#)
        #expect(e164.validate("+18005550157") == nil)
        #expect(e164.validate("{{From}}") == nil)
        #expect(e164.validate("18005550157") != nil)
        #expect(AttributeKind.url.validate("https://x.example/a b") != nil)
    }

    @Test func kebabCaseNames() {
        #expect(kebabCase("statusCallbackEvent") == "status-callback-event")
        #expect(kebabCase("useURLScheme") == "use-url-scheme")
    }
}
