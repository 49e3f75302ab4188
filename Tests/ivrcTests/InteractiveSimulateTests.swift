import Foundation
import IVRTestSupport
import Testing

/// `ivrc simulate` on a terminal asks the caller at each gather and dial. `script` (util-linux,
/// part of every Debian) gives it a pseudo-terminal; the answers come on its stdin.
@Suite struct InteractiveSimulateTests {
    @Test func aCallerAtATerminalPressesNineAndTheNurseDoesNotAnswer() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        try #require(FileManager.default.isExecutableFile(atPath: script.path), "util-linux `script` is needed")
        let ivrc = try #require(BuiltExecutable.ivrc)
        let example = SubcommandSmokeTests.examples + "/patient_intake.ivr"
        let process = Process()
        process.executableURL = script
        process.arguments = ["-qfec", "\(ivrc.path) simulate \(example)", "/dev/null"]
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data("9\nn\n".utf8))
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("keys?"), "the simulator asked for keys:\n\(text)")
        #expect(text.contains("dial +15550100911"))
        #expect(text.contains("dial +15550100912"), "no-answer led to the backup nurse line:\n\(text)")
    }
}
