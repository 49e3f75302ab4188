import Foundation

/// The CI workflow `ivrc new --ci` writes at the repository's root: `examples/ci/ivrc.yml`
/// with the folder that holds the flows and one matrix entry per environment the lines are
/// built for. Without environments the matrix and every `--env` are left out.
public enum CIWorkflow {
    /// The sample as shipped (`examples/ci/ivrc.yml`): flows in `flows`, built for production.
    public static var sample: String { EmbeddedTemplates.ciWorkflow }

    static let folderLine = "      FLOWS: flows"
    static let matrixLine = "        environment: [production]"
    /// The sample's lines that exist only for an environment matrix.
    static let matrixOnlyLines: Set<String> = [
        "    strategy:", "      fail-fast: false", "      matrix:", matrixLine, "      IVRC_ENV: ${{ matrix.environment }}",
    ]
    static let matrixOnlyText = [#" --env "$IVRC_ENV""#, "-${{ matrix.environment }}", #"`**${process.env.IVRC_ENV}**\n\n` + "#]

    /// `folder` relative to the repository's root (`.` for the root itself); `environments` are
    /// identifiers (`--env` names), in matrix order.
    public static func render(folder: String, environments: [String]) -> String {
        sample.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
            let line = String(line)
            if line == folderLine { return "      FLOWS: \(yamlScalar(folder))" }
            if environments.isEmpty {
                if matrixOnlyLines.contains(line) { return nil }
                return matrixOnlyText.reduce(line) { $0.replacingOccurrences(of: $1, with: "") }
            }
            if line == matrixLine { return "        environment: [\(environments.joined(separator: ", "))]" }
            return line
        }.joined(separator: "\n")
    }

    /// The environments of a workflow exactly as `render(folder:environments:)` wrote it for
    /// `folder`; nil for any other text (a workflow edited by hand is never rewritten).
    public static func environments(of workflow: String, folder: String) -> [String]? {
        let prefix = "        environment: ["
        guard let line = workflow.split(separator: "\n").first(where: { $0.hasPrefix(prefix) && $0.hasSuffix("]") }) else {
            return workflow == render(folder: folder, environments: []) ? [] : nil
        }
        let names = line.dropFirst(prefix.count).dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return workflow == render(folder: folder, environments: names) ? names : nil
    }

    /// A folder as a YAML scalar: plain when it can only be read as that text, else single-quoted.
    static func yamlScalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_./-".unicodeScalars.contains(scalar))
        } && !text.hasPrefix("-")
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
