import IVRCheck
import IVRLang

/// What the exhaustive exploration of one flow found.
public struct PathReport: Sendable {
    public let flow: String
    /// Call paths followed to their end or to the depth limit.
    public let pathsExplored: Int
    /// One problem per kind and document (the first path that shows it).
    public let problems: [PathProblem]
    /// Every step some explored path entered.
    public let stepsReached: Set<String>
}

extension PathReport {
    /// One `path-problem` finding per problem, at the flow's name.
    public func diagnostics(at flow: Flow) -> [Diagnostic] {
        problems.map { .error(.pathProblem, "flow `\(flow.name)`: \($0)", at: flow.span(flow.nameRange)) }
    }
}
