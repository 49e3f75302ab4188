import IVRBundle
import IVRLang

/// How control leaves a step: the actions that run in straight line, and the edges to
/// the steps that can come next. Path rules and the graph views are built on this.
public struct StepExit: Sendable {
    /// Indices into the step's actions that run, in order, up to and including the one
    /// that ends the straight-line code (a menu, goto, hangup, …).
    public let reached: Range<Int>
    public let edges: [Edge]
    /// True when the call can fall off the end of the step (TeXML then hangs up).
    public let fallsOffEnd: Bool
}

public struct Edge: Sendable, Hashable {
    public enum Label: Sendable, Hashable, CustomStringConvertible {
        case key(String)
        case timeout
        case invalid
        case goto
        /// The dialled call ended unanswered, busy or failed.
        case dialFailed
        /// The caller left the queue (dequeued call ended, `leave`, queue full).
        case leftQueue
        /// Played to the caller waiting in a queue (`wait-url=STEP`); the step's own code
        /// runs on, so this edge can leave before the end of the straight-line code.
        case holdMusic
        case recorded
        case gathered
        /// `http-request`: the outside server answered with every field that has no default.
        case responded
        /// `http-request`: the request failed, or the answer lacked a field that has no default.
        case lookupFailed
        /// `hours NAME`: the branch taken while the schedule is open, or closed.
        case open(schedule: String)
        case closed(schedule: String)
        /// `branch {{NAME}}`: the line whose condition the value met (`status = active`).
        case decided(value: String, condition: ValueCondition)

        public var description: String {
            switch self {
            case .key(let keys): "press \(keys)"
            case .timeout: "timeout"
            case .invalid: "invalid"
            case .goto: "goto"
            case .dialFailed: "no answer"
            case .leftQueue: "left the queue"
            case .holdMusic: "waiting in the queue"
            case .recorded: "recorded"
            case .gathered: "gathered"
            case .responded: "answered by the server"
            case .lookupFailed: "lookup failed"
            case .open(let schedule): "\(schedule) open"
            case .closed(let schedule): "\(schedule) closed"
            case .decided(let value, let condition):
                switch condition {
                case .oneOf(let texts): "\(value) = \(texts.joined(separator: " or "))"
                case .empty: "\(value) empty"
                case .other: "\(value) other"
                case .above, .below, .between: "\(value) \(condition.spelling)"
                }
            }
        }

        /// Edges taken only after the caller pressed, said or recorded something.
        public var afterCallerInput: Bool {
            switch self {
            case .key, .invalid, .recorded, .gathered: true
            case .timeout, .goto, .dialFailed, .open, .closed, .decided, .leftQueue, .holdMusic, .responded, .lookupFailed: false
            }
        }
    }

    public let target: Int
    public let label: Label
    /// Index of the action the edge leaves from.
    public let action: Int
    public let range: SourceRange
    /// The language the call speaks from this edge on, when the edge chooses one
    /// (`on 2 language=es-MX -> main`).
    public var language: String?
}

extension Flow {
    public func exit(of stepIndex: Int) -> StepExit {
        let actions = steps[stepIndex].actions
        var edges: [Edge] = []
        for (index, action) in actions.enumerated() {
            func edge(_ target: Int?, _ label: Edge.Label, _ range: SourceRange, language: String? = nil) {
                if let target { edges.append(Edge(target: target, label: label, action: index, range: range, language: language)) }
            }
            switch action.kind {
            case .menu(let menu):
                for branch in menu.branches {
                    let label: Edge.Label = switch branch.key {
                    case .digits(let keys): .key(keys)
                    case .timeout: .timeout
                    case .invalid: .invalid
                    }
                    edge(branch.target, label, branch.range, language: branch.language)
                }
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: menu.branch(.timeout) == nil)
            case .hours(let hours):
                edge(hours.open, .open(schedule: hours.schedule), hours.openRange)
                edge(hours.closed, .closed(schedule: hours.schedule), hours.closedRange)
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .branch(let branch):
                for line in branch.cases {
                    edge(line.target, .decided(value: branch.value, condition: line.condition), line.range)
                }
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .goto(let target):
                edge(target, .goto, action.range)
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .gather(let gather) where gather.next != nil:
                edge(gather.next, .gathered, action.range)
                // A caller who enters nothing goes on without the value: to `on timeout`, or to `next`.
                if let timeout = gather.timeout {
                    edge(timeout.target, .timeout, timeout.range)
                } else {
                    edge(gather.next, .timeout, action.range)
                }
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .httpRequest(let request) where request.next != nil:
                edge(request.next, .responded, action.range)
                // A lookup can fail only where a field has no default: a failed request
                // and an answer without such a field both take `on failure` (or `next`).
                if request.canFail {
                    edge(request.afterFailure, .lookupFailed, request.failureRange ?? action.range)
                }
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .record(_, let next?):
                edge(next, .recorded, action.range)
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .dial(_, _, let next?):
                edge(next, .dialFailed, action.range)
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .enqueue(let enqueue):
                edge(enqueue.hold, .holdMusic, action.range)
                guard let next = enqueue.next else { continue }
                edge(next, .leftQueue, action.range)
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            case .redirect, .hangup, .reject:
                return StepExit(reached: 0..<(index + 1), edges: edges, fallsOffEnd: false)
            default:
                continue
            }
        }
        return StepExit(reached: 0..<actions.count, edges: edges, fallsOffEnd: true)
    }

    /// Steps reachable from the entry, in breadth-first order.
    public func reachableSteps() -> [Int] {
        guard !steps.isEmpty else { return [] }
        var seen: Set<Int> = [0]
        var order = [0]
        var cursor = 0
        while cursor < order.count {
            for edge in exit(of: order[cursor]).edges where seen.insert(edge.target).inserted {
                order.append(edge.target)
            }
            cursor += 1
        }
        return order
    }

    /// Where a call can begin: the entry, then every named step that nothing in the flow
    /// leads to, in source order. Such a step exists to be entered from outside (an hours
    /// service redirecting back in), so rules about what a caller hears start there too.
    public func entryPoints() -> [Int] {
        guard !steps.isEmpty else { return [] }
        var hasPredecessor = Array(repeating: false, count: steps.count)
        for index in steps.indices {
            for edge in exit(of: index).edges { hasPredecessor[edge.target] = true }
        }
        return [0] + steps.indices.dropFirst().filter { !hasPredecessor[$0] && !steps[$0].isAnonymous }
    }
}
