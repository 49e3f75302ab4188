import IVRLang

/// The edge cases of the placeholder grammar with the pieces each must split into: the
/// grammar's own test and the test that the checker and the filler agree both read them.
public enum PlaceholderCases {
    public static let table: [(text: String, pieces: [Placeholder.Piece])] = [
        ("", []),
        ("{{x}}", [.placeholder(name: "x", range: 0..<5, nameRange: 2..<3)]),
        ("{{ x }}", [.placeholder(name: "x", range: 0..<7, nameRange: 3..<4)]),
        ("{{x.y}}", [.placeholder(name: "x.y", range: 0..<7, nameRange: 2..<5)]),
        ("{{env.KEY}}", [.placeholder(name: "env.KEY", range: 0..<11, nameRange: 2..<9)]),
        ("{{param.x}}", [.placeholder(name: "param.x", range: 0..<11, nameRange: 2..<9)]),
        ("{{_a-b9}}", [.placeholder(name: "_a-b9", range: 0..<9, nameRange: 2..<7)]),
        ("{{#x}}", [.malformed(0..<6)]),
        ("{{/x}}", [.malformed(0..<6)]),
        ("{{!c}}", [.malformed(0..<6)]),
        ("{{9x}}", [.malformed(0..<6)]),
        ("{{-x}}", [.malformed(0..<6)]),
        ("{{x.}}", [.malformed(0..<6)]),
        ("{{.x}}", [.malformed(0..<6)]),
        ("{{}}", [.malformed(0..<4)]),
        ("{{ }}", [.malformed(0..<5)]),
        ("{{ a b }}", [.malformed(0..<9)]),
        ("{{{x}}}", [.malformed(0..<6), .literal(6..<7)]),
        ("{{x}}}", [.placeholder(name: "x", range: 0..<5, nameRange: 2..<3), .literal(5..<6)]),
        ("{{x", [.malformed(0..<3)]),
        ("{{ x", [.malformed(0..<4)]),
        ("{{x}", [.malformed(0..<4)]),
        ("x}}", [.literal(0..<3)]),
        ("a { b } c", [.literal(0..<9)]),
        ("{{x}}{{y}}", [.placeholder(name: "x", range: 0..<5, nameRange: 2..<3),
                        .placeholder(name: "y", range: 5..<10, nameRange: 7..<8)]),
        ("a{b}c{{d}}}", [.literal(0..<5), .placeholder(name: "d", range: 5..<10, nameRange: 7..<8), .literal(10..<11)]),
        ("{{x {{y}}", [.malformed(0..<9)]),
        ("{{café}}", [.malformed(0..<9)]),
        ("🎉 {{x}} ok", [.literal(0..<5), .placeholder(name: "x", range: 5..<10, nameRange: 7..<8), .literal(10..<13)]),
        ("say {{name}} and {{#x}}!", [.literal(0..<4), .placeholder(name: "name", range: 4..<12, nameRange: 6..<10),
                                      .literal(12..<17), .malformed(17..<23), .literal(23..<24)]),
    ]

    /// `text` as the filler must leave it when every placeholder is given `value(name)`.
    public static func filled(_ text: String, _ pieces: [Placeholder.Piece], _ value: (String) -> String) -> String {
        let bytes = Array(text.utf8)
        return pieces.map { piece in
            switch piece {
            case .literal(let range), .malformed(let range): String(decoding: bytes[range], as: UTF8.self)
            case .placeholder(let name, _, _): value(name)
            }
        }.joined()
    }
}
