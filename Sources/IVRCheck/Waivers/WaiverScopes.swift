import IVRLang

/// Finds what a waiver comment covers, from the tree's ranges: the statement, step or flow
/// that starts on the next non-comment line, or the whole step or flow when the comment is
/// the first line inside it.
struct WaiverScopes {
    private struct Node {
        let start: Int
        let extent: SourceRange
        /// Where the block's first member starts, for steps and flows.
        let firstMember: Int?
    }

    private let source: SourceFile
    private var nodes: [Node] = []

    init(_ file: ParsedFile) {
        source = file.source
        for flow in file.flows { add(flow) }
        for module in file.modules { add(module) }
        nodes.sort { $0.start < $1.start }
    }

    /// The byte range the waiver in `comment` covers, or nil when it sits above nothing.
    func scope(of comment: Comment) -> SourceRange? {
        guard comment.ownLine else { return nil }
        let line = source.line(of: comment.range.start)
        let innermostBlock = nodes.last { node in
            guard let member = node.firstMember else { return false }
            return source.line(of: node.start) < line && line < source.line(of: member)
        }
        if let innermostBlock { return innermostBlock.extent }
        guard let next = nodes.first(where: { $0.start >= comment.range.end }) else { return nil }
        let between = (line + 1)..<max(line + 1, source.line(of: next.start))
        return between.allSatisfy(isBlankOrComment) ? next.extent : nil
    }

    private func isBlankOrComment(_ line: Int) -> Bool {
        let text = source.lineText(line).drop { $0 == " " || $0 == "\t" }
        return text.isEmpty || text.hasPrefix("#")
    }

    // MARK: Building

    private mutating func add(_ flow: FlowDecl) {
        var extent = flow.range
        var firstMember: Int?
        func include(_ range: SourceRange) {
            extent = extent.through(range)
            firstMember = min(firstMember ?? range.start, range.start)
        }
        for setting in flow.settings {
            nodes.append(Node(start: setting.range.start, extent: setting.range, firstMember: nil))
            include(setting.range)
        }
        for key in flow.keys { include(add(key)) }
        for step in flow.steps { include(add(step)) }
        for test in flow.tests {
            let range = test.body.reduce(test.range) { $0.through(add($1)) }
            nodes.append(Node(start: test.range.start, extent: range, firstMember: nil))
            include(range)
        }
        nodes.append(Node(start: flow.range.start, extent: extent, firstMember: firstMember))
    }

    /// A waiver in a module applies in every flow that uses it.
    private mutating func add(_ module: ModuleDecl) {
        var extent = module.range
        var firstMember: Int?
        for member in module.params.map({ add($0) }) + module.uses.map({ add($0) }) + module.steps.map({ add($0) }) {
            extent = extent.through(member)
            firstMember = min(firstMember ?? member.start, member.start)
        }
        nodes.append(Node(start: module.range.start, extent: extent, firstMember: firstMember))
    }

    private mutating func add(_ step: StepDecl) -> SourceRange {
        var extent = step.range
        for statement in step.body { extent = extent.through(add(statement)) }
        nodes.append(Node(start: step.range.start, extent: extent, firstMember: step.body.first?.range.start))
        return extent
    }

    /// A statement covers its head line, continued text and nested block.
    private mutating func add(_ statement: Statement) -> SourceRange {
        var extent = statement.range
        for argument in statement.arguments { extent = extent.through(argument.range) }
        for option in statement.options { extent = extent.through(option.range) }
        if let target = statement.target { extent = extent.through(target.range) }
        for child in statement.children { extent = extent.through(add(child)) }
        nodes.append(Node(start: statement.range.start, extent: extent, firstMember: nil))
        return extent
    }
}
