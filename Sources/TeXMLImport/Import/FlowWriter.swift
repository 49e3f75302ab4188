import IVRCheck
import IVRLang
import TeXMLSchema

/// Writes the `.ivr` text of one imported flow. Steps are written in the order the call can
/// reach them from the entry (breadth first), then any given document nothing links to.
struct FlowWriter {
    let documents: [String: ParsedTeXML]
    let order: [String]
    let entry: String
    let options: TeXMLImporter.Options
    let links: DocumentLinks
    /// The flow-wide `voice`/`language`, when every `<Say>` has the same one.
    let voice: String?
    let language: String?

    var warnings: [Diagnostic] = []
    var lines: [String] = []
    private(set) var stepNames: [String: String] = [:]
    private var usedNames: Set<String> = []
    private var queue: [String] = []
    private var written: Set<String> = []
    /// Replay documents folded into a menu's `tries`.
    var absorbed: Set<String> = []
    private var externalSteps: [(name: String, url: String)] = []
    /// How many `<Dial>`s of each document are written so far: the manifest's dial bounds are
    /// listed per document in that order.
    var dialsWritten: [String: Int] = [:]

    init(documents parsed: [ParsedTeXML], options: TeXMLImporter.Options) {
        var byPath: [String: ParsedTeXML] = [:]
        for document in parsed where byPath[document.path] == nil { byPath[document.path] = document }
        documents = byPath
        order = parsed.map(\.path).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        entry = options.context.entries.first { byPath[$0] != nil } ?? order[0]
        self.options = options
        links = DocumentLinks(paths: order)
        let says = parsed.compactMap(\.root).flatMap { root -> [XMLElement] in
            var found: [XMLElement] = []
            root.walk { element, _ in if element.name == "Say" { found.append(element) } }
            return found
        }
        func shared(_ attribute: String) -> String? {
            let values = Set(says.map { $0.attribute(attribute) })
            guard values.count == 1, let value = values.first ?? nil else { return nil }
            return value
        }
        voice = shared("voice")
        language = shared("language")
    }

    mutating func write() -> String {
        let flowName = options.flowName ?? options.context.flowName(of: entry)
            ?? IVRText.identifier(Self.baseName(entry))
        lines.append("# Imported from TeXML by `ivrc import`: \(order.joined(separator: ", ")).")
        lines.append("flow \(IVRText.identifier(flowName))")
        if let number = options.number ?? options.context.number(of: entry), IVRText.isPhoneToken(number) {
            lines.append("  number \(number)")
        } else {
            lines.append("  # number: unknown; add the number this line answers on (ivrc import --number +1…)")
            warn("the flow needs the number the line answers on; pass --number", at: entry, line: 1)
        }
        if let industry = options.industry?.rawValue ?? options.context.industry(of: entry).flatMap({ Industry(rawValue: $0)?.rawValue }) {
            lines.append("  industry \(industry)")
        }
        if let target = options.context.dailyCallTarget(of: entry) { lines.append("  daily-call-target \(target)") }
        if let voice { lines.append("  voice \(IVRText.optionValue(voice, kind: .text))") }
        if let language { lines.append("  language \(IVRText.optionValue(language, kind: .text))") }
        writeSchedules(of: options.context.flowName(of: entry))

        _ = stepName(entry)
        while let path = nextQueued() { writeStep(path, comment: "from \(path)") }
        for path in order where !written.contains(path) && !absorbed.contains(path) {
            if onlyAnsweredTarget(path) {
                lines.append("")
                lines.append("  # \(path) only follows an answered dial; ivrc always hangs up after one")
                continue
            }
            _ = stepName(path)
            while let next = nextQueued() {
                writeStep(next, comment: next == path ? "from \(next) (no given document links to it)" : "from \(next)")
            }
        }
        for step in externalSteps {
            lines.append("")
            lines.append("  # hands the call to \(step.url), outside the imported files")
            lines.append("  step \(step.name)")
            lines.append(IVRText.isURLToken(step.url) ? "    redirect \(step.url)" : "    hangup  # not a URL ivrc can redirect to: \(step.url)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func nextQueued() -> String? {
        while !queue.isEmpty {
            let path = queue.removeFirst()
            if !written.contains(path) { return path }
        }
        return nil
    }

    private mutating func writeStep(_ path: String, comment: String) {
        written.insert(path)
        lines.append("")
        lines.append("  # \(comment)")
        lines.append("  step \(stepName(path))" + (options.context.emergencyDocuments.contains(path) ? " emergency" : ""))
        let verbs = documents[path]?.root?.elements ?? []
        let before = lines.count
        writeVerbs(verbs, in: path, indent: 4)
        if lines.count == before { lines.append("    hangup  # the document was empty: the call ends") }
    }

    /// The step written for document `path`, queued for writing if it is new.
    mutating func stepName(_ path: String) -> String {
        if let name = stepNames[path] { return name }
        let base = IVRText.identifier(Self.baseName(path))
        var name = base
        var counter = 2
        while usedNames.contains(name) { name = "\(base)_\(counter)"; counter += 1 }
        usedNames.insert(name)
        stepNames[path] = name
        queue.append(path)
        return name
    }

    /// A step that redirects to `url`, for an action leaving the given files.
    mutating func externalStep(_ url: String) -> String {
        if let existing = externalSteps.first(where: { $0.url == url }) { return existing.name }
        var name = "external_\(externalSteps.count + 1)"
        while usedNames.contains(name) { name += "_" }
        usedNames.insert(name)
        externalSteps.append((name, url))
        return name
    }

    /// True when `path` is reached only as a dial route's `answered` document.
    private func onlyAnsweredTarget(_ path: String) -> Bool {
        let routes = options.context.routes.values
        guard routes.contains(where: { $0.answered == path }) else { return false }
        return !routes.contains { route in
            ([route.next, route.invalid, route.timeout].compactMap { $0 } + (route.keys ?? [:]).values
                + (route.speech ?? [:]).values).contains(path)
        }
    }

    mutating func warn(_ message: String, at path: String, line: Int) {
        guard let source = documents[path]?.source else { return }
        warnings.append(.warning(.importLossy, message, at: source.lineSpan(line)))
    }

    /// `patient_intake/welcome.part2.xml` → `welcome.part2`.
    static func baseName(_ path: String) -> String {
        let last = path.split(separator: "/").last.map(String.init) ?? path
        return last.hasSuffix(".xml") ? String(last.dropLast(4)) : last
    }
}
