import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport
import Testing
@testable import IVRDiff

/// Two versions of one line, compiled in memory, compared as callers meet them.
@Suite struct BehaviourDiffTests {
    static let line = """
        flow clinic
          number +1-800-555-0157
          industry healthcare

          step welcome
            disclose "This call is being recorded."
            menu
              say "For the nurse, press 9. For billing, press 3."
              on 9 -> nurse
              on 3 -> billing
              on timeout -> billing
              on invalid -> billing

          step nurse emergency
            dial +1-555-010-0911 timeout=20s -> billing

          step billing
            dial +1-555-010-0300 -> voicemail

          step voicemail
            record beep max=60s -> goodbye

          step goodbye
            say "Goodbye."
            hangup
        """

    func changes(_ old: String, _ new: String) throws -> [BehaviourChange] {
        BehaviourDiff.changes(old: try views(old), new: try views(new))
    }

    func views(_ text: String) throws -> [CallerView] {
        let result = Checker.check([SourceFile(path: "clinic.ivr", text: text)])
        try #require(!result.hasErrors, "\(result.diagnostics)")
        let program = try CallProgram.compiled(result.graph)
        return program.bundle.manifest.flows.map { CallerView(program: program, flow: $0) }
    }

    /// Renaming a step (or taking it into a module, `billing` as `desk.billing`) is no change
    /// for callers: the pair is compared as one step, and keys that lead to it follow the rename.
    @Test func aRenamedStepIsNoChangeButAChangeInItIsStillOne() throws {
        let renamed = Self.line.replacingOccurrences(of: "-> billing", with: "-> front_desk").replacingOccurrences(of: "step billing", with: "step front_desk")
        #expect(try changes(Self.line, renamed).isEmpty)
        let changed = renamed.replacingOccurrences(of: "+1-555-010-0300", with: "+1-555-010-0301")
        let found = try changes(Self.line, changed)
        #expect(found.contains { $0.kind == .dial && $0.at == "front_desk" && $0.message.contains("now dials +15550100301") }, "\(found)")
        #expect(found.contains { $0.kind == .dial && $0.at == "billing" && $0.message.contains("no longer dials +15550100300") }, "\(found)")
    }

    @Test func layoutAndCommentsChangeNothing() throws {
        let relaidOut = Self.line
            .replacingOccurrences(of: "  step billing\n", with: "  # billing desk, weekdays\n  step billing\n")
            .replacingOccurrences(of: "record beep max=60s", with: "record max=60s beep")
        #expect(try changes(Self.line, relaidOut).isEmpty)
        #expect(DiffReport.render([], format: .text) == "no change for callers\n")
    }

    @Test func keysPromptsAndDialsAreNamed() throws {
        let edited = Self.line
            .replacingOccurrences(of: "For billing, press 3.", with: "For billing, press 4.")
            .replacingOccurrences(of: "on 3 -> billing", with: "on 4 -> billing")
            .replacingOccurrences(of: "timeout=20s", with: "timeout=30s")
        let found = try changes(Self.line, edited).map { "\($0.kind.rawValue) \($0.at): \($0.message)" }
        #expect(found.contains("keys welcome: key 3 removed (went to billing)"), "\(found)")
        #expect(found.contains("keys welcome: key 4 added: goes to billing"))
        #expect(found.contains("dial nurse: dials +15550100911 (timeout 30s) instead of +15550100911 (timeout 20s)"))
        #expect(found.contains("prompt welcome: says: For the nurse, press 9. For billing, press [-3.-] {+4.+}"))
    }

    /// A `branch` line whose condition or target changes changes where callers go.
    @Test func aBranchLineThatChangesIsReported() throws {
        let decided = """
            flow clinic
              number +1-800-555-0157

              step welcome
                gather member num-digits=4 -> route
                  say "Enter your member number."
                  on timeout -> desk

              step route
                branch {{member}}
                  on "1000" -> nurse
                  on other -> desk

              step nurse
                dial +1-555-010-0911

              step desk
                dial +1-555-010-0300
            """
        let retargeted = try changes(decided, decided.replacingOccurrences(of: "on \"1000\" -> nurse", with: "on \"1000\" -> desk"))
            .map { "\($0.kind.rawValue) \($0.at): \($0.message)" }
        #expect(retargeted.contains("branch route: when {{member}} is \"1000\": goes on to desk instead of nurse"), "\(retargeted)")
        let recompared = try changes(decided, decided.replacingOccurrences(of: "on \"1000\"", with: "on \"2000\""))
            .map { "\($0.kind.rawValue) \($0.at): \($0.message)" }
        #expect(recompared.contains("branch route: when {{member}} is \"2000\": now goes on to nurse"), "\(recompared)")
    }

    @Test func aPersonReplacedByVoicemailIsReportedFirstAfterRecording() throws {
        let edited = Self.line.replacingOccurrences(of: "dial +1-555-010-0300 -> voicemail", with: "goto voicemail")
        let found = try changes(Self.line, edited)
        let reach = try #require(found.first { $0.kind == .reach && $0.at == "press 3" })
        #expect(reach.message.contains("no longer reaches a person: +15550100300"), "\(reach.message)")
        #expect(found.first?.kind == .reach || found.first?.kind == .recording)
        #expect(found.map(\.kind) == found.sorted().map(\.kind))
    }

    @Test func recordingAndDisclosureChanges() throws {
        let edited = Self.line
            .replacingOccurrences(of: "disclose \"This call is being recorded.\"", with: "disclose \"Calls are monitored.\"\n    say \"Hello.\"")
            .replacingOccurrences(of: "dial +1-555-010-0300 -> voicemail", with: "dial +1-555-010-0300 record=record-from-answer -> voicemail")
        let kinds = try changes(Self.line, edited).map(\.kind)
        #expect(kinds.prefix(2).sorted { $0.rawValue < $1.rawValue } == [.disclosure, .recording])
    }

    @Test func aMenuThatLoopsOnEveryKeyIsFollowedOnlyUpToTheLimit() throws {
        let keys = "0123456789".map { "      on \($0) -> start" }.joined(separator: "\n")
        let loop = "flow loop\n  number +1-555-010-0100\n\n  step start\n    menu\n      say \"Pick.\"\n\(keys)\n"
            + "      on timeout -> start\n      on invalid -> start\n"
        let result = Checker.check([SourceFile(path: "loop.ivr", text: loop)])
        try #require(!result.hasErrors, "\(result.diagnostics)")
        let program = try CallProgram.compiled(result.graph)
        let flow = try #require(program.bundle.manifest.flows.first)
        #expect(CallerView(program: program, flow: flow, depth: 3).allPathsFollowed)
        let deep = CallerView(program: program, flow: flow, depth: 8)  // 11^8 sequences: stops at the limit
        #expect(!deep.allPathsFollowed)
        #expect(deep.outcomes.count <= CallerPaths.pathLimit)
    }

    @Test func reportsForAReviewerAndForAPullRequest() throws {
        let edited = Self.line.replacingOccurrences(of: "number +1-800-555-0157", with: "number +1-800-596-3058")
        let found = try changes(Self.line, edited)
        #expect(DiffReport.render(found, format: .text) == "clinic: 1 change for callers\n  number: the line moves from +18005550157 to +18005963058\n")
        #expect(DiffReport.render(found, format: .markdown).contains("| number |  | the line moves from +18005550157 to +18005963058 |"))
        #expect(DiffReport.render(found, format: .json).contains("\"changed\" : true"))
    }

    static let intake = """
        flow intake
          number +1-800-555-0157

          step welcome
            disclose "This call is being recorded."
            menu
              say "For a new patient, press 1. For anything else, press 2."
              on 1 -> intake
              on 2 -> desk
              on timeout -> desk
              on invalid -> desk

          step intake
            say "After the tone, say your name and date of birth."
            record beep max=60s -> desk

          step desk
            dial +1-555-010-0200 timeout=20s -> voicemail

          step voicemail
            record beep max=60s -> goodbye

          step goodbye
            say "Goodbye."
            hangup
        """

    func views(_ text: String, depth: Int) throws -> [CallerView] {
        let result = Checker.check([SourceFile(path: "intake.ivr", text: text)])
        try #require(!result.hasErrors, "\(result.diagnostics)")
        let program = try CallProgram.compiled(result.graph)
        return program.bundle.manifest.flows.map { CallerView(program: program, flow: $0, depth: depth) }
    }

    /// After the intake recording the call now hangs up instead of reaching the desk: said at
    /// every depth as the step's changed way on; where calls end is compared only for key
    /// sequences both sides follow to an end, so a path cut at the depth reads as no change
    /// (depth 3 said "no change") and no ending is invented (depth 4 said "now leaves a message").
    @Test func aChangePastTheDepthIsReportedAndCutPathsAreNotCompared() throws {
        let changed = Self.intake.replacingOccurrences(of: "record beep max=60s -> desk", with: "record beep max=60s -> goodbye")
        for depth in 1...6 {
            let (old, new) = (try views(Self.intake, depth: depth), try views(changed, depth: depth))
            let found = BehaviourDiff.changes(old: old, new: new)
            #expect(found.contains { $0.kind == .branch && $0.at == "intake" && $0.message == "after the recording: goes on to goodbye instead of desk" },
                    "depth \(depth): \(found)")
            #expect(!found.contains { $0.kind == .reach && $0.message.contains("now leaves a message") }, "depth \(depth): \(found)")
            // An end is said lost only where the new side was followed to every end, and always
            // when both sides were; never anything else.
            let cut = (old + new).contains { $0.cutOff.contains("press 1") }
            let reach = found.first { $0.kind == .reach && $0.at == "press 1" }
            #expect(reach == nil || reach?.message == "no longer reaches a person: +15550100200", "depth \(depth): \(found)")
            if !cut { #expect(reach?.message == "no longer reaches a person: +15550100200", "depth \(depth): \(found)") }
            if new.contains(where: { $0.cutOff.contains("press 1") }) { #expect(reach == nil, "depth \(depth): \(found)") }
        }
        #expect(try views(Self.intake, depth: 3).contains(where: \.isCutOff))
        #expect(try !views(Self.intake, depth: 6).contains { $0.cutOff.contains("press 1") })
        let cut = DiffReport.CutOff(depth: 3, flows: ["intake"])
        #expect(DiffReport.render([], format: .text, cutOff: cut).contains("note: some calls in intake go on past 3 choices"))
        #expect(DiffReport.render([], format: .markdown, cutOff: cut).contains("> **Note:** some calls in intake"))
        #expect(DiffReport.render([], format: .json, cutOff: cut).contains("\"depth\" : 3"))
    }
}
