import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLEmit
import Testing

/// `http-request` lowers to Telnyx's `<HttpRequest async="false">` with an action whose route
/// names the answer's fields; the document is valid against the XSD (the compiler checks).
@Suite struct HTTPRequestLoweringTests {
    @Test func theRequestItsAnswersFieldsAndTheRouteAreWritten() throws {
        let bundle = try Compile.bundle(ValuesFlow.dataDip)
        let lookup = try Compile.text(bundle, "dispatch/lookup.xml")
        #expect(lookup.contains("<HttpRequest action=\"lookup.route\" async=\"false\">"), "\(lookup)")
        #expect(lookup.contains("<Request method=\"POST\" url=\"https://dispatch.example.com/loads\">"))
        #expect(lookup.contains("<Key>Content-Type</Key>") && lookup.contains("<Value>application/json</Value>"))
        #expect(lookup.contains("<Body>{\"driver\": \"{{driver}}\"}</Body>"))
        #expect(lookup.contains("<Field>\n          <Name>load.eta_minutes</Name>\n          <Value>eta</Value>"), "\(lookup)")
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        #expect(manifest.routes["dispatch/lookup.xml"] == Route(kind: .httpRequest, next: "dispatch/announce.xml", fields: ["eta", "dock"],
                                                                          failure: "dispatch/desk.xml"))
    }
}
