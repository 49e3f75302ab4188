/// Maps a bundle path back to the `.ivr` step it was lowered from. The lowering names
/// documents `STEP.xml`, in a language other than the flow's first `STEP.TAG.xml`,
/// continuations `….partN.xml`, and an anonymous branch block is the step `STEP.KEY` itself;
/// `hangup.call.xml` ends a completed call and belongs to no step.
public enum DocumentStep {
    static let completedCall = "hangup.call"

    public static func step(of path: String) -> String? {
        guard var name = baseName(of: path) else { return nil }
        // Step names hold no `.`, and no branch key reads as a language tag.
        if let dot = name.lastIndex(of: "."), LanguageTag.isValid(String(name[name.index(after: dot)...])) {
            name = String(name[..<dot])
        }
        return name
    }

    /// The step a document starts, nil for a continuation (`….partN.xml`) of a step already entered.
    public static func stepEntered(by path: String) -> String? {
        guard let file = fileName(of: path), isDocument(file),
              continuation(of: String(file.dropLast(".xml".count))) == nil else { return nil }
        return step(of: path)
    }

    /// The language tag a document is written in when it is not the flow's first language
    /// (`STEP.TAG.xml`); nil for the first language and for documents belonging to no step.
    public static func language(of path: String) -> String? {
        guard let name = baseName(of: path), let dot = name.lastIndex(of: ".") else { return nil }
        let tag = String(name[name.index(after: dot)...])
        return LanguageTag.isValid(tag) ? tag : nil
    }

    /// The document's file name without `.xml` and without a continuation's `.partN`; nil for
    /// anything but a step's document.
    private static func baseName(of path: String) -> String? {
        guard let file = fileName(of: path), isDocument(file) else { return nil }
        let name = String(file.dropLast(".xml".count))
        if name == completedCall { return nil }
        return continuation(of: name) ?? name
    }

    /// The last non-empty `/`-separated piece of a bundle path (`split(separator: "/").last`),
    /// found by bytes: splitting by `Character` cost more than the rest of a request's metrics.
    private static func fileName(of path: String) -> Substring? {
        let bytes = path.utf8
        guard let last = bytes.lastIndex(where: { $0 != UInt8(ascii: "/") }) else { return nil }
        let end = bytes.index(after: last)
        let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map { bytes.index(after: $0) } ?? bytes.startIndex
        return path[start..<end]
    }

    private static func isDocument(_ file: Substring) -> Bool {
        file.utf8.suffix(4).elementsEqual(".xml".utf8)
    }

    /// `NAME.partN` (N ≥ 2) → `NAME`; nil when `name` is not a continuation.
    private static func continuation(of name: String) -> String? {
        guard let dot = name.lastIndex(of: "."), name[name.index(after: dot)...].utf8.starts(with: "part".utf8),
              let number = Int(name[name.index(dot, offsetBy: 5)...]), number >= 2 else { return nil }
        return String(name[..<dot])
    }
}
