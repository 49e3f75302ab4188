/// Graphviz DOT: one cluster per flow. The emergency step is a red octagon, recording steps
/// are amber, the entry has a bold border, steps that can end the call have a double border;
/// nodes say who they dial and where the disclosure plays; links between flows are dashed.
/// With an overlay, each edge says how many calls took it and each step how many ended there,
/// coloured and widened by count.
public enum DotRenderer {
    public static func render(_ diagram: FlowDiagram, overlay: DiagramOverlay? = nil) -> String {
        var out = "digraph ivr {\n"
        out += "  rankdir=TB;\n"
        out += "  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=10];\n"
        for cluster in diagram.clusters {
            out += "  subgraph cluster_\(cluster.id) {\n"
            out += "    label=\(quote(cluster.flow));\n"
            for node in cluster.nodes {
                out += "    \(node.id) [\(attributes(node, overlay: overlay))];\n"
            }
            for edge in cluster.edges {
                out += "    \(edge.from) -> \(edge.to) [\(attributes(edge, overlay: overlay))];\n"
            }
            out += "  }\n"
        }
        for link in diagram.links {
            out += "  \(link.from) -> \(link.to) [label=\(quote(link.label)), style=dashed];\n"
        }
        return out + "}\n"
    }

    private static func attributes(_ edge: FlowDiagram.Edge, overlay: DiagramOverlay?) -> String {
        guard let overlay else { return "label=\(quote(edge.label))" }
        let calls = overlay.calls(edge)
        return "label=\(quote("\(edge.label)\n\(DiagramOverlay.calls(calls))")), color=\"\(overlay.colour(calls))\", "
            + "fontcolor=\"\(overlay.colour(calls))\", penwidth=\(overlay.width(calls))"
    }

    private static func attributes(_ node: FlowDiagram.Node, overlay: DiagramOverlay?) -> String {
        var notes: [String] = []
        if node.isEmergency { notes.append("emergency") }
        if node.discloses { notes.append("disclosure") }
        if node.records { notes.append("records") }
        var label = notes.isEmpty ? node.label : "\(node.label)\n(\(notes.joined(separator: ", ")))"
        if !node.dials.isEmpty { label += "\ndials \(node.dials.joined(separator: ", "))" }
        let ended = overlay?.ended(node) ?? 0
        if ended > 0 { label += "\nended here: \(DiagramOverlay.calls(ended))" }
        var parts = ["label=\(quote(label))"]
        if node.isEmergency {
            parts += ["shape=octagon", "style=filled", "fillcolor=\"#f8d7da\"", "color=\"#c0392b\""]
        } else if node.records {
            parts += ["style=\"rounded,filled\"", "fillcolor=\"#fff3cd\"", "color=\"#b7950b\""]
        } else if let overlay, ended > 0 {
            parts.append("color=\"\(overlay.colour(ended))\"")
        }
        if node.isEntry { parts.append("penwidth=2") }
        if node.endsCall { parts.append("peripheries=2") }
        return parts.joined(separator: ", ")
    }

    /// A DOT string: quotes and backslashes escaped, newlines as `\n`.
    static func quote(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": continue
            default: escaped.append(character)
            }
        }
        return "\"\(escaped)\""
    }
}
