/// The diagram languages `ivrc graph` writes.
public enum DiagramFormat: String, Sendable, CaseIterable {
    case dot
    case mermaid

    /// `overlay`: the calls each edge and step saw, drawn as a heat map.
    public func render(_ diagram: FlowDiagram, overlay: DiagramOverlay? = nil) -> String {
        switch self {
        case .dot: DotRenderer.render(diagram, overlay: overlay)
        case .mermaid: MermaidRenderer.render(diagram, overlay: overlay)
        }
    }
}
