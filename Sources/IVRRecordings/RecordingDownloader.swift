import AsyncHTTPClient
import Foundation
import NIOCore

/// Fetches a recording from Telnyx's media host: https only (plain http to a loopback
/// address only when allowed, for a test media host), redirects followed by hand so each hop is checked the same
/// way, at most `maxBytes`, all within `timeout`. Nothing about the URL is logged.
public struct RecordingDownloader: Sendable {
    public struct Limits: Sendable {
        /// A 4-hour WAV (the longest `<Record>`, 8 kHz 16-bit mono) is about 230 MB.
        public var maxBytes = 512 * 1024 * 1024
        public var timeout: Duration = .seconds(120)
        public var maxRedirects = 3
        /// Plain http, to a loopback address only: a test media host.
        public var allowHTTP = false

        public init() {}
    }

    /// Why a download failed; `rawValue` is the metric label.
    public enum Failure: String, Error, Sendable, CustomStringConvertible {
        case insecureURL = "insecure-url"
        case insecureRedirect = "insecure-redirect"
        case tooManyRedirects = "too-many-redirects"
        case notFound = "media-not-found"
        case badStatus = "media-status"
        case tooLarge = "too-large"
        case timedOut = "timed-out"
        case unreachable = "media-unreachable"

        public var description: String {
            switch self {
            case .insecureURL: "the recording URL is not https"
            case .insecureRedirect: "the media host redirected to a URL that is not https"
            case .tooManyRedirects: "the media host redirected too many times"
            case .notFound: "the media host has no such recording (404)"
            case .badStatus: "the media host answered with an error"
            case .tooLarge: "the recording is larger than the limit"
            case .timedOut: "the download did not finish in time"
            case .unreachable: "the media host could not be reached"
            }
        }
    }

    public let limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    public func fetch(_ url: String) async throws(Failure) -> [UInt8] {
        guard isAllowed(url) else { throw .insecureURL }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(
            redirectConfiguration: .disallow, timeout: .init(connect: .seconds(10), read: .seconds(30))))
        let result: Result<[UInt8], Failure>
        do {
            result = .success(try await Self.within(limits.timeout) { try await self.follow(url, with: client) })
        } catch let failure as Failure {
            result = .failure(failure)
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            result = .failure(.timedOut)
        } catch is NIOTooManyBytesError {
            result = .failure(.tooLarge)
        } catch {
            result = .failure(.unreachable)
        }
        try? await client.shutdown()
        return try result.get()
    }

    private func follow(_ url: String, with client: HTTPClient) async throws -> [UInt8] {
        var current = url
        for _ in 0...limits.maxRedirects {
            let response = try await client.execute(HTTPClientRequest(url: current), timeout: .seconds(Int64(limits.timeout.components.seconds) + 1))
            switch response.status.code {
            case 200:
                if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > limits.maxBytes {
                    throw Failure.tooLarge
                }
                return Array(buffer: try await response.body.collect(upTo: limits.maxBytes))
            case 301, 302, 303, 307, 308:
                guard let location = response.headers.first(name: "location"),
                      let next = URL(string: location, relativeTo: URL(string: current))?.absoluteString else { throw Failure.badStatus }
                guard isAllowed(next) else { throw Failure.insecureRedirect }
                current = next
            case 404, 410:
                throw Failure.notFound
            default:
                throw Failure.badStatus
            }
        }
        throw Failure.tooManyRedirects
    }

    /// https anywhere; plain http only when allowed and only to this machine.
    private func isAllowed(_ url: String) -> Bool {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), let host = parsed.host?.lowercased() else { return false }
        let loopback = host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
        return scheme == "https" || (limits.allowHTTP && scheme == "http" && loopback)
    }

    /// Runs `work`, failing with `.timedOut` when it has not finished within `limit` (a body
    /// that trickles in slower than any read timeout).
    static func within<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Failure.timedOut }
            return value
        }
    }
}
