import TeXMLSchema

extension FlowWriter {
    /// The element's attributes as statement options, in document order: kebab-case names,
    /// durations for seconds, `beep` for `playBeep="true"`. TwiML spellings are rewritten to
    /// TeXML's; attributes TeXML does not have are left out with a comment.
    mutating func options(of element: XMLElement, skipping skipped: Set<String> = [], in path: String,
                          indent: Int) -> String {
        let spec = TeXMLVocabulary.shared.element(named: element.name)
        var written: [String] = []
        for (name, value) in element.attributes where !skipped.contains(name) && name != "action" {
            // The flow's `voice`/`language` settings put these back on every <Say>.
            if element.name == "Say", (name == "voice" && value == voice) || (name == "language" && value == language) { continue }
            var attribute = spec?.attribute(named: name)
            if attribute == nil, let entry = TwiMLOnlyVocabulary.attribute(name, of: element.name),
               let texml = entry.texml, let renamed = spec?.attribute(named: texml) {
                attribute = renamed
                comment("`\(name)` is TwiML's spelling; written as TeXML's `\(texml)`", indent: indent)
            }
            guard let attribute else {
                comment("dropped \(name)=\"\(value)\": <\(element.name)> has no such attribute in TeXML", indent: indent)
                warn("<\(element.name)> attribute `\(name)` is not TeXML and was left out", at: path, line: element.line)
                continue
            }
            if attribute.name == "playBeep", value == "true" {
                written.append("beep")
            } else if element.name == "Record", attribute.name == "maxLength" {
                written.append("max=" + IVRText.optionValue(value, kind: attribute.kind))
            } else {
                written.append(attribute.kebabName + "=" + IVRText.optionValue(value, kind: attribute.kind))
            }
        }
        return written.map { " " + $0 }.joined()
    }

    mutating func comment(_ text: String, indent: Int) {
        lines.append(String(repeating: " ", count: indent) + "# " + text)
    }

    mutating func statement(_ text: String, indent: Int) {
        lines.append(String(repeating: " ", count: indent) + text)
    }
}
