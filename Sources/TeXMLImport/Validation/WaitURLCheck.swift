import IVRLang
import TeXMLSchema

/// An `<Enqueue waitUrl>` that is neither an absolute URL nor one of the given documents
/// (`waitUrl="hold_music"`) resolves to nothing: the caller waits in silence.
struct WaitURLCheck {
    let links: DocumentLinks

    func check(_ document: ParsedTeXML) -> [Diagnostic] {
        guard let root = document.root else { return [] }
        var findings: [Diagnostic] = []
        root.walk { element, _ in
            guard element.name == "Enqueue", let url = element.attribute("waitUrl"), !url.contains("://"),
                  links.document(for: url, from: document.path) == nil else { return }
            findings.append(.warning(
                .unresolvedWaitURL,
                "<Enqueue> waitUrl=\"\(url)\" is not an absolute URL and names none of the given documents, so callers wait in silence",
                at: document.source.span(ofElement: element.name, line: element.line),
                help: "write the hold music document's full https:// URL, or validate it together with this file"))
        }
        return findings
    }
}
