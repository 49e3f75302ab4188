/// What the exhaustive exploration of one flow found.
public struct PathReport: Sendable {
    public let flow: String
    /// Call paths followed to their end or to the depth limit.
    public let pathsExplored: Int
    /// One problem per kind and document (the first path that shows it).
    public let problems: [PathProblem]
}
