import IVRCallLog
import IVRDiagram

/// A flow's report laid over its diagram: calls per edge and drop-offs per step, the log's step
/// names matched to the diagram's nodes through the step each document was read back as.
struct CallHeatMap {
    let overlay: DiagramOverlay
    /// Moves between steps the diagram does not link, and last steps it does not have: the
    /// logs came from another version of the flow than the bundle's.
    let unplaced: [String]

    /// `stepNames`: the node label each bundle document became (`FLOW/STEP.xml` → label).
    init(_ report: CallReport.Flow?, diagram: FlowDiagram, flow: String, stepNames: [String: String]) {
        let nodes = diagram.clusters.flatMap(\.nodes)
        let ids = Dictionary(nodes.map { ($0.label, $0.id) }, uniquingKeysWith: { first, _ in first })
        let edges = Set(diagram.clusters.flatMap(\.edges).map { DiagramOverlay.EdgeKey(from: $0.from, to: $0.to) })
        func node(_ step: String) -> String? { stepNames["\(flow)/\(step).xml"].flatMap { ids[$0] } }
        var edgeCalls: [DiagramOverlay.EdgeKey: Int] = [:]
        var endedCalls: [String: Int] = [:]
        var unplaced: [String] = []
        for transition in report?.transitions ?? [] {
            if let from = node(transition.from), let to = node(transition.to), edges.contains(.init(from: from, to: to)) {
                edgeCalls[.init(from: from, to: to), default: 0] += transition.calls
            } else {
                unplaced.append("\(transition.from) → \(transition.to) (\(DiagramOverlay.calls(transition.calls)))")
            }
        }
        for ending in report?.endedAt ?? [] {
            if let id = node(ending.name) {
                endedCalls[id, default: 0] += ending.calls
            } else {
                unplaced.append("ended at \(ending.name) (\(DiagramOverlay.calls(ending.calls)))")
            }
        }
        overlay = DiagramOverlay(edgeCalls: edgeCalls, endedCalls: endedCalls)
        self.unplaced = unplaced
    }
}
