import Foundation
import IVRBundle
import IVRCheck
import TeXMLEmit
import Testing

/// `branch {{NAME}}` lowers like `hours`: a redirect to the document's own route, whose lines
/// go into the manifest and `LoadedBundle.next` decides from the call's values. A lookup's
/// route knows its failure step and its defaults, and a redirect after the `<HttpRequest>`
/// brings a request Telnyx gave up on to the same route.
@Suite struct ValueBranchLoweringTests {
    static let source = """
        flow clinic
          number +1-800-555-0157

          step lookup
            http-request https://ehr.example.com/patients -> route
              field status "patient.status"
              field provider "patient.provider" default="your provider"
              on failure -> desk

          step route
            branch {{status}}
              on "active" "Returning" -> provider
              on empty -> desk
              on other
                say "Connecting you."
                goto desk

          step provider
            say "Connecting you to {{provider}}."
            dial +1-555-010-0100

          step desk
            dial +1-555-010-0200
        """

    static func loaded() throws -> (CompiledBundle, LoadedBundle) {
        let bundle = try Compile.bundle(Self.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        return (bundle, try LoadedBundle(manifest: try JSONDecoder().decode(Manifest.self, from: Data(manifest.encoded)),
                                         documents: bundle.documents))
    }

    @Test func theDocumentsAskTheirRoutes() throws {
        let (bundle, loaded) = try Self.loaded()
        #expect(try Compile.text(bundle, "clinic/route.xml").contains("<Redirect>route.route</Redirect>"))
        let lookup = try Compile.text(bundle, "clinic/lookup.xml")
        let request = try #require(lookup.range(of: "</HttpRequest>"), "\(lookup)")
        let redirect = try #require(lookup.range(of: "<Redirect>lookup.route</Redirect>"), "\(lookup)")
        #expect(request.upperBound <= redirect.lowerBound)
        #expect(loaded.manifest.routes["clinic/route.xml"] == Route(kind: .branch, value: "status", decisions: [
            .init(when: .oneOf(["active", "returning"]), next: "clinic/provider.xml"),
            .init(when: .empty, next: "clinic/desk.xml"),
            .init(when: .other, next: "clinic/route.other.xml"),
        ]))
        #expect(loaded.manifest.routes["clinic/lookup.xml"] == Route(kind: .httpRequest, next: "clinic/route.xml", fields: ["status", "provider"],
                                                                     failure: "clinic/desk.xml", defaults: ["provider": "your provider"]))
    }

    @Test(arguments: [
        ("active", "clinic/provider.xml"), (" RETURNING ", "clinic/provider.xml"), ("  ", "clinic/desk.xml"),
        ("-2", "clinic/route.other.xml"), ("inactive", "clinic/route.other.xml"),
    ])
    func theBranchIsDecidedByTheCarriedValue(_ status: String, _ expected: String) throws {
        let (_, loaded) = try Self.loaded()
        #expect(loaded.next(after: "clinic/route.xml", parameters: [:], values: ["status": status]) == expected)
    }

    @Test func aLookupWithoutAFieldThatHasNoDefaultFails() throws {
        let (_, loaded) = try Self.loaded()
        #expect(loaded.next(after: "clinic/lookup.xml", parameters: ["status": "active"]) == "clinic/route.xml")
        #expect(loaded.next(after: "clinic/lookup.xml", parameters: ["status": " ", "provider": "Dr. Rivera"]) == "clinic/desk.xml")
        // Telnyx did not call the action: the redirect asks the route with no fields at all.
        #expect(loaded.next(after: "clinic/lookup.xml", parameters: ["CallSid": "v3:x"]) == "clinic/desk.xml")
        let route = try #require(loaded.manifest.routes["clinic/lookup.xml"])
        #expect(CallValues().adding(route, parameters: ["status": "active"]).values == ["status": "active", "provider": "your provider"])
    }
}
