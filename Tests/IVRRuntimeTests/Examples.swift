import Foundation
import IVRCheck
import IVRLang
import IVRRuntime
import IVRTestSupport

/// The shipped examples, checked and compiled in memory.
enum Examples {
    static func checked() throws -> Checker.Result { Checker.check(try ExampleFlows.sources()) }

    static func tests(_ graph: FlowGraph) -> [FlowTest] {
        graph.flows.flatMap { FlowTestParser.parse($0).tests }
    }

    /// Checks a source written inline, for small flows.
    static func check(_ text: String) -> Checker.Result {
        Checker.check([SourceFile(path: "inline.ivr", text: text)])
    }
}
