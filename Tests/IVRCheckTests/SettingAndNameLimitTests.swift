import IVRCheck
import IVRLang
import Testing

/// What `build` would reject, `check` reports first and at the place to fix.
@Suite struct SettingAndNameLimitTests {
    static func flow(settings: String = "", step: String = "start", body: String = "    hangup") -> String {
        """
        flow line
          number +1-800-555-0157
        \(settings)
          step \(step)
        \(body)
        """
    }

    @Test(arguments: [("  voice x", "voice"), ("  language 12", "language"), ("  voice \"two words\"", "voice")])
    func aVoiceOrLanguageSayCannotTakeIsReportedAtItsValue(_ setting: String, _ name: String) throws {
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(settings: setting))
        let error = try #require(diagnostics.first { $0.id == "invalid-setting" }, "\(RuleTesting.describe(diagnostics))")
        #expect(error.span.start.line == 3)
        #expect(error.span.start.column == name.count + 4)
        #expect(error.message.hasPrefix("`\(name) "))
    }

    @Test func retentionIsAWholeNumberOfYearsMonthsOrDays() throws {
        for valid in ["7y", "18mo", "90d", "100y"] {
            let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(settings: "  retention \(valid)"))
            #expect(diagnostics.isEmpty, "\(valid): \(RuleTesting.describe(diagnostics))")
        }
        for invalid in ["7w", "0y", "101y", "y", "7 years", "-1d", "99999999d"] {
            let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(settings: "  retention \(invalid)"))
            #expect(diagnostics.contains { ($0.id == "invalid-setting" && $0.help?.contains("retention 7y") == true) || $0.id == "syntax" },
                    "\(invalid): \(RuleTesting.describe(diagnostics))")
        }
        let error = try #require(RuleTesting.frontEndDiagnostics(Self.flow(settings: "  retention 7w")).first)
        #expect(error.span.start.line == 3 && error.span.start.column == 13)
    }

    @Test func retentionDefaultsByIndustryAsThePlanSays() {
        let kept = ["healthcare", "fleet", "general"].map { industry in
            Checker.check([SourceFile(path: "example.ivr", text: Self.flow(settings: "  industry \(industry)"))], rules: [])
                .graph.flows.first?.keptFor.description
        }
        #expect(kept == ["7y", "2y", "1y"])
    }

    @Test func aDailyCallTargetOverridesTheIndustrysAndIsAWholeNumberFrom1To100000() throws {
        let expected = ["", "  daily-call-target 120", "  daily-call-target 1\n  industry fleet", "  daily-call-target 100000"]
            .map { settings in
                Checker.check([SourceFile(path: "example.ivr", text: Self.flow(settings: "  industry healthcare\n" + settings))], rules: [])
                    .graph.flows.first?.expectedDailyCalls
            }
        #expect(expected == [100, 120, 1, 100_000])
        for invalid in ["0", "-5", "100001", "99999999999999999999", "12.5", "lots", "1e3", "+120"] {
            let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(settings: "  daily-call-target \(invalid)"))
            let error = try #require(diagnostics.first, "\(invalid)")
            #expect(error.id == "invalid-setting" && error.help?.contains("`daily-call-target 120`") == true,
                    "\(invalid): \(RuleTesting.describe(diagnostics))")
            #expect(error.span.start.line == 3 && error.span.start.column == 21, "\(invalid)")
        }
    }

    @Test func recordingsAreServedOrSentToAnHttpURL() throws {
        #expect(RuleTesting.frontEndDiagnostics(Self.flow(settings: "  recording-status-callback serve")).isEmpty)
        let error = try #require(RuleTesting.frontEndDiagnostics(Self.flow(settings: "  recording-status-callback serves")).first)
        #expect(error.id == "invalid-setting" && error.message.contains("or `serve`"), "\(error.message)")
    }

    @Test func validVoiceAndLanguagePass() {
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(settings: "  voice Polly.Joanna-Neural\n  language pt-BR"))
        #expect(diagnostics.isEmpty, "\(RuleTesting.describe(diagnostics))")
    }

    @Test func aStepNameTooLongForAFileNameIsReportedAtTheName() throws {
        let name = String(repeating: "s", count: 261)
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(step: name))
        let error = try #require(diagnostics.first { $0.id == "name-too-long" })
        #expect(error.span.start.line == 4 && error.span.start.column == 8)
        #expect(!error.message.contains(name), "a long name must not be repeated in the message")
        #expect(RuleTesting.frontEndDiagnostics(Self.flow(step: String(repeating: "s", count: 100))).isEmpty)
    }

    @Test func aFlowNameTooLongIsReported() {
        let source = Self.flow().replacingOccurrences(of: "flow line", with: "flow " + String(repeating: "f", count: 101))
        #expect(RuleTesting.frontEndDiagnostics(source).contains { $0.id == "name-too-long" && $0.span.start.line == 1 })
    }

    /// Branch blocks get derived names (`start.12345678901234567890.…`); nested deep enough,
    /// those outgrow a file name too.
    @Test func deeplyNestedBranchBlocksAreReportedBeforeTheirNameOutgrowsAFileName() {
        var body = ""
        let levels = 12
        for level in 0..<levels {
            let indent = String(repeating: "  ", count: 2 + 2 * level)
            body += "\(indent)menu\n\(indent)  on \"12345678901234567890\"\n"
        }
        body += String(repeating: "  ", count: 2 + 2 * levels) + "hangup"
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(body: body))
        #expect(diagnostics.contains { $0.id == "name-too-long" }, "\(RuleTesting.describe(diagnostics))")
    }

    /// `start 0s`: <Start> holds only elements, so text on it would fail the schema at build.
    @Test func textOnAVerbThatHoldsOnlyElementsIsReportedAtTheText() throws {
        let body = "    start 0s\n      suppression direction=both\n    hangup"
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(body: body))
        let error = try #require(diagnostics.first, "no diagnostic")
        #expect(error.message == "`start` takes no text")
        #expect(error.span.start.line == 5 && error.span.start.column == 11)
    }

    /// `pause 999999s`: the positional length is <Pause length>, bounded by the schema.
    @Test func aPauseLongerThanTeXMLAllowsIsReportedAtItsLength() throws {
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(body: "    pause 999999s\n    hangup"))
        let error = try #require(diagnostics.first, "no diagnostic")
        #expect(error.id == "invalid-option")
        #expect(error.message.hasPrefix("`pause 999999s` is out of range: length must be"))
        #expect(error.span.start.line == 5 && error.span.start.column == 11)
        #expect(RuleTesting.frontEndDiagnostics(Self.flow(body: "    pause 3s\n    hangup")).isEmpty)
    }

    /// `start` with nothing under it: the schema's <Start> holds at least one element.
    @Test func aVerbThatMustHoldAnElementButHoldsNoneIsReported() throws {
        let diagnostics = RuleTesting.frontEndDiagnostics(Self.flow(body: "    start\n    hangup"))
        let error = try #require(diagnostics.first, "no diagnostic")
        #expect(error.message == "`start` needs something indented under it")
        #expect(error.span.start.line == 5 && error.span.start.column == 5)
    }
}
