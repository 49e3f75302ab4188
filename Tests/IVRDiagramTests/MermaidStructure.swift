import Foundation

/// A structural check of the Mermaid subset `ivrc graph` writes: the header, node
/// declarations with quoted, escaped labels, edges between declared nodes, subgraphs, class
/// lines and link styles of written edges. Anything else is a problem.
enum MermaidStructure {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// A quoted label holding no raw quote.
    private static let label = #""[^"]*""#
    private static let node = try! NSRegularExpression(pattern: #"^(\w+)(\[|\{\{|\(\[)("[^"]*")(\]|\}\}|\]\))$"#)
    private static let edge = try! NSRegularExpression(pattern: #"^(\w+) -(?:->|\.->)\|("[^"]*")\| (\w+)$"#)
    private static let subgraph = try! NSRegularExpression(pattern: #"^subgraph (\w+)\[("[^"]*")\]$"#)
    private static let classLine = try! NSRegularExpression(pattern: #"^class ([\w,]+) (\w+)$"#)
    private static let linkStyle = try! NSRegularExpression(pattern: #"^linkStyle (\d+) stroke:#[0-9a-f]{6},stroke-width:\d+\.\dpx$"#)

    static func check(_ text: String) throws {
        var lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "flowchart TD" else { throw Problem(description: "the header is not `flowchart TD`") }
        lines.removeFirst()
        var declared: Set<String> = []
        var edges: [(String, String)] = []
        var open = 0
        var styledLinks: [Int] = []
        for line in lines {
            if let groups = match(node, line) {
                let opening = groups[1], closing = groups[3]
                let pairs = ["[": "]", "{{": "}}", "([": "])"]
                guard pairs[opening] == closing else { throw Problem(description: "mismatched brackets: \(line)") }
                declared.insert(groups[0])
            } else if let groups = match(edge, line) {
                edges.append((groups[0], groups[2]))
            } else if match(subgraph, line) != nil {
                open += 1
            } else if line == "end" {
                open -= 1
                guard open >= 0 else { throw Problem(description: "`end` without a subgraph") }
            } else if line.hasPrefix("classDef ") || match(classLine, line) != nil {
                continue
            } else if let groups = match(linkStyle, line) {
                styledLinks.append(Int(groups[0]) ?? -1)
            } else {
                throw Problem(description: "not a node, edge, subgraph or class line: \(line)")
            }
        }
        guard open == 0 else { throw Problem(description: "a subgraph is not closed") }
        for (from, to) in edges where !declared.contains(from) || !declared.contains(to) {
            throw Problem(description: "edge \(from) --> \(to) names an undeclared node")
        }
        // `linkStyle N` numbers edges in the order they are written.
        for index in styledLinks where !edges.indices.contains(index) {
            throw Problem(description: "linkStyle \(index) names no edge (there are \(edges.count))")
        }
    }

    private static func match(_ expression: NSRegularExpression, _ line: String) -> [String]? {
        let range = NSRange(line.startIndex..., in: line)
        guard let result = expression.firstMatch(in: line, range: range) else { return nil }
        return (1..<result.numberOfRanges).map { index in
            Range(result.range(at: index), in: line).map { String(line[$0]) } ?? ""
        }
    }
}
