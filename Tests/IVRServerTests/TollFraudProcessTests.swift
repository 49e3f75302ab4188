import Foundation
import Hummingbird
import IVRTestSupport
import Testing

/// Callback fraud through a real `ivrc serve`: a "we call you back" flow bounded to +1
/// (`dial-prefixes +1`) given a spoofed caller ID on a satellite number answers the apology
/// and the dial's no-answer route, never a `<Dial>`, and counts it `not-allowed`.
@Suite struct TollFraudProcessTests {
    static let source = """
        flow callback
          number +1-800-555-0180
          dial-prefixes +1

          step start
            say "We will call you back."
            dial {{From}} timeout=20s -> sorry

          step sorry
            say "Nobody answered. Goodbye."
            hangup

        """

    @Test func aSpoofedSatelliteCallerIdGetsTheApologyNotADial() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-toll-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let flow = directory.appendingPathComponent("callback.ivr")
        try Data(Self.source.utf8).write(to: flow)
        let bundle = directory.appendingPathComponent("bundle")
        let build = try ServeProcess.run(["build", flow.path, "-o", bundle.path])
        #expect(build.status == 0, "\(build.output)")
        let key = directory.appendingPathComponent("values.key")
        try Data("\(ValuesKeyringTests.current)\n".utf8).write(to: key)
        let server = try ServeProcess(bundle: bundle, arguments: ["--values-key-file", key.path])

        func call(from caller: String) async throws -> (status: HTTPResponse.Status, body: String) {
            let fields = ServerFixture.firstRequest(to: "+18005550180").map { $0.0 == "From" ? ("From", caller) : $0 }
            let response = try await server.post("/texml", fields)
            return (response.status, String(buffer: response.body ?? ByteBuffer()))
        }
        let spoofed = try await call(from: "+882161234567")
        #expect(spoofed.status == .ok)
        #expect(spoofed.body.contains("Sorry, that number cannot be dialled.") && !spoofed.body.contains("<Dial"), "\(spoofed.body)")
        #expect(spoofed.body.contains("<Redirect>") && spoofed.body.contains("start.route"), "\(spoofed.body)")
        let honest = try await call(from: "+15550100123")
        #expect(honest.body.contains("<Number>+15550100123</Number>"), "\(honest.body)")
        let metrics = String(buffer: try await server.operations("/metrics").body ?? ByteBuffer())
        #expect(metrics.contains(#"ivrc_dial_refusals_total{reason="not-allowed"} 1"#), "\(metrics)")
        #expect(!server.log.contains("882161234567"))
        #expect(server.terminate() == 0)
    }
}
