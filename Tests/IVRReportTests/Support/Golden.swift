import Foundation
import Testing

/// Expected output kept in files beside the fixture, compared byte for byte.
/// Regenerate on purpose with `IVRC_UPDATE_GOLDEN=1 swift test`.
enum Golden {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var updating: Bool { ProcessInfo.processInfo.environment["IVRC_UPDATE_GOLDEN"] == "1" }

    static func compare(_ actual: String, with name: String) throws {
        let file = fixtures.appendingPathComponent(name)
        if updating {
            try Data(actual.utf8).write(to: file)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected, "\(name) differs; rerun with IVRC_UPDATE_GOLDEN=1 if the change is intended")
    }
}
