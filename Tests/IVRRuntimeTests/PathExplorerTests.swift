import IVRBundle
import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport
import Testing

@Suite("Exhaustive paths over the compiled bundle")
struct PathExplorerTests {
    @Test func theExamplesHaveNoBadPaths() throws {
        let result = try Examples.checked()
        let program = try CallProgram.compiled(result.graph)
        for flow in result.graph.flows {
            let report = PathExplorer.explore(program, flow: flow.name)
            #expect(report.problems.isEmpty, "\(flow.name): \(report.problems)")
            #expect(report.pathsExplored > 10)
        }
    }

    func problems(_ documents: [String: String], routes: [String: Route] = [:]) throws -> [PathProblem.Kind] {
        PathExplorer.explore(try HandWrittenBundle.program(documents, routes: routes), flow: "f").problems.map(\.kind)
    }

    @Test func aDocumentThatJustEndsHangsUpOnNobody() throws {
        #expect(try problems(["main": "<Say>Hello.</Say>"]) == [.hangsUpWithoutHuman])
        #expect(try problems(["main": "<Say>Hello.</Say><Hangup/>"]).isEmpty)
        #expect(try problems(["main": "<Dial><Number>+15550100911</Number></Dial>"]) == [.hangsUpWithoutHuman])
    }

    @Test func redirectPingPongIsASilentLoop() throws {
        #expect(try problems(["main": "<Redirect>ping.xml</Redirect>", "ping": "<Redirect>main.xml</Redirect>"]) == [.silentLoop])
    }

    /// The menu waits for the caller every time round, so the caller can always break the
    /// loop: not silent, as `silent-loop` judges the same flow.
    @Test func aMenuThatReplaysOnSilenceWaitsForTheCallerSoItIsNotASilentLoop() throws {
        let found = try problems(["main": "<Gather action=\"main.route\"/><Redirect>main.xml</Redirect>", "one": "<Hangup/>"],
                                 routes: ["main": Route(kind: .menu, keys: ["1": "f/one.xml"], invalid: "f/main.xml", timeout: "f/main.xml")])
        #expect(!found.contains(.silentLoop))
    }

    @Test func aLongStraightDocumentIsNotALoop() throws {
        let says = String(repeating: "<Say>Terms and conditions.</Say>", count: 250)
        let found = try problems(["main": says + "<Hangup/>"])
        #expect(found == [.tooLongToFollow])
    }

    @Test func recordingBeforeTheDisclosureIsFound() throws {
        let routes = ["main": Route(kind: .record, next: "f/bye.xml")]
        #expect(try problems(["main": "<Record action=\"main.route\"/>", "bye": "<Hangup/>"], routes: routes) == [.recordsBeforeDisclosure])
        #expect(try problems(["main": "<Say>This call is recorded.</Say><Record action=\"main.route\"/>", "bye": "<Hangup/>"],
                             routes: routes).isEmpty)
    }

    @Test func aBrokenRouteIsReported() throws {
        #expect(try problems(["main": "<Gather action=\"main.route\"/><Hangup/>"]).contains(.brokenBundle))
    }
}

/// `test --paths` and `silent-loop` share one meaning of a silent loop: they agree on flows.
@Suite struct SilentLoopAgreementTests {
    static let flows: [(source: String, silent: Bool)] = [
        ("""
            flow f
              number +1-800-555-0100
              step start
                menu timeout=5s
                  say "Press 1."
                  on 1 -> done
                  on timeout -> start
                  on invalid -> start
              step done
                dial +1-555-010-0200
            """, false),
        ("""
            flow f
              number +1-800-555-0100
              step start
                say "Please hold."
                goto again
              step again
                dial +1-555-010-0200 -> start
            """, true),
    ]

    @Test(arguments: flows.indices)
    func ruleAndExplorerAgree(index: Int) throws {
        let flow = Self.flows[index]
        let result = Checker.check([SourceFile(path: "f.ivr", text: flow.source)])
        let ruleSaysSilent = result.diagnostics.contains { $0.id == "silent-loop" }
        let program = try CallProgram.compiled(result.graph)
        let explorerSaysSilent = PathExplorer.explore(program, flow: "f").problems.contains { $0.kind == .silentLoop }
        #expect(ruleSaysSilent == flow.silent)
        #expect(explorerSaysSilent == flow.silent)
    }
}
