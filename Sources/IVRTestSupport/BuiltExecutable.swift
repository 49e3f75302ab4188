import Foundation

/// Executables of this package, as `swift test` builds them: next to the test bundle
/// (`.build/<config>/`), so tests run the binary CI runs.
public enum BuiltExecutable {
    public static var ivrc: URL? { named("ivrc") }

    public static func named(_ name: String) -> URL? {
        let bundle = Bundle.main.bundleURL
        return [bundle, bundle.deletingLastPathComponent()]
            .map { $0.appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
