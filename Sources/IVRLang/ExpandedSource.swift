/// A flow's file together with the module code copied into it (`use NAME`). Each copy keeps
/// its module file's byte ranges moved up by the copy's `base`, a multiple of `regionStride`
/// (larger than any file ivrc reads), so a range alone says which copy, from which file, it is
/// in: the same module used by two flows gives each finding its own flow and parameter values.
public struct ExpandedSource: Sendable {
    /// One copy of a module's code in one flow.
    public struct Region: Sendable {
        public let base: Int
        /// The module's file.
        public let file: SourceFile
        /// The `use` lines that led here, innermost first, each with its parameter values.
        public let notes: [Diagnostic.Note]

        public init(base: Int, file: SourceFile, notes: [Diagnostic.Note]) {
            self.base = base
            self.file = file
            self.notes = notes
        }
    }

    /// Inputs are read under 64 MB, far below this.
    public static let regionStride = 1 << 32

    public let file: SourceFile
    public let regions: [Region]

    public init(file: SourceFile, regions: [Region]) {
        self.file = file
        self.regions = regions
    }

    public static func base(of offset: Int) -> Int { offset - offset % regionStride }

    public func region(containing offset: Int) -> Region? {
        guard offset >= Self.regionStride else { return nil }
        let base = Self.base(of: offset)
        return regions.first { $0.base == base }
    }

    /// The span in the module's file for copied code, its offsets still moved up (so
    /// `attributed` can tell the copies apart); the flow's file for its own code.
    public func span(_ start: Int, _ end: Int) -> SourceSpan {
        guard let region = region(containing: start) else { return file.span(start, end) }
        let real = region.file.span(start - region.base, end - region.base)
        return SourceSpan(file: real.file, start: SourcePosition(line: real.start.line, column: real.start.column, offset: start),
                          end: SourcePosition(line: real.end.line, column: real.end.column, offset: start + real.end.offset - real.start.offset))
    }

    /// The source text of a range, as written, in whichever file holds it.
    public func text(_ range: SourceRange) -> String {
        guard let region = region(containing: range.start) else { return file.text(range) }
        return region.file.text(SourceRange(range.start - region.base, range.end - region.base))
    }

    /// Findings in copied code with their real offsets, and a note for every `use` that led
    /// there, so a finding inside a module names the flow and the values it was proved with.
    public static func attributed(_ diagnostics: [Diagnostic], regions: [Int: Region]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            let useNotes = regions[base(of: diagnostic.span.start.offset)]?.notes ?? []
            guard diagnostic.span.start.offset >= regionStride || diagnostic.notes.contains(where: { $0.span.start.offset >= regionStride })
            else { return diagnostic }
            return diagnostic.with(span: unmoved(diagnostic.span),
                                   notes: diagnostic.notes.map { .init($0.message, at: unmoved($0.span)) } + useNotes,
                                   fixIts: diagnostic.fixIts.map { fix in
                                       FixIt(fix.message, fix.changes.map { .init(unmoved($0.span), with: $0.replacement) })
                                   })
        }
    }

    private static func unmoved(_ span: SourceSpan) -> SourceSpan {
        let base = base(of: span.start.offset)
        guard base > 0 else { return span }
        return SourceSpan(file: span.file, start: SourcePosition(line: span.start.line, column: span.start.column, offset: span.start.offset - base),
                          end: SourcePosition(line: span.end.line, column: span.end.column, offset: span.end.offset - base))
    }
}
