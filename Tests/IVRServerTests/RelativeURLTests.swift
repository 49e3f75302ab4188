import Foundation
import Hummingbird
import HummingbirdTesting
import IVRServer
import TeXMLSchema
import Testing

/// Follows every URL of every served document the way Telnyx's HTTP client does: resolved
/// with `URL(string:relativeTo:)` against the URL the document was fetched from.
@Suite struct RelativeURLTests {
    static let origin = "http://ivr.test"

    /// Action parameters a route can receive: every key, a timeout, each dial outcome, a recording.
    static let actionParameters: [[(String, String)]] =
        [[]] + "0123456789*#".map { [("Digits", String($0))] }
        + [[("DialCallStatus", "completed")], [("DialCallStatus", "no-answer")], [("RecordingUrl", "https://rec.test/1.wav")]]
        + lookupAnswers

    /// The examples' lookup answers: each side of the branches they decide.
    static let lookupAnswers: [[(String, String)]] =
        [[("status", "active"), ("provider", "Dr. Lee")], [("status", "new")], [("status", "stopped"), ("location", "exit 12")]]

    /// A weekday morning and a Sunday night: both branches of every `hours` in the examples.
    static let moments = ["2026-12-22 10:00", "2026-12-27 23:00"]

    @Test func everyURLInEveryDocumentLeadsToAnEndpointTheServerAnswers() async throws {
        let fixture = try ServerFixture { $0.testClock = true }
        let bundle = fixture.server.store.current
        let flows = bundle.bundle.manifest.flows
        let followed = try await fixture.test { client in
            var queue = flows.map { (URL(string: Self.origin + "/texml")!, ServerFixture.firstRequest(to: $0.number), Self.moments[0]) }
            var seen = Set<String>()
            var followed = 0
            while let (url, fields, moment) = queue.popLast() {
                let response = try await ServerFixture.post(client, ServerFixture.target(url), fields, moment: moment)
                #expect(response.status == .ok, "\(url.absoluteString) with \(fields.map(\.0))")
                guard response.status == .ok else { continue }
                for link in try Self.links(in: response.body) {
                    let resolved = try #require(URL(string: link, relativeTo: url)?.absoluteURL)
                    guard resolved.absoluteString.hasPrefix(Self.origin + "/") else { continue }
                    followed += 1
                    let isRoute = resolved.path.hasSuffix(".route")
                    // Keyed by path and the lookup answer the link came from, not by the whole
                    // URL: a carried-values token is sealed afresh with every answer, so the URL
                    // never repeats, yet the values it carries decide the next branch.
                    let answered = fields.filter { field in Self.lookupAnswers.contains { $0.contains { $0.0 == field.0 } } }
                    for parameters in isRoute ? Self.actionParameters : [[]] {
                        for moment in isRoute ? Self.moments : [moment]
                        where seen.insert(resolved.path + "\(answered)\(parameters)" + moment).inserted {
                            let call = fields.filter { field in !Self.actionParameters.contains { $0.contains { $0.0 == field.0 } } }
                            queue.append((resolved, call + parameters, moment))
                        }
                    }
                }
            }
            return followed
        }
        #expect(followed > 0)
        let served = Set(fixture.log.entries.compactMap { $0["document"] as? String })
        #expect(served == Set(bundle.bundle.manifest.documents.keys))
    }

    @Test func aRelativeActionInTheEntryDocumentNoLongerResolvesToTheRoot() async throws {
        let fixture = try ServerFixture()
        let number = try #require(fixture.server.store.current.bundle.manifest.flows.first?.number)
        let body = try await fixture.test { client in
            try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: number)).body
        }
        let links = try Self.links(in: body)
        #expect(!links.isEmpty)
        for link in links where !link.contains(":") {
            #expect(link.hasPrefix("/texml/\(fixture.server.store.current.id)/"), "\(link)")
        }
    }

    @Test func aPublicURLMakesEveryBundleURLAbsolute() async throws {
        let fixture = try ServerFixture { $0.publicURL = "https://ivr.example.com" }
        let bundle = fixture.server.store.current
        for path in bundle.bundle.manifest.documents.keys {
            let document = try #require(bundle.document(path))
            for link in try Self.links(in: document) where link.hasSuffix(".route") || link.hasSuffix(".xml") {
                #expect(link.hasPrefix("https://ivr.example.com/texml/\(bundle.id)/"), "\(path): \(link)")
            }
        }
    }

    /// Every `Url`-typed attribute and text in a TeXML document, per the XSD.
    static func links(in body: ByteBuffer) throws -> [String] {
        let vocabulary = try TeXMLVocabulary.bundled.get()
        var links: [String] = []
        var stack = [try SafeXMLParser().parse(Data(body.readableBytesView))]
        while let element = stack.popLast() {
            let spec = vocabulary.element(named: element.name)
            for attribute in element.attributes where spec?.attribute(named: attribute.name)?.kind == .url {
                links.append(attribute.value)
            }
            if spec?.text == .url { links.append(element.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
            stack += element.elements
        }
        return links
    }
}
