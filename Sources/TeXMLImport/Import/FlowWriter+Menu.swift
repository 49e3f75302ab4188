import IVRBundle
import IVRLang
import TeXMLSchema

extension FlowWriter {
    /// Rebuilds a `menu` from a `<Gather>` and its bundle route. ivrc lowers `tries=N` to N
    /// copies of the gather, each falling through (on silence) to a `<Redirect>` to the next,
    /// the last to the `timeout` branch (or `<Hangup>` when there is none); those copies are
    /// folded back here. `numDigits` and `input` are left out where the branches imply them.
    /// Returns how many of `following` (the verbs after the gather in its own document) it used.
    mutating func writeMenu(_ gather: XMLElement, route: Route, following: ArraySlice<XMLElement>, in path: String, indent: Int) -> Int {
        var tries = [path]
        var after = following
        while let redirect = after.first, redirect.name == "Redirect",
              let next = links.document(for: redirect.text, from: tries.last!),
              !tries.contains(next), let replay = replayOf(gather, route: route, in: next) {
            tries.append(next)
            absorbed.insert(next)
            after = replay.dropFirst()
        }
        var timeout: String?
        if let redirect = after.first, redirect.name == "Redirect", let target = links.document(for: redirect.text, from: tries.last!) {
            timeout = target
        } else if let redirect = after.first, redirect.name == "Redirect" {
            lossy(redirect, "the menu's no-input <Redirect> to \(redirect.text)", in: path, indent: indent)
        }
        let firstInvalid = route.invalid
        let invalid: String? = tries.count > 1 && firstInvalid == tries[1] ? nil : firstInvalid

        let keys = (route.keys ?? [:]).sorted { Self.keyOrder($0.key, $1.key) }
        var phrases = (route.speech ?? [:]).sorted { $0.key < $1.key }
        var branches: [String] = []
        for (key, target) in keys {
            // Every phrase leading where the key does is one of the key's phrases.
            let own = phrases.filter { $0.value == target }.map { " " + StringLiteral.quote($0.key) }
            phrases.removeAll { $0.value == target }
            let written = key.count == 1 && key.first!.isNumber ? key : StringLiteral.quote(key)
            branches.append("on \(written)\(own.joined()) -> \(stepName(target))")
        }
        for (phrase, target) in phrases {
            lossy(gather, "speech phrase \"\(phrase)\" → \(FlowWriter.baseName(target)) has no key of its own", in: path, indent: indent)
        }
        if let timeout { branches.append("on timeout -> \(stepName(timeout))") }
        if let invalid { branches.append("on invalid -> \(stepName(invalid))") }

        var skipped: Set<String> = []
        let lengths = Set(keys.map(\.key.count))
        if lengths.count == 1, gather.attribute("numDigits") == lengths.first.map(String.init) { skipped.insert("numDigits") }
        if !(route.speech ?? [:]).isEmpty, gather.attribute("input") == "dtmf speech" { skipped.insert("input") }
        let options = options(of: gather, skipping: skipped, in: path, indent: indent)
        statement("menu\(options)\(tries.count == 3 ? "" : " tries=\(tries.count)")", indent: indent)
        writePrompts(gather.elements, in: path, indent: indent + 2)
        for branch in branches { statement(branch, indent: indent + 2) }
        // The first document's no-input verb: a redirect to the next try or the timeout branch, or a hangup.
        guard let first = following.first, first.name == "Redirect" || first.name == "Hangup" else { return 0 }
        return 1
    }

    /// The verbs of `path` when it is a replay of `gather`: the same `<Gather>` (but for its
    /// action) with the same keys, then only what follows it on silence.
    private func replayOf(_ gather: XMLElement, route: Route, in path: String) -> [XMLElement]? {
        guard let verbs = documents[path]?.root?.elements, let first = verbs.first, verbs.count <= 2,
              Self.sameIgnoringAction(first, gather),
              let replayRoute = options.context.routes[path], replayRoute.kind == .menu,
              replayRoute.keys == route.keys, replayRoute.speech == route.speech else { return nil }
        return verbs
    }

    /// Same element, attributes (but `action`), text and nesting; source lines are ignored.
    static func sameIgnoringAction(_ a: XMLElement, _ b: XMLElement) -> Bool {
        func attributes(_ element: XMLElement) -> [String: String] {
            var result: [String: String] = [:]
            for (name, value) in element.attributes where name != "action" { result[name] = value }
            return result
        }
        return a.name == b.name && attributes(a) == attributes(b) && a.text == b.text
            && a.elements.count == b.elements.count && zip(a.elements, b.elements).allSatisfy(sameIgnoringAction)
    }

    /// Single digits in numeric order, then longer keys and `*`/`#`.
    private static func keyOrder(_ a: String, _ b: String) -> Bool {
        (a.count, a) < (b.count, b)
    }
}
