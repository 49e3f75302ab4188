import IVRBundle
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// What the checker calls a placeholder is exactly what the filler fills: for every edge case
/// of the grammar, the names `unknown-placeholder` reports in a `say` are the table's
/// placeholders, and filling those names (and only those) changes exactly those pieces.
@Suite struct PlaceholderAgreementTests {
    private func namesTheCheckerSees(in text: String) -> Set<String> {
        let source = "flow f\n  number +1-800-555-0100\n  step s\n    say \(StringLiteral.quote(text))\n    hangup\n"
        let graph = Resolver.resolve([Parser.parse(SourceFile(path: "t.ivr", text: source))]).graph
        return Set(UnknownPlaceholderRule().check(graph).compactMap { finding in
            guard let open = finding.message.range(of: "`{{"), let close = finding.message.range(of: "}}`") else { return nil }
            return String(finding.message[open.upperBound..<close.lowerBound])
        })
    }

    @Test(arguments: PlaceholderCases.table.indices)
    func checkerAndFillerAgree(_ index: Int) {
        let (text, pieces) = PlaceholderCases.table[index]
        let expected = Set(pieces.compactMap { if case .placeholder(let name, _, _) = $0 { name } else { nil } })
        let checked = namesTheCheckerSees(in: text)
        #expect(checked == expected, "\(text)")
        let values = Dictionary(uniqueKeysWithValues: checked.map { ($0, "<\($0)>") })
        #expect(ValueFilling.substitute(text, values, percentEncoding: false) == PlaceholderCases.filled(text, pieces) { "<\($0)>" },
                "\(text)")
    }
}
