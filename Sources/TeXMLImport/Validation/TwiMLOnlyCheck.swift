import IVRLang
import TeXMLSchema

/// Reports TwiML verbs and attributes that Telnyx does not support (see `TwiMLOnlyVocabulary`),
/// with the TeXML spelling when there is one.
enum TwiMLOnlyCheck {
    struct Finding {
        let diagnostic: Diagnostic
        let line: Int
        /// The element or attribute name, so the schema's less helpful report of it can be dropped.
        let name: String
    }

    static func check(_ document: ParsedTeXML) -> [Finding] {
        guard let root = document.root else { return [] }
        var findings: [Finding] = []
        root.walk { element, _ in
            if let entry = TwiMLOnlyVocabulary.elements[element.name] {
                let diagnostic = Diagnostic.error(
                    .twimlOnly, "<\(element.name)> is a TwiML verb that Telnyx TeXML does not support",
                    at: document.source.span(ofElement: element.name, line: element.line), help: entry.note)
                findings.append(Finding(diagnostic: diagnostic, line: element.line, name: element.name))
            }
            for attribute in element.attributes {
                guard let entry = TwiMLOnlyVocabulary.attribute(attribute.name, of: element.name) else { continue }
                let message = entry.texml.map { "`\(attribute.name)` is TwiML's spelling; TeXML spells it `\($0)`" }
                    ?? "`\(attribute.name)` is a TwiML attribute of <\(element.name)> that TeXML does not have"
                let help = entry.texml.map { "write \($0)=\"\(attribute.value)\"" } ?? entry.note
                let diagnostic = Diagnostic.error(
                    .twimlOnly, message,
                    at: document.source.span(ofAttribute: attribute.name, element: element.name, line: element.line),
                    help: help)
                findings.append(Finding(diagnostic: diagnostic, line: element.line, name: attribute.name))
            }
        }
        return findings
    }
}
