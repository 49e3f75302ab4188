import Foundation
import IVRBundle
import IVRTestSupport
import TeXMLEmit
import TeXMLSchema
import Testing

/// A `gather NAME` route names its value for the server; `on timeout` is where silence goes;
/// placeholders reach the documents as written, for the server to fill.
@Suite struct GatherValueLoweringTests {
    @Test func theGatherRouteNamesItsValueAndSilenceRedirectsToOnTimeout() throws {
        let bundle = try Compile.bundle(ValuesFlow.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        #expect(manifest.routes["extensions/welcome.xml"] == Route(kind: .gather, timeout: "extensions/operator.xml", next: "extensions/connect.xml",
                                                                          value: "ext"))
        let welcome = try Compile.text(bundle, "extensions/welcome.xml")
        #expect(welcome.contains("<Redirect>operator.xml</Redirect>"), "\(welcome)")
        #expect(welcome.contains("<Say>Thanks for calling from {{From}}.</Say>"))
        #expect(try Compile.text(bundle, "extensions/connect.xml").contains("<Sip>sip:{{ext}}@pbx.example.com</Sip>"))
        #expect(try Compile.text(bundle, "extensions/call_back.xml").contains("<Number>{{callback}}</Number>"))
        let values = BundleValues(manifest: manifest, documents: try bundle.documents.mapValues { try SafeXMLParser().parse(Data($0)) })
        let flow = try #require(values.flow(of: "extensions/connect.xml"))
        #expect(flow.carried == ["From", "ext", "callback"])
        #expect(flow.limits == ["ext": 3])
        #expect(flow.number == "+18005550170")
    }
}
