import Foundation
import IVRCheck
import IVRDiagram
import IVRLang
import Testing

@Suite("Flow diagrams")
struct DiagramTests {
    static let source = """
        flow line
          number +1-555-010-1000
          industry healthcare

          step welcome
            disclose "This call is recorded."
            menu
              say "Press 9 for the nurse, 1 to leave a \\"message\\"."
              on 9 -> nurse
              on 1 -> message
              on 2 -> message
              on "#" -> bye
              on timeout -> nurse
              on invalid
                say "Sorry."
                goto welcome

          step nurse emergency
            dial +1-555-010-0911 -> message

          step message
            record max=60s -> bye

          step bye
            hangup

        """

    static func diagram() -> FlowDiagram {
        FlowDiagram(Checker.check([SourceFile(path: "line.ivr", text: source)]).graph)
    }

    @Test func nodesAndEdgesComeFromTheFlowGraph() {
        let cluster = Self.diagram().clusters[0]
        #expect(cluster.nodes.map(\.label) == ["welcome", "nurse", "message", "bye", "welcome.invalid"])
        #expect(cluster.nodes[1].isEmergency && cluster.nodes[2].records && cluster.nodes[3].endsCall)
        let labels = cluster.edges.map { "\($0.from)->\($0.to): \($0.label)" }
        #expect(labels.contains("f0_s0->f0_s2: press 1, press 2"))
        #expect(labels.contains("f0_s0->f0_s1: press 9, timeout"))
        #expect(labels.contains("f0_s1->f0_s2: no answer"))
        #expect(labels.contains("f0_s4->f0_s0: goto"))
    }

    @Test func graphvizRendersTheDOT() throws {
        let dot = DiagramFormat.dot.render(Self.diagram())
        #expect(dot.contains("shape=octagon"))
        #expect(dot.contains("f0_s0 -> f0_s3 [label=\"press #\"];"))
        #expect(dot == DiagramFormat.dot.render(Self.diagram()))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(dot.utf8))
        try input.fileHandleForWriting.close()
        let svg = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(complaints)")
        #expect(complaints.isEmpty, "\(complaints)")
        #expect(svg.contains("<svg") && svg.contains("welcome.invalid"))
    }

    @Test func mermaidIsStructurallySound() throws {
        let text = DiagramFormat.mermaid.render(Self.diagram())
        try MermaidStructure.check(text)
        #expect(text.contains("class f0_s1 emergency"))
        #expect(text.contains("-->|\"press #35;\"| f0_s3"))
    }

    @Test func theStructuralCheckCatchesBrokenMermaid() {
        #expect(throws: MermaidStructure.Problem.self) { try MermaidStructure.check("graph LR\n") }
        #expect(throws: MermaidStructure.Problem.self) {
            try MermaidStructure.check("flowchart TD\n  a[\"A\"]\n  a -->|\"x\"| b\n")
        }
        #expect(throws: MermaidStructure.Problem.self) {
            try MermaidStructure.check("flowchart TD\n  a[\"say \"hi\"\"]\n")
        }
    }
}

@Suite("Diagrams across flows")
struct DiagramLinkTests {
    static let sources = [
        SourceFile(path: "callers.ivr", text: """
            flow callers
              number +1-555-010-1000
              step welcome
                disclose "This call is recorded."
                enqueue support
              step bridge
                dial conference standup
            """),
        SourceFile(path: "agents.ivr", text: """
            flow agents
              number +1-555-010-2000
              step start
                dial queue support -> huddle
              step huddle
                dial conference standup -> back
              step back
                dial +1-555-010-1000
            """),
    ]

    static func diagram() -> FlowDiagram {
        FlowDiagram(Checker.check(sources).graph)
    }

    @Test func nodesSayWhoTheyDialAndWhereTheDisclosurePlays() throws {
        let nodes = Self.diagram().clusters.flatMap(\.nodes)
        #expect(nodes.first { $0.label == "start" }?.dials == ["queue support"])
        #expect(nodes.first { $0.label == "back" }?.dials == ["+15550101000"])
        #expect(nodes.first { $0.label == "welcome" }?.discloses == true)
        let dot = DotRenderer.render(Self.diagram())
        #expect(dot.contains("label=\"welcome\\n(disclosure)\""), "\(dot)")
        #expect(dot.contains("label=\"start\\ndials queue support\""), "\(dot)")
    }

    @Test func queuesConferencesAndNumbersLinkTheFlows() throws {
        let links = Self.diagram().links.map { "\($0.from)->\($0.to): \($0.label)" }
        #expect(links == ["f0_s0->f1_s0: queue support", "f1_s1->f0_s1: conference standup", "f1_s2->f0_s0: dials +15550101000"])
        let mermaid = MermaidRenderer.render(Self.diagram())
        #expect(mermaid.contains("f0_s0 -.->|\"queue support\"| f1_s0"), "\(mermaid)")
        try MermaidStructure.check(mermaid)
        #expect(DotRenderer.render(Self.diagram()).contains("f0_s0 -> f1_s0 [label=\"queue support\", style=dashed];"))
    }
}
