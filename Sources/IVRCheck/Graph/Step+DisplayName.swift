extension Step {
    /// How messages name the step: `` `welcome` ``, or for a branch block
    /// "the `on 1` block of `welcome`" (anonymous steps are named `welcome.1`; blocks under
    /// quoted keys such as `"*"`, and a `branch`'s compared lines, are numbered, so they are named
    /// less precisely).
    public var displayName: String {
        guard isAnonymous, let dot = name.lastIndex(of: ".") else { return "`\(name)`" }
        let parent = String(name[..<dot])
        let key = String(name[name.index(after: dot)...])
        if key.hasPrefix("key") { return "a branch block of `\(parent)`" }
        // A `branch` line comparing values is numbered: its texts can be long or many.
        if key.hasPrefix("case"), let line = Int(key.dropFirst(4)) { return "the block of the branch's line \(line) in `\(parent)`" }
        return "the `on \(key)` block of `\(parent)`"
    }
}
