import IVRCheck
import IVRLang

/// Each file's parse, kept while its bytes are unchanged, so a keystroke re-parses only the file
/// it touched. A parse depends on nothing but the path and the bytes, which together are the key.
struct ParseCache {
    private struct Entry {
        let bytes: [UInt8]
        let parsed: ParsedFile
    }

    private var entries: [String: Entry] = [:]

    /// The parse of every file, in the given order: kept ones reused, the rest parsed on every
    /// core. Files no longer given are forgotten.
    mutating func parsed(_ files: [(path: String, bytes: [UInt8])]) -> [ParsedFile] {
        let missing = files.filter { entries[$0.path]?.bytes != $0.bytes }
        let fresh = Checker.parseAll(missing.map { SourceFile(path: $0.path, bytes: $0.bytes) })
        var kept: [String: Entry] = [:]
        for (file, parsed) in zip(missing, fresh) { kept[file.path] = Entry(bytes: file.bytes, parsed: parsed) }
        for file in files where kept[file.path] == nil { kept[file.path] = entries[file.path] }
        entries = kept
        return files.compactMap { kept[$0.path]?.parsed }
    }
}
