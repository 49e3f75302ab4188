import Foundation
@testable import IVRRecordings
import RecordingTestSupport
import Testing

/// The downloader against a loopback media host: every way a fetch can fail is a distinct
/// reason (a metric label), and nothing but a whole, bounded, secure body is returned.
@Suite(.serialized) struct RecordingDownloaderTests {
    static func downloader(maxBytes: Int = 1 << 20, timeout: Duration = .seconds(20), allowHTTP: Bool = true) -> RecordingDownloader {
        var limits = RecordingDownloader.Limits()
        limits.maxBytes = maxBytes
        limits.timeout = timeout
        limits.allowHTTP = allowHTTP
        return RecordingDownloader(limits: limits)
    }

    static func failure(_ downloader: RecordingDownloader, _ url: String) async -> RecordingDownloader.Failure? {
        do {
            _ = try await downloader.fetch(url)
            return nil
        } catch {
            return error
        }
    }

    @Test func fetchesTheWholeRecordingAndFollowsARelativeRedirect() async throws {
        try await MediaHost().run { base in
            let direct: [UInt8] = try await Self.downloader().fetch(base + "/recordings/ok.wav")
            let redirected: [UInt8] = try await Self.downloader().fetch(base + "/recordings/moved.wav")
            #expect(direct == SpokenWAV.bytes && redirected == SpokenWAV.bytes)
        }
    }

    @Test func eachFailureHasItsReason() async throws {
        try await MediaHost().run { base in
            #expect(await Self.failure(Self.downloader(), base + "/recordings/missing.wav") == .notFound)
            #expect(await Self.failure(Self.downloader(), base + "/recordings/downgraded.wav") == .insecureRedirect)
            #expect(await Self.failure(Self.downloader(timeout: .seconds(1)), base + "/recordings/stalled.wav") == .timedOut)
            #expect(await Self.failure(Self.downloader(maxBytes: SpokenWAV.bytes.count - 1), base + "/recordings/ok.wav") == .tooLarge)
            #expect(await Self.failure(Self.downloader(maxBytes: 100_000), base + "/recordings/endless.wav") == .tooLarge)
            #expect(await Self.failure(Self.downloader(allowHTTP: false), base + "/recordings/ok.wav") == .insecureURL)
        }
        #expect(await Self.failure(Self.downloader(), "http://media.example.com/recordings/ok.wav") == .insecureURL)
        #expect(await Self.failure(Self.downloader(), "file:///etc/passwd") == .insecureURL)
        #expect(await Self.failure(Self.downloader(), "not a url") == .insecureURL)
    }
}
