import IVRLang
import TeXMLSchema

/// A `<Record>` or `<Gather>` without `action` makes Telnyx request the same document again
/// when it finishes: the document restarts, and the call loops.
enum MissingActionCheck {
    static let verbs: Set<String> = ["Record", "Gather"]

    static func check(_ document: ParsedTeXML) -> [Diagnostic] {
        guard let root = document.root else { return [] }
        var findings: [Diagnostic] = []
        root.walk { element, _ in
            guard verbs.contains(element.name), element.attribute("action") == nil else { return }
            let when = element.name == "Record" ? "the recording ends" : "the caller answers"
            findings.append(.error(
                .missingAction,
                "<\(element.name)> has no action: when \(when), Telnyx requests this same document again and the call loops",
                at: document.source.span(ofElement: element.name, line: element.line),
                help: "add action=\"…\" naming the document that should follow"))
        }
        return findings
    }
}
