import Foundation
import IVRBundle
import Testing

/// `BundleAddress` resolves as Telnyx does (RFC 3986 §5.2): checked against Foundation's
/// `URL(string:relativeTo:)` as the oracle, over a table of edge cases and generated references.
@Suite struct BundleAddressTests {
    static let base = "https://ivr.example.com/texml/clinic/menu.xml?v=abc#top"

    static let references = [
        "next.xml", "./next.xml", "../other/next.xml", "../../../../x.xml", "/root.xml", "/a/./b/../c.xml",
        "next.route?v=TOKEN", "?v=1", "#frag", ".", "..", "../", "a/b/..", "a/b/../", "//cdn.example.com/a.mp3",
        "tel:+15550100", "sip:desk@example.com", "https://other.example.com/x.xml?q=1#f", "HTTP://UP.example.com/a/../b",
        "menu.route#x", "a?b/../c", "a#b/../c", "g;x=1/../y", "./g:h",
    ]

    static func oracle(_ reference: String, _ base: String) -> String? {
        guard let base = URL(string: base), let url = URL(string: reference, relativeTo: base) else { return nil }
        return url.absoluteString
    }

    @Test(arguments: references)
    func resolvesAsFoundationDoes(_ reference: String) throws {
        let expected = try #require(Self.oracle(reference, Self.base))
        #expect(BundleAddress.resolve(reference, against: Self.base) == expected)
    }

    /// Foundation has no URL for an empty reference; RFC 3986 §5.2.2 gives the base without
    /// its fragment.
    @Test func anEmptyReferenceIsTheBaseWithoutItsFragment() {
        #expect(BundleAddress.resolve("", against: Self.base) == "https://ivr.example.com/texml/clinic/menu.xml?v=abc")
    }

    /// Relative references built from segments RFC 3986 treats specially, every combination up
    /// to three segments, each with and without a query or fragment.
    @Test func generatedReferencesResolveAsFoundationDoes() {
        let segments = ["a", "b.xml", ".", "..", "", "c.route"]
        var references: [String] = []
        for first in segments {
            for second in segments {
                for third in segments {
                    let path = [first, second, third].joined(separator: "/")
                    references += [path, "/" + path, path + "?v=1", path + "#f"]
                }
            }
        }
        for base in [Self.base, "https://ivr.example.com/a/b/c/d.xml", "https://ivr.example.com"] {
            for reference in references {
                guard let expected = Self.oracle(reference, base) else { continue }
                #expect(BundleAddress.resolve(reference, against: base) == expected, "\(reference) against \(base)")
            }
        }
    }

    @Test func urlsInADocumentLeadToBundlePaths() {
        let from = "clinic/menu.xml"
        #expect(BundleAddress.target(of: " next.xml\n", from: from) == .local("clinic/next.xml"))
        #expect(BundleAddress.target(of: "menu.route?v=T", from: from) == .local("clinic/menu.route"))
        #expect(BundleAddress.target(of: "../../../intake/a.xml", from: from) == .local("intake/a.xml"))
        #expect(BundleAddress.target(of: "/intake/a.xml#x", from: from) == .local("intake/a.xml"))
        #expect(BundleAddress.target(of: "tel:+15550100", from: from) == .external("tel:+15550100"))
        #expect(BundleAddress.target(of: "sip:desk@example.com", from: from) == .external("sip:desk@example.com"))
        #expect(BundleAddress.target(of: "//cdn.example.com/a.mp3", from: from) == .external("//cdn.example.com/a.mp3"))
    }

    @Test func absoluteURLsUnderABaseURLAreBundlePaths() {
        let bases = ["https://ivr.example.com/texml/"]
        #expect(BundleAddress.target(of: "https://ivr.example.com/texml/clinic/a.xml?v=1", from: "clinic/menu.xml", baseURLs: bases)
            == .local("clinic/a.xml"))
        #expect(BundleAddress.target(of: "https://ivr.example.com/texml/clinic/../intake/a.route", from: "clinic/menu.xml",
                                     baseURLs: bases) == .local("intake/a.route"))
        #expect(BundleAddress.target(of: "https://cdn.example.com/texml/clinic/a.xml", from: "clinic/menu.xml", baseURLs: bases)
            == .external("https://cdn.example.com/texml/clinic/a.xml"))
        // Without base URLs, a URL ending in a known path is that path; an unknown one stays external.
        let known: (String) -> Bool = { $0 == "clinic/a.xml" }
        #expect(BundleAddress.target(of: "https://any.example.com/x/clinic/a.xml", from: "clinic/menu.xml", isKnown: known)
            == .local("clinic/a.xml"))
        #expect(BundleAddress.target(of: "https://any.example.com/x/clinic/b.xml", from: "clinic/menu.xml", isKnown: known)
            == .external("https://any.example.com/x/clinic/b.xml"))
    }

    @Test func writtenAddressesResolveBackToTheirPaths() {
        for base in [nil, "https://ivr.example.com/texml/", "https://ivr.example.com/texml"] {
            let address = BundleAddress(baseURL: base)
            let bases = base.map { [$0] } ?? []
            #expect(BundleAddress.target(of: address.document("next", flow: "clinic"), from: "clinic/menu.xml", baseURLs: bases)
                == .local(BundleAddress.path("next", flow: "clinic")))
            #expect(BundleAddress.target(of: address.route("menu", flow: "clinic"), from: "clinic/menu.xml", baseURLs: bases)
                == .local("clinic/menu.route"))
        }
        #expect(BundleAddress.document(ofRoute: "clinic/menu.route") == "clinic/menu.xml")
        #expect(BundleAddress.document(ofRoute: "clinic/menü.route") == "clinic/menü.xml")
        #expect(BundleAddress.document(ofRoute: ".route") == ".xml")
        #expect(BundleAddress.document(ofRoute: "route") == "route")
        #expect(BundleAddress.document(ofRoute: "clinic/menu.xml") == "clinic/menu.xml")
        #expect(BundleAddress.route(ofDocument: "clinic/menu.xml") == "clinic/menu.route")
        #expect(BundleAddress.route(ofDocument: "clinic/menü.xml") == "clinic/menü.route")
        #expect(BundleAddress.route(ofDocument: "clinic/menu.route") == nil)
        #expect(BundleAddress.route(ofDocument: "clinic/menu") == nil)
    }

    /// A step's receivers are bundle paths `FLOW/STEP.recording` and `FLOW/STEP.transcription`, written and read back.
    @Test func receiverPathsNameTheirKindFlowAndStep() {
        for receiver in BundleAddress.Receiver.allCases {
            let written = BundleAddress(baseURL: nil).receiver(receiver, step: "leave_message", flow: "clinic")
            let found = BundleAddress.receiver(at: "clinic/" + written)
            #expect(found?.receiver == receiver && found?.flow == "clinic" && found?.step == "leave_message", "\(written)")
        }
        for path in ["clinic/.transcription", "/main.recording", "a/b/main.recording", "clinic/main.xml", "clinic/main.transcriptions"] {
            #expect(BundleAddress.receiver(at: path) == nil, "\(path)")
        }
    }
}
