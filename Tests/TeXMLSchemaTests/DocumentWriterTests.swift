import Foundation
import TeXMLSchema
import Testing

@Suite struct DocumentWriterTests {
    private let validator = TeXMLSchemaValidator.shared

    @Test func aValidTreeIsWrittenAndReadsBackTheSame() throws {
        let say = XMLElement(name: "Say", attributes: [(name: "voice", value: "alice")],
                             children: [.text("Fish & <chips> ]]> \"now\"")], line: 0)
        let written = validator.write([say, XMLElement(name: "Hangup", line: 0)])
        #expect(written.violations.isEmpty)
        let text = String(decoding: written.bytes, as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n"))
        #expect(text.contains("<Say voice=\"alice\">Fish &amp; &lt;chips&gt; ]]&gt; \"now\"</Say>"))
        let root = try SafeXMLParser().parse(Data(written.bytes))
        #expect(root.elements.first?.text == "Fish & <chips> ]]> \"now\"")
    }

    @Test func anInvalidTreeIsReportedWithTheLineOfTheOffendingElement() {
        let record = XMLElement(name: "Record", children: [.element(XMLElement(name: "Say", children: [.text("hi")], line: 0))], line: 0)
        let written = validator.write([XMLElement(name: "Pause", line: 0), record])
        #expect(!written.violations.isEmpty)
        #expect(written.violations.contains { $0.line == 4 && $0.element == "Record" })
    }
}
