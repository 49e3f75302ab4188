import IVRDiagram
import Testing

/// The heat map `ivrc report --graph` draws: counts on edges and steps, colour and width by
/// count relative to the busiest, in both diagram languages.
@Suite struct DiagramOverlayTests {
    /// `welcome` (f0_s0) → `nurse` (f0_s1) 8 calls, → `message` (f0_s2) 2; 4 calls ended at the nurse.
    static let overlay = DiagramOverlay(
        edgeCalls: [.init(from: "f0_s0", to: "f0_s1"): 8, .init(from: "f0_s0", to: "f0_s2"): 2],
        endedCalls: ["f0_s1": 4, "f0_s2": 1])

    @Test func dotLabelsColoursAndWidensEachEdgeByItsCalls() {
        let dot = DotRenderer.render(DiagramTests.diagram(), overlay: Self.overlay)
        #expect(dot.contains(##"f0_s0 -> f0_s1 [label="press 9, timeout\n8 calls", color="#c01f1f", fontcolor="#c01f1f", penwidth=6.0];"##), "\(dot)")
        #expect(dot.contains(##"f0_s0 -> f0_s2 [label="press 1, press 2\n2 calls", color="#b48c8c", fontcolor="#b48c8c", penwidth=2.2];"##), "\(dot)")
        #expect(dot.contains(##"f0_s1 -> f0_s2 [label="no answer\n0 calls", color="#b0b0b0", fontcolor="#b0b0b0", penwidth=1.0];"##), "\(dot)")
        #expect(dot.contains(#"nurse\n(emergency)\ndials +15550100911\nended here: 4 calls"#), "\(dot)")
        #expect(dot.contains(#"ended here: 1 call""#), "\(dot)")
        #expect(dot == DotRenderer.render(DiagramTests.diagram(), overlay: Self.overlay))
    }

    @Test func withoutAnOverlayTheDiagramIsUnchanged() {
        #expect(DiagramFormat.dot.render(DiagramTests.diagram(), overlay: nil) == DotRenderer.render(DiagramTests.diagram()))
        #expect(!MermaidRenderer.render(DiagramTests.diagram()).contains("linkStyle"))
    }

    @Test func mermaidStylesEveryEdgeInOrderAndStaysSound() throws {
        let mermaid = MermaidRenderer.render(DiagramTests.diagram(), overlay: Self.overlay)
        try MermaidStructure.check(mermaid)
        #expect(mermaid.contains(#"f0_s0 -->|"press 9, timeout: 8 calls"| f0_s1"#), "\(mermaid)")
        #expect(mermaid.contains("ended here: 4 calls"), "\(mermaid)")
        let edges = mermaid.split(separator: "\n").filter { $0.contains("-->|") || $0.contains("-.->|") }.count
        #expect(mermaid.split(separator: "\n").filter { $0.hasPrefix("  linkStyle ") }.count == edges)
        #expect(mermaid.contains("linkStyle 0 stroke:"))
    }

    @Test func theStructuralCheckCatchesAStyleOfNoEdge() {
        #expect(throws: MermaidStructure.Problem.self) {
            try MermaidStructure.check("flowchart TD\n  a[\"A\"]\n  linkStyle 0 stroke:#b0b0b0,stroke-width:1.0px\n")
        }
    }
}
