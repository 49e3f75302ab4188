import Foundation
import Hummingbird
import HummingbirdTesting
import IVRBundle
import IVRLang
import IVRServer
import Logging
import TeXMLEmit
import Synchronization
import Testing

/// `ivrc serve` on a bundle store: a call on any retained build is answered, also by a server
/// that never held it (restarted, or another replica); a refused current build leaves the
/// newest good build serving, degraded and saying why.
@Suite struct StoredBundleServingTests {
    /// A store holding the examples (`old`, retired `age` seconds ago) and the patient flows
    /// alone (`new`, current).
    private struct Store {
        let root: URL
        let old: String
        let new: String

        init(retiredSecondsAgo age: TimeInterval = 60) throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-store-\(UUID().uuidString)")
            let now = Date()
            let first = try BundleStoreWriter.write(try ServerFixture.compiled(), to: root, compilerVersion: "test",
                                                    at: now - age - 60).outcome
            let second = try BundleStoreWriter.write(try ServerFixture.compiled(only: "patient"), to: root, compilerVersion: "test",
                                                     at: now - age).outcome
            guard case .written(let old, _) = first, case .written(let new, _) = second else {
                Issue.record("not written: \(first) \(second)")
                (self.old, self.new) = ("", "")
                return
            }
            (self.old, self.new) = (old, new)
        }

        var directory: BundleStoreDirectory { BundleStoreDirectory(root: root) }

        /// What `ivrc serve ROOT` starts: the server, and the log it wrote.
        func server(gracePeriod: Duration = .seconds(3600)) throws -> (VoiceServer, LogCapture) {
            var configuration = ServerConfiguration()
            configuration.valueSeal = try ValueSeal(keyMaterial: CarriedValuesTests.keyMaterial)
            configuration.retention.gracePeriod = gracePeriod
            let (served, degradation) = try BundleReloader.loadAtStartup(root, urlPrefix: configuration.urlPrefix, valuesKeyed: true)
            let log = LogCapture()
            let logger = Logger(label: "test") { label in JSONLogHandler(label: label) { log.append($0) } }
            return (VoiceServer(bundle: served, configuration: configuration, logger: logger, storeDirectory: directory,
                                degradation: degradation), log)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    private static func metric(_ server: VoiceServer, _ line: String) -> Bool {
        String(decoding: server.metrics.exposition(), as: UTF8.self).contains(line)
    }

    @Test func aServerThatNeverHeldARetainedBuildAnswersItsCallsFromTheStore() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, log) = try store.server()
        #expect(server.store.current.id == store.new)
        #expect(server.store.bundle(id: store.old) == nil, "not in memory after a restart")
        #expect(await server.store.bundle(forCallOn: store.old)?.id == store.old)
        #expect(server.store.bundle(id: store.old)?.id == store.old, "held once loaded")
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="loaded"} 1"#))
        #expect(log.text.contains("retained bundle loaded from the store"))
        #expect(server.store.answerableRetired() == [store.old])
        #expect(await server.store.bundle(forCallOn: "aaaaaaaaaaaa") == nil)
        #expect(await server.store.bundle(forCallOn: "../../etc/pa") == nil)
    }

    @Test func anIdleReplacedBundleLeavesMemoryAndIsLoadedAgainWhenACallAsks() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, _) = try store.server()
        #expect(await server.store.bundle(forCallOn: store.old)?.id == store.old)
        server.store.evictIdle(at: .now + .seconds(60))
        #expect(server.store.bundle(id: store.old)?.id == store.old, "used a minute ago: kept")
        server.store.evictIdle(at: .now + .seconds(1200))
        #expect(server.store.bundle(id: store.old) == nil, "idle 20 minutes: dropped")
        #expect(await server.store.bundle(forCallOn: store.old)?.id == store.old)
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="loaded"} 2"#))
    }

    @Test func aRestartedServerLoadsTheBuildRetiredMinutesAgoBeforeItsCallsAsk() async throws {
        let store = try Store(retiredSecondsAgo: 60)
        defer { store.remove() }
        let (server, _) = try store.server()
        #expect(server.store.bundle(id: store.old) == nil)
        #expect(await server.store.preloadRecentlyRetired() == [store.old])
        #expect(server.store.bundle(id: store.old)?.id == store.old, "held before any call asked")
        #expect(await server.store.preloadRecentlyRetired().isEmpty, "already held: not loaded twice")
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="loaded"} 1"#))
    }

    @Test func aBuildRetiredLongerThanTheIdleEvictionAgoIsLeftOnDiskUntilACallAsks() async throws {
        let store = try Store(retiredSecondsAgo: 1200)
        defer { store.remove() }
        let (server, _) = try store.server()
        #expect(await server.store.preloadRecentlyRetired().isEmpty)
        #expect(server.store.bundle(id: store.old) == nil)
        #expect(await server.store.bundle(forCallOn: store.old)?.id == store.old, "still answered, loaded when asked")
    }

    /// A replica that loaded a build for a call another replica started on it, and then sees the
    /// store switch to it, switches without loading it again: its files are not read (here they
    /// were even damaged since, which a load from disk would refuse).
    @Test func aReloadToABuildAlreadyHeldSwitchesWithoutLoadingItAgain() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, log) = try store.server()
        #expect(await server.store.bundle(forCallOn: store.old)?.id == store.old)
        let (outcome, _) = try BundleStoreWriter.write(try ServerFixture.compiled(), to: store.root, compilerVersion: "test")
        #expect(outcome == .restored(id: store.old))
        // A document only the dental office has (a flow neither other build holds): in the store's pool.
        let manifest = try LoadedBundle.manifest(in: ConfinedDirectory(store.directory.directory(of: store.old).path))
        let elsewhere = Set(manifest.documents.filter { !$0.key.hasPrefix("dental_office") }.map(\.value.sha256))
        let dental = try #require(manifest.documents.first { $0.key.hasPrefix("dental_office/") && !elsewhere.contains($0.value.sha256) })
        let damaged = store.root.appendingPathComponent(try #require(DocumentPool.relativePath(of: dental.value.sha256)))
        try FileManager.default.removeItem(at: damaged)
        try Data("<Response/>".utf8).write(to: damaged)
        let reloader = BundleReloader(directory: store.root, store: server.store, configuration: server.configuration,
                                      metrics: server.metrics, logger: server.logger)
        await reloader.reload()
        #expect(server.store.current.id == store.old)
        #expect(server.store.degradation == nil)
        #expect(log.text.contains(#""loaded_from":"memory""#), "\(log.text)")
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="loaded"} 1"#))
        #expect(!log.text.contains(#""loaded_from":"disk""#))
        // A build this server never held is read from disk.
        let (deployed, _) = try BundleStoreWriter.write(try ServerFixture.compiled(only: "driver"), to: store.root, compilerVersion: "test")
        guard case .written(let id, _) = deployed else { Issue.record("\(deployed)"); return }
        await reloader.reload()
        #expect(server.store.current.id == id)
        #expect(log.text.contains(#""loaded_from":"disk""#))
    }

    /// A replica whose poll comes while a call's request is still loading the store's new build
    /// waits for that load and switches to it, instead of loading the same build from disk again.
    @Test func aReloadDuringACallsLoadOfTheNewBuildWaitsForThatLoad() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, log) = try store.server()
        // The store goes back to `old`, which this server has not loaded; a call's load of it is held at a gate.
        let (outcome, _) = try BundleStoreWriter.write(try ServerFixture.compiled(), to: store.root, compilerVersion: "test")
        #expect(outcome == .restored(id: store.old))
        let started = DispatchSemaphore(value: 0)
        let gate = DispatchSemaphore(value: 0)
        let loads = Mutex(0)
        let urlPrefix = server.configuration.urlPrefix
        let stored = StoredBundles(directory: store.directory, gracePeriod: .seconds(3600), metrics: server.metrics, logger: server.logger) {
            loads.withLock { $0 += 1 }
            started.signal()
            gate.wait()
            return try BundleReloader.load($0, urlPrefix: urlPrefix, valuesKeyed: true)
        }
        let bundles = BundleStore(server.store.current, stored: stored)
        let call = Task { await bundles.bundle(forCallOn: store.old)?.id }
        await Task.detached { started.wait() }.value
        let reloader = BundleReloader(directory: store.root, store: bundles, configuration: server.configuration,
                                      metrics: server.metrics, logger: server.logger)
        let reload = Task { await reloader.reload() }
        try await Task.sleep(for: .milliseconds(200))
        gate.signal()
        await reload.value
        #expect(await call.value == store.old)
        #expect(bundles.current.id == store.old)
        #expect(loads.withLock { $0 } == 1)
        #expect(log.text.contains(#""loaded_from":"memory""#), "\(log.text)")
        #expect(!log.text.contains(#""loaded_from":"disk""#))
    }

    @Test func aBuildRetiredLongerThanTheGracePeriodIs404AlsoFromTheStore() async throws {
        let store = try Store(retiredSecondsAgo: 7200)
        defer { store.remove() }
        let (server, _) = try store.server(gracePeriod: .seconds(3600))
        #expect(await server.store.bundle(forCallOn: store.old) == nil)
        #expect(server.store.answerableRetired().isEmpty)
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="loaded"} 0"#))
    }

    @Test func aTamperedRetainedBuildIsRefusedOnceAndNeverServed() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, log) = try store.server()
        let manifest = store.directory.directory(of: store.old).appendingPathComponent("manifest.json")
        var text = try String(contentsOf: manifest, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"compilerVersion\" : \"test\"", with: "\"compilerVersion\" : \"tampered\"")
        try Data(text.utf8).write(to: manifest)
        #expect(await server.store.bundle(forCallOn: store.old) == nil)
        #expect(await server.store.bundle(forCallOn: store.old) == nil)
        #expect(Self.metric(server, #"ivrc_stored_bundle_loads_total{outcome="refused"} 1"#), "not tried again until the store changes")
        #expect(log.text.contains("changed after it was stored"), "\(log.text)")
    }

    @Test func aReplicaThatHasNotReloadedYetAnswersTheStoresNewCurrentBuild() async throws {
        let store = try Store()
        defer { store.remove() }
        let (server, _) = try store.server()
        let (outcome, _) = try BundleStoreWriter.write(try ServerFixture.compiled(only: "driver"), to: store.root, compilerVersion: "test")
        guard case .written(let deployed, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(server.store.current.id == store.new, "no reload yet")
        #expect(await server.store.bundle(forCallOn: deployed)?.id == deployed)
    }

    @Test func aRefusedCurrentBuildAtStartupLeavesTheNewestGoodBuildServingDegraded() async throws {
        let store = try Store()
        defer { store.remove() }
        try Data("{ half a manifest".utf8).write(to: store.directory.directory(of: store.new).appendingPathComponent("manifest.json"))
        let (server, _) = try store.server()
        #expect(server.store.current.id == store.old)
        let degradation = try #require(server.store.degradation)
        #expect(degradation.reason.contains("current build \(store.new) refused"), "\(degradation.reason)")
        #expect(Self.metric(server, "ivrc_bundle_degraded 1"))
        let ready = try await Application(router: server.operationsRouter()).test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get)
        }
        #expect(ready.status == .ok, "degraded still answers every call")
        let readiness = try #require(try JSONSerialization.jsonObject(with: Data(ready.body.readableBytesView)) as? [String: Any])
        #expect(readiness["status"] as? String == "degraded")
        #expect((readiness["reason"] as? String)?.contains(store.new) == true)
        #expect(readiness["since"] is String)
    }

    /// `current` naming a directory that holds a build of another id (copied, or changed after it
    /// was stored) is refused: its URLs would name an id no replica finds.
    @Test func aCurrentBuildHoldingAnotherIdStartsDegradedOnTheNewestGoodBuild() throws {
        let store = try Store()
        defer { store.remove() }
        let impostor = "aaaaaaaaaaaa"
        try FileManager.default.copyItem(at: store.directory.directory(of: store.new), to: store.directory.directory(of: impostor))
        let link = store.root.appendingPathComponent("current")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "bundles/" + impostor)
        let (server, _) = try store.server()
        #expect(server.store.current.id == store.new)
        let reason = try #require(server.store.degradation?.reason)
        #expect(reason.contains("current build \(impostor) holds bundle \(store.new)"), "\(reason)")
    }

    @Test func aCurrentLinkToNothingStartsDegradedAndAStoreWithNoGoodBuildIsRefused() throws {
        let store = try Store()
        defer { store.remove() }
        try FileManager.default.removeItem(at: store.directory.directory(of: store.new))
        let (server, _) = try store.server()
        #expect(server.store.current.id == store.old)
        #expect(server.store.degradation != nil)
        try FileManager.default.removeItem(at: store.directory.directory(of: store.old))
        #expect(throws: (any Error).self) { try store.server() }
    }
}
