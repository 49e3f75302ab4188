import Foundation
import IVRCheck
import IVRLang
import IVRRuntime
import TeXMLEmit

/// The shipped examples, checked and compiled in memory.
enum Examples {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    static func sources() throws -> [SourceFile] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".ivr") }.sorted()
            .map { SourceFile(path: "examples/\($0)", bytes: [UInt8](try Data(contentsOf: directory.appendingPathComponent($0)))) }
    }

    static func checked() throws -> Checker.Result { Checker.check(try sources()) }

    static func tests(_ graph: FlowGraph) -> [FlowTest] {
        graph.flows.flatMap { FlowTestParser.parse($0).tests }
    }

    /// Checks a source written inline, for small flows.
    static func check(_ text: String) -> Checker.Result {
        Checker.check([SourceFile(path: "inline.ivr", text: text)])
    }
}
