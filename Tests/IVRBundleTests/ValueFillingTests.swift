import Foundation
import IVRBundle
import TeXMLSchema
import Testing

/// `ValueFilling` is the one function the server and the runtime fill `{{NAME}}` with.
@Suite struct ValueFillingTests {
    let filling: ValueFilling
    let validator: TeXMLSchemaValidator

    init() throws {
        filling = ValueFilling(vocabulary: try TeXMLVocabulary.bundled.get())
        validator = try TeXMLSchemaValidator.bundled.get()
    }

    private func parse(_ verbs: String) throws -> [XMLElement] {
        try SafeXMLParser().parse(Data("<Response>\(verbs)</Response>".utf8)).elements
    }

    /// The filled document, serialised as served; every URL that starts with `/in/` is carried.
    private func served(_ verbs: String, _ values: [String: String], limits: [String: Int] = [:], route: Route? = nil) throws
        -> (text: String, refusals: [ValueFilling.Refusal]) {
        let filled = filling.fill(try parse(verbs), values: values, limits: limits, ownNumber: "+18005550170", route: route) { url in
            url.hasPrefix("/in/") ? CallValues.carrying("TOKEN", on: url) : url
        }
        let written = validator.write(filled.verbs)
        #expect(written.violations.isEmpty, "\(written.violations)")
        return (String(decoding: written.bytes, as: UTF8.self), filled.refusals)
    }

    /// Markup, quotes, a percent sign and a placeholder inside a value: escaped once by the XML
    /// writer in text and attributes, percent-encoded once in a URL, never expanded again.
    @Test func aHostileValueIsEscapedExactlyOnceAndNeverReExpanded() throws {
        let hostile = #"<&"'> 100% {{x}}"#
        let result = try served(
            #"<Say voice="alice">You said {{said}}.</Say><Play>https://audio.example.com/{{said}}.mp3</Play>"#
                + #"<Dial callerId="{{To}}"><Number>+15550100200</Number></Dial>"#,
            ["said": hostile, "x": "EXPANDED", "To": "+18005550170"])
        #expect(result.text.contains("<Say voice=\"alice\">You said &lt;&amp;\"'&gt; 100% {{x}}.</Say>"))
        #expect(result.text.contains("<Play>https://audio.example.com/%3C%26%22%27%3E%20100%25%20%7B%7Bx%7D%7D.mp3</Play>"))
        #expect(result.text.contains("callerId=\"+18005550170\""))
        #expect(!result.text.contains("EXPANDED"))
        #expect(!result.text.contains("&amp;amp;") && !result.text.contains("%2525"))
        let parsed = try SafeXMLParser().parse(Data(result.text.utf8))
        #expect(parsed.elements.first?.text == "You said \(hostile).")
    }

    @Test func urlsBackIntoTheBundleCarryTheValuesAndOthersDoNot() throws {
        let result = try served(
            #"<Gather action="/in/f/start.route"><Say>Hi</Say></Gather><Redirect>/in/f/next.xml</Redirect>"#
                + #"<Play>https://audio.example.com/a.mp3</Play>"#, [:])
        #expect(result.text.contains("action=\"/in/f/start.route?v=TOKEN\""))
        #expect(result.text.contains("<Redirect>/in/f/next.xml?v=TOKEN</Redirect>"))
        #expect(result.text.contains("<Play>https://audio.example.com/a.mp3</Play>"))
    }

    @Test func aTypedExtensionIsDialledWhenItIsDigitsWithinTheGathersBound() throws {
        let dial = #"<Dial action="/in/f/connect.route"><Sip>sip:{{ext}}@pbx.example.com</Sip></Dial>"#
        let ok = try served(dial, ["ext": "101"], limits: ["ext": 3])
        #expect(ok.refusals.isEmpty)
        #expect(ok.text.contains("<Sip>sip:101@pbx.example.com</Sip>"))
        let long = try served(dial, ["ext": String(repeating: "7", count: 500)], limits: ["ext": 3])
        #expect(long.refusals == [.tooLong])
        #expect(!long.text.contains("<Dial") && !long.text.contains("777"))
        #expect(long.text.contains("<Say>Sorry, that number cannot be dialled.</Say>"))
        #expect(long.text.contains("<Redirect>/in/f/connect.route?v=TOKEN</Redirect>"), "the dial's no-answer route")
        #expect(try served(dial, ["ext": "1234"], limits: ["ext": 3]).refusals == [.tooLong])
        #expect(try served(dial, ["ext": "10a"], limits: [:]).refusals == [.notDigits])
        #expect(try served(dial, ["ext": "sip:evil@x"], limits: [:]).refusals == [.notDigits])
    }

    /// The apology speaks as the caller hears the rest of the call: the language and voice the
    /// dial's route records; a language with no built-in text (a bundle the checker refused) falls
    /// back to English without claiming the language.
    @Test func aRefusedDialApologisesInTheLanguageAndVoiceOfItsRoute() throws {
        let dial = #"<Dial action="/in/f/connect.es-MX.route"><Sip>sip:{{ext}}@pbx.example.com</Sip></Dial>"#
        let spanish = Route(kind: .dial, next: "f/voicemail.es-MX.xml", language: "es-MX", voice: "Polly.Mia")
        let refused = try served(dial, ["ext": "12a"], limits: ["ext": 3], route: spanish)
        #expect(refused.refusals == [.notDigits])
        #expect(refused.text.contains(#"<Say language="es-MX" voice="Polly.Mia">Lo sentimos, no se puede marcar ese número.</Say>"#))
        #expect(!refused.text.contains("Sorry"))
        let unknown = Route(kind: .dial, next: "f/voicemail.xml", language: "ja-JP")
        #expect(try served(dial, ["ext": "12a"], limits: ["ext": 3], route: unknown).text.contains("<Say>Sorry, that number cannot be dialled.</Say>"))
    }

    @Test func aFilledNumberThatIsTheLinesOwnIsRefusedAsALoopback() throws {
        let dial = "<Dial><Number>{{number}}</Number></Dial><Say>after</Say>"
        let own = try served(dial, ["number": "18005550170"], limits: ["number": 11])
        #expect(own.refusals == [.loopback])
        #expect(own.text.contains("<Say>Sorry, that number cannot be dialled.</Say>\n  <Say>after</Say>"), "no action: the next verb runs")
        let from = try served("<Dial><Number>{{From}}</Number></Dial>", ["From": "+15550100123"])
        #expect(from.refusals.isEmpty && from.text.contains("<Number>+15550100123</Number>"))
    }

    /// NUL, other controls and U+FFFE/U+FFFF cannot be written in XML 1.0: each becomes U+FFFD.
    @Test func charactersXMLCannotCarryAreReplacedInEveryValue() throws {
        let result = try served("<Say>{{said}}</Say>", ["said": "a\u{0}b\u{1B}c\u{FFFF}\td\u{FFFE}"])
        #expect(result.text.contains("<Say>a\u{FFFD}b\u{FFFD}c\u{FFFD}\td\u{FFFD}</Say>"), "\(result.text)")
    }

    /// A refer is a transfer like a dial: its value must be digits (no `victim@evil.example`, no
    /// `*72`), and no value may choose the host.
    @Test func aReferFilledFromAValueReachesOnlyTheHostWrittenInTheFlow() throws {
        let refer = #"<Refer action="/in/f/transfer.route"><Sip>sip:{{ext}}@pbx.example.com</Sip></Refer>"#
        let ok = try served(refer, ["ext": "101"], limits: ["ext": 3])
        #expect(ok.refusals.isEmpty && ok.text.contains("<Sip>sip:101@pbx.example.com</Sip>"))
        let evil = try served(refer, ["ext": "victim@evil.example"])
        #expect(evil.refusals == [.notDigits])
        #expect(!evil.text.contains("<Refer") && !evil.text.contains("evil"))
        #expect(evil.text.contains("<Redirect>/in/f/transfer.route?v=TOKEN</Redirect>"), "the refer's no-answer route")
        #expect(try served(refer, ["ext": "*72"]).refusals == [.notDigits])
        let host = #"<Refer><Sip>sip:desk@{{site}}.example.com</Sip></Refer>"#
        #expect(try served(host, ["site": "101"]).refusals == [.foreignHost])
        #expect(try served("<Dial><Sip>sip:desk@{{site}}</Sip></Dial>", ["site": "5"]).refusals.map(\.rawValue) == ["foreign-host"])
    }

    /// A target whose value the call never collected would fill as `sip:@pbx.example.com` (a
    /// 500: the schema refuses it). It is refused like a value that is not digits. Found by
    /// FuzzAnswer (`Tests/FuzzTargetsTests/Requests/crash-unset-refer-extension.requests`).
    @Test func aTargetWhoseValueIsUnsetIsRefusedNotFilledEmpty() throws {
        let refer = #"<Refer action="/in/f/transfer.route"><Sip>sip:{{ext}}@pbx.example.com</Sip></Refer>"#
        let unset = try served(refer, [:])
        #expect(unset.refusals == [.notDigits])
        #expect(!unset.text.contains("<Refer") && unset.text.contains("<Redirect>/in/f/transfer.route?v=TOKEN</Redirect>"))
        #expect(try served("<Dial><Number>{{callback}}</Number></Dial>", [:]).refusals == [.notDigits])
        #expect(try served("<Dial><Sip>sip:desk@{{site}}</Sip></Dial>", [:]).refusals == [.foreignHost])
    }

    /// A whole `.` or `..` value would be a dot-segment: encoded, it stays one path component.
    @Test func aDotSegmentValueIsEncodedInAURL() throws {
        let play = "<Play>https://audio.example.com/prompts/{{a}}/{{b}}/x.mp3</Play>"
        #expect(try served(play, ["a": "..", "b": "."]).text.contains("<Play>https://audio.example.com/prompts/%2E%2E/%2E/x.mp3</Play>"))
        #expect(try served(play, ["a": "...", "b": "a.b"]).text.contains("prompts/.../a.b/x.mp3"))
    }

    /// A body is escaped by its request's Content-Type: in a form a value is percent-encoded and
    /// cannot add a parameter; in JSON (with parameters, or without a Content-Type) JSON-escaped.
    @Test func aBodyValueIsEscapedByItsRequestsContentType() throws {
        func request(_ contentType: String, _ body: String) -> String {
            #"<HttpRequest async="false" action="/in/f/a.route"><Request url="https://d.example.com/x" method="POST">"#
                + #"<Headers><Header><Key>content-type</Key><Value>\#(contentType)</Value></Header></Headers>"#
                + #"<Body>\#(body)</Body></Request><Response><Type>JSON</Type></Response></HttpRequest>"#
        }
        let form = try served(request("application/x-www-form-urlencoded", "name={{name}}&amp;role=caller"), ["name": "x&role=admin"])
        #expect(form.text.contains("<Body>name=x%26role%3Dadmin&amp;role=caller</Body>"), "\(form.text)")
        let json = try served(request("application/json; charset=utf-8", #"{"name": "{{name}}"}"#), ["name": #"x", "role": "admin"#])
        #expect(json.text.contains(#"<Body>{"name": "x\", \"role\": \"admin"}</Body>"#), "\(json.text)")
    }

    /// A caller ID is written as it is: a value that is not E.164 refuses the dial.
    @Test func aFilledCallerIdThatIsNotE164RefusesTheDial() throws {
        let dial = #"<Dial callerId="{{From}}"><Number>+15550100200</Number></Dial>"#
        #expect(try served(dial, ["From": "+0123456"]).refusals == [.notE164])
        #expect(try served(dial, ["From": "15550100123"]).refusals == [.notE164])
        #expect(try served(dial, ["From": "+15550100123"]).refusals.isEmpty)
    }

    @Test func placeholdersWithoutAValueAndMustacheSectionsStayAsWritten() {
        #expect(ValueFilling.substitute("{{#Digits}}{{ Digits }}{{/Digits}} {{{x}}} {{!c}}", ["Digits": "5"], percentEncoding: false)
            == "{{#Digits}}5{{/Digits}} {{{x}}} {{!c}}")
        #expect(ValueFilling.names(in: "a {{ ext }} b {{From}} {{#s}}") == ["ext", "From"])
    }

    @Test func carriedValuesSurviveTheirPlainFormAndAddTheGatheredValue() throws {
        let first = CallValues.firstRequest(["From": "+15550100123", "To": "+18005550170", "CallSid": "v3:x", "Digits": "9"])
        #expect(first.values == ["From": "+15550100123", "To": "+18005550170", "CallSid": "v3:x"])
        let route = Route(kind: .gather, next: "f/next.xml", value: "ext")
        let after = first.adding(route, parameters: ["Digits": "101"])
        #expect(after.values["ext"] == "101")
        #expect(first.adding(Route(kind: .menu), parameters: ["Digits": "1"]) == first)
        let hostile = CallValues(values: ["said": #"a&b=c%d {{x}} é"#])
        #expect(CallValues(formEncoded: hostile.formEncoded) == hostile)
        #expect(CallValues.carriedToken(in: CallValues.carrying(hostile.formEncoded, on: "f/x.route")) == hostile.formEncoded)
    }
}
