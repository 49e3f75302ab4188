import IVRBundle
import Testing

/// `Route.targets` is the one list of a route's edges: every field that names a document is in
/// it, and renaming reaches each of them.
@Suite struct RouteTargetsTests {
    static let everyEdge = Route(
        kind: .menu, keys: ["1": "key.xml"], speech: ["yes": "speech.xml"], emergency: "emergency.xml", invalid: "invalid.xml",
        timeout: "timeout.xml", next: "next.xml", answered: "answered.xml", open: "open.xml", closed: "closed.xml",
        decisions: [Route.Decision(when: .other, next: "decision.xml")], failure: "failure.xml")

    @Test func everyDocumentARouteNamesIsATarget() {
        #expect(Set(Self.everyEdge.targets) == ["key.xml", "speech.xml", "emergency.xml", "invalid.xml", "timeout.xml", "next.xml",
                                                "answered.xml", "open.xml", "closed.xml", "decision.xml", "failure.xml"])
    }

    @Test func renamingReachesEveryTarget() {
        let moved = Self.everyEdge.renamingTargets { "bundle/" + $0 }
        #expect(moved.targets == Self.everyEdge.targets.map { "bundle/" + $0 })
        #expect(moved.kind == Self.everyEdge.kind)
    }
}
