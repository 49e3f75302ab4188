import Foundation
import Hummingbird
import HummingbirdTesting
import IVRServer
import Logging
import TeXMLEmit
import Testing

@Suite struct ReloadTests {
    /// A call that started before a reload keeps getting documents and routes of its own bundle.
    @Test func aReloadMidCallKeepsTheCallOnItsBundle() async throws {
        let fixture = try ServerFixture()
        let old = fixture.server.store.current
        let flow = try #require(old.bundle.manifest.flows.first { $0.name == "patient_intake" })
        let replacement = try ServerFixture.served(only: "patient")
        #expect(replacement.id != old.id)
        let (first, afterReload, newCall) = try await fixture.test { client in
            let first = try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: flow.number))
            fixture.server.store.replace(with: replacement)
            let action = try #require(try RelativeURLTests.links(in: first.body).first { $0.contains(".route") })
            let afterReload = try await ServerFixture.post(client, action, ServerFixture.firstRequest(to: flow.number) + [("Digits", "2")])
            let newCall = try await ServerFixture.post(client, "/texml", ServerFixture.firstRequest(to: flow.number))
            return (first, afterReload, newCall)
        }
        #expect(String(buffer: first.body).contains("/texml/\(old.id)/"))
        #expect(afterReload.status == .ok)
        #expect(fixture.log.entries.dropFirst().first?["bundle"] as? String == old.id)
        #expect(String(buffer: newCall.body).contains("/texml/\(replacement.id)/"))
    }

    @Test func aBundleRetiredLongerThanTheGracePeriodIs404() throws {
        let old = try ServerFixture.served()
        let store = BundleStore(old, retention: .init(gracePeriod: .seconds(60), maxRetired: 1))
        let start = ContinuousClock.now
        store.replace(with: try ServerFixture.served(only: "patient"), at: start)
        #expect(store.bundle(id: old.id, at: start + .seconds(59))?.id == old.id)
        #expect(store.bundle(id: old.id, at: start + .seconds(61)) == nil)
    }

    @Test func aReplacedDirectoryIsLoadedAndGarbageIsRefusedWhileTheOldKeepsServing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-reload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try BundleWriter.write(try ServerFixture.compiled(), to: directory, compilerVersion: "test", waivers: [])
        let initial = try BundleReloader.load(directory, urlPrefix: "/texml", valuesKeyed: true)
        let store = BundleStore(initial)
        let metrics = ServerMetrics()
        var configuration = ServerConfiguration()
        configuration.valueSeal = try ValueSeal(keyMaterial: CarriedValuesTests.keyMaterial)
        let reloader = BundleReloader(directory: directory, store: store, configuration: configuration,
                                      metrics: metrics, logger: Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        await reloader.poll()
        #expect(store.current.id == initial.id)

        try BundleWriter.write(try ServerFixture.compiled(only: "patient"), to: directory, compilerVersion: "test", waivers: [])
        await reloader.poll()
        let replaced = store.current.id
        #expect(replaced != initial.id)

        try Data("{ not a manifest".utf8).write(to: directory.appendingPathComponent("manifest.json"))
        await reloader.poll()
        // Exported at 0 from the start, so an alert's `increase()` sees the first refusal.
        #expect(String(decoding: metrics.exposition(), as: UTF8.self).contains(#"ivrc_bundle_reloads_total{outcome="refused"} 0"#))
        await reloader.poll()
        #expect(String(decoding: metrics.exposition(), as: UTF8.self).contains(#"ivrc_bundle_reloads_total{outcome="refused"} 1"#))
        await reloader.poll()
        #expect(String(decoding: metrics.exposition(), as: UTF8.self).contains(#"ivrc_bundle_reloads_total{outcome="refused"} 1"#))
        #expect(store.current.id == replaced)
        #expect(store.bundle(id: initial.id)?.id == initial.id)
    }
}
