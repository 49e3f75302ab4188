import IVRLang

/// Flow and step names become directory and file names in the bundle (`FLOW/STEP.part2.route`),
/// which file systems limit to 255 bytes. Names are capped well below that, so a build never
/// fails on a name the checker let through.
extension FlowResolver {
    /// Bytes a flow or step name may have as written.
    static let maxNameLength = 100
    /// Bytes a name derived for a branch block (`welcome.1.2`) may have; the lowering adds
    /// suffixes such as `.part12.route` to it.
    static let maxDerivedNameLength = 200

    /// Reports a written name longer than the limit.
    mutating func checkLength(of name: Name, what: String) {
        guard name.text.utf8.count > Self.maxNameLength else { return }
        error(.nameTooLong, "this \(what) name is \(name.text.utf8.count) bytes long, more than \(Self.maxNameLength)",
              name.range, help: "use a shorter name: it becomes a file name in the bundle")
    }

    /// Reports a branch block whose derived name has outgrown the limit.
    mutating func checkDerivedLength(of name: String, at range: SourceRange) {
        guard name.utf8.count > Self.maxDerivedNameLength else { return }
        error(.nameTooLong, "branch blocks nest so deep here that their document name is \(name.utf8.count) bytes long",
              range, help: "move the block into a named step and reach it with `-> STEP`")
    }
}
