@testable import IVRServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Testing

/// `TeXMLFastPath` answers TeXML requests on the event loop without the router; whatever it
/// takes it must answer exactly as the router does, and whatever it cannot, leave to it.
@Suite struct TeXMLFastPathTests {
    struct Sent {
        let uri: String
        let body: String
        let headers: HTTPFields
    }

    /// Every example flow's entry, every route with several keys, every document, an unknown
    /// number and a forged signature: the same status, headers, body and log line both ways.
    @Test(arguments: [true, false]) func answersEveryExampleRequestAsTheRouterDoes(signed: Bool) async throws {
        for draining in [false, true] {
            let viaRouter = try ServerFixture(signed: signed)
            let viaFastPath = try ServerFixture(signed: signed)
            if draining {
                viaRouter.server.drain.begin()
                viaFastPath.server.drain.begin()
            }
            let fastPath = viaFastPath.server.texmlFastPath()
            let requests = try Self.requests(to: viaRouter.server.store.current)
            #expect(requests.count > 100)
            let total = try await viaRouter.test { client in
                var followUps: [Sent] = []
                for sent in requests {
                    let routed = try await Self.compare(sent, client: client, fastPath: fastPath)
                    if sent.uri == "/texml", routed.status == .ok {
                        followUps += try Self.carriedURLs(in: String(buffer: routed.body)).map { uri in
                            let body = ServerFixture.form(ServerFixture.firstRequest(to: "+15550000000") + [("Digits", "1")])
                            return Sent(uri: uri, body: body, headers: try ServerFixture.signature(for: body))
                        }
                    }
                }
                // A call's next requests carry its sealed values (`?v=`), opened by either way.
                #expect(!followUps.isEmpty)
                for sent in followUps { _ = try await Self.compare(sent, client: client, fastPath: fastPath) }
                return requests.count + followUps.count
            }
            let routedLines = viaRouter.log.entries.map(Self.comparable)
            let fastLines = viaFastPath.log.entries.map(Self.comparable)
            #expect(routedLines.count == total)
            #expect(fastLines == routedLines)
            #expect(viaFastPath.server.drain.requestsFinished == viaRouter.server.drain.requestsFinished)
        }
    }

    /// What the router would read differently, or answer with its own error handling, or has to
    /// wait for, is left to it: the fast path returns nil and has counted and logged nothing.
    @Test func leavesToTheRouterWhatItCannotAnswerTheSameWay() throws {
        let fixture = try ServerFixture(signed: false)
        let fastPath = fixture.server.texmlFastPath()
        let id = fixture.server.store.current.id
        let flow = try #require(fixture.server.store.current.bundle.manifest.flows.first)
        let form = ServerFixture.form(ServerFixture.firstRequest(to: flow.number))
        let document = "/texml/\(id)/\(flow.entry)"
        #expect(fastPath.answer(Self.head(document), body: ByteBuffer(string: form), peer: nil) != nil)
        let passedOn: [(String, HTTPMethod, String)] = [
            ("/texml", .GET, form),
            ("/texml/", .POST, form),
            ("/texml//\(id)/\(flow.entry)", .POST, form),
            ("/texml/\(id)/\(flow.name)/../\(flow.entry)", .POST, form),
            ("/texml/\(id)/\(flow.name)/%6Dain.xml", .POST, form),
            ("/texml/\(id)/\(flow.name)/./main.xml", .POST, form),
            ("/texml/\(id)/\(flow.name)/main.xm\u{301}l", .POST, form),
            ("/texmlx", .POST, form),
            ("/texml/\(id)", .POST, form),
            ("/texml/\(id)/\(flow.name)/", .POST, form),
            ("/texml/\(id)/\(flow.name)/main.txt", .POST, form),
            ("/texml/0123456789ab/\(flow.entry)", .POST, form),
            ("/texml/\(id.uppercased())/\(flow.entry)", .POST, form),
            ("/texml/status", .POST, "CallSid=v3:1&CallStatus=completed"),
            ("/texml/recordings/\(id)/\(flow.name)/record", .POST, form),
            (document + "#top", .POST, form),
            ("/texml", .POST, "To=%ZZ"),
            ("/texml", .POST, String(repeating: "x", count: fixture.server.configuration.maxBodyBytes + 1)),
            ("http://example.com/texml", .POST, form),
        ]
        for (uri, method, body) in passedOn {
            #expect(fastPath.answer(Self.head(uri, method: method), body: ByteBuffer(string: body), peer: nil) == nil, "\(uri)")
        }
        var invalid = ByteBuffer(string: "To=")
        invalid.writeBytes([0xFF, 0xFE])
        #expect(fastPath.answer(Self.head("/texml"), body: invalid, peer: nil) == nil)
        #expect(fixture.log.entries.count == 1)
    }

    /// `sent` through the router and the fast path: the same answer, bar sealed values' nonces.
    static func compare(_ sent: Sent, client: any TestClientProtocol, fastPath: TeXMLFastPath) async throws -> TestResponse {
        let routed = try await client.execute(uri: sent.uri, method: .post, headers: sent.headers, body: ByteBuffer(string: sent.body))
        let fast = try #require(fastPath.answer(Self.head(sent.uri, headers: sent.headers), body: ByteBuffer(string: sent.body), peer: nil), "\(sent.uri)")
        #expect(fast.status == routed.status, "\(sent.uri)")
        #expect(Self.comparable(fast.headers) == Self.comparable(routed.headers), "\(sent.uri)")
        #expect(Self.masked(String(buffer: fast.body)) == Self.masked(String(buffer: routed.body)), "\(sent.uri)")
        return routed
    }

    /// The URLs back into the bundle that carry sealed values: actions and redirects.
    static func carriedURLs(in document: String) throws -> [String] {
        let pattern = try Regex(#"(?:action="|<Redirect>)(/texml/[^"<]*\?v=[^"<]*)"#)
        return document.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The signature is checked before any bundle is looked for, as the router checks it: a
    /// forged request for a bundle not in memory is refused here; a signed one goes to the router,
    /// which may load it from the store.
    @Test func checksTheSignatureBeforeLookingForTheBundle() throws {
        let fixture = try ServerFixture(signed: true)
        let fastPath = fixture.server.texmlFastPath()
        let flow = try #require(fixture.server.store.current.bundle.manifest.flows.first)
        let body = ServerFixture.form(ServerFixture.firstRequest(to: flow.number) + [("Digits", "1")])
        let uri = "/texml/0123456789ab/\(flow.entry.replacingOccurrences(of: ".xml", with: ".route"))"
        let forged = Self.head(uri, headers: try ServerFixture.signature(for: body + "&x=1"))
        #expect(fastPath.answer(forged, body: ByteBuffer(string: body), peer: nil)?.status == .forbidden)
        let signed = Self.head(uri, headers: try ServerFixture.signature(for: body))
        #expect(fastPath.answer(signed, body: ByteBuffer(string: body), peer: nil) == nil)
        #expect(fixture.log.entries.map { $0["refusal"] as? String } == ["signature-forged"])
    }

    /// A request head as NIO's parser gives it to the webhook's handler.
    static func head(_ uri: String, method: HTTPMethod = .POST, headers: HTTPFields = [:]) -> HTTPRequestHead {
        HTTPRequestHead(version: .http1_1, method: method, uri: uri, headers: HTTPHeaders(headers))
    }

    static func requests(to served: ServedBundle) throws -> [Sent] {
        let manifest = served.bundle.manifest
        var sent: [(String, [(String, String)])] = []
        for flow in manifest.flows {
            sent.append(("/texml", ServerFixture.firstRequest(to: flow.number)))
        }
        sent.append(("/texml", ServerFixture.firstRequest(to: "+15550000000")))
        sent.append(("/texml?from=test&v=forged", ServerFixture.firstRequest(to: manifest.flows[0].number)))
        for document in manifest.routes.keys.sorted() {
            let route = "/texml/\(served.id)/" + document.replacingOccurrences(of: ".xml", with: ".route")
            for input in [[], [("Digits", "1")], [("Digits", "2")], [("Digits", "9")], [("DialCallStatus", "no-answer")],
                          [("SpeechResult", "emergency")]] {
                sent.append((route, ServerFixture.firstRequest(to: manifest.flows[0].number) + input))
            }
        }
        for document in manifest.documents.keys.sorted() {
            sent.append(("/texml/\(served.id)/\(document)", ServerFixture.firstRequest(to: manifest.flows[0].number)))
        }
        var requests = try sent.map { uri, fields in
            let body = ServerFixture.form(fields)
            return Sent(uri: uri, body: body, headers: try ServerFixture.signature(for: body))
        }
        let forged = ServerFixture.form(ServerFixture.firstRequest(to: manifest.flows[0].number))
        requests.append(Sent(uri: "/texml", body: forged, headers: try ServerFixture.signature(for: forged + "&x=1")))
        requests.append(Sent(uri: "/texml", body: forged, headers: [.contentType: "application/x-www-form-urlencoded"]))
        return requests
    }

    /// What a transport adds (length, date) set aside.
    static func comparable(_ headers: HTTPFields) -> [String] {
        headers.filter { $0.name != .contentLength && $0.name != .date }.map { "\($0.name): \(Self.masked($0.value))" }.sorted()
    }

    /// Sealed call values are sealed with a fresh nonce each time.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"v=[A-Za-z0-9_.\-]+"#, with: "v=SEALED", options: .regularExpression)
    }

    /// A log line without its moment and latency.
    static func comparable(_ entry: [String: Any]) -> String {
        entry.filter { $0.key != "time" && $0.key != "latency_ms" }.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
    }
}
