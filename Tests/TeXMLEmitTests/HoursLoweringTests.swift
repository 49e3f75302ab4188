import Foundation
import IVRBundle
import IVRCheck
import TeXMLEmit
import Testing

/// `hours NAME` lowers to a redirect to the document's own route; the route and the schedule
/// go into the manifest, and `LoadedBundle.next` decides by the clock it is given.
@Suite struct HoursLoweringTests {
    static let source = """
        flow clinic
          number +1-800-555-0157

          schedule office "America/Chicago"
            open mon-fri 8:00-17:00

          step welcome
            say "Hello."
            hours office
              on open -> desk
              on closed
                say "We are closed."
                hangup

          step desk
            dial +1-555-010-0200
        """

    @Test func theDocumentAsksItsRoute() throws {
        let bundle = try Compile.bundle(Self.source)
        let welcome = try Compile.text(bundle, "clinic/welcome.xml")
        #expect(welcome.contains("<Redirect>welcome.route</Redirect>"), "\(welcome)")
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        #expect(manifest.routes["clinic/welcome.xml"] == Route(kind: .hours, schedule: "clinic/office",
                                                                open: "clinic/desk.xml", closed: "clinic/welcome.closed.xml"))
        #expect(manifest.schedules?["clinic/office"]?.timeZone == "America/Chicago")
    }

    @Test func theRouteIsDecidedByTheClock() throws {
        let bundle = try Compile.bundle(Self.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        let loaded = try LoadedBundle(manifest: try JSONDecoder().decode(Manifest.self, from: Data(manifest.encoded)),
                                      documents: bundle.documents)
        let tuesdayMorning = try #require(CallMoment.parse("2026-12-22 09:00"))
        let sundayMorning = try #require(CallMoment.parse("2026-12-20 09:00"))
        #expect(loaded.next(after: "clinic/welcome.xml", parameters: [:], clock: .at(tuesdayMorning)) == "clinic/desk.xml")
        #expect(loaded.next(after: "clinic/welcome.xml", parameters: [:], clock: .at(sundayMorning)) == "clinic/welcome.closed.xml")
        #expect(loaded.next(after: "clinic/welcome.xml", parameters: [:], clock: .assumed(["clinic/office": true])) == "clinic/desk.xml")
    }

    @Test func aBundleWhoseRouteNamesNoScheduleIsRefused() throws {
        let bundle = try Compile.bundle(Self.source)
        let manifest = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: [])
        let stripped = Manifest(formatVersion: manifest.formatVersion, compilerVersion: manifest.compilerVersion,
                                flows: manifest.flows, routes: manifest.routes, documents: manifest.documents,
                                waivers: manifest.waivers, schedules: nil)
        #expect(throws: LoadedBundle.Failure.self) { try LoadedBundle(manifest: stripped, documents: bundle.documents) }
    }
}
