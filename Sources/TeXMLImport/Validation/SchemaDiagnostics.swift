import IVRLang
import TeXMLSchema

/// Turns the XSD's violations into diagnostics at the offending element, saying in plain
/// words what libxml2 says in schema terms where the tree shows what went wrong.
enum SchemaDiagnostics {
    static func diagnostics(_ violations: [SchemaViolation], document: ParsedTeXML) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for violation in violations {
            guard let name = violation.element, violation.message.contains("content type is empty"),
                  let element = element(named: name, line: violation.line, in: document.root) else {
                result.append(diagnostic(violation, document: document))
                continue
            }
            // An element that may hold nothing: name what is nested instead of "content type is
            // empty"; the whitespace around nested elements is the same problem, reported once.
            if violation.message.hasPrefix("Element content") {
                for nested in element.elements {
                    result.append(.error(
                        .texmlSchema, "<\(nested.name)> cannot go inside <\(element.name)>",
                        at: document.source.span(ofElement: nested.name, line: nested.line),
                        help: "TeXML's <\(element.name)> takes nothing nested; put the <\(nested.name)> before it"))
                }
            } else if !(violation.message.hasPrefix("Character content") && !element.elements.isEmpty
                        && element.text.allSatisfy(\.isWhitespace)) {
                result.append(diagnostic(violation, document: document))
            }
        }
        return result
    }

    private static func diagnostic(_ violation: SchemaViolation, document: ParsedTeXML) -> Diagnostic {
            let source = document.source
            guard let name = violation.element else {
                return .error(.texmlSchema, violation.message, at: source.lineSpan(violation.line))
            }
            let span = source.span(ofElement: name, line: violation.line)
            if violation.message.contains("This element is not expected"),
               let parent = parent(of: name, line: violation.line, in: document.root) {
                let allowed = TeXMLVocabulary.shared.element(named: parent.name)?.children ?? []
                let help = allowed.isEmpty
                    ? "TeXML's <\(parent.name)> takes nothing nested; put the <\(name)> before it"
                    : "inside <\(parent.name)>, TeXML allows " + allowed.map { "<\($0)>" }.joined(separator: ", ")
                return .error(.texmlSchema, "<\(name)> cannot go inside <\(parent.name)>", at: span, help: help)
            }
            return .error(.texmlSchema, "<\(name)>: \(violation.message)", at: span)
    }

    /// The element named `name` whose start tag is on `line`.
    private static func element(named name: String, line: Int, in root: XMLElement?) -> XMLElement? {
        var found: XMLElement?
        root?.walk { element, _ in
            if found == nil, element.name == name, element.line == line { found = element }
        }
        return found
    }

    /// The parent of the element named `name` whose start tag is on `line`.
    private static func parent(of name: String, line: Int, in root: XMLElement?) -> XMLElement? {
        var found: XMLElement?
        root?.walk { element, parent in
            if found == nil, element.name == name, element.line == line { found = parent }
        }
        return found
    }
}
