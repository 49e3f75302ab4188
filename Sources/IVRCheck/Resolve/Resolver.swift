import IVRBundle
import IVRLang

/// Binds parsed files into a `FlowGraph`: settings read, steps named and numbered,
/// statements typed, options checked against the TeXML vocabulary, step names resolved.
/// Everything wrong along the way becomes a diagnostic; what can be kept is kept.
public struct Resolver {
    public struct Output: Sendable {
        public let graph: FlowGraph
        public let diagnostics: [Diagnostic]
        /// Which of the flows joined the graph, by position (a flow whose name was taken did not).
        public let joined: [Int]
    }

    /// One flow declaration resolved on its own: all it needs is the declaration and its file.
    public struct FlowResolution: Sendable {
        public let flow: Flow
        public let diagnostics: [Diagnostic]
    }

    public static func resolve(_ files: [ParsedFile]) -> Output {
        join(files.flatMap { file in file.flows.map { resolve($0, in: file.source) } }, sources: files.map(\.source))
    }

    public static func resolve(_ declaration: FlowDecl, in source: SourceFile) -> FlowResolution {
        var resolver = FlowResolver(declaration: declaration, source: source)
        let flow = resolver.resolve()
        return FlowResolution(flow: flow, diagnostics: resolver.diagnostics)
    }

    /// The flows, in order, as one graph; a flow named like an earlier one is an error and left out.
    public static func join(_ resolutions: [FlowResolution], sources: [SourceFile]) -> Output {
        var diagnostics: [Diagnostic] = []
        var flows: [Flow] = []
        var joined: [Int] = []
        var firstFlow: [String: (Flow, SourceRange)] = [:]
        for (index, resolution) in resolutions.enumerated() {
            let flow = resolution.flow
            diagnostics += resolution.diagnostics
            if let (previous, range) = firstFlow[flow.name] {
                diagnostics.append(.error(
                    .duplicateFlow, "a flow named `\(flow.name)` is already defined",
                    at: flow.span(flow.nameRange), help: "give each flow its own name",
                    notes: [.init("first defined here", at: previous.span(range))]))
                continue
            }
            firstFlow[flow.name] = (flow, flow.nameRange)
            flows.append(flow)
            joined.append(index)
        }
        return Output(graph: FlowGraph(flows: flows, sources: sources), diagnostics: diagnostics, joined: joined)
    }
}

/// Resolves one flow declaration.
struct FlowResolver {
    let declaration: FlowDecl
    /// The flow's file and the module code copied into it.
    let source: ExpandedSource
    var diagnostics: [Diagnostic] = []
    /// Named steps first (their indices are fixed up front so references resolve), then
    /// anonymous branch blocks appended as they are met.
    var steps: [Step] = []
    var stepIndex: [String: Int] = [:]
    /// Names of the flow's schedules, for `hours NAME`.
    var schedules: [String] = []
    /// The flow's `on KEY -> STEP` lines, added to every menu.
    var flowKeys: [Branch] = []
    /// The flow's `languages`, the first the one a call starts in; empty when it declares none.
    var languages: [String] = []
    /// The flow's `dial-prefixes`: the bound of every value dial without its own `allow=`.
    var dialPrefixes: [String] = []
    /// Where the flow's `dial-prefixes` is written, for a dial that contradicts it.
    var dialPrefixesRange: SourceRange?

    init(declaration: FlowDecl, source: SourceFile) {
        self.declaration = declaration
        self.source = ExpandedSource(file: source, regions: declaration.regions)
    }

    mutating func resolve() -> Flow {
        var flow = Flow(
            name: declaration.name.text, nameRange: declaration.name.range, source: source.file,
            number: nil, numberRange: nil, industry: .general, voice: nil, language: nil, baseURL: nil,
            recordingStatusCallback: nil, retention: nil,
            steps: [], tests: declaration.tests)
        flow.regions = source.regions
        readSettings(into: &flow)
        resolveLanguages(into: &flow)
        flow.schedules = resolveSchedules()
        schedules = declaration.schedules.compactMap { $0.arguments.first?.text }
        checkLength(of: declaration.name, what: "flow")
        for step in declaration.steps {
            checkLength(of: step.name, what: "step")
            if let first = stepIndex[step.name.text] {
                error(.duplicateStep, "step `\(step.name.text)` is defined twice", step.name.range,
                      help: "rename one of them; step names are unique within a flow",
                      notes: [.init("first defined here", at: span(steps[first].range))])
                continue
            }
            stepIndex[step.name.text] = steps.count
            steps.append(Step(name: step.name.text, range: step.name.range, isEmergency: step.emergency != nil,
                              isAnonymous: false, actions: []))
        }
        let emergencies = declaration.steps.filter { $0.emergency != nil }
        for extra in emergencies.dropFirst() {
            error(.duplicateEmergency, "flow `\(flow.name)` already has an emergency step", extra.emergency!,
                  help: "mark a single step `emergency`; menus route to it with one key",
                  notes: [.init("the first emergency step", at: span(emergencies[0].name.range))])
        }
        flowKeys = resolveFlowKeys(declaration.keys)
        for step in declaration.steps {
            guard let index = stepIndex[step.name.text], steps[index].range == step.name.range else { continue }
            steps[index].actions = resolveBlock(step.body, in: step.name.text)
        }
        flow.steps = steps
        return flow
    }

    private mutating func readSettings(into flow: inout Flow) {
        for setting in declaration.settings {
            guard let value = setting.value else { continue }
            switch setting.name.text {
            case "number":
                guard case .phone(let number) = value.kind else {
                    error(.syntax, "`number` must be a phone number", value.range,
                          help: "write it in international form: `number +1-800-555-0157`")
                    continue
                }
                flow.number = number
                flow.numberRange = value.range
            case "industry":
                guard let industry = Industry(rawValue: value.text) else {
                    let names = Industry.allCases.map(\.rawValue)
                    let hint = Spelling.nearest(value.text, in: names).map { "did you mean `\($0)`? " } ?? ""
                    error(.invalidSetting, "`\(value.text)` is not an industry", value.range,
                          help: "\(hint)industries are \(names.joined(separator: ", "))")
                    continue
                }
                flow.industry = industry
            case "voice", "language":
                // Written on every <Say>, so a value the schema refuses must stop here.
                let name = setting.name.text
                if let problem = OptionBinder.vocabulary.element(named: "Say")?.attribute(named: name)?.kind.validate(value.text) {
                    error(.invalidSetting, "`\(name) \(source.text(value.range))` is not a valid <Say> \(name): \(problem)",
                          value.range, help: "write it as `\(name) \(Parser.settingExample(name))`")
                    continue
                }
                if name == "voice" { flow.voice = value.text } else { flow.language = value.text }
            case "languages":
                continue
            case "retention":
                guard let retention = RecordingRetention(spelling: value.text) else {
                    error(.invalidSetting, "`\(value.text)` is not a retention", value.range,
                          help: "write a whole number of years, months or days: `retention 7y`, `retention 18mo`, `retention 90d`")
                    continue
                }
                flow.retention = retention
            case "daily-call-target":
                guard let target = Self.dailyCallTarget(value.text) else {
                    error(.invalidSetting, "`\(value.text)` is not a daily call target", value.range,
                          help: "write the calls a day the line should take, a whole number from 1 to \(Self.maxDailyCallTarget): "
                              + "`daily-call-target 120`; leave it out for the industry's (healthcare 100, fleet 50)")
                    continue
                }
                flow.dailyCallTarget = target
            case "recording-status-callback" where value.text == Flow.servedRecordings:
                flow.recordingStatusCallback = Flow.servedRecordings
            case "dial-prefixes":
                dialPrefixes = setting.values.filter { checkDialPrefix($0, writtenIn: "`dial-prefixes`", id: .invalidSetting) }.map(\.text)
                flow.dialPrefixes = dialPrefixes
                dialPrefixesRange = setting.range
            default:
                let name = setting.name.text
                guard case .url(let url) = value.kind else {
                    let served = name == "recording-status-callback" ? " or `serve`" : ""
                    error(.invalidSetting, "`\(name)` must be an http(s) URL\(served)", value.range,
                          help: "write it as `\(name) \(Parser.settingExample(name))`")
                    continue
                }
                if name == "base-url" { flow.baseURL = url } else { flow.recordingStatusCallback = url }
            }
        }
        if flow.number == nil {
            error(.missingNumber, "flow `\(flow.name)` does not say which number it answers", declaration.name.range,
                  help: "add `number +1-…` under `flow \(flow.name)`")
        }
    }

    /// A daily call target over this is a typo (a busy contact centre line takes thousands).
    static let maxDailyCallTarget = 100_000

    /// `daily-call-target`'s value: ASCII digits only, 1 to `maxDailyCallTarget`.
    static func dailyCallTarget(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 6, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let target = Int(text), (1...maxDailyCallTarget).contains(target) else { return nil }
        return target
    }

    // MARK: Helpers shared by the statement resolvers

    /// Whether `value` is an E.164 prefix (`+1`, `+44`, `+1876`), reporting it if not.
    /// Dashes are allowed, as in any written number (`+1-876`).
    mutating func checkDialPrefix(_ value: Value, writtenIn place: String, id: DiagnosticID = .invalidOption) -> Bool {
        let text = value.text.replacingOccurrences(of: "-", with: "")
        if case .phone = value.kind, DialPrefix.isValid(text) { return true }
        let problem = text.isEmpty ? "an empty prefix" : !text.hasPrefix("+") ? "`\(text)` has no `+`"
            : text.count == 1 ? "`+` alone is no prefix" : "`\(text)` is not `+` and a country code's digits"
        error(id, "\(problem) in \(place): a prefix is `+`, a first digit 1–9, at most 15 digits", value.range,
              help: "write E.164 prefixes, e.g. `+1` (North America) or `+44` (UK): `allow=+1,+44`, `dial-prefixes +1 +44`")
        return false
    }

    func span(_ range: SourceRange) -> SourceSpan { source.span(range.start, range.end) }

    mutating func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, help: String? = nil,
                        notes: [Diagnostic.Note] = [], fixIts: [FixIt] = []) {
        diagnostics.append(.error(id, message, at: span(range), help: help, notes: notes, fixIts: fixIts))
    }

    /// "did you mean `nearest`": the fix that writes it instead of what is at `range`.
    func replacing(_ range: SourceRange, with nearest: String?) -> [FixIt] {
        nearest.map { [.replace(span(range), with: $0)] } ?? []
    }

    /// The step a written name refers to, reporting `undefined-step` with a suggestion.
    mutating func lookup(_ name: Name) -> Int? {
        if let index = stepIndex[name.text] { return index }
        let named = declaration.steps.map(\.name.text)
        let prefix = name.text.split(separator: ".").first.map(String.init) ?? name.text
        let uses = Set(named.filter { $0.contains(".") }.compactMap { $0.split(separator: ".").first.map(String.init) })
        let nearest = Spelling.nearest(name.text, in: named)
        let hint = nearest.map { "did you mean `\($0)`?" }
            // `m.step` names a module's step: the flow has to take the module in first.
            ?? (name.text.contains(".") && !uses.contains(prefix)
                ? "`\(prefix).…` names a step of a module this flow does not use; add `use \(prefix) …` (or `use MODULE as \(prefix) …`) to the flow"
                : nil)
            ?? "the steps of this flow are: \(named.joined(separator: ", "))"
        error(.undefinedStep, "there is no step named `\(name.text)`", name.range, help: hint,
              fixIts: replacing(name.range, with: nearest))
        return nil
    }

    /// Registers an anonymous step for a branch block and resolves its statements.
    mutating func anonymousStep(named name: String, _ body: [Statement], at range: SourceRange) -> Int {
        checkDerivedLength(of: name, at: range)
        let index = steps.count
        steps.append(Step(name: name, range: range, isEmergency: false, isAnonymous: true, actions: []))
        steps[index].actions = resolveBlock(body, in: name)
        return index
    }
}
