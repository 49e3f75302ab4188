import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import IVRBundle
import IVRCheck
import IVRLang
import IVRServer
import IVRTestSupport
import Logging
import TeXMLEmit
import Testing

/// Values carried through a call by `ivrc serve`: sealed in the URLs it writes, filled once per
/// request, refused when altered, never logged.
@Suite struct CarriedValuesTests {
    static let keyMaterial = Array("0123456789abcdef0123456789abcdef-values-test-key".utf8)

    let server: VoiceServer
    let log = LogCapture()
    let seal: ValueSeal

    init() throws {
        seal = try ValueSeal(keyMaterial: Self.keyMaterial)
        var configuration = ServerConfiguration()
        configuration.verifier = nil
        configuration.valueSeal = seal
        let log = log
        let logger = Logger(label: "test") { label in JSONLogHandler(label: label) { log.append($0) } }
        server = VoiceServer(bundle: try Self.served(), configuration: configuration, logger: logger)
    }

    static func served() throws -> ServedBundle {
        let result = Checker.check([SourceFile(path: "extensions.ivr", text: ValuesFlow.source),
                                    SourceFile(path: "dispatch.ivr", text: ValuesFlow.dataDip)])
        let compiled = try Compiler.compile(result.graph)
        let bundle = try LoadedBundle(manifest: BundleWriter.manifest(for: compiled, compilerVersion: "test", waivers: []),
                                      documents: compiled.documents)
        return try ServedBundle(bundle: bundle, pathPrefix: "/texml")
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: server.router()).test(.router, body)
    }

    static let call = ServerFixture.firstRequest(to: ValuesFlow.number)

    /// The action URL of the first `<Gather>` in a served document.
    static func action(in document: String) throws -> String {
        let start = try #require(document.range(of: "action=\""))
        return String(document[start.upperBound...].prefix { $0 != "\"" })
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                 body: ByteBuffer(string: ServerFixture.form(fields)))
    }

    @Test func theCallersNumberAndTheTypedExtensionAreFilledAndCarried() async throws {
        let (entry, connect) = try await test { client in
            let entry = String(buffer: try await Self.post(client, "/texml", Self.call).body)
            let action = try Self.action(in: entry)
            let connect = try await Self.post(client, action, Self.call + [("Digits", "101")])
            return (entry, String(buffer: connect.body))
        }
        #expect(entry.contains("Thanks for calling from +15550100123."))
        #expect(try Self.action(in: entry).contains(".route?v="))
        #expect(connect.contains("<Say>Connecting you to extension 101.</Say>"), "\(connect)")
        #expect(connect.contains("<Sip>sip:101@pbx.example.com</Sip>"))
        #expect(!connect.contains("{{"))
    }

    /// What a caller typed reaches the document escaped once, and never the log: neither the
    /// digits nor the sealed token (the log has no query string).
    @Test func aHostileValueIsEscapedOnceAndNeitherItNorItsTokenIsLogged() async throws {
        let hostile = #"<&"'>%{{From}}"#
        let connect = try await test { client in
            let action = try Self.action(in: String(buffer: try await Self.post(client, "/texml", Self.call).body))
            return String(buffer: try await Self.post(client, action, Self.call + [("Digits", hostile)]).body)
        }
        #expect(connect.contains("<Say>Connecting you to extension &lt;&amp;\"'&gt;%{{From}}.</Say>"), "\(connect)")
        #expect(!connect.contains("<Dial"), "not digits: refused")
        #expect(connect.contains("Sorry, that number cannot be dialled."))
        let text = log.text
        #expect(!text.contains("&lt;&amp;") && !text.contains("%{{From}}") && !text.contains("v="))
        #expect(log.entries.last?["refusal"] as? String == "dial-not-digits")
    }

    @Test func aTamperedForeignOrStaleTokenIsRefusedWith403() async throws {
        let statuses = try await test { client in
            let action = try Self.action(in: String(buffer: try await Self.post(client, "/texml", Self.call).body))
            let path = String(action.prefix { $0 != "?" })
            let token = try #require(CallValues.carriedToken(in: action))
            // A character in the middle: the last one of base64 may carry only padding bits, and
            // changing those changes nothing (this test failed one run in a few that way).
            var characters = Array(token)
            let middle = characters.count / 2
            characters[middle] = characters[middle] == "A" ? "B" : "A"
            let flipped = String(characters)
            let otherCall = seal.seal(CallValues(values: ["From": "+15550100999"]), callSid: "v3:someone-else", bundle: server.store.current.id)
            let stale = seal.seal(CallValues(values: ["From": "+15550100123"]), callSid: "v3:call-1", bundle: server.store.current.id,
                                  at: Date().addingTimeInterval(-5 * 3600))
            let forgedKey = try ValueSeal(keyMaterial: Array(repeating: 7, count: 32))
                .seal(CallValues(values: ["From": "+15550100123"]), callSid: "v3:call-1", bundle: server.store.current.id)
            var statuses: [HTTPResponse.Status] = []
            for uri in [CallValues.carrying(flipped, on: path), CallValues.carrying(otherCall, on: path),
                        CallValues.carrying(stale, on: path), CallValues.carrying(forgedKey, on: path), path] {
                // Digits no timestamp or latency in the log can contain by chance.
                statuses.append(try await Self.post(client, uri, Self.call + [("Digits", "73519")]).status)
            }
            let metrics = server.metricsText
            #expect(metrics.contains(#"ivrc_carried_value_rejections_total{reason="forged"} 2"#), "\(metrics)")
            #expect(metrics.contains(#"ivrc_carried_value_rejections_total{reason="other-call"} 1"#))
            #expect(metrics.contains(#"ivrc_carried_value_rejections_total{reason="stale"} 1"#))
            #expect(metrics.contains(#"ivrc_carried_value_rejections_total{reason="missing"} 1"#))
            return statuses
        }
        #expect(statuses == Array(repeating: .forbidden, count: 5))
        let refusals = log.entries.compactMap { $0["refusal"] as? String }
        #expect(refusals == ["carried-values-forged", "carried-values-other-call", "carried-values-stale",
                             "carried-values-forged", "carried-values-missing"])
        #expect(!log.text.contains("73519") && !log.text.contains("+15550100123"))
    }

    /// 500 typed digits: no `<Dial>` is answered, the dial's no-answer route is, and the log
    /// names the refusal, not the digits.
    @Test func aFiveHundredDigitCallbackIsRefused() async throws {
        let digits = String(repeating: "5", count: 500)
        let (document, metrics) = try await test { client in
            let entry = String(buffer: try await Self.post(client, "/texml", Self.call).body)
            let timeout = try #require(entry.range(of: "<Redirect>")).upperBound
            let operatorURL = String(entry[timeout...].prefix { $0 != "<" })
            let operatorDocument = String(buffer: try await Self.post(client, operatorURL, Self.call).body)
            let callBack = try await Self.post(client, try Self.action(in: operatorDocument), Self.call + [("Digits", digits)])
            return (String(buffer: callBack.body), server.metricsText)
        }
        #expect(!document.contains("<Dial") && !document.contains(digits))
        #expect(document.contains("<Say>Sorry, that number cannot be dialled.</Say>"))
        #expect(document.contains("<Redirect>/texml/"), "\(document)")
        #expect(metrics.contains(#"ivrc_dial_refusals_total{reason="too-long"} 1"#))
        #expect(!log.text.contains(digits.prefix(20)))
    }

    /// An http-request's answer (its fields, as Telnyx sends them to the action) is carried on
    /// and read out; a typed value in its JSON body is JSON-escaped inside the XML.
    @Test func theAnswerOfAnHTTPRequestIsCarriedAndTheBodyIsEscapedForJSON() async throws {
        let call = ServerFixture.firstRequest(to: ValuesFlow.dataDipNumber)
        let (lookup, announce) = try await test { client in
            let welcome = String(buffer: try await Self.post(client, "/texml", call).body)
            let lookup = String(buffer: try await Self.post(client, try Self.action(in: welcome), call + [("Digits", #"4"7"#)]).body)
            let answer = try await Self.post(client, try Self.action(in: lookup), call + [("eta", "15"), ("dock", "<7&>")])
            return (lookup, String(buffer: answer.body))
        }
        #expect(lookup.contains(#"<Body>{"driver": "4\"7"}</Body>"#), "\(lookup)")
        #expect(lookup.contains("<HttpRequest action=\"/texml/"))
        #expect(announce.contains(#"<Say>Driver 4"7, your load is at dock &lt;7&amp;&gt; in 15 minutes.</Say>"#), "\(announce)")
    }

    @Test func aBundleThatUsesValuesIsRefusedWithoutAKey() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-values-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = Checker.check([SourceFile(path: "extensions.ivr", text: ValuesFlow.source)])
        try BundleWriter.write(try Compiler.compile(result.graph), to: directory, compilerVersion: "test", waivers: [])
        #expect(throws: BundleReloader.ValuesKeyMissing.self) { try BundleReloader.load(directory, urlPrefix: "/texml") }
        #expect(try BundleReloader.load(directory, urlPrefix: "/texml", valuesKeyed: true).values.flowNames == ["extensions"])
    }

    // MARK: Keys (rotation) and bounds

    /// A token names the key that sealed it; after a rotation the previous key still opens what
    /// it sealed, the new one seals, and a token sealed before key ids were written still opens.
    @Test func aTokenNamesItsKeyAndAPreviousKeyStillOpensIt() throws {
        let values = CallValues(values: ["ext": "101"])
        let bundle = server.store.current.id
        let rotated = try ValueSeal(keyMaterial: Array("a second key for the rotation test, 32+ bytes".utf8), previous: [Self.keyMaterial])
        let old = seal.seal(values, callSid: "v3:call-1", bundle: bundle)
        #expect(old.hasPrefix(seal.keyID + ".") && seal.keyID.count == 8 && seal.keyID != rotated.keyID, "\(old)")
        #expect(try rotated.open(old, callSid: "v3:call-1", bundle: bundle).get() == values)
        let new = rotated.seal(values, callSid: "v3:call-1", bundle: bundle)
        #expect(new.hasPrefix(rotated.keyID + "."))
        #expect(seal.open(new, callSid: "v3:call-1", bundle: bundle) == .failure(.forged))
        let withoutID = String(old.drop { $0 != "." }.dropFirst())
        #expect(try rotated.open(withoutID, callSid: "v3:call-1", bundle: bundle).get() == values)
        let otherID = "00000000" + old.drop { $0 != "." }
        #expect(rotated.open(otherID, callSid: "v3:call-1", bundle: bundle) == .failure(.forged))
    }

    /// A token longer than any the server seals is refused unread, counted as `too-large`
    /// (it used to be counted as forged).
    @Test func aTokenOverTheLimitIsRefusedAsTooLarge() async throws {
        let huge = String(repeating: "A", count: ValueSeal.maxTokenBytes + 1)
        #expect(seal.open(huge, callSid: "v3:call-1", bundle: server.store.current.id) == .failure(.tooLarge))
        let status = try await test { client in
            let action = try Self.action(in: String(buffer: try await Self.post(client, "/texml", Self.call).body))
            let path = String(action.prefix { $0 != "?" })
            return try await Self.post(client, CallValues.carrying(huge, on: path), Self.call + [("Digits", "101")]).status
        }
        #expect(status == .forbidden)
        #expect(server.metricsText.contains(#"ivrc_carried_value_rejections_total{reason="too-large"} 1"#), "\(server.metricsText)")
    }

    /// A data dip answering 12.5 KB (and a full set of worst-case values): what is collected is
    /// bounded, so the token sealed for them opens; the refused value stands for nothing.
    @Test func collectedValuesAreBoundedSoEverySealedTokenOpens() throws {
        let bundle = server.store.current.id
        let lookup = Route(kind: .httpRequest, next: "dispatch/announce.xml", fields: ["eta", "dock"])
        let first = CallValues.firstRequest(Dictionary(uniqueKeysWithValues: Self.call))
        let answered = first.adding(lookup, parameters: ["eta": String(repeating: "é", count: 6_400), "dock": "7"])
        #expect(answered.values["eta"] == "" && answered.values["dock"] == "7")
        let token = seal.seal(answered, callSid: "v3:call-1", bundle: bundle)
        #expect(try seal.open(token, callSid: "v3:call-1", bundle: bundle).get() == answered)

        let fields = (0..<40).map { "field\($0)" }
        let wide = Route(kind: .httpRequest, next: "dispatch/announce.xml", fields: fields)
        let worst = Dictionary(uniqueKeysWithValues: fields.map { ($0, String(repeating: "\u{10FFFF}", count: CallValues.maxValueBytes / 4)) })
        let full = first.collecting(wide, parameters: worst)
        #expect(full.refused.allSatisfy { $0 == .valuesFull } && !full.refused.isEmpty)
        let callSid = String(repeating: "v", count: CallValues.maxValueBytes)
        let fullToken = seal.seal(full.values, callSid: callSid, bundle: bundle)
        #expect(fullToken.utf8.count <= ValueSeal.maxTokenBytes)
        #expect(try seal.open(fullToken, callSid: callSid, bundle: bundle).get() == full.values)
    }

    /// Through the server: a refused value is counted by reason, never logged.
    @Test func aRefusedCollectedValueIsCounted() async throws {
        let call = ServerFixture.firstRequest(to: ValuesFlow.dataDipNumber)
        let eta = String(repeating: "9", count: CallValues.maxValueBytes + 1)
        let announce = try await test { client in
            let welcome = String(buffer: try await Self.post(client, "/texml", call).body)
            let lookup = String(buffer: try await Self.post(client, try Self.action(in: welcome), call + [("Digits", "4711")]).body)
            return String(buffer: try await Self.post(client, try Self.action(in: lookup), call + [("eta", eta), ("dock", "7")]).body)
        }
        #expect(announce.contains("<Say>Driver 4711, your load is at dock 7 in  minutes.</Say>"), "\(announce)")
        #expect(server.metricsText.contains(#"ivrc_collected_value_refusals_total{reason="value-too-long"} 1"#), "\(server.metricsText)")
        #expect(!log.text.contains(eta))
    }
}
