import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLSchema
import Testing

/// `BundleAnswerer` is the one function `ivrc serve` and the runtime answer requests with:
/// route → `next` → values → fill → carry, with the carrier's sealing passed in.
@Suite struct BundleAnswererTests {
    /// Documents as written text; a URL without a scheme leads back into the bundle.
    struct TextDocuments: AnswerDocuments, Sendable {
        let parsed: [String: XMLElement]
        let validator: TeXMLSchemaValidator

        func stored(_ path: String) -> String? {
            parsed[path].map { String(decoding: validator.write($0.elements).bytes, as: UTF8.self) }
        }

        func verbs(_ path: String) -> [XMLElement]? { parsed[path]?.elements }

        func write(_ verbs: [XMLElement], path: String) -> Result<String, InvalidFilledDocument> {
            let written = validator.write(verbs)
            guard written.violations.isEmpty else { return .failure(InvalidFilledDocument(message: written.violations[0].message)) }
            return .success(String(decoding: written.bytes, as: UTF8.self))
        }

        func leadsIntoBundle(_ url: String, from path: String) -> Bool { !url.contains(":") }
    }

    /// Seals by marking the plain form; refuses any token not so marked.
    struct MarkedValues: CallValueCarrier {
        struct Refused: Error, Equatable { let token: String? }

        func open(_ token: String?) -> Result<CallValues, Refused> {
            guard let token, token.hasPrefix("sealed."), let values = CallValues(formEncoded: String(token.dropFirst(7))) else {
                return .failure(Refused(token: token))
            }
            return .success(values)
        }

        func seal(_ values: CallValues) -> String { "sealed." + values.formEncoded }
    }

    let answerer: BundleAnswerer<TextDocuments>

    init() throws {
        let sources = [
            "line/main.xml": #"<Gather action="main.route" numDigits="4"><Say>Your account?</Say></Gather>"#,
            "line/said.xml": #"<Say>You entered {{account}}.</Say><Redirect>main.xml</Redirect>"#,
            "plain/main.xml": #"<Say>Hello.</Say><Hangup/>"#,
            "dialer/main.xml": #"<Gather action="main.route" numDigits="15" input="dtmf speech"><Say>Which number?</Say></Gather>"#,
            "dialer/call.xml": #"<Say voice="alice">Calling {{typed}} for {{From}}.</Say><Play>https://audio.example.com/{{typed}}.mp3</Play>"#
                + #"<Dial callerId="{{From}}" action="call.route"><Number>{{typed}}</Number></Dial>"#,
        ]
        let bytes = sources.mapValues { Array("<Response>\($0)</Response>".utf8) }
        let manifest = Manifest(
            formatVersion: Manifest.currentFormatVersion, compilerVersion: "test",
            flows: [.init(name: "line", number: "+15550100100", entry: "line/main.xml"),
                    .init(name: "plain", number: "+15550100200", entry: "plain/main.xml"),
                    .init(name: "dialer", number: "+15550100300", entry: "dialer/main.xml")],
            routes: ["line/main.xml": Route(kind: .gather, next: "line/said.xml", value: "account"),
                     "dialer/main.xml": Route(kind: .gather, next: "dialer/call.xml", value: "typed")],
            documents: bytes.mapValues { Manifest.DocumentEntry(sha256: DocumentHash.sha256($0)) }, waivers: [])
        let bundle = try LoadedBundle(manifest: manifest, documents: bytes)
        let parsed = try bytes.mapValues { try SafeXMLParser().parse(Data($0)) }
        answerer = BundleAnswerer(bundle: bundle, values: BundleValues(manifest: manifest, documents: parsed),
                                  filling: ValueFilling(vocabulary: try TeXMLVocabulary.bundled.get()),
                                  documents: TextDocuments(parsed: parsed, validator: try TeXMLSchemaValidator.bundled.get()))
    }

    private func answer(_ path: String, _ parameters: [String: String] = [:], token: String?)
        -> RequestAnswer<String, MarkedValues.Refused> {
        answerer.answer(path, parameters: parameters, incoming: .carried(token: token), clock: nil, carrier: MarkedValues())
    }

    @Test func aRouteAnswersTheNextDocumentFilledWithWhatWasGatheredAndCarriesItBack() throws {
        let opened = "sealed." + CallValues(values: ["CallSid": "c1"]).formEncoded
        guard case .document(let path, let text, let refusals, _, let route) = answer("line/main.route", ["Digits": "1234"], token: opened) else {
            Issue.record("no document")
            return
        }
        #expect(path == "line/said.xml")
        #expect(route?.outcome == .next)
        #expect(refusals.isEmpty)
        #expect(text.contains("<Say>You entered 1234.</Say>"), "\(text)")
        let carried = try #require(CallValues.carriedToken(in: text.components(separatedBy: "<Redirect>")[1].components(separatedBy: "<")[0]
            .replacingOccurrences(of: "&amp;", with: "&")))
        #expect(try MarkedValues().open(carried).get() == CallValues(values: ["account": "1234"]))
    }

    @Test func carriedValuesAreOpenedByTheCarrierAndItsRefusalIsTheAnswer() {
        guard case .carriedValuesRejected(let refused) = answer("line/said.xml", token: "forged") else {
            Issue.record("not refused")
            return
        }
        #expect(refused == .init(token: "forged"))
        guard case .carriedValuesRejected(let missing) = answer("line/main.route", ["Digits": "1"], token: nil) else {
            Issue.record("not refused")
            return
        }
        #expect(missing == .init(token: nil))
    }

    @Test func aFlowWithoutValuesIsAnsweredAsStoredAndOpensNothing() {
        guard case .document(let path, let text, _, _, _) = answer("plain/main.xml", token: "forged") else {
            Issue.record("no document")
            return
        }
        #expect(path == "plain/main.xml")
        #expect(text.contains("<Say>Hello.</Say>"))
    }

    @Test func unknownDocumentsAndMissingRoutesAreSaidApart() {
        guard case .unknownDocument(let path) = answer("plain/gone.xml", token: nil) else {
            Issue.record("not unknown")
            return
        }
        #expect(path == "plain/gone.xml")
        guard case .noRoute(let route) = answer("plain/main.route", token: nil) else {
            Issue.record("not without a route")
            return
        }
        #expect(route == "plain/main.route")
    }

    /// Sealed even with nothing to carry yet: a sealed token also binds the call and the time.
    @Test func theFirstRequestSealsForEveryURLBackIntoTheBundle() {
        let answer = answerer.answer("line/main.xml", parameters: [:], incoming: .firstRequest(CallValues(values: ["CallSid": "c1"])),
                                     clock: nil, carrier: MarkedValues())
        guard case .document(let path, let text, _, _, _) = answer else {
            Issue.record("no document")
            return
        }
        #expect(path == "line/main.xml")
        #expect(text.contains(#"action="main.route?v=sealed.""#), "\(text)")
    }

    /// Whatever a caller types or says and whatever caller ID they bring, the answer's written
    /// bytes are well-formed and XSD-valid (libxml2 reads them back), or a refused dial: never
    /// an invalid document (a 500). Deterministic: a fixed-seed generator.
    @Test func randomValuesAreAnsweredWithAValidDocumentOrARefusal() throws {
        let validator = try TeXMLSchemaValidator.bundled.get()
        var random = SeededRandom(seed: 20)
        let alphabet: [Unicode.Scalar] = ["0", "1", "5", "9", "+", "<", "&", "\"", "{", "}", " ", "\u{0}", "\u{1}", "\u{8}", "\u{B}",
                                          "\u{1F}", "\t", "\n", "\r", "\u{7F}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "é", "\u{1F600}"]
        func value() -> String {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(random.next() % 16) { scalars.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
            return String(scalars)
        }
        for _ in 0..<300 {
            let typed = value(), from = random.next() % 2 == 0 ? "+" + value() : value()
            let opened = "sealed." + CallValues(values: ["CallSid": "c1", "From": from]).formEncoded
            let answer = answerer.answer("dialer/main.route", parameters: ["Digits": typed, "SpeechResult": typed],
                                         incoming: .carried(token: opened), clock: nil, carrier: MarkedValues())
            guard case .document(_, let text, let refusals, _, _) = answer else {
                Issue.record("typed \(Array(typed.unicodeScalars)), From \(Array(from.unicodeScalars)): \(answer)")
                continue
            }
            let violations = validator.validate(Data(text.utf8))
            #expect(violations.isEmpty, "\(violations) in \(text)")
            #expect(text.contains("<Dial") != !refusals.isEmpty || typed.isEmpty, "\(text)")
        }
    }

    /// A typed number starting with `0` and a caller ID `+0…` are refused dials, not invalid documents.
    @Test func aNumberThatCannotBeE164IsARefusedDial() {
        for (typed, from) in [("0123456", "+15550100123"), ("5550100", "+0123456"), ("5", "+15550100123")] {
            let opened = "sealed." + CallValues(values: ["CallSid": "c1", "From": from]).formEncoded
            let answer = answerer.answer("dialer/main.route", parameters: ["Digits": typed], incoming: .carried(token: opened),
                                         clock: nil, carrier: MarkedValues())
            guard case .document(_, let text, let refusals, _, _) = answer else {
                Issue.record("\(typed) from \(from): \(answer)")
                continue
            }
            #expect(refusals.map(\.rawValue) == ["not-e164"], "the reason the metric counts")
            #expect(!text.contains("<Dial") && text.contains("<Redirect>call.route?v=sealed."), "\(text)")
        }
    }
}

