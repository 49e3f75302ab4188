import Foundation
import TeXMLSchema
import Testing

@Suite struct HostileInputTests {
    @Test(arguments: ["xxe", "billion_laughs", "external_dtd"])
    func refusesAnyDoctype(fixture: String) throws {
        #expect(throws: XMLParseError.doctypeForbidden(line: 2)) {
            try SafeXMLParser().parse(Fixture.data(fixture))
        }
        let violations = try Fixture.validator().validate(Fixture.data(fixture))
        #expect(violations.count == 1)
        #expect(violations.first?.line == 2)
        #expect(violations.first?.message.contains("DOCTYPE declarations are not allowed") == true)
    }

    @Test func refusesOversizedDocumentBeforeParsing() throws {
        let say = Data("<Say>0123456789012345678901234567890123456789</Say>\n".utf8)
        var document = Data("<Response>\n".utf8)
        while document.count < 50 * 1024 * 1024 { document.append(say) }
        document.append(Data("</Response>\n".utf8))
        #expect(throws: XMLParseError.tooLarge(byteCount: document.count, limit: 10 * 1024 * 1024)) {
            try SafeXMLParser().parse(document)
        }
    }

    @Test func byteLimitIsConfigurable() throws {
        let parser = SafeXMLParser(limits: .init(maxBytes: 16))
        #expect(throws: XMLParseError.tooLarge(byteCount: 30, limit: 16)) {
            try parser.parse("<Response><Hangup/></Response>")
        }
    }

    @Test func refusesDeepNestingCleanly() throws {
        let depth = 100_000
        let document = String(repeating: "<a>\n", count: depth) + String(repeating: "</a>", count: depth)
        #expect(throws: XMLParseError.tooDeep(line: 65, limit: 64)) {
            try SafeXMLParser().parse(document)
        }
        let violations = try Fixture.validator().validate(document)
        #expect(violations.first?.message.contains("deeper than the limit of 64") == true)
    }

    @Test func depthLimitIsConfigurable() throws {
        let nested = "<a><b><c/></b></a>"
        #expect(throws: XMLParseError.tooDeep(line: 1, limit: 2)) {
            try SafeXMLParser(limits: .init(maxDepth: 2)).parse(nested)
        }
        #expect(try SafeXMLParser(limits: .init(maxDepth: 3)).parse(nested).name == "a")
    }
}

/// TeXML is UTF-8; libxml2 would honour any encoding iconv knows.
@Suite struct EncodingRefusalTests {
    @Test(arguments: ["ISO-8859-1", "UTF-7", "EBCDIC-US", "windows-1252"])
    func aDeclaredEncodingOtherThanUTF8IsRefused(_ encoding: String) {
        let document = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<Response><Say>+ADw-x+AD4-</Say></Response>\n"
        #expect(throws: XMLParseError.notUTF8(encoding: encoding)) { try SafeXMLParser().parse(document) }
    }

    @Test func utf16BytesAreRefusedEvenWithoutADeclaration() throws {
        var document = Data([0xFF, 0xFE])
        document.append("<Response/>".data(using: .utf16LittleEndian) ?? Data())
        #expect(throws: XMLParseError.notUTF8(encoding: "UTF-16")) { try SafeXMLParser().parse(document) }
    }

    @Test(arguments: ["UTF-8", "utf-8", "UTF8"])
    func utf8DeclaredInAnySpellingIsRead(_ encoding: String) throws {
        let document = "<?xml version=\"1.0\" encoding=\"\(encoding)\"?>\n<Response><Say>café</Say></Response>\n"
        #expect(try SafeXMLParser().parse(document).name == "Response")
    }

    @Test func theValidatorReportsTheRefusalOnLineOne() throws {
        let violations = try Fixture.validator().validate("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Response/>\n")
        #expect(violations.count == 1)
        #expect(violations.first?.line == 1)
        #expect(violations.first?.message.contains("not UTF-8") == true)
    }
}
