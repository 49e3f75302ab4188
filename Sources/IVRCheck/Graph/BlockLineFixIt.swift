import IVRLang

extension Flow {
    /// A fix-it writing `lines` as the last lines of the block under the statement at `range`
    /// (in a module's file for copied code), at the indentation of the block's other lines.
    func fixIt(_ message: String, appending lines: [String], under range: SourceRange) -> FixIt {
        let region = expandedSource.region(containing: range.start)
        let file = region?.file ?? source, base = region?.base ?? 0
        let line = file.line(of: range.start - base)
        let block = file.block(under: line)
        let end = file.lineRange(block?.lastLine ?? line).upperBound
        let lineBreak = end < file.bytes.count && file.bytes[end] == UInt8(ascii: "\r") ? "\r\n" : "\n"
        let indentation = block?.indentation ?? file.indentation(of: line) + "  "
        let text = lines.map { lineBreak + indentation + $0 }.joined()
        return FixIt(message, [FixIt.Change(span(SourceRange(base + end, base + end)), with: text)])
    }
}

extension Flow {
    /// How code at `range` names the named `step`: as it is in the flow's own code, without the
    /// copy's prefix (`alias.`) in a module's copy; nil when it cannot be written there (a
    /// step outside the copy, reached through a `step` parameter).
    func writtenName(of step: Step, at range: SourceRange) -> String? {
        let here = ExpandedSource.base(of: range.start)
        guard !step.isAnonymous, here == ExpandedSource.base(of: step.range.start) else { return nil }
        return here == 0 ? step.name : step.name.split(separator: ".").last.map(String.init)
    }
}
