import Foundation

/// A real recording: a sentence spoken by espeak-ng, made 8 kHz mono 16-bit by sox (what a
/// phone call records). Made once per test process.
public enum SpokenWAV {
    public static let bytes: [UInt8] = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-wav-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let spoken = directory.appendingPathComponent("spoken.wav").path
        let phone = directory.appendingPathComponent("phone.wav").path
        _ = Tool.run("espeak-ng", ["-w", spoken, "My name is Ada Lovelace, born the tenth of December."])
        _ = Tool.run("sox", [spoken, "-r", "8000", "-c", "1", "-b", "16", phone])
        return (FileManager.default.contents(atPath: phone)).map(Array.init) ?? []
    }()
}

/// A Debian tool run to completion (espeak-ng, sox, soxi): exit status and stdout.
public enum Tool {
    public static func run(_ name: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// What `soxi` reads from a WAV file: its sample rate and channels, or nil when it cannot.
    public static func soxi(_ path: String) -> String? {
        let rate = run("soxi", ["-r", path])
        let channels = run("soxi", ["-c", path])
        guard rate.status == 0, channels.status == 0 else { return nil }
        return "\(rate.output.trimmingCharacters(in: .whitespacesAndNewlines)) Hz, \(channels.output.trimmingCharacters(in: .whitespacesAndNewlines)) channel(s)"
    }
}
