import IVRRuntime
import TeXMLEmit
import Testing

@Suite("Exhaustive paths over the compiled bundle")
struct PathExplorerTests {
    @Test func theExamplesHaveNoBadPaths() throws {
        let result = try Examples.checked()
        let program = try CallProgram.compile(result.graph)
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

    @Test func aMenuThatReplaysOnSilenceForeverIsASilentLoop() throws {
        let found = try problems(["main": "<Gather action=\"main.route\"/><Redirect>main.xml</Redirect>", "one": "<Hangup/>"],
                                 routes: ["main": Route(kind: .menu, keys: ["1": "f/one.xml"], invalid: "f/main.xml", timeout: "f/main.xml")])
        #expect(found == [.silentLoop])
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
