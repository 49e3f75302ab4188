import Foundation
import IVRLang

/// The repository's folders as test targets find them: from this file's place in the source
/// tree, so a test reads the checked-out files whatever directory `swift test` runs in.
public enum Repository {
    /// The folder holding `Package.swift` (this file is `Sources/IVRTestSupport/Repository.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `examples/`: the flows that check clean and whose tests pass.
    public static let examples = root.appendingPathComponent("examples")

    /// A path relative to the root: `Repository.file("docs/rules.md")`.
    public static func file(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// A test target's own folder or file: `Repository.tests("IVRLangTests/Golden")`.
    public static func tests(_ relativePath: String) -> URL {
        root.appendingPathComponent("Tests").appendingPathComponent(relativePath)
    }

    /// A file of the repository as a source, named by `path` (default: its path from the root).
    public static func source(_ relativePath: String, as path: String? = nil) throws -> SourceFile {
        SourceFile(path: path ?? relativePath, bytes: [UInt8](try Data(contentsOf: file(relativePath))))
    }
}
