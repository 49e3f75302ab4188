import Foundation
import Testing

/// The real nginx in front of `ivrc serve` replicas, configured with the shipped site's
/// upstream server parameters and its `/texml` location verbatim (plain HTTP on loopback, or
/// TLS with a test's own certificate), so a test exercises exactly the retries and timeouts an
/// operator deploys.
final class NginxProxy: Sendable {
    let port: Int
    private let process: Process
    private let directory: URL

    /// `tls`: PEM certificate and key files; nginx then listens with TLS, as in production.
    init(upstreams: [Int], port: Int, tls: (certificate: String, key: String)? = nil) throws {
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let site = try String(contentsOf: ServerFixture.examples.appendingPathComponent("deploy/nginx-ivrc.conf"), encoding: .utf8)
        let parts = try Self.siteParts(site)
        let root = directory.path
        let servers = upstreams.map { "    server 127.0.0.1:\($0) \(parts.serverParameters);" }.joined(separator: "\n")
        let location = parts.location.replacingOccurrences(of: "/var/log/nginx/", with: root + "/")
        let configuration = """
            pid \(root)/nginx.pid;
            error_log \(root)/error.log warn;
            daemon off;
            worker_processes 1;
            events {}
            http {
                client_body_temp_path \(root)/body;
                proxy_temp_path \(root)/proxy;
                fastcgi_temp_path \(root)/fastcgi;
                uwsgi_temp_path \(root)/uwsgi;
                scgi_temp_path \(root)/scgi;
                \(parts.logFormat)
                upstream ivrc {
            \(servers)
                    keepalive 32;
                }
                server {
                    listen 127.0.0.1:\(port)\(tls == nil ? "" : " ssl");
                    \(tls.map { "ssl_certificate \($0.certificate);\n        ssl_certificate_key \($0.key);" } ?? "")
                    \(location)
                }
            }
            """
        let file = directory.appendingPathComponent("nginx.conf")
        try configuration.write(to: file, atomically: true, encoding: .utf8)
        process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(
            ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }, "nginx missing: run scripts/setup"))
        process.arguments = ["-p", root, "-c", file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try Self.waitUntilListening(port: port, process: process, errors: directory.appendingPathComponent("error.log"))
    }

    /// What nginx logged at warning and above (upstream failures it retried, refusals).
    var errors: String {
        (try? String(contentsOf: directory.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGQUIT) }
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }

    /// The shipped site's `log_format` statement, its upstream server's parameters (what follows
    /// the address) and its `location /texml { … }` block.
    static func siteParts(_ site: String) throws -> (logFormat: String, serverParameters: String, location: String) {
        let lines = site.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        let formatStart = try #require(lines.firstIndex { $0.hasPrefix("log_format") })
        let formatEnd = try #require(lines[formatStart...].firstIndex { $0.hasSuffix(";") })
        let server = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("server 127.0.0.1:") })
        let parameters = server.trimmingCharacters(in: .whitespaces).split(separator: " ").dropFirst(2).joined(separator: " ")
        let locationStart = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "location /texml {" })
        let locationEnd = try #require(lines[locationStart...].firstIndex { $0.trimmingCharacters(in: .whitespaces) == "}" })
        return (lines[formatStart...formatEnd].joined(separator: "\n"), String(parameters.dropLast()),
                lines[locationStart...locationEnd].joined(separator: "\n"))
    }

    private static func waitUntilListening(port: Int, process: Process, errors: URL) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, process.isRunning {
            if let connection = try? RawConnection(port: port) { connection.close(); return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ServeProcessError(message: "nginx did not start: \((try? String(contentsOf: errors, encoding: .utf8)) ?? "")")
    }
}

/// A loopback port free right now (bound to port 0, read back, released) for a server that
/// must be restarted on the same port.
enum FreePort {
    static func pick() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else { throw ServeProcessError(message: "no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
