import Foundation
import IVRBundle
import IVRCheck

/// A behaviour diff for a reviewer (text), a pull-request comment (Markdown) or a tool (JSON).
public enum DiffReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public static let unchanged = "no change for callers"

    public static func render(_ changes: [BehaviourChange], format: Format) -> String {
        switch format {
        case .json:
            return String(decoding: DeterministicJSON.encode(Document(changed: !changes.isEmpty, changes: changes)), as: UTF8.self)
        case .text:
            guard !changes.isEmpty else { return unchanged + "\n" }
            return grouped(changes).map { flow, changes in
                "\(flow): \(changes.count) change\(changes.count == 1 ? "" : "s") for callers\n"
                    + changes.map { "  \($0.kind.rawValue)\($0.at.isEmpty ? "" : " \($0.at)"): \($0.message)\n" }.joined()
            }.joined()
        case .markdown:
            guard !changes.isEmpty else { return "**ivrc diff:** \(unchanged).\n" }
            return "## What changes for callers\n" + grouped(changes).map { flow, changes in
                "\n### `\(flow)`\n\n| what | where | change |\n|---|---|---|\n"
                    + changes.map { "| \($0.kind.rawValue) | \(cell($0.at)) | \(cell($0.message)) |\n" }.joined()
            }.joined()
        }
    }

    private struct Document: Encodable {
        let changed: Bool
        let changes: [BehaviourChange]
    }

    private static func grouped(_ changes: [BehaviourChange]) -> [(String, [BehaviourChange])] {
        Dictionary(grouping: changes, by: \.flow).sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted()) }
    }

    /// Table cells cannot hold `|` or line breaks.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
