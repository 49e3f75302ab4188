import Foundation
import IVRCheck
import IVRLang
import IVRBundle
import TeXMLSchema

/// `recording-disclosure` on raw TeXML: nothing captures the caller's audio before a `<Say>`
/// has told them the call is recorded (`RecordingMention`). Within a document, order is
/// document order; across documents, a document counts as disclosed on arrival only when
/// every given document linking to it (by `<Redirect>`, `action` or the bundle's routes) has
/// disclosed before the link. Entry documents (the manifest's, else those nothing links to,
/// and the first file) start undisclosed.
struct DisclosureCheck {
    let documents: [ParsedTeXML]
    let links: DocumentLinks
    let context: BundleContext

    func check() -> [Diagnostic] {
        let parsed = documents.filter { $0.root != nil }
        var disclosedOnArrival: [String: Bool] = [:]
        let entries = entryPaths(parsed)
        for document in parsed { disclosedOnArrival[document.path] = !entries.contains(document.path) }
        // Greatest fixpoint: start optimistic, and only ever turn arrivals to "not disclosed".
        for _ in 0...parsed.count {
            var incoming: [String: Bool] = [:]
            for document in parsed {
                let walk = Walk(document: document, links: links, context: context,
                                disclosed: disclosedOnArrival[document.path] ?? false)
                for (target, disclosed) in walk.edges { incoming[target] = (incoming[target] ?? true) && disclosed }
            }
            var changed = false
            for document in parsed where !entries.contains(document.path) {
                let value = incoming[document.path] ?? false
                if disclosedOnArrival[document.path] != value { disclosedOnArrival[document.path] = value; changed = true }
            }
            if !changed { break }
        }
        return parsed.compactMap { document in
            Walk(document: document, links: links, context: context,
                 disclosed: disclosedOnArrival[document.path] ?? false).firstUndisclosedCapture
        }
    }

    private func entryPaths(_ parsed: [ParsedTeXML]) -> Set<String> {
        let given = Set(parsed.map(\.path))
        let declared = Set(context.entries).intersection(given)
        if !declared.isEmpty { return declared }
        var linked = Set<String>()
        for document in parsed {
            for (target, _) in Walk(document: document, links: links, context: context, disclosed: true).edges
            where target != document.path {
                linked.insert(target)
            }
        }
        return given.subtracting(linked).union(parsed.first.map { [$0.path] } ?? [])
    }

    /// One pass over a document: where it links (with the disclosure state at each link) and
    /// its first capture made before a disclosure.
    private struct Walk {
        var edges: [(String, Bool)] = []
        var firstUndisclosedCapture: Diagnostic?

        init(document: ParsedTeXML, links: DocumentLinks, context: BundleContext, disclosed: Bool) {
            var disclosed = disclosed
            var edges: [(String, Bool)] = []
            var finding: Diagnostic?
            func visit(_ element: XMLElement) {
                if element.name == "Say", RecordingMention.discloses(element.text) { disclosed = true }
                if !disclosed, finding == nil, DisclosureCheck.captures(element) {
                    let what = element.name == "Dial" ? "<Dial record=\"\(element.attribute("record") ?? "…")\"> records the call"
                        : "<\(element.name)> captures the caller's audio"
                    finding = .error(
                        .recordingDisclosure, "\(what) before any <Say> tells the caller the call is recorded",
                        at: document.source.span(ofElement: element.name, line: element.line),
                        help: "say it first, e.g. <Say>This call is recorded for quality purposes.</Say>")
                }
                element.elements.forEach(visit)
                if element.name == "Redirect" {
                    if let target = links.document(for: element.text, from: document.path) {
                        edges.append((target, disclosed))
                    } else if let route = DisclosureCheck.redirectedRoute(element.text, from: document.path, links: links, context: context) {
                        // `hours` hands over by a <Redirect> to its own route (open or closed).
                        edges += route.targets.map { ($0, disclosed) }
                    }
                }
                switch links.actionTarget(of: element, from: document.path, context: context) {
                case .route(let route):
                    edges += route.targets.map { ($0, disclosed) }
                case .document(let target):
                    edges.append((target, disclosed))
                case .none, .external:
                    break
                }
            }
            if let root = document.root { visit(root) }
            self.edges = edges
            self.firstUndisclosedCapture = finding
        }
    }

    /// The bundle route a `<Redirect>` to `NAME.route` asks for: the route of document `NAME.xml`.
    static func redirectedRoute(_ url: String, from path: String, links: DocumentLinks, context: BundleContext) -> Route? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasSuffix(".route"), let document = links.document(for: String(trimmed.dropLast(".route".count)) + ".xml", from: path) else {
            return nil
        }
        return context.routes[document]
    }

    static func captures(_ element: XMLElement) -> Bool {
        // The checker's list: `<Start>` is judged by what it starts.
        if Action.capturingVerbs.contains(element.name) { return true }
        guard element.name == "Dial" else { return false }
        let values = ([element] + element.elements).compactMap { $0.attribute("record") }
        return values.contains { $0 != "do-not-record" && $0 != "false" }
    }
}
