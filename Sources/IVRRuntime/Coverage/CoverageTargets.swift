import IVRBundle
import IVRCheck
import IVRLang

/// What a flow offers its tests to reach, read from the checked flow (the same graph the
/// lowering writes documents from): every named step, every branch of every decision (menu
/// keys, `timeout`, `invalid`; gather input and silence; `hours` open and closed; a dial
/// answered or not; a lookup answered or failed) and every declared language. Each branch
/// knows which `TakenBranch` of the runtime reaches it.
struct CoverageTargets {
    struct BranchTarget {
        var item: CoverageItem
        let reachedBy: Condition
    }

    enum Condition {
        case outcome(Set<RouteOutcome>)
        /// A menu key, by its keys or any of its phrases (lowercased, as the route table holds them).
        case key(Set<String>)
        /// Silence at the last try of a menu (earlier tries' silence only replays the prompt).
        case lastTimeout
    }

    var steps: [(name: String, item: CoverageItem)] = []
    var branches: [BranchTarget] = []
    var languages: [(tag: String, item: CoverageItem)] = []

    init(_ flow: Flow) {
        for step in flow.steps {
            if !step.isAnonymous {
                let span = flow.span(step.range)
                steps.append((step.name, CoverageItem(kind: .step, label: "step \(step.displayName)", span: span, step: step.name,
                                                      lines: [span.start.line] + Self.lines(of: step, in: flow))))
            }
            for action in step.actions { add(action, of: step, in: flow) }
        }
        languages = flow.languages.map { ($0, CoverageItem(kind: .language, label: "language \($0)", span: flow.span(flow.nameRange))) }
    }

    private mutating func add(_ action: Action, of step: Step, in flow: Flow) {
        func branch(_ what: String, _ outcome: String, _ range: SourceRange, _ condition: Condition, block: Int? = nil) {
            let span = flow.span(range)
            let written = block.map { flow.steps[$0] }.flatMap { $0.isAnonymous ? Self.lines(of: $0, in: flow) : nil } ?? []
            let item = CoverageItem(kind: .branch, label: "\(what) in \(step.displayName): \(outcome)", span: span, step: step.name,
                                    lines: [span.start.line] + written)
            branches.append(BranchTarget(item: item, reachedBy: condition))
        }
        switch action.kind {
        case .menu(let menu):
            for written in menu.branches {
                switch written.key {
                case .digits(let keys):
                    let phrases = (written.speech + written.phrases.values.flatMap { $0 }).map { $0.lowercased() }
                    let shown = written.phrase.map { "key \(keys) (\"\($0)\")" } ?? "key \(keys)"
                    branch("menu", shown, written.range, .key(Set([keys] + phrases)), block: written.target)
                case .timeout: branch("menu", "timeout", written.range, .lastTimeout, block: written.target)
                case .invalid: branch("menu", "invalid", written.range, .outcome([.invalid]), block: written.target)
                }
            }
        case .gather(let gather) where gather.next != nil:
            branch("gather `\(gather.variable)`", "input", action.range, .outcome([.next]))
            branch("gather `\(gather.variable)`", "timeout", gather.timeout?.range ?? action.range, .outcome([.timeout]),
                   block: gather.timeout?.target)
        case .hours(let hours) where hours.open != nil && hours.closed != nil:
            branch("hours `\(hours.schedule)`", "open", hours.openRange, .outcome([.open]))
            branch("hours `\(hours.schedule)`", "closed", hours.closedRange, .outcome([.closed]))
        case .dial(_, _, .some):
            branch("dial", "answered", action.range, .outcome([.answered]))
            branch("dial", "not answered", action.range, .outcome([.noAnswer, .busy, .failed, .refused]))
        case .httpRequest(let request) where request.next != nil:
            branch("lookup", "answered", action.range, .outcome([.ok]))
            branch("lookup", "failed", action.range, .outcome([.failed]))
        default:
            break
        }
    }

    /// The lines of a step's statements, prompts inside menus and gathers included.
    private static func lines(of step: Step, in flow: Flow) -> [Int] {
        step.actions.flatMap { action -> [Action] in
            switch action.kind {
            case .menu(let menu): [action] + menu.prompts
            case .gather(let gather): [action] + gather.prompts
            default: [action]
            }
        }.map { flow.span($0.range).start.line }
    }
}
