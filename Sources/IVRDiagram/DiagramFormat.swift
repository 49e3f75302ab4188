/// The diagram languages `ivrc graph` writes.
public enum DiagramFormat: String, Sendable, CaseIterable {
    case dot
    case mermaid

    public func render(_ diagram: FlowDiagram) -> String {
        switch self {
        case .dot: DotRenderer.render(diagram)
        case .mermaid: MermaidRenderer.render(diagram)
        }
    }
}
