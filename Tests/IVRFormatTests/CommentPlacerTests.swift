import IVRFormat
import IVRLang
import Testing

/// Comments keep their text, their order and their place.
@Suite struct CommentPlacerTests {
    static func comments(_ text: String) -> [String] {
        let parsed = Parser.parse(SourceFile(path: "test.ivr", text: text))
        return parsed.comments.map(\.text)
    }

    @Test func everyCommentIsKeptInOrder() throws {
        let source = try String(contentsOf: Fixtures.golden.appendingPathComponent("messy.ivr"), encoding: .utf8)
        let formatted = try Fixtures.format(source)
        #expect(Self.comments(formatted) == Self.comments(source))
        #expect(Self.comments(source).count == 8)
    }

    @Test func ownLineCommentTakesTheIndentationOfWhatFollows() throws {
        let formatted = try Fixtures.format("""
        flow f
          number +1-800-555-0157
          step main
                # about the say
            say "Hi."
            hangup

        """)
        #expect(formatted.contains("\n    # about the say\n    say \"Hi.\"\n"))
    }

    @Test func trailingCommentStaysOnItsLine() throws {
        let formatted = try Fixtures.format("""
        flow f
          number +1-800-555-0157
          step main
            menu   timeout=5s # wait a little
              on timeout -> main
              on invalid -> main

        """)
        #expect(formatted.contains("    menu timeout=5s  # wait a little\n"))
    }

    @Test func commentAtTheEndOfABlockStaysThere() throws {
        let formatted = try Fixtures.format("""
        flow f
          number +1-800-555-0157
          step main
            menu timeout=5s
              on timeout -> main
              on invalid -> other
              # no other keys yet
          step other
            hangup
            # end of other

        """)
        #expect(formatted.contains("      on invalid -> other\n      # no other keys yet\n\n  step other\n"))
        #expect(formatted.hasSuffix("    hangup\n    # end of other\n"))
    }

    @Test func waiverCommentStaysAboveTheStatementItWaives() throws {
        let source = """
        flow f
          number +1-800-555-0157
          step main
            disclose "Recorded."
                # ivrc: allow recording-disclosure -- disclosed by the carrier
            record   beep max=10s
            hangup

        """
        let formatted = try Fixtures.format(source)
        #expect(formatted.contains(
            "    # ivrc: allow recording-disclosure -- disclosed by the carrier\n    record beep max=10s\n"))
    }

    @Test func fileOfOnlyCommentsKeepsThem() throws {
        #expect(try Fixtures.format("# one\n\n\n# two   \n") == "# one\n\n# two\n")
    }
}
