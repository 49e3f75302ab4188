import Foundation
import IVRTestSupport
import Testing

/// `ivrc test --url https://…` against a staging server behind TLS whose certificate a private
/// certificate authority signed (made here with openssl, served by the real nginx in front of
/// `ivrc serve`): trusted with `--cacert`, refused without it, and a `--cacert` that is not a
/// certificate is a usage error.
@Suite struct PrivateCAProcessTests {
    @Test func aPrivateCertificateAuthorityIsTrustedWithCACert() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-ca-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.makeCertificates(in: directory)
        let bundle = try ServeProcess.buildExamples()
        defer { try? FileManager.default.removeItem(at: bundle.deletingLastPathComponent()) }
        let server = try ServeProcess(bundle: bundle, arguments: ["--test-clock"])
        let proxy = try NginxProxy(upstreams: [server.port], port: try FreePort.pick(),
                                   tls: (directory.appendingPathComponent("server.pem").path, directory.appendingPathComponent("server.key").path))
        defer { proxy.stop() }
        let flow = ServerFixture.examples.appendingPathComponent("patient_intake.ivr").path
        let url = "https://127.0.0.1:\(proxy.port)/texml"
        let key = ["TELNYX_PRIVATE_KEY": ServerFixture.privateKeyBytes.base64EncodedString()]
        let ca = directory.appendingPathComponent("ca.pem").path

        let trusted = try ServeProcess.run(["test", flow, "--url", url, "--cacert", ca], environment: key)
        #expect(trusted.status == 0, "\(trusted.output)")
        #expect(trusted.output.contains("passed, 0 failed"), "\(trusted.output)")

        let untrusted = try ServeProcess.run(["test", flow, "--url", url], environment: key)
        #expect(untrusted.status == 1, "\(untrusted.output)")
        #expect(untrusted.output.lowercased().contains("certificate"), "\(untrusted.output)")

        let notACertificate = try ServeProcess.run(["test", flow, "--url", url, "--cacert", flow], environment: key)
        #expect(notACertificate.status == 2, "\(notACertificate.output)")
        #expect(notACertificate.output.contains("--cacert \(flow)"), "\(notACertificate.output)")
        #expect(server.terminate() == 0)
    }

    /// A certificate authority, and a certificate for 127.0.0.1 it signs.
    static func makeCertificates(in directory: URL) throws {
        let file = { (name: String) in directory.appendingPathComponent(name).path }
        try "subjectAltName=IP:127.0.0.1\n".write(toFile: file("san.ext"), atomically: true, encoding: .utf8)
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        for arguments in [
            ["req", "-x509"] + curve + ["-keyout", file("ca.key"), "-out", file("ca.pem"), "-days", "2", "-subj", "/CN=ivrc test CA"],
            ["req"] + curve + ["-keyout", file("server.key"), "-out", file("server.csr"), "-subj", "/CN=127.0.0.1"],
            ["x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"), "-CAcreateserial",
             "-out", file("server.pem"), "-days", "2", "-extfile", file("san.ext")],
        ] {
            let run = try ToolRun(URL(fileURLWithPath: "/usr/bin/env"), ["openssl"] + arguments)
            try #require(run.status == 0, "openssl \(arguments.joined(separator: " ")): \(run.output)")
        }
    }
}
