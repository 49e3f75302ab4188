import Foundation
import IVRBundle
import TeXMLEmit
import TeXMLImport
import TeXMLSchema

/// One flow's compiled documents, as a caller experiences them.
struct CompiledCall {
    let entry: String
    let documents: [String: XMLElement]
    let routes: [String: Route]

    init(_ flow: LoweredFlow, bundle: CompiledBundle) throws {
        entry = flow.entry
        routes = flow.routes
        var documents: [String: XMLElement] = [:]
        for document in flow.documents {
            documents[document.path] = try SafeXMLParser().parse(Data(bundle.documents[document.path] ?? []))
        }
        self.documents = documents
    }
}

/// The round trip's equivalence: two compiled flows are equivalent when a caller cannot tell
/// them apart. Starting at both entries, verbs are compared one at a time — name, attributes
/// except `action`, text, nested elements — and every way the call can go on is followed in
/// both: the next verb, and each labelled continuation of a route (menu key, speech phrase,
/// `invalid`, gather/record `next`, dial `next` and `answered`). A `<Redirect>` to a document
/// of the flow is followed rather than compared, so how code is split into documents and what
/// the documents are called do not matter; a redirect leaving the flow is compared by URL.
enum CallEquivalence {
    /// nil when equivalent, else where the two first differ.
    static func difference(_ a: CompiledCall, _ b: CompiledCall) -> String? {
        var queue = [(Position(document: a.entry, index: 0), Position(document: b.entry, index: 0))]
        var seen = Set<String>()
        while !queue.isEmpty {
            let (rawA, rawB) = queue.removeFirst()
            let pa = a.follow(rawA), pb = b.follow(rawB)
            guard seen.insert("\(pa)|\(pb)").inserted else { continue }
            let va = a.verb(at: pa), vb = b.verb(at: pb)
            switch (va, vb) {
            case (nil, nil): continue
            case (let va?, let vb?):
                guard same(va, vb) else { return "\(pa) has \(describe(va)), \(pb) has \(describe(vb))" }
                let ea = a.continuations(of: va, at: pa), eb = b.continuations(of: vb, at: pb)
                guard Set(ea.keys) == Set(eb.keys) else {
                    return "after \(describe(va)): \(pa) goes on by \(ea.keys.sorted()), \(pb) by \(eb.keys.sorted())"
                }
                for label in ea.keys.sorted() { queue.append((ea[label]!, eb[label]!)) }
            default:
                return "\(pa) has \(va.map(describe) ?? "the end of the call"), \(pb) has \(vb.map(describe) ?? "the end of the call")"
            }
        }
        return nil
    }

    static func same(_ a: XMLElement, _ b: XMLElement) -> Bool {
        func attributes(_ element: XMLElement) -> [String: String] {
            Dictionary(element.attributes.filter { $0.name != "action" }.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        // A redirect to a route is followed by `continuations`, not compared by its name.
        let text = { (element: XMLElement) in element.isRouteRedirect ? "" : element.text }
        return a.name == b.name && attributes(a) == attributes(b) && text(a) == text(b)
            && a.elements.count == b.elements.count && zip(a.elements, b.elements).allSatisfy(same)
    }

    static func describe(_ element: XMLElement) -> String {
        "<\(element.name) \(element.attributes.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: " "))>\(element.text)"
    }
}

struct Position: Hashable, CustomStringConvertible {
    let document: String
    let index: Int
    var description: String { "\(document)#\(index + 1)" }
}

extension CompiledCall {
    var links: DocumentLinks { DocumentLinks(paths: documents.keys.sorted()) }

    func verb(at position: Position) -> XMLElement? {
        let verbs = documents[position.document]?.elements ?? []
        return position.index < verbs.count ? verbs[position.index] : nil
    }

    /// Moves through redirects to documents of the flow (a redirect cycle stops where it closes).
    func follow(_ position: Position) -> Position {
        var current = position
        var visited: Set<Position> = []
        while let verb = verb(at: current), verb.name == "Redirect", visited.insert(current).inserted,
              let target = links.document(for: verb.text, from: current.document) {
            current = Position(document: target, index: 0)
        }
        return current
    }

    /// Where the call can go after `verb`, by label. A redirect to a route of the flow (the
    /// server decides `hours` there) goes on by that route's branches.
    func continuations(of verb: XMLElement, at position: Position) -> [String: Position] {
        let next = Position(document: position.document, index: position.index + 1)
        if verb.isRouteRedirect, let document = links.document(for: String(verb.text.dropLast(".route".count)) + ".xml", from: position.document),
           let route = routes[document] {
            return continuations(of: route)
        }
        guard verb.attribute("action") != nil, let route = routes[position.document] else {
            return verb.name == "Redirect" ? [:] : ["next verb": next]
        }
        var result = continuations(of: route)
        if verb.name == "Gather" { result["no input"] = next }
        return result
    }

    private func continuations(of route: Route) -> [String: Position] {
        func start(_ path: String?) -> Position? { path.map { Position(document: $0, index: 0) } }
        var result: [String: Position] = [:]
        for (key, target) in route.keys ?? [:] { result["key \(key)"] = start(target) }
        for (phrase, target) in route.speech ?? [:] { result["speech \(phrase)"] = start(target) }
        result["invalid"] = start(route.invalid)
        result["route next"] = start(route.next)
        result["answered"] = start(route.answered)
        result["open"] = start(route.open)
        result["closed"] = start(route.closed)
        result["route \(route.kind.rawValue)"] = Position(document: "", index: 0)
        return result
    }
}

extension XMLElement {
    var isRouteRedirect: Bool { name == "Redirect" && text.hasSuffix(".route") }
}
