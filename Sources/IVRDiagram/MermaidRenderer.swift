/// Mermaid `flowchart TD`: a subgraph per flow. The emergency step is a hexagon in the
/// `emergency` class, recording steps are in the `records` class, call-ending steps are
/// stadium-shaped; links between flows are dotted. With an overlay, each edge says how many
/// calls took it and each step how many ended there; edges are coloured and widened by count
/// (`linkStyle`, numbered in the order edges are written).
public enum MermaidRenderer {
    public static func render(_ diagram: FlowDiagram, overlay: DiagramOverlay? = nil) -> String {
        var out = "flowchart TD\n"
        var emergency: [String] = []
        var records: [String] = []
        var linkStyles: [String] = []
        for cluster in diagram.clusters {
            out += "  subgraph \(cluster.id)[\(quote(cluster.flow))]\n"
            for node in cluster.nodes {
                out += "    \(node.id)\(shape(node, ended: overlay?.ended(node) ?? 0))\n"
                if node.isEmergency { emergency.append(node.id) }
                if node.records { records.append(node.id) }
            }
            out += "  end\n"
            for edge in cluster.edges {
                guard let overlay else {
                    out += "  \(edge.from) -->|\(quote(edge.label))| \(edge.to)\n"
                    continue
                }
                let calls = overlay.calls(edge)
                out += "  \(edge.from) -->|\(quote("\(edge.label): \(DiagramOverlay.calls(calls))"))| \(edge.to)\n"
                linkStyles.append("  linkStyle \(linkStyles.count) stroke:\(overlay.colour(calls)),stroke-width:\(overlay.width(calls))px\n")
            }
        }
        for link in diagram.links {
            out += "  \(link.from) -.->|\(quote(link.label))| \(link.to)\n"
        }
        out += "  classDef emergency fill:#f8d7da,stroke:#c0392b,stroke-width:2px\n"
        out += "  classDef records fill:#fff3cd,stroke:#b7950b\n"
        if !emergency.isEmpty { out += "  class \(emergency.joined(separator: ",")) emergency\n" }
        if !records.isEmpty { out += "  class \(records.joined(separator: ",")) records\n" }
        return out + linkStyles.joined()
    }

    private static func shape(_ node: FlowDiagram.Node, ended: Int) -> String {
        var notes: [String] = []
        if node.isEntry { notes.append("entry") }
        if node.isEmergency { notes.append("emergency") }
        if node.discloses { notes.append("disclosure") }
        if node.records { notes.append("records") }
        if !node.dials.isEmpty { notes.append("dials \(node.dials.joined(separator: ", "))") }
        if ended > 0 { notes.append("ended here: \(DiagramOverlay.calls(ended))") }
        let label = quote(notes.isEmpty ? node.label : "\(node.label) (\(notes.joined(separator: ", ")))")
        if node.isEmergency { return "{{\(label)}}" }
        if node.endsCall { return "([\(label)])" }
        return "[\(label)]"
    }

    /// A quoted Mermaid label; characters Mermaid would read as syntax become entity codes.
    static func quote(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "#quot;"
            case "<": escaped += "#lt;"
            case ">": escaped += "#gt;"
            case "#": escaped += "#35;"
            case "|": escaped += "#124;"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
