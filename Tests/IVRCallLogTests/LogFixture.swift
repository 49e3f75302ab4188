import Foundation
@testable import IVRCallLog

/// Log lines shaped as `ivrc serve` writes them (sorted keys, the same fields), for calls of the
/// dental office example, and temporary files to hold them.
struct LogFixture {
    /// One request line; `nil` fields are left out, as the server leaves them out.
    static func line(_ time: String, sid: String?, kind: String = "route", step: String?, outcome: String? = nil,
                     emergency: Bool? = false, language: String? = nil, status: Int = 200, latency: Double = 1.5,
                     flow: String? = "dental_office") -> String {
        var fields: [(String, String)] = [
            ("bundle", "\"b1\""), ("kind", "\"\(kind)\""), ("latency_ms", "\(latency)"), ("level", "\"info\""),
            ("logger", "\"ivrc.serve\""), ("message", "\"request\""), ("method", "\"POST\""), ("status", "\(status)"),
            ("time", "\"\(time)\""),
        ]
        if let sid { fields.append(("call_sid", "\"\(sid)\"")) }
        if let flow { fields.append(("flow", "\"\(flow)\"")) }
        if let step {
            fields.append(("step", "\"\(step)\""))
            fields.append(("document", "\"\(flow ?? "")/\(step)\(language.map { ".\($0)" } ?? "").xml\""))
        }
        if let outcome { fields.append(("outcome", "\"\(outcome)\"")) }
        if let emergency { fields.append(("emergency", "\(emergency)")) }
        if let language { fields.append(("language", "\"\(language)\"")) }
        return "{" + fields.sorted { $0.0 < $1.0 }.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// Two days of the dental office: a call reaching the desk, an emergency whose dial went
    /// unanswered (falling back to after hours, then voicemail), an answered emergency, a
    /// Spanish caller, a failed request, and a refused unknown number.
    static let twoDays: [String] = [
        line("2026-12-01T09:00:00.000Z", sid: "v3:desk", kind: "entry", step: "welcome"),
        line("2026-12-01T09:00:03.000Z", sid: "v3:desk", step: "front_desk", outcome: "open", latency: 2.25),
        line("2026-12-01T09:00:09.000Z", sid: "v3:desk", step: "desk", outcome: "key"),
        line("2026-12-01T09:03:00.000Z", sid: "v3:desk", step: "goodbye", outcome: "answered", latency: 0.75),
        line("2026-12-01T20:00:00.000Z", sid: "v3:night-emergency", kind: "entry", step: "welcome"),
        line("2026-12-01T20:00:02.000Z", sid: "v3:night-emergency", step: "after_hours", outcome: "closed"),
        line("2026-12-01T20:00:08.000Z", sid: "v3:night-emergency", step: "emergency_line", outcome: "key", emergency: true),
        line("2026-12-01T20:00:30.000Z", sid: "v3:night-emergency", step: "after_hours", outcome: "no-answer", emergency: true),
        line("2026-12-01T20:00:40.000Z", sid: "v3:night-emergency", step: "voicemail", outcome: "timeout", latency: 3.5),
        line("2026-12-02T10:00:00.000Z", sid: "v3:day-emergency", kind: "entry", step: "welcome"),
        line("2026-12-02T10:00:02.000Z", sid: "v3:day-emergency", step: "front_desk", outcome: "open"),
        line("2026-12-02T10:00:05.000Z", sid: "v3:day-emergency", step: "emergency_line", outcome: "key", emergency: true),
        line("2026-12-02T10:00:20.000Z", sid: "v3:day-emergency", step: "goodbye", outcome: "answered", emergency: true),
        line("2026-12-02T11:00:00.000Z", sid: "v3:spanish", kind: "entry", step: "welcome"),
        line("2026-12-02T11:00:02.000Z", sid: "v3:spanish", step: "front_desk", outcome: "open", language: "es-MX"),
        line("2026-12-02T11:00:09.000Z", sid: "v3:spanish", step: "desk", outcome: "timeout", language: "es-MX", status: 500,
             latency: 250),
        line("2026-12-02T12:00:00.000Z", sid: "v3:unknown", kind: "entry", step: nil, emergency: nil, status: 404, flow: nil),
        #"{"level":"info","logger":"ivrc.serve","message":"bundle loaded","time":"2026-12-01T08:59:00.000Z"}"#,
    ]

    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to a new file; its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func file(_ name: String, lines: [String], trailingNewline: Bool = true) throws -> String {
        try file(name, Array((lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")).utf8))
    }

    /// `text` compressed by the real `gzip`.
    func gzipped(_ name: String, lines: [String]) throws -> String {
        let plain = try file(name, lines: lines)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-n", "-f", plain]
        try process.run()
        process.waitUntilExit()
        return plain + ".gz"
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
