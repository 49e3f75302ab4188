import Foundation
import IVRTestSupport
import Testing

/// The values flows (extensions, a data dip, a bilingual directory whose refusals are said in Spanish) through a real `ivrc serve` on a loopback port: their `test` blocks pass
/// through the server as against the bundle, and the server will not start without a key.
@Suite struct CarriedValuesProcessTests {
    @Test func theValuesFlowsTestsPassThroughTheServerAndAKeyIsRequired() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-values-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("flows")
        try FileManager.default.createDirectory(at: flow, withIntermediateDirectories: true)
        try Data(ValuesFlow.source.utf8).write(to: flow.appendingPathComponent("extensions.ivr"))
        try Data(ValuesFlow.dataDip.utf8).write(to: flow.appendingPathComponent("dispatch.ivr"))
        try Data(ValuesFlow.bilingual.utf8).write(to: flow.appendingPathComponent("directorio.ivr"))
        let bundle = directory.appendingPathComponent("bundle")
        #expect(try ServeProcess.run(["build", flow.path, "-o", bundle.path]).status == 0)

        let unkeyed = try ServeProcess.run(["serve", bundle.path, "--insecure-no-signatures", "--port", "0"],
                                           environment: ["IVRC_VALUES_KEY": ""])
        #expect(unkeyed.status == 2)
        #expect(unkeyed.output.contains("flows directorio, dispatch, extensions use call values ({{NAME}})") && unkeyed.output.contains("--values-key-file"), "\(unkeyed.output)")

        let shortKey = directory.appendingPathComponent("short.key")
        try Data("too short\n".utf8).write(to: shortKey)
        let short = try ServeProcess.run(["serve", bundle.path, "--insecure-no-signatures", "--values-key-file", shortKey.path])
        #expect(short.status == 2 && short.output.contains("at least 32 bytes"), "\(short.output)")
        try Data((String(repeating: "A", count: 44) + "\n").utf8).write(to: shortKey)
        let pattern = try ServeProcess.run(["serve", bundle.path, "--insecure-no-signatures", "--values-key-file", shortKey.path])
        #expect(pattern.status == 2 && pattern.output.contains("openssl rand -base64 32"), "\(pattern.output)")

        let key = directory.appendingPathComponent("values.key")
        try Data("\(ValuesKeyringTests.current)\n".utf8).write(to: key)
        let server = try ServeProcess(bundle: bundle, arguments: ["--values-key-file", key.path])
        let local = try ServeProcess.run(["test", flow.path])
        let live = try ServeProcess.run(["test", flow.path, "--url", "http://127.0.0.1:\(server.port)/texml"],
                                        environment: ["TELNYX_PRIVATE_KEY": ServerFixture.privateKeyBytes.base64EncodedString()])
        #expect(local.status == 0 && live.status == 0, "\(local.output)\n\(live.output)")
        let summary = { (run: ToolRun) in run.output.split(separator: "\n").last.map(String.init) ?? "" }
        #expect(summary(live) == summary(local) && summary(live).hasPrefix("8 passed"), "\(summary(live))")
        #expect(!server.log.contains("15550100123") && !server.log.contains("v="))
        #expect(server.terminate() == 0)
    }
}
