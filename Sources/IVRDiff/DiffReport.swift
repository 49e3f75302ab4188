import Foundation
import IVRBundle
import IVRCheck

/// A behaviour diff for a reviewer (text), a pull-request comment (Markdown) or a tool (JSON).
public enum DiffReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public static let unchanged = "no change for callers"

    /// Flows some of whose calls went on past `--depth` choices (or past the path limit): where
    /// those calls end was not compared; their steps and branches were.
    public struct CutOff: Sendable, Encodable, Equatable {
        public let depth: Int
        public let flows: [String]

        public init(depth: Int, flows: [String]) {
            self.depth = depth
            self.flows = flows
        }

        public var sentence: String {
            "some calls in \(flows.joined(separator: ", ")) go on past \(depth) choice\(depth == 1 ? "" : "s"): where they end was compared only "
                + "for shorter paths (every step and branch was compared); a higher --depth follows them further"
        }
    }

    public static func render(_ changes: [BehaviourChange], format: Format, cutOff: CutOff? = nil) -> String {
        switch format {
        case .json:
            return String(decoding: DeterministicJSON.encode(Document(changed: !changes.isEmpty, changes: changes, cutOff: cutOff)), as: UTF8.self)
        case .text:
            let note = cutOff.map { "note: \($0.sentence)\n" } ?? ""
            guard !changes.isEmpty else { return unchanged + "\n" + note }
            return grouped(changes).map { flow, changes in
                "\(flow): \(changes.count) change\(changes.count == 1 ? "" : "s") for callers\n"
                    + changes.map { "  \($0.kind.rawValue)\($0.at.isEmpty ? "" : " \($0.at)"): \($0.message)\n" }.joined()
            }.joined() + note
        case .markdown:
            let note = cutOff.map { "\n> **Note:** \(cell($0.sentence)).\n" } ?? ""
            guard !changes.isEmpty else { return "**ivrc diff:** \(unchanged).\n" + note }
            return "## What changes for callers\n" + grouped(changes).map { flow, changes in
                "\n### `\(flow)`\n\n| what | where | change |\n|---|---|---|\n"
                    + changes.map { "| \($0.kind.rawValue) | \(cell($0.at)) | \(cell($0.message)) |\n" }.joined()
            }.joined() + note
        }
    }

    private struct Document: Encodable {
        let changed: Bool
        let changes: [BehaviourChange]
        let cutOff: CutOff?
    }

    private static func grouped(_ changes: [BehaviourChange]) -> [(String, [BehaviourChange])] {
        Dictionary(grouping: changes, by: \.flow).sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted()) }
    }

    /// Table cells cannot hold `|` or line breaks.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
