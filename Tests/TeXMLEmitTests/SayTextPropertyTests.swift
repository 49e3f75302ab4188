import Foundation
import IVRCheck
import IVRLang
import TeXMLEmit
import TeXMLSchema
import Testing

/// Whatever a designer types in say text comes out as schema-valid XML whose parsed text is
/// exactly what was typed (escaped once), or, for characters XML cannot carry, as a diagnostic.
@Suite struct SayTextPropertyTests {
    static let pieces = ["\"", "&", "<", ">", "]]>", "&amp;", "'", "😀", "👩🏽‍⚕️", "e\u{301}", "{{From}}", "\\", "\t", "\n",
                         "\u{1}", "\u{1B}", "\r", " ", "  ", "text", "ü", "中文", "\u{FEFF}", "<!--", "-->", "<![CDATA[", "%"]

    @Test func randomSayTextRoundTrips() throws {
        var state: UInt64 = 0x5EED
        func next() -> Int {
            // SplitMix64 step: deterministic, so a failure reproduces.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % 1_000_003)
        }
        var compiled = 0
        for _ in 0..<300 {
            let text = (0...(next() % 8)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            let source = "flow f\n  number +1-800-555-0100\n  step s\n    say \(StringLiteral.quote(text))\n"
            let result = Checker.check([SourceFile(path: "p.ivr", text: source)])
            if text.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") }) {
                #expect(result.diagnostics.contains { $0.id == "invalid-text" }, "\(text.debugDescription) was not refused")
                continue
            }
            try #require(!result.hasErrors, "\(text.debugDescription): \(result.diagnostics.map(\.message))")
            let bundle = try Compiler.compile(result.graph)
            let bytes = try #require(bundle.documents["f/s.xml"])
            #expect(TeXMLSchemaValidator.shared.validate(Data(bytes)).isEmpty)
            let root = try SafeXMLParser().parse(Data(bytes))
            #expect(root.elements.first?.text == text, "\(text.debugDescription) did not survive")
            compiled += 1
        }
        #expect(compiled > 100)
    }
}
