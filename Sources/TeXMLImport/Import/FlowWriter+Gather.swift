import IVRBundle
import TeXMLSchema

extension FlowWriter {
    /// The variable name an imported `gather` collects into when no bundle route names it
    /// (plain TeXML does not).
    static let gatherVariable = "digits"

    /// A `<Gather>`: a `menu` when the bundle's route says which key leads where, otherwise a
    /// `gather digits -> STEP` to the document its action names.
    mutating func writeGather(_ verb: XMLElement, following: ArraySlice<XMLElement>, in path: String, indent: Int) -> VerbOutcome {
        let target: String
        var variable = Self.gatherVariable
        switch links.actionTarget(of: verb, from: path, context: options.context) {
        case .route(let route) where route.kind == .menu:
            return .ends(consumed: writeMenu(verb, route: route, following: following, in: path, indent: indent))
        case .route(let route):
            guard let next = route.next else {
                lossy(verb, "<Gather> whose route has no next document", in: path, indent: indent)
                return .ends(consumed: 0)
            }
            target = stepName(next)
            // A bundle's route names the value (`gather ext`), which later steps fill as `{{ext}}`.
            if let value = route.value { variable = value }
        case .document(let document):
            comment("TeXML posted the input to \(FlowWriter.baseName(document)); without a bundle route the keys cannot become menu branches", indent: indent)
            target = stepName(document)
        case .external(let url):
            comment("TeXML posted the input to \(url); the step below redirects there (the digits are not passed on)", indent: indent)
            target = externalStep(url)
        case .none:
            comment("<Gather> had no action: TeXML re-requested this document with the input", indent: indent)
            warn("<Gather> has no action; imported as a gather that returns to its own step", at: path, line: verb.line)
            target = stepName(path)
        }
        let options = options(of: verb, in: path, indent: indent)
        statement("gather \(variable)\(options) -> \(target)", indent: indent)
        writePrompts(verb.elements, in: path, indent: indent + 2)
        // With no input, TeXML falls through to the redirect after it: the gather's `on timeout`
        // (or, to its own target, what ivrc's gather does anyway).
        var rest = following
        if let first = rest.first, first.name == "Redirect", let redirected = links.document(for: first.text, from: path) {
            if stepName(redirected) != target { statement("on timeout -> \(stepName(redirected))", indent: indent + 2) }
            rest.removeFirst()
        }
        if !rest.isEmpty {
            let names = rest.map { "<\($0.name)>" }.joined(separator: ", ")
            lossy(rest[rest.startIndex], "what TeXML did without input (\(names)); ivrc's gather continues at `\(target)`", in: path, indent: indent)
        }
        return .ends(consumed: following.count)
    }

    /// Say, play and pause inside a gather or menu.
    mutating func writePrompts(_ prompts: [XMLElement], in path: String, indent: Int) {
        for prompt in prompts {
            if ["Say", "Play", "Pause"].contains(prompt.name) {
                writeVerbs([prompt], in: path, indent: indent)
            } else {
                lossy(prompt, "<\(prompt.name)> inside <Gather> (a menu holds say, play and pause)", in: path, indent: indent)
            }
        }
    }
}
