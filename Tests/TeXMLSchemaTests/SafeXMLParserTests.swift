import Foundation
import TeXMLSchema
import Testing

@Suite struct SafeXMLParserTests {
    @Test func buildsValueTreeWithOrderedAttributesAndLines() throws {
        let root = try SafeXMLParser().parse("""
            <?xml version="1.0"?>
            <Response>
              <Gather timeout="5" action="/menu" input="dtmf">
                <Say>Press &amp; hold</Say>
              </Gather>
            </Response>
            """)
        #expect(root.name == "Response")
        #expect(root.line == 2)
        let gather = try #require(root.elements.first)
        #expect(gather.line == 3)
        #expect(gather.attributes.map(\.name) == ["timeout", "action", "input"])
        #expect(gather.attribute("action") == "/menu")
        let say = try #require(gather.elements.first)
        #expect(say.text == "Press & hold")
        #expect(say.line == 4)
    }

    @Test func collectsParseErrorsWithLines() {
        #expect {
            try SafeXMLParser().parse("<Response>\n<Say>\n</Response>")
        } throws: { error in
            guard case .malformed(let issues) = error as? XMLParseError else { return false }
            return issues.first?.line == 3 && issues.first?.message.contains("mismatch") == true
        }
    }
}
