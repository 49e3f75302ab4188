import Foundation
@testable import IVRBundle
import IVRTestSupport
import Testing

/// `DeterministicJSON` writes what `JSONEncoder` wrote before it, byte for byte: a bundle's id is
/// the hash of its manifest's bytes, so a stored build keeps its id, and every golden report
/// keeps its text.
@Suite struct SortedJSONEncoderTests {
    private func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    private func expectSameBytes(_ value: some Encodable, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try foundation(value)
        let written = DeterministicJSON.encode(value)
        // Bytes, not strings: `String` equality would let a differently normalised é through.
        let same = written == expected
        #expect(same, "\(String(decoding: written, as: UTF8.self))\n≠\n\(String(decoding: expected, as: UTF8.self))",
                sourceLocation: sourceLocation)
    }

    private struct Everything: Encodable {
        var text = "quote \" backslash \\ slash / tab \t newline \n return \r \u{8} \u{c} \u{0} \u{1b} \u{1f} \u{7f} é 😀 \u{2028}"
        var empty: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String: [Int]]] = [[:], ["x": []], ["y": [1, 2]]]
        var absent: String?
        var optionals: [String?] = [nil, "x"]
        var doubles: [Double] = [0, -0.0, 0.5, 1, 100, 1e15, 1e16, 1e20, 1e-7, 123.456, 5e-324, .greatestFiniteMagnitude, -2.5]
        var floats: [Float] = [0.1, 1e10, 16_777_216, 3.4e38]
        var integers: [Int64] = [.min, -1, 0, .max]
        var small: [Int8] = [.min, .max]
        var unsigned: UInt64 = .max
        var widths = Widths()
        var flag = false
        var url = URL(string: "https://example.com/a b?q=1")
        var data = Data([0, 1, 2, 250, 255])
        var decimal = Decimal(string: "1.25")!
        var date = Date(timeIntervalSinceReferenceDate: 86_400.5)
        var keyedByNumber: [Int: String] = [10: "ten", 9: "nine", -1: "minus one"]
        var keys = ["b": 1, "B": 2, "a_": 3, "a": 4, "é": 5, "Z": 6, "a/": 7, "aa": 8, "10": 9, "9": 10, "": 11]
    }

    private struct Widths: Encodable {
        var a: Int16 = -300, b: Int32 = 70_000, c: UInt = 1, d: UInt8 = 255, e: UInt16 = 65_535, f: UInt32 = 4_000_000_000
        var single = SingleValues()
    }

    /// Hand-written `encode(to:)`: a key encoded twice, nested and super encoders, single values.
    private struct SingleValues: Encodable {
        enum Key: String, CodingKey { case twice, nested, list, parent }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode("first", forKey: .twice)
            try container.encode("second", forKey: .twice)
            var nested = container.nestedContainer(keyedBy: Key.self, forKey: .nested)
            try nested.encodeNil(forKey: .twice)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(Int8(-1))
            try list.encode(UInt16(7))
            try list.encode(true)
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(2.5, forKey: .twice)
            var deeper = list.nestedUnkeyedContainer()
            try deeper.encode("x")
            try 42.encode(to: list.superEncoder())
            try "up".encode(to: container.superEncoder(forKey: .parent))
            try Float(0.25).encode(to: container.superEncoder())
        }
    }

    @Test func writesWhatJSONEncoderWritesForEveryKindOfValue() throws {
        try expectSameBytes(Everything())
        try expectSameBytes("top-level string")
        try expectSameBytes(42)
        try expectSameBytes([Int]())
        try expectSameBytes([String: [String: Int]]())
        try expectSameBytes(Optional<Int>.none)
    }

    /// Random trees (a fixed seed): strings of any byte class, numbers of any size, nesting.
    @Test func writesWhatJSONEncoderWritesForRandomTrees() throws {
        var generator = SeededRandom(seed: 0x5EED)
        for _ in 0..<300 {
            try expectSameBytes(RandomTree.make(depth: 4, using: &generator))
        }
    }

    @Test func refusesWhatJSONEncoderRefuses() {
        for value in [Double.infinity, -.infinity, .nan] {
            #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode([value]) }
            #expect(throws: EncodingError.self) { try foundation([value]) }
        }
    }
}

private indirect enum RandomTree: Encodable {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case nothing
    case list([RandomTree])
    case object([String: RandomTree])

    static func make(depth: Int, using generator: inout SeededRandom) -> RandomTree {
        switch Int.random(in: depth > 0 ? 0...6 : 0...4, using: &generator) {
        case 0: return .text(text(using: &generator))
        case 1: return .integer(Int.random(in: .min ... .max, using: &generator) >> Int.random(in: 0...63, using: &generator))
        case 2:
            let magnitude = Double.random(in: -1...1, using: &generator) * pow(10, Double(Int.random(in: -30...30, using: &generator)))
            return .number(Bool.random(using: &generator) ? magnitude.rounded() : magnitude)
        case 3: return .flag(Bool.random(using: &generator))
        case 4: return .nothing
        case 5: return .list((0..<Int.random(in: 0...4, using: &generator)).map { _ in make(depth: depth - 1, using: &generator) })
        default:
            var members: [String: RandomTree] = [:]
            for _ in 0..<Int.random(in: 0...5, using: &generator) {
                members[text(using: &generator)] = make(depth: depth - 1, using: &generator)
            }
            return .object(members)
        }
    }

    private static func text(using generator: inout SeededRandom) -> String {
        let pieces: [String] = ["a", "Z", "0", "_", "/", "\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{7f}", "é", "😀", " ", "\u{2028}", "-", "."]
        return (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .text(let value): try single.encode(value)
        case .integer(let value): try single.encode(value)
        case .number(let value): try single.encode(value)
        case .flag(let value): try single.encode(value)
        case .nothing: try single.encodeNil()
        case .list(let value): try single.encode(value)
        case .object(let value): try single.encode(value)
        }
    }
}
