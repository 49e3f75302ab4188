import IVRBundle
import IVRCheck
import IVRLang

/// Reads the generic statements of a `test` block (docs/language.md, Tests) into events and
/// expectations.
/// Every malformed line is reported, with where it is and what was expected.
public enum FlowTestParser {
    public static func parse(_ flow: Flow) -> (tests: [FlowTest], diagnostics: [Diagnostic]) {
        var parser = State(flow: flow)
        let tests = flow.tests.compactMap { parser.parse($0) }
        return (tests, parser.diagnostics)
    }

    static let expectKinds = ["say", "dial", "record", "step", "hangup"]

    private struct State {
        let flow: Flow
        var diagnostics: [Diagnostic] = []

        mutating func parse(_ test: TestDecl) -> FlowTest? {
            let before = diagnostics.count
            var lines: [FlowTest.Line] = []
            if test.body.isEmpty {
                report("a test needs caller events and expectations", test.range,
                       help: "add lines such as `press 9` and `expect dial +1-555-010-0911`")
            }
            var moment: CallMoment?
            var caller: String?
            for statement in test.body {
                if statement.keyword.text == "at" {
                    if moment != nil { report("this test already says when the call happens", statement.range) }
                    moment = self.moment(statement)
                } else if statement.keyword.text == "from" {
                    if caller != nil { report("this test already says who calls", statement.range) }
                    caller = self.caller(statement)
                } else if let line = line(statement) {
                    lines.append(line)
                }
            }
            guard diagnostics.count == before else { return nil }
            return FlowTest(flow: flow.name, description: test.description, lines: lines, span: flow.span(test.range),
                            moment: moment, caller: caller)
        }

        /// `from +1-555-010-0123`: the caller's number, normalised as the flow's own is.
        private mutating func caller(_ statement: Statement) -> String? {
            guard statement.arguments.count == 1, statement.options.isEmpty, statement.target == nil,
                  case .phone(let number) = statement.arguments[0].kind else {
                report("`from` needs the caller's phone number", statement.range,
                       help: "write `from +1-555-010-0123` (the number {{From}} stands for in this test)")
                return nil
            }
            return number
        }

        /// `at 2026-12-25 09:00`, wall-clock time where the line is.
        private mutating func moment(_ statement: Statement) -> CallMoment? {
            let written = statement.arguments.map(\.text).joined(separator: " ")
            guard statement.options.isEmpty, statement.target == nil, let moment = CallMoment.parse(written) else {
                report("`at` needs the date and time of the call", statement.range,
                       help: "write `at 2026-12-25 09:00` (local time of the line; the date must exist)")
                return nil
            }
            if let skipped = flow.schedules.first(where: { !$0.schedule.exists(moment) }) {
                report("\(written) does not exist in \(skipped.schedule.timeZone) (schedule `\(skipped.name)`): the clocks skip it", statement.range,
                       help: "write a time that exists there, e.g. an hour later, or an instant such as `at 2026-03-08T08:30:00Z`")
                return nil
            }
            return moment
        }

        private mutating func line(_ statement: Statement) -> FlowTest.Line? {
            let keyword = statement.keyword.text
            // `respond with eta="12"`: an answer's fields are written as options.
            if let extra = statement.options.first, keyword != "respond" {
                report("`\(keyword)` in a test takes no options", extra.range)
                return nil
            }
            if let target = statement.target {
                report("`->` has no meaning in a test", target.range)
                return nil
            }
            if let child = statement.children.first {
                report("a test line holds no indented block", child.range)
                return nil
            }
            let arguments = statement.arguments
            if keyword == "expect" { return expectation(statement) }
            if let bare = CallerEvent.bareKeywords[keyword] {
                guard arguments.isEmpty else {
                    report("`\(keyword)` takes no argument", arguments[0].range)
                    return nil
                }
                return .event(bare, flow.span(statement.range))
            }
            switch keyword {
            case "press":
                guard arguments.count == 1, let keys = keys(arguments[0]), CallerEvent.isDTMF(keys) else {
                    report("`press` needs the keys pressed", statement.range,
                           help: "write `press 9`, `press 123` or `press \"*\"` (keys 0-9, * and #)")
                    return nil
                }
                return .event(.press(keys), flow.span(statement.range))
            case "respond":
                return respond(statement)
            case "speak":
                guard arguments.count == 1, case .string(let phrase) = arguments[0].kind else {
                    report("`speak` needs the quoted phrase the caller says", statement.range,
                           help: "write `speak \"billing\"`")
                    return nil
                }
                return .event(.speak(phrase), flow.span(statement.range))
            default:
                let known = CallerEvent.keywords + ["respond", "expect"]
                let hint = Spelling.nearest(keyword, in: known).map { "did you mean `\($0)`? " } ?? ""
                report("`\(keyword)` is not a test event or expectation", statement.keyword.range,
                       help: "\(hint)a test holds events (\(CallerEvent.keywords.joined(separator: ", "))) and `expect` lines")
                return nil
            }
        }

        /// `respond with eta="12" driver="Ann"`: what the server an `http-request` asks answers;
        /// `respond failed`: the request fails.
        private mutating func respond(_ statement: Statement) -> FlowTest.Line? {
            if statement.arguments.count == 1, case .word("failed") = statement.arguments[0].kind, statement.options.isEmpty {
                return .event(.lookupFailed, flow.span(statement.range))
            }
            var fields: [String: String] = [:]
            for option in statement.options {
                guard let value = option.value else { continue }
                fields[option.name.text] = value.text
            }
            guard statement.arguments.count == 1, case .word("with") = statement.arguments[0].kind,
                  statement.options.allSatisfy({ $0.value != nil }) else {
                report("`respond` needs the fields of the answer", statement.range,
                       help: "write `respond with eta=\"12\"`: each field the `http-request` reads, with its value; or `respond failed` for a request that fails")
                return nil
            }
            return .event(.respond(fields), flow.span(statement.range))
        }

        /// `press 09` keeps its leading zero: the keys are taken as written, not as a number.
        private func keys(_ value: Value) -> String? {
            switch value.kind {
            case .integer:
                let bytes = flow.source.bytes[value.range.start..<value.range.end]
                return String(decoding: bytes, as: UTF8.self)
            case .string(let text), .word(let text): return text
            default: return nil
            }
        }

        /// `expect KIND …`, or `expect no KIND …`: the same forms, negated.
        private mutating func expectation(_ statement: Statement) -> FlowTest.Line? {
            var arguments = statement.arguments
            var negated = false
            if let first = arguments.first, case .word("no") = first.kind {
                negated = true
                arguments.removeFirst()
            }
            guard let line = positiveExpectation(statement, arguments) else { return nil }
            guard negated, case .expect(let expectation, let span) = line else { return line }
            return .expectNone(expectation, span)
        }

        private mutating func positiveExpectation(_ statement: Statement, _ arguments: [Value]) -> FlowTest.Line? {
            guard let first = arguments.first, case .word(let kind) = first.kind,
                  FlowTestParser.expectKinds.contains(kind) else {
                let written = arguments.first?.text ?? ""
                let hint = Spelling.nearest(written, in: FlowTestParser.expectKinds).map { "did you mean `expect \($0)`? " } ?? ""
                report("`expect` needs what to expect", arguments.first?.range ?? statement.range,
                       help: "\(hint)write `expect say \"text\"`, `expect dial TARGET`, `expect record`, `expect step NAME` or `expect hangup`, or `expect no …` for what must not happen")
                return nil
            }
            let rest = Array(arguments.dropFirst())
            let range = flow.span(statement.range)
            switch kind {
            case "say":
                guard rest.count == 1, case .string(let text) = rest[0].kind else {
                    report("`expect say` needs the quoted text (or part of it)", statement.range, help: "write `expect say \"being recorded\"`")
                    return nil
                }
                return .expect(.say(text), range)
            case "dial":
                if rest.count == 1 {
                    switch rest[0].kind {
                    case .phone(let number): return .expect(.dial(number), range)
                    case .sipURI(let uri): return .expect(.dial(uri), range)
                    default: break
                    }
                }
                if rest.count == 2, case .word(let noun) = rest[0].kind, noun == "queue" || noun == "conference" {
                    return .expect(.dial("\(noun) \(rest[1].text)"), range)
                }
                report("`expect dial` needs a phone number, SIP URI, `queue NAME` or `conference NAME`", statement.range,
                       help: "write `expect dial +1-555-010-0911` or `expect dial sip:desk@example.com`")
                return nil
            case "step":
                guard rest.count == 1, case .word(let name) = rest[0].kind else {
                    report("`expect step` needs a step name", statement.range, help: "write `expect step front_desk`")
                    return nil
                }
                guard flow.index(of: name) != nil else {
                    let hint = Spelling.nearest(name, in: flow.steps.map(\.name)).map { "did you mean `\($0)`?" }
                    report("flow `\(flow.name)` has no step `\(name)`", rest[0].range, help: hint)
                    return nil
                }
                return .expect(.step(name), range)
            default:
                guard rest.isEmpty else {
                    report("`expect \(kind)` takes nothing more", rest[0].range)
                    return nil
                }
                return .expect(kind == "record" ? .record : .hangup, range)
            }
        }

        private mutating func report(_ message: String, _ range: SourceRange, help: String? = nil) {
            diagnostics.append(.error(.testSyntax, message, at: flow.span(range), help: help))
        }
    }
}
