/// Deterministic input mutation for the robustness tests of every phase.

/// SplitMix64: a tiny deterministic generator so failures reproduce.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Line and byte level edits of the kinds people and tools make by mistake.
public enum Mutator {
    public static func mutate(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<(1 + Int(random.next() % 4)) {
            guard !lines.isEmpty else { break }
            let index = Int(random.next() % UInt64(lines.count))
            switch random.next() % 7 {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines[index] = Array(repeating: UInt8(ascii: " "), count: Int(random.next() % 9)) + lines[index].drop { $0 == UInt8(ascii: " ") }
            case 3 where !lines[index].isEmpty:
                lines[index].remove(at: Int(random.next() % UInt64(lines[index].count)))
            case 4 where !lines[index].isEmpty:
                let at = Int(random.next() % UInt64(lines[index].count))
                lines[index].insert(lines[index][at], at: at)
            case 5:
                let at = Int(random.next() % UInt64(lines[index].count + 1))
                lines[index].insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            default:
                lines[index].insert(UInt8(ascii: "\t"), at: 0)
            }
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
}

/// Word-level edits: a word or an option's value replaced by one a person or a tool might
/// write instead, so values reach the checker in every position.
public enum WordMutator {
    static let replacements = [
        "x", "\"\"", "\"two words\"", "0", "-1", "99999999999", "0s", "999999s", "true", "#", "*",
        "en-US", "zz", "alice", "Polly.x", "+1", "+18005550100", "sip:a@b", "https://x", "\"{{x}}\"", "\"<a>&\"",
    ]

    public static func mutate(_ bytes: [UInt8], using random: inout SeededRandom) -> [UInt8] {
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return bytes }
        for _ in 0..<(1 + Int(random.next() % 2)) {
            let index = Int(random.next() % UInt64(lines.count))
            var words = lines[index].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            let filled = words.indices.filter { !words[$0].isEmpty }
            guard !filled.isEmpty else { continue }
            let at = filled[Int(random.next() % UInt64(filled.count))]
            let replacement = replacements[Int(random.next() % UInt64(replacements.count))]
            if let equals = words[at].firstIndex(of: "=") {
                words[at] = words[at][...equals] + replacement
            } else {
                words[at] = replacement
            }
            lines[index] = words.joined(separator: " ")
        }
        return Array(lines.joined(separator: "\n").utf8)
    }
}
