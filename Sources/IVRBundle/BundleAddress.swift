import Foundation

/// Every URL into a bundle, written and resolved in one place.
///
/// Writing: a document `FLOW/NAME.xml` is served at `BASE/FLOW/NAME.xml` and its action route at
/// `BASE/FLOW/NAME.route`; without a base URL the addresses are relative, which resolves the
/// same way against the document's own URL.
///
/// Resolving: a URL found in a document is resolved as Telnyx resolves it, by RFC 3986 §5.2
/// against the document's own URL, then mapped back to a bundle path. So `tel:`, `sip:` and
/// `//host/x` are external, `..` above the bundle's root stops at the root, and query and
/// fragment never name another document.
public struct BundleAddress: Sendable {
    public let baseURL: String?

    public init(baseURL: String?) {
        self.baseURL = baseURL.map(Self.withoutTrailingSlash)
    }

    // MARK: Writing

    /// The URL of document `name` of `flow`.
    public func document(_ name: String, flow: String) -> String {
        url(name + ".xml", flow: flow)
    }

    /// The action URL of the route belonging to document `name`.
    public func route(_ name: String, flow: String) -> String {
        url(name + ".route", flow: flow)
    }

    /// What Telnyx posts to a receiver `ivrc serve` keeps: a step's recordings
    /// (`recording-status-callback serve`) or their transcripts (`record transcription=true` then).
    public enum Receiver: String, Sendable, CaseIterable {
        case recording, transcription

        /// The ending of a bundle path that names this receiver of a step, not a document.
        public var suffix: String { "." + rawValue }
    }

    /// Where Telnyx reports what `step` recorded: `STEP.recording` or `STEP.transcription`,
    /// which `ivrc serve` relocates to its receiver.
    public func receiver(_ receiver: Receiver, step: String, flow: String) -> String {
        url(step + receiver.suffix, flow: flow)
    }

    /// The receiver, flow and step of a bundle path `FLOW/STEP.recording` or `FLOW/STEP.transcription`, or nil.
    public static func receiver(at path: String) -> (receiver: Receiver, flow: String, step: String)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count == 2, !segments[0].isEmpty else { return nil }
        for receiver in Receiver.allCases where segments[1].hasSuffix(receiver.suffix) && segments[1].count > receiver.suffix.count {
            return (receiver, String(segments[0]), String(segments[1].dropLast(receiver.suffix.count)))
        }
        return nil
    }

    private func url(_ file: String, flow: String) -> String {
        guard let baseURL else { return file }
        return "\(baseURL)/\(flow)/\(file)"
    }

    /// The bundle path of a document: `FLOW/NAME.xml`.
    public static func path(_ name: String, flow: String) -> String { "\(flow)/\(name).xml" }

    /// `FLOW/NAME.route` → `FLOW/NAME.xml`, the document whose route it is; any other path as it is.
    public static func document(ofRoute path: String) -> String {
        // As contiguous bytes: the server asks this several times per request, and through
        // characters (or generic views) it cost more than the lookups it serves.
        var contiguous = path
        return contiguous.withUTF8 { bytes in
            guard endsInRoute(bytes) else { return path }
            // Written into the new string's storage at once: joining the stem and `.xml` cost twice as much.
            let stem = bytes.count - routeSuffix.utf8CodeUnitCount
            return String(unsafeUninitializedCapacity: stem + documentSuffix.utf8CodeUnitCount) { document in
                document.baseAddress!.initialize(from: bytes.baseAddress!, count: stem)
                (document.baseAddress! + stem).initialize(from: documentSuffix.utf8Start, count: documentSuffix.utf8CodeUnitCount)
                return stem + documentSuffix.utf8CodeUnitCount
            }
        }
    }

    /// `FLOW/NAME.xml` → `FLOW/NAME.route`, the path of the document's route; nil for any other path.
    public static func route(ofDocument path: String) -> String? {
        guard path.hasSuffix(".xml") else { return nil }
        return path.dropLast(documentSuffix.utf8CodeUnitCount) + ".route"
    }

    /// Whether a bundle path names a route (`FLOW/NAME.route`).
    public static func isRoute(_ path: String) -> Bool {
        var contiguous = path
        return contiguous.withUTF8(endsInRoute)
    }

    private static let routeSuffix: StaticString = ".route", documentSuffix: StaticString = ".xml"

    private static func endsInRoute(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = routeSuffix.utf8CodeUnitCount
        return bytes.count >= count && memcmp(bytes.baseAddress! + bytes.count - count, routeSuffix.utf8Start, count) == 0
    }

    // MARK: Resolving

    /// Where a URL found in a document leads.
    public enum Target: Sendable, Equatable {
        /// A bundle path: a document `FLOW/NAME.xml`, a route `FLOW/NAME.route` or a receiver
        /// `FLOW/STEP.recording` / `FLOW/STEP.transcription`.
        case local(String)
        /// Anything else, as written (trimmed).
        case external(String)
    }

    /// Where `url`, written in the document at bundle path `from`, leads.
    /// - Parameters:
    ///   - baseURLs: URLs the bundle is served from; an absolute URL under one is a bundle path.
    ///   - isKnown: without base URLs, an absolute URL whose last one or two path segments name
    ///     a known path is taken to be it (how a bundle built with `base-url` is read back).
    public static func target(of url: String, from: String, baseURLs: [String] = [],
                              isKnown: (String) -> Bool = { _ in false }) -> Target {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let resolved = resolve(trimmed, against: localRoot + from)
        let location = String(resolved.prefix { $0 != "?" && $0 != "#" })
        if location.hasPrefix(localRoot) { return .local(String(location.dropFirst(localRoot.count))) }
        for base in baseURLs.map(withoutTrailingSlash) where location.hasPrefix(base + "/") {
            return .local(String(removingDotSegments(String(location.dropFirst(base.count))).dropFirst()))
        }
        if baseURLs.isEmpty, scheme(of: location) != nil {
            let segments = location.split(separator: "/", omittingEmptySubsequences: false).dropFirst(3)
            for count in [2, 1] where segments.count >= count {
                let tail = segments.suffix(count).joined(separator: "/")
                if isKnown(tail) { return .local(tail) }
            }
        }
        return .external(trimmed)
    }

    /// A bundle path's stand-in URL while resolving: hierarchical, so RFC 3986 applies, and on a
    /// host no real URL names.
    private static let localRoot = "https://bundle.ivrc.invalid/"

    /// `reference` resolved against the absolute URL `base` (RFC 3986 §5.2.2, strict), as
    /// `URL(string:relativeTo:)` does: like it, a reference with its own scheme or host is kept
    /// as written, dot segments and all.
    public static func resolve(_ reference: String, against base: String) -> String {
        let ref = Parts(reference)
        if let scheme = ref.scheme {
            return compose(scheme: scheme, authority: ref.authority, path: ref.path, query: ref.query, fragment: ref.fragment)
        }
        let base = Parts(base)
        if let authority = ref.authority {
            return compose(scheme: base.scheme, authority: authority, path: ref.path, query: ref.query, fragment: ref.fragment)
        }
        if ref.path.isEmpty {
            return compose(scheme: base.scheme, authority: base.authority, path: base.path, query: ref.query ?? base.query,
                           fragment: ref.fragment)
        }
        let path = ref.path.hasPrefix("/") ? ref.path : merge(base, ref.path)
        return compose(scheme: base.scheme, authority: base.authority, path: removingDotSegments(path), query: ref.query,
                       fragment: ref.fragment)
    }

    /// A URL's scheme (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, before `:`), or nil.
    static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let candidate = text[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(candidate)
    }

    /// A URL split into its five components (RFC 3986 appendix B).
    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let mark = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: mark)...])
                rest = rest[..<mark]
            }
            if let scheme = BundleAddress.scheme(of: String(rest)) {
                self.scheme = scheme
                rest = rest.dropFirst(scheme.count + 1)
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }
    }

    private static func merge(_ base: Parts, _ path: String) -> String {
        if base.authority != nil, base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    /// RFC 3986 §5.2.4: `.` and `..` segments removed, `..` above the root stopping at it.
    static func removingDotSegments(_ path: String) -> String {
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") || input == "/.." {
                input = input == "/.." ? "/" : input.dropFirst(3)
                _ = output.popLast()
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.hasPrefix("/") ? input.index(after: input.startIndex) : input.startIndex
                let end = input[start...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    private static func compose(scheme: String?, authority: String?, path: String, query: String?, fragment: String?) -> String {
        var text = scheme.map { $0 + ":" } ?? ""
        if let authority { text += "//" + authority }
        text += path
        if let query { text += "?" + query }
        if let fragment { text += "#" + fragment }
        return text
    }

    private static func withoutTrailingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
