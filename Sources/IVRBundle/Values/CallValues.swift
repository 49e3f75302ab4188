import Foundation

/// The values a call carries from one request to the next: the first request's `From`, `To`
/// and `CallSid`, and what each `gather NAME` collected (its `Digits` or `SpeechResult`).
/// `ivrc serve` carries them sealed in the URLs it writes; the in-memory runtime in plain form.
public struct CallValues: Sendable, Equatable {
    public private(set) var values: [String: String]

    public init(values: [String: String] = [:]) {
        self.values = values
    }

    /// The fields of a call's first request that later documents may use.
    public static let callFields = ["From", "To", "CallSid"]
    /// The caller and call id every simulated call has, in memory and over HTTP alike, so a
    /// test that says `{{From}}` expects the same text against the bundle and a live server.
    public static let simulatedCaller = "+15550100000"
    public static let simulatedCallSid = "v3:ivrc-simulated"

    /// The longest value a call carries, in UTF-8 bytes: a longer one is refused when collected.
    public static let maxValueBytes = 1024
    /// The most a call carries, form-encoded: a value that would make it longer is refused when
    /// collected. With the `CallSid` beside it, the sealed token stays under `ValueSeal`'s limit,
    /// so every token the server writes opens.
    public static let maxCarriedBytes = 6 * 1024

    /// Why a collected value was not carried (a metric label, never the value). A refused value
    /// stands for nothing afterwards, like a field a data dip's answer lacked: it is never cut
    /// short, since a truncated number or account id would be a different, valid-looking one.
    public enum Refusal: String, Sendable {
        /// Longer than `maxValueBytes`.
        case valueTooLong = "value-too-long"
        /// Carrying it would take the call's values past `maxCarriedBytes`.
        case valuesFull = "values-full"
    }

    /// The call's fields from its first request (one longer than `maxValueBytes` is not a
    /// Telnyx value and is left out).
    public static func firstRequest(_ parameters: [String: String]) -> CallValues {
        var values = CallValues()
        for name in callFields { if let value = parameters[name] { _ = values.collect(name, value) } }
        return values
    }

    /// `collecting(route, parameters:)`'s values, for callers that do not count refusals.
    public func adding(_ route: Route?, parameters: [String: String]) -> CallValues {
        route.map { collecting($0, parameters: parameters).values } ?? self
    }

    /// After an action request answered through `route`: a gather's route adds what was
    /// entered (digits first, else speech) under the gather's name; an http-request's route
    /// adds each field of the answer, else its default (a field with neither stands for
    /// nothing: the lookup failed). A value over the bounds is refused (and stands for
    /// nothing), one refusal per value.
    public func collecting(_ route: Route, parameters: [String: String]) -> (values: CallValues, refused: [Refusal]) {
        var next = self
        var refused: [Refusal] = []
        if route.kind == .httpRequest {
            for field in route.fields ?? [] {
                let answered = parameters[field].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
                if let refusal = next.collect(field, answered ?? route.defaults?[field] ?? "") { refused.append(refusal) }
            }
            return (next, refused)
        }
        guard route.kind == .gather, let name = route.value else { return (self, []) }
        let entered = [parameters["Digits"], parameters["SpeechResult"]].compactMap { $0 }.first { !$0.isEmpty }
        guard let entered else { return (self, []) }
        if let refusal = next.collect(name, entered) { refused.append(refusal) }
        return (next, refused)
    }

    /// Sets `name` to `value` within the bounds; otherwise sets it to nothing and says why.
    private mutating func collect(_ name: String, _ value: String) -> Refusal? {
        values[name] = ""
        guard value.utf8.count <= Self.maxValueBytes else { return .valueTooLong }
        let before = formEncodedByteCount
        let added = Self.percentEncodedByteCount(value)
        guard before + added <= Self.maxCarriedBytes else { return .valuesFull }
        values[name] = value
        return nil
    }

    /// Only the names a flow uses: nothing else is carried.
    public func restricted(to names: Set<String>) -> CallValues {
        CallValues(values: values.filter { names.contains($0.key) })
    }

    /// What `{{NAME}}` stands for in a document answering a request with `parameters`: the
    /// carried values, and the request's own Telnyx parameters (`{{Digits}}`), a parameter the
    /// request did not send standing for nothing, as Telnyx fills it.
    public func filling(with parameters: [String: String]) -> [String: String] {
        var names = Dictionary(uniqueKeysWithValues: TelnyxRequestParameters.names.map { ($0, "") })
        names.merge(parameters.filter { names[$0.key] != nil }) { _, sent in sent }
        names.merge(values) { _, carried in carried }
        return names
    }

    // MARK: Plain form

    /// `name=value&…` (sorted, percent-encoded): the runtime's carried form, and the
    /// plaintext the server seals.
    public var formEncoded: String {
        values.keys.sorted().map { Self.percentEncoded($0) + "=" + Self.percentEncoded(values[$0] ?? "") }.joined(separator: "&")
    }

    /// `formEncoded.utf8.count`, counted without building the text (once per collected value).
    private var formEncodedByteCount: Int {
        values.reduce(max(values.count - 1, 0)) { $0 + Self.percentEncodedByteCount($1.key) + 1 + Self.percentEncodedByteCount($1.value) }
    }

    public init?(formEncoded: String) {
        var values: [String: String] = [:]
        for pair in formEncoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let name = parts[0].removingPercentEncoding, let value = parts[1].removingPercentEncoding else {
                return nil
            }
            values[name] = value
        }
        self.init(values: values)
    }

    /// RFC 3986 unreserved characters kept, everything else percent-encoded (UTF-8).
    /// Byte by byte, as Foundation's `addingPercentEncoding` writes it (upper-case hex digits),
    /// which costs ten times as much.
    public static func percentEncoded(_ text: String) -> String {
        var encoded: [UInt8] = []
        encoded.reserveCapacity(percentEncodedByteCount(text))
        for byte in text.utf8 {
            if isUnreserved(byte) {
                encoded.append(byte)
            } else {
                encoded.append(UInt8(ascii: "%"))
                encoded.append(hexDigits[Int(byte >> 4)])
                encoded.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// `percentEncoded(text).utf8.count`.
    static func percentEncodedByteCount(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + (isUnreserved($1) ? 1 : 3) }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// The value of `v` in a URL's query (`…/x.route?v=TOKEN`), percent-decoded; nil without one.
    public static func carriedToken(in url: String) -> String? {
        guard let mark = url.firstIndex(of: "?") else { return nil }
        let query = url[url.index(after: mark)...]
        for pair in query.split(separator: "&") where pair.hasPrefix("v=") {
            return String(pair.dropFirst(2)).removingPercentEncoding
        }
        return nil
    }

    /// `url` with `v=TOKEN` as its query (a compiler-written URL has none).
    public static func carrying(_ token: String, on url: String) -> String {
        String(url.prefix { $0 != "?" }) + "?v=" + percentEncoded(token)
    }
}
