import Foundation
import IVRCheck
import IVRLang
import TeXMLSchema

/// `dial-loopback` on raw TeXML: a `<Number>` (or `<Dial>` text), the user part of a
/// `<Sip>` (in `<Dial>` or `<Refer>`) or a `tel:` `<Redirect>` that is the line's own number.
enum LoopbackCheck {
    static func check(_ document: ParsedTeXML, number: String) -> [Diagnostic] {
        guard let root = document.root, let own = PhoneNumber.digits(number) else { return [] }
        var findings: [Diagnostic] = []
        root.walk { element, parent in
            let text = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
            let digits: String? = switch element.name {
            case "Number" where parent?.name == "Dial": PhoneNumber.digits(text)
            case "Dial" where element.elements.isEmpty: PhoneNumber.digits(text)
            case "Sip": PhoneNumber.digits(ofSIP: text)
            case "Redirect": PhoneNumber.digits(ofTel: text)
            default: nil
            }
            guard digits == own else { return }
            let verb = element.name == "Redirect" ? "<Redirect> goes" : (parent?.name == "Refer" ? "<Refer> sends the call" : "<Dial> calls out")
            findings.append(.error(
                .dialLoopback, "this \(verb) to \(number), the number this line answers on: the call would ring back into itself",
                at: document.source.span(ofElement: element.name, line: element.line),
                help: "dial the person's direct line or extension instead"))
        }
        return findings
    }
}
