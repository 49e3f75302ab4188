import Foundation

/// What one `on …` line of `branch {{NAME}}` asks of the value. The manifest carries these,
/// and the server, `ivrc test` and `ivrc simulate` all decide with `matches`.
public enum ValueCondition: Sendable, Hashable {
    /// `on "active" "returning"`: equal to any of these, trimmed and case-insensitive (kept lowercased).
    case oneOf([String])
    /// `on empty`: absent, or nothing but spaces.
    case empty
    /// `on above N`, `on below N`: a number greater, or less, than N.
    case above(Double)
    case below(Double)
    /// `on from N to M`: a number from N to M, both included.
    case between(Double, Double)
    /// `on other`: every value.
    case other

    /// Whether the value (nil when the call carries none) takes this branch.
    public func matches(_ value: String?) -> Bool {
        let trimmed = (value ?? "").trimmingCharacters(in: .whitespaces)
        switch self {
        case .oneOf(let texts): return texts.contains(trimmed.lowercased())
        case .empty: return trimmed.isEmpty
        case .other: return true
        case .above(let bound): return Self.number(trimmed).map { $0 > bound } ?? false
        case .below(let bound): return Self.number(trimmed).map { $0 < bound } ?? false
        case .between(let low, let high): return Self.number(trimmed).map { low <= $0 && $0 <= high } ?? false
        }
    }

    /// A decimal number as written (`30`, `-2`, `4.5`); nothing else (no `inf`, `nan`, hex).
    public static func number(_ text: String) -> Double? {
        var digits = Substring(text)
        if digits.hasPrefix("-") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return nil
        }
        return Double(text)
    }

    /// As written after `on`: `"active" "returning"`, `empty`, `above 30`, `from 1 to 5`, `other`.
    public var spelling: String {
        switch self {
        case .oneOf(let texts): texts.map { "\"\($0)\"" }.joined(separator: " ")
        case .empty: "empty"
        case .other: "other"
        case .above(let bound): "above \(Self.format(bound))"
        case .below(let bound): "below \(Self.format(bound))"
        case .between(let low, let high): "from \(Self.format(low)) to \(Self.format(high))"
        }
    }

    /// `30` rather than `30.0`.
    public static func format(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

/// The manifest's form: `{"oneOf":["active"]}`, `{"empty":true}`, `{"above":30}`,
/// `{"from":1,"to":5}`, `{"other":true}`.
extension ValueCondition: Codable {
    private enum CodingKeys: String, CodingKey {
        case oneOf, empty, above, below, from, to, other
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let texts = try container.decodeIfPresent([String].self, forKey: .oneOf) {
            self = .oneOf(texts)
        } else if try container.decodeIfPresent(Bool.self, forKey: .empty) == true {
            self = .empty
        } else if try container.decodeIfPresent(Bool.self, forKey: .other) == true {
            self = .other
        } else if let bound = try container.decodeIfPresent(Double.self, forKey: .above) {
            self = .above(bound)
        } else if let bound = try container.decodeIfPresent(Double.self, forKey: .below) {
            self = .below(bound)
        } else if let low = try container.decodeIfPresent(Double.self, forKey: .from),
                  let high = try container.decodeIfPresent(Double.self, forKey: .to) {
            self = .between(low, high)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a branch condition is one of oneOf, empty, above, below, from/to, other"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .oneOf(let texts): try container.encode(texts, forKey: .oneOf)
        case .empty: try container.encode(true, forKey: .empty)
        case .other: try container.encode(true, forKey: .other)
        case .above(let bound): try container.encode(bound, forKey: .above)
        case .below(let bound): try container.encode(bound, forKey: .below)
        case .between(let low, let high):
            try container.encode(low, forKey: .from)
            try container.encode(high, forKey: .to)
        }
    }
}
