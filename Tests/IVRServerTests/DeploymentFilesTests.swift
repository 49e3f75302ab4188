import Foundation
import IVRServer
import Testing

/// The monitoring and deploy examples are checked by the tools that will read them
/// (installed by scripts/setup: prometheus, prometheus-alertmanager, nginx).
@Suite struct DeploymentFilesTests {
    static let examples = ServerFixture.examples

    static func tool(_ name: String, _ arguments: [String]) throws -> ToolRun {
        let candidates = ["/usr/bin/\(name)", "/usr/sbin/\(name)", "/usr/local/bin/\(name)"]
        let path = try #require(candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "\(name) missing: run scripts/setup")
        return try ToolRun(URL(fileURLWithPath: path), arguments)
    }

    @Test func alertingRulesPassPromtool() throws {
        let run = try Self.tool("promtool", ["check", "rules", Self.examples.appendingPathComponent("monitoring/alerts.yml").path])
        #expect(run.status == 0, "\(run.output)")
        let rules = try String(contentsOf: Self.examples.appendingPathComponent("monitoring/alerts.yml"), encoding: .utf8)
        for metric in ["ivrc_request_duration_seconds_bucket", "ivrc_requests_total", "ivrc_calls_started_total", "ivrc_recordings_failed_total"] {
            #expect(rules.contains(metric))
        }
        #expect(rules.contains("> 0.2") && rules.contains("> 0.01"))
    }

    /// Prometheus scrapes the operations listener (`--ops-port`, 8081), not the webhook's port.
    @Test func scrapeConfigPassesPromtoolAndScrapesTheOperationsListener() throws {
        let path = Self.examples.appendingPathComponent("monitoring/prometheus.yml").path
        let run = try Self.tool("promtool", ["check", "config", path])
        #expect(run.status == 0, "\(run.output)")
        let config = try String(contentsOfFile: path, encoding: .utf8)
        #expect(config.contains("job_name: ivrc") && config.contains(#"targets: ["127.0.0.1:8081"]"#))
        let unit = try String(contentsOf: Self.examples.appendingPathComponent("deploy/ivrc.service"), encoding: .utf8)
        #expect(unit.contains("--ops-host 127.0.0.1 --ops-port 8081"))
    }

    @Test func alertmanagerRoutingPassesAmtool() throws {
        let run = try Self.tool("amtool", ["check-config", Self.examples.appendingPathComponent("monitoring/alertmanager.yml").path])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("2 receivers"))
    }

    /// The site as shipped, with a throwaway certificate in place of the Let's Encrypt paths.
    @Test func nginxSiteAcceptedByNginx() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-nginx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path, certificate = directory.appendingPathComponent("cert.pem").path
        let openssl = try Self.tool("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                                                "-days", "1", "-subj", "/CN=ivr.example.com"])
        #expect(openssl.status == 0, "\(openssl.output)")
        let site = try String(contentsOf: Self.examples.appendingPathComponent("deploy/nginx-ivrc.conf"), encoding: .utf8)
            .replacingOccurrences(of: "/etc/letsencrypt/live/ivr.example.com/fullchain.pem", with: certificate)
            .replacingOccurrences(of: "/etc/letsencrypt/live/ivr.example.com/privkey.pem", with: key)
            .replacingOccurrences(of: "/var/log/nginx/", with: directory.path + "/")
        try site.write(to: directory.appendingPathComponent("site.conf"), atomically: true, encoding: .utf8)
        let main = "pid \(directory.path)/nginx.pid;\nerror_log \(directory.path)/error.log;\nevents {}\nhttp {\n  include \(directory.path)/site.conf;\n}\n"
        try main.write(to: directory.appendingPathComponent("nginx.conf"), atomically: true, encoding: .utf8)
        let run = try Self.tool("nginx", ["-t", "-p", directory.path, "-c", directory.appendingPathComponent("nginx.conf").path])
        #expect(run.status == 0, "\(run.output)")
    }

    /// The webhook location logs no query string (every URL carries sealed values in `?v=`): its
    /// log format names neither `$request`, `$request_uri`, `$args` nor `$query_string`, and its
    /// request-line buffers hold the longest token the server seals.
    @Test func nginxSiteLogsNoQueryStringAndHoldsTheLongestToken() throws {
        let site = try String(contentsOf: Self.examples.appendingPathComponent("deploy/nginx-ivrc.conf"), encoding: .utf8)
        let lines = site.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.hasPrefix("#") }
        let accessLogs = lines.filter { $0.hasPrefix("access_log") }
        #expect(accessLogs == ["access_log /var/log/nginx/ivrc-access.log ivrc_webhook;"], "\(accessLogs)")
        let start = lines.drop { !$0.hasPrefix("log_format ivrc_webhook") }
        let format = (start.prefix { !$0.hasSuffix(";") } + start.drop { !$0.hasSuffix(";") }.prefix(1)).joined(separator: " ")
        #expect(format.contains("$uri"), "\(format)")
        for variable in ["$request ", "$request\"", "$request_uri", "$args", "$query_string", "$arg_"] {
            #expect(!format.contains(variable), "the log format writes \(variable)")
        }
        let buffers = try #require(lines.first { $0.hasPrefix("large_client_header_buffers") })
        let size = try #require(buffers.split(separator: " ").last.flatMap { Int($0.dropLast(2)) })
        #expect(size * 1024 >= ValueSeal.maxTokenBytes + 1024, "\(buffers)")
    }
}
