import IVRLang

/// Copies every module a flow uses (`use fleet_emergency dispatch=+1-…`) into the flow,
/// before resolution, as `NAME.STEP` steps with the parameters filled in: every rule is then
/// proved on each flow as it will run, and a finding inside a module carries a note naming
/// the flow and the values that led there (`ExpandedSource.attributed`).
///
/// Modules are closed: inside one, a step name is one of its own steps (or, qualified, a step
/// of a module it uses); a flow's step is reached only through a `step` parameter.
public enum ModuleExpansion {
    public struct Output: Sendable {
        /// The files with every flow's module copies appended to its steps.
        public let files: [ParsedFile]
        public let diagnostics: [Diagnostic]
        /// Every copy by its base, for `ExpandedSource.attributed`.
        public let regions: [Int: ExpandedSource.Region]
    }

    public static func apply(_ files: [ParsedFile]) -> Output {
        var expander = ModuleExpander(files)
        let expanded = files.map { file in
            var file = file
            file.flows = file.flows.map { expander.expand($0, in: file.source) }
            return file
        }
        var seen: Set<Diagnostic> = []
        let diagnostics = expander.diagnostics.filter { seen.insert($0).inserted }
        return Output(files: expanded, diagnostics: diagnostics, regions: expander.regions)
    }
}

/// A module as written, read once.
private struct ModuleDefinition {
    let declaration: ModuleDecl
    let source: SourceFile
    let parameters: [ModuleParameter]
    let uses: [ModuleUse]
}

/// Where a `use` is written: a flow, or a module copied into one.
private struct UseScope {
    let source: SourceFile
    /// "flow `acme`", "module `fleet_emergency`".
    let description: String
    /// Prefix of the steps copied here: empty in a flow, the copy's name in a module.
    let qualifier: String
    /// The module's parameter values; nil in a flow, where `param.NAME` means nothing.
    let values: [String: Value]?
    let stepNames: Set<String>
    let notes: [Diagnostic.Note]
    /// How many `use`s deep this scope is: 0 in a flow.
    let depth: Int
}

private struct ModuleExpander {
    /// Modules using each other twice at every level copy exponentially many steps, and each
    /// level is a stack frame: past these the expansion stops with an error, not a hang or crash.
    /// A flow of 20,000 steps is far beyond any real line; a million in all still checks in seconds.
    static let flowStepLimit = 20_000
    static let stepLimit = 1_000_000
    static let depthLimit = 16

    var definitions: [String: ModuleDefinition] = [:]
    /// Modules on a cycle of uses (reported once); they are not expanded.
    var cyclic: Set<String> = []
    var diagnostics: [Diagnostic] = []
    var regions: [Int: ExpandedSource.Region] = [:]
    /// Steps copied so far, in every flow, against `stepLimit`.
    var copiedSteps = 0
    /// Steps copied into the flow being expanded, against `flowStepLimit`.
    var copiedIntoFlow = 0
    /// Set once a limit was reported: nothing more is copied anywhere.
    var stopped = false

    init(_ files: [ParsedFile]) {
        for file in files {
            for module in file.modules {
                if let first = definitions[module.name.text] {
                    diagnostics.append(.error(
                        .duplicateModule, "a module named `\(module.name.text)` is already defined",
                        at: file.source.span(module.name.range.start, module.name.range.end), help: "give each module its own name",
                        notes: [.init("first defined here", at: first.source.span(first.declaration.name.range.start, first.declaration.name.range.end))]))
                    continue
                }
                definitions[module.name.text] = define(module, in: file.source)
            }
        }
        reportCycles()
    }

    // MARK: Definitions

    private mutating func define(_ module: ModuleDecl, in source: SourceFile) -> ModuleDefinition {
        var parameters: [ModuleParameter] = []
        for line in module.params {
            guard let parameter = ModuleParameter.read(line, in: source, report: { diagnostics.append($0) }) else { continue }
            if let first = parameters.first(where: { $0.name.text == parameter.name.text }) {
                diagnostics.append(.error(
                    .duplicateParam, "parameter `\(parameter.name.text)` is declared twice in module `\(module.name.text)`",
                    at: source.span(parameter.name.range.start, parameter.name.range.end), help: "keep one of them",
                    notes: [.init("first declared here", at: source.span(first.name.range.start, first.name.range.end))]))
                continue
            }
            parameters.append(parameter)
        }
        let uses = module.uses.compactMap { ModuleUse.read($0, in: source, report: { diagnostics.append($0) }) }
        // Names written on `param` lines that did not read still count, so one mistake is reported once.
        let declared = Set(module.params.compactMap { $0.arguments.first?.text })
        var collector = ModuleCopy(base: 0, qualifier: "", values: [:])
        for step in module.steps { _ = collector.step(step) }
        // `use OTHER x=param.y` lines are read like the statements of a step.
        _ = collector.statement(Statement(keyword: module.name, children: module.uses, range: module.range))
        for reference in collector.references {
            let range = reference.name.range
            if !declared.contains(reference.name.text) {
                let hint = Spelling.nearest(reference.name.text, in: declared.sorted()).map { "did you mean `param.\($0)`? " } ?? ""
                diagnostics.append(.error(
                    .undefinedParam, "module `\(module.name.text)` has no parameter `\(reference.name.text)`",
                    at: source.span(range.start, range.end),
                    help: "\(hint)declare it under `module \(module.name.text)`: `param \(reference.name.text) TYPE`"))
            } else if reference.isStep, let kind = parameters.first(where: { $0.name.text == reference.name.text })?.kind, kind != .step {
                diagnostics.append(.error(
                    .invalidParam, "`param.\(reference.name.text)` stands where a step name does, but it is declared `\(kind.rawValue)`",
                    at: source.span(range.start, range.end), help: "declare it `param \(reference.name.text) step` to take a step of the flow"))
            }
        }
        return ModuleDefinition(declaration: module, source: source, parameters: parameters, uses: uses)
    }

    /// Modules that use each other in a circle would expand forever: each cycle is reported
    /// once, at the `use` that closes it, and its modules are left out.
    private mutating func reportCycles() {
        let names = definitions.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        let cycles = Cycles.find(nodes: Array(names.indices)) { node in
            definitions[names[node]]?.uses.compactMap { index[$0.module.text] } ?? []
        }
        for cycle in cycles {
            let members = cycle.map { names[$0] }
            cyclic.formUnion(members)
            guard let definition = definitions[members[members.count - 1]],
                  let closing = definition.uses.first(where: { $0.module.text == members[0] }) else { continue }
            let range = closing.statement.range
            diagnostics.append(.error(
                .moduleCycle, "modules use each other in a cycle: \((members + [members[0]]).joined(separator: " -> "))",
                at: definition.source.span(range.start, range.end),
                help: "a module cannot take itself in, directly or through others; move the shared steps into a module of their own"))
        }
    }

    // MARK: Expansion

    mutating func expand(_ flow: FlowDecl, in source: SourceFile) -> FlowDecl {
        var collector = ModuleCopy(base: 0, qualifier: "", values: [:])
        for step in flow.steps { _ = collector.step(step) }
        for reference in collector.references {
            outsideModule(reference.name, in: source, "flow `\(flow.name.text)`")
        }
        let scope = UseScope(source: source, description: "flow `\(flow.name.text)`", qualifier: "", values: nil,
                             stepNames: Set(flow.steps.map(\.name.text)), notes: [], depth: 0)
        var flow = flow
        copiedIntoFlow = 0
        var steps: [StepDecl] = []
        var regions: [ExpandedSource.Region] = []
        let uses = flow.uses.compactMap { ModuleUse.read($0, in: source, report: { diagnostics.append($0) }) }
        expand(uses, in: scope, steps: &steps, regions: &regions)
        flow.steps += steps
        flow.regions = regions
        return flow
    }

    private mutating func outsideModule(_ name: Name, in source: SourceFile, _ place: String) {
        diagnostics.append(.error(
            .undefinedParam, "`param.\(name.text)` is a module parameter, and \(place) is not a module",
            at: source.span(name.range.start, name.range.end),
            help: "write the value itself here; `param.NAME` is used inside a `module`, and a flow gives it with `use MODULE \(name.text)=VALUE`"))
    }

    private mutating func expand(_ uses: [ModuleUse], in scope: UseScope, steps: inout [StepDecl], regions: inout [ExpandedSource.Region]) {
        var taken: [String: Name] = [:]
        for use in uses {
            let name = use.name
            if scope.stepNames.contains(name.text) {
                error(.moduleNameClash, "`\(name.text)` is already a step of \(scope.description), so `\(name.text).STEP` would be ambiguous",
                      name.range, in: scope, help: "rename the step, or take the module in under another name: `use \(use.module.text) as OTHER_NAME`")
                continue
            }
            if let first = taken[name.text] {
                error(.moduleNameClash, "\(scope.description) already uses a module named `\(name.text)`", name.range, in: scope,
                      help: "take the second in under another name: `use \(use.module.text) as OTHER_NAME`",
                      notes: [.init("first used here", at: scope.source.span(first.range.start, first.range.end))])
                continue
            }
            taken[name.text] = name
            expand(use, in: scope, steps: &steps, regions: &regions)
        }
    }

    private mutating func expand(_ use: ModuleUse, in scope: UseScope, steps: inout [StepDecl], regions: inout [ExpandedSource.Region]) {
        guard let definition = definitions[use.module.text] else {
            let names = definitions.keys.sorted()
            let hint = Spelling.nearest(use.module.text, in: names).map { "did you mean `\($0)`? " }
                ?? (names.isEmpty ? "no module is defined in the files checked; " : "the modules are: \(names.joined(separator: ", ")); ")
            error(.undefinedModule, "there is no module named `\(use.module.text)`", use.module.range, in: scope,
                  help: "\(hint)a module is written `module NAME` in any file checked together with this one")
            return
        }
        guard !cyclic.contains(use.module.text) else { return }
        guard !stopped else { return }
        let cost = definition.declaration.steps.count + 1
        let exceeded = scope.depth >= Self.depthLimit ? "modules more than \(Self.depthLimit) uses deep"
            : copiedIntoFlow + cost > Self.flowStepLimit ? "more than \(Self.flowStepLimit) module steps into one flow"
            : copiedSteps + cost > Self.stepLimit ? "more than \(Self.stepLimit) module steps in all" : nil
        if let exceeded {
            error(.moduleLimit, "taking in `\(use.module.text)` here would copy \(exceeded)", use.module.range, in: scope,
                  help: "modules that use each other several times at every level multiply; write the shared steps once, in fewer layers")
            stopped = true
            return
        }
        copiedSteps += cost
        copiedIntoFlow += cost
        let qualifier = scope.qualifier.isEmpty ? use.name.text : scope.qualifier + "." + use.name.text
        guard let values = arguments(of: use, for: definition, in: scope, qualifier: qualifier) else { return }
        let base = (self.regions.count + 1) * ExpandedSource.regionStride
        let range = use.arguments.reduce(use.statement.range) { $0.through($1.range) }
        let note = Diagnostic.Note("in \(scope.description), which uses \(describe(use, definition, values))",
                                   at: scope.source.span(range.start, range.end))
        let region = ExpandedSource.Region(base: base, file: definition.source, notes: [note] + scope.notes)
        regions.append(region)
        self.regions[base] = region
        var copy = ModuleCopy(base: base, qualifier: qualifier, values: values)
        steps += definition.declaration.steps.map { copy.step($0) }
        for (written, filled) in copy.unreadableAddresses {
            diagnostics.append(.error(
                .invalidParam, "`\(written.text)` filled is `\(filled)`, which is not one \(written.addressNoun)",
                at: definition.source.span(written.range.start, written.range.end),
                help: Value.filledAddressHelp, notes: region.notes))
        }
        let inner = UseScope(source: definition.source, description: "module `\(use.module.text)`", qualifier: qualifier, values: values,
                             stepNames: Set(definition.declaration.steps.map(\.name.text)), notes: region.notes, depth: scope.depth + 1)
        expand(definition.uses, in: inner, steps: &steps, regions: &regions)
    }

    /// The value of every parameter for one use; nil (after reporting why) when one is
    /// unknown, given twice, missing or of the wrong type.
    private mutating func arguments(of use: ModuleUse, for definition: ModuleDefinition, in scope: UseScope,
                                    qualifier: String) -> [String: Value]? {
        let module = use.module.text
        var values: [String: Value] = [:]
        var given: [String: StatementOption] = [:]
        var complete = true
        for option in use.arguments {
            guard let written = option.value else { continue }
            let name = option.name.text
            guard let parameter = definition.parameters.first(where: { $0.name.text == name }) else {
                let names = definition.parameters.map(\.name.text)
                let hint = Spelling.nearest(name, in: names).map { "did you mean `\($0)`? " } ?? ""
                error(.undefinedParam, "module `\(module)` has no parameter `\(name)`", option.name.range, in: scope,
                      help: hint + (names.isEmpty ? "it takes no parameters" : "its parameters are \(names.joined(separator: ", "))"))
                complete = false
                continue
            }
            if let first = given[name] {
                error(.duplicateParam, "parameter `\(name)` is given twice", option.range, in: scope, help: "keep one of them",
                      notes: [.init("first given here", at: scope.source.span(first.range.start, first.range.end))])
                complete = false
                continue
            }
            given[name] = option
            guard let value = value(written, for: parameter, in: scope) else {
                complete = false
                continue
            }
            values[name] = value
        }
        for parameter in definition.parameters where given[parameter.name.text] == nil {
            if let fallback = parameter.defaultValue {
                values[parameter.name.text] = parameter.kind == .step ? Value(.word(qualifier + "." + fallback.text), fallback.range) : fallback
                continue
            }
            let kind = parameter.kind.map { " (\($0.noun))" } ?? ""
            error(.missingParam, "module `\(module)` needs a value for `\(parameter.name.text)`\(kind)", use.module.range, in: scope,
                  help: "add `\(parameter.name.text)=VALUE` to this `use` line")
            complete = false
        }
        return complete ? values : nil
    }

    /// A written argument as the module will see it: `param.NAME` of the enclosing module
    /// replaced by its value, a step name qualified in the module that names it.
    private mutating func value(_ written: Value, for parameter: ModuleParameter, in scope: UseScope) -> Value? {
        var value = written
        // An `env.NAME` still here had no value (no environment, or no such key): reported once, there.
        if case .word(let word) = written.kind, word.hasPrefix(EnvironmentSubstitution.prefix) { return nil }
        if case .word(let word) = written.kind, word.hasPrefix(ModuleCopy.prefix) {
            let name = String(word.dropFirst(ModuleCopy.prefix.count))
            guard let values = scope.values else {
                outsideModule(Name(name, written.range), in: scope.source, scope.description)
                return nil
            }
            // An undeclared name was reported where the module is written.
            guard let outer = values[name] else { return nil }
            value = Value(outer.kind, written.range)
        } else if parameter.kind == .step, !scope.qualifier.isEmpty, case .word(let word) = written.kind {
            value = Value(.word(scope.qualifier + "." + word), written.range)
        }
        if !parameter.accepts(value), let kind = parameter.kind {
            error(.invalidParam, "`\(parameter.name.text)` must be \(kind.noun), not `\(scope.source.text(written.range))`",
                  written.range, in: scope, help: "give \(kind.noun) here")
            return nil
        }
        return value
    }

    /// `module `fleet_emergency` as `emergency` with dispatch=+15550100911, company="Acme"`.
    private func describe(_ use: ModuleUse, _ definition: ModuleDefinition, _ values: [String: Value]) -> String {
        let alias = use.name.text == use.module.text ? "" : " as `\(use.name.text)`"
        let given = Set(use.arguments.map(\.name.text))
        let shown = definition.parameters.compactMap { parameter -> String? in
            guard let value = values[parameter.name.text] else { return nil }
            let text = if case .string(let string) = value.kind { StringLiteral.quote(string) } else { value.text }
            return "\(parameter.name.text)=\(text)" + (given.contains(parameter.name.text) ? "" : " (default)")
        }
        return "module `\(use.module.text)`\(alias)" + (shown.isEmpty ? "" : " with " + shown.joined(separator: ", "))
    }

    /// A problem with a `use` line, with the uses that led to it when it is inside a module.
    private mutating func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, in scope: UseScope, help: String,
                                notes: [Diagnostic.Note] = []) {
        diagnostics.append(.error(id, message, at: scope.source.span(range.start, range.end), help: help, notes: notes + scope.notes))
    }
}
