import IVRLang

/// Walks a parsed file in source order and writes each declaration and statement in the
/// canonical layout, one `LayoutLine` per output line. Comments are placed afterwards.
struct LayoutBuilder {
    private let source: SourceFile
    private let tokens: [Token]
    private(set) var lines: [LayoutLine] = []

    init(_ file: ParsedFile) {
        source = file.source
        tokens = Lexer.tokenize(file.source).tokens
    }

    mutating func build(_ file: ParsedFile) -> [LayoutLine] {
        let blocks = file.flows.map { (start: $0.range.start, flow: Optional($0), module: ModuleDecl?.none) }
            + file.modules.map { (start: $0.range.start, flow: FlowDecl?.none, module: Optional($0)) }
        for (index, block) in blocks.sorted(by: { $0.start < $1.start }).enumerated() {
            if let flow = block.flow {
                emit("flow \(flow.name.text)", depth: 0, at: flow.range.start, blankBefore: index > 0)
                members(of: flow)
            } else if let module = block.module {
                emit("module \(module.name.text)", depth: 0, at: module.range.start, blankBefore: index > 0)
                layOut(module.params.map(Member.key) + module.uses.map(Member.key) + module.steps.map(Member.step))
            }
        }
        return lines
    }

    // MARK: Flows

    private enum Member {
        case setting(Setting)
        case schedule(Statement)
        /// A one-line member (`on KEY -> STEP`, `use`, `param`); laid out with the settings.
        case key(Statement)
        case step(StepDecl)
        case test(TestDecl)

        var start: Int {
            switch self {
            case .setting(let setting): setting.range.start
            case .schedule(let schedule): schedule.range.start
            case .key(let key): key.range.start
            case .step(let step): step.range.start
            case .test(let test): test.range.start
            }
        }
    }

    /// Members stay in the order written; a blank line goes before every step and test
    /// and before a setting that follows one.
    private mutating func members(of flow: FlowDecl) {
        layOut(flow.settings.map(Member.setting) + flow.keys.map(Member.key) + flow.uses.map(Member.key)
            + flow.schedules.map(Member.schedule) + flow.steps.map(Member.step) + flow.tests.map(Member.test))
    }

    private mutating func layOut(_ members: [Member]) {
        var previousIsSetting: Bool?
        for member in members.sorted(by: { $0.start < $1.start }) {
            switch member {
            case .setting(let setting):
                let values = setting.values.map(ValueSpelling.spell(source)).joined(separator: " ")
                emit("\(setting.name.text) \(values)", depth: 1, at: setting.range.start,
                     blankBefore: previousIsSetting == false)
                for child in setting.children { emit(child, depth: 2) }
                previousIsSetting = true
            case .schedule(let schedule):
                emit(schedule, depth: 1, blankBefore: previousIsSetting != nil)
                previousIsSetting = false
            case .key(let key):
                emit(key, depth: 1, blankBefore: previousIsSetting == false)
                previousIsSetting = true
            case .step(let step):
                let head = "step \(step.name.text)" + (step.emergency == nil ? "" : " emergency")
                emit(head, depth: 1, at: step.range.start, blankBefore: previousIsSetting != nil)
                for statement in step.body { emit(statement, depth: 2) }
                previousIsSetting = false
            case .test(let test):
                emit(test, blankBefore: previousIsSetting != nil)
                previousIsSetting = false
            }
        }
    }

    private mutating func emit(_ test: TestDecl, blankBefore: Bool) {
        let start = TextPieces.firstString(after: test.range.start, in: tokens) ?? test.range.start
        let value = Value(.string(test.description), SourceRange(start, start))
        let text = ContinuedText(pieces: TextPieces.pieces(of: value, text: test.description, tokens: tokens),
                                 onHeadLine: source.line(of: start) == source.line(of: test.range.start))
        // A wrapped description would read as a line of the test's body, so it is not wrapped.
        emitHead(before: ["test"], text: text, after: [], depth: 1, at: test.range.start, blankBefore: blankBefore,
                 children: test.body, wraps: false)
    }

    // MARK: Statements

    /// A string written over several lines: its pieces, and whether the first piece sits
    /// on the statement's own line.
    private struct ContinuedText {
        let pieces: [TextPiece]
        let onHeadLine: Bool
    }

    /// `KEYWORD ARGUMENTS… OPTIONS… -> TARGET`; a final string argument keeps the lines it
    /// was written on and is wrapped where a line would be too long, unless the statement
    /// has a block, where added text lines would be hard to tell from its statements.
    private mutating func emit(_ statement: Statement, depth: Int, blankBefore: Bool = false) {
        var arguments = statement.arguments
        var text: ContinuedText?
        if let last = arguments.last, case .string(let string) = last.kind {
            arguments.removeLast()
            text = ContinuedText(pieces: TextPieces.pieces(of: last, text: string, tokens: tokens),
                                 onHeadLine: source.line(of: last.range.start) == source.line(of: statement.keyword.range.start))
        }
        var after = OptionOrder.sorted(statement.options).map { option in
            option.value.map { "\(option.name.text)=\(ValueSpelling.spell(source)($0))" } ?? option.name.text
        }
        if let target = statement.target { after.append("-> \(target.text)") }
        let head = [statement.keyword.text] + arguments.map(ValueSpelling.spell(source))
        if statement.keyword.text == "use", 2 * depth + (head + after).joined(separator: " ").count > SourceFormatter.lineWidth {
            emitContinued(statement, head: head + after.dropFirst(statement.options.count), options: Array(after.prefix(statement.options.count)),
                          depth: depth, blankBefore: blankBefore)
            return
        }
        emitHead(before: [statement.keyword.text] + arguments.map(ValueSpelling.spell(source)), text: text,
                 after: after, depth: depth, at: statement.range.start, blankBefore: blankBefore,
                 children: statement.children, wraps: true)
    }

    /// A `use` too long for one line: the module (and any `-> STEP`) on its own line, then one
    /// option a line under it (the parser reads indented `name=value` lines as its options).
    private mutating func emitContinued(_ statement: Statement, head: [String], options: [String], depth: Int, blankBefore: Bool) {
        emit(head.joined(separator: " "), depth: depth, at: statement.range.start, blankBefore: blankBefore)
        let offsets = OptionOrder.sorted(statement.options).map(\.name.range.start)
        for (option, offset) in zip(options, offsets) { emit(option, depth: depth + 1, at: offset) }
    }

    private mutating func emitHead(before: [String], text: ContinuedText?, after: [String], depth: Int, at offset: Int,
                                   blankBefore: Bool, children: [Statement], wraps: Bool) {
        let width = wraps ? SourceFormatter.lineWidth : Int.max / 2
        var continued = text?.pieces ?? []
        if let text, text.onHeadLine, !after.isEmpty {
            // Options follow the text on the head line, and continued lines hold only text,
            // so text with options after it stays whole on the head line.
            let whole = continued.map(\.text).joined(separator: " ")
            emit((before + [StringLiteral.quote(whole)] + after).joined(separator: " "), depth: depth, at: offset,
                 blankBefore: blankBefore)
            continued = []
        } else if let text, text.onHeadLine {
            let first = continued.removeFirst()
            let fixed = 2 * depth + (before + after).reduce(0) { $0 + $1.count + 1 }
            let chunks = PromptWrapper.wrap(first.text, firstWidth: width - fixed, width: width - 2 * (depth + 1))
            emit((before + [StringLiteral.quote(chunks[0])] + after).joined(separator: " "), depth: depth, at: offset,
                 blankBefore: blankBefore)
            let column = lines[lines.count - 1].column + 1
            for chunk in chunks.dropFirst() {
                emit(StringLiteral.quote(chunk), depth: depth + 1, at: first.offset, column: column)
            }
        } else {
            emit((before + after).joined(separator: " "), depth: depth, at: offset, blankBefore: blankBefore)
        }
        // Continued lines and nested statements keep their written order.
        var pieceIndex = 0, childIndex = 0
        while pieceIndex < continued.count || childIndex < children.count {
            if childIndex == children.count
                || (pieceIndex < continued.count && continued[pieceIndex].offset < children[childIndex].range.start) {
                let piece = continued[pieceIndex]
                let pieceWidth = width - 2 * (depth + 1)
                for chunk in PromptWrapper.wrap(piece.text, firstWidth: pieceWidth, width: pieceWidth) {
                    emit(StringLiteral.quote(chunk), depth: depth + 1, at: piece.offset)
                }
                pieceIndex += 1
            } else {
                emit(children[childIndex], depth: depth + 1)
                childIndex += 1
            }
        }
    }

    private mutating func emit(_ text: String, depth: Int, at offset: Int, blankBefore: Bool = false, column: Int? = nil) {
        let position = source.position(of: offset)
        lines.append(LayoutLine(text: text, depth: depth, offset: offset, sourceLine: position.line,
                                column: column ?? position.column - 1, blankBefore: blankBefore))
    }
}
