import ArgumentParser
import BuildInfo
import Foundation
import TeXMLEmit

@main
struct IVRC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ivrc",
        abstract: "Compile phone call flows (.ivr) into validated Telnyx TeXML.",
        discussion: "Exit status: 0 clean, 1 errors in the flows, 2 usage or I/O error.",
        version: "\(CompilerVersion.string) (\(BuildInfo.commit))",
        subcommands: [
            CheckCommand.self, BuildCommand.self, FormatCommand.self, TestCommand.self, SimulateCommand.self, GraphCommand.self,
            ValidateCommand.self, ImportCommand.self, NewCommand.self, DiffCommand.self, RulesCommand.self, ExplainCommand.self,
            ServeCommand.self, LanguageServerCommand.self, RecordingsCommand.self, ReportCommand.self, StoreCommand.self,
        ]
    )

    /// Usage errors exit 2 (ArgumentParser's default is 64), so CI can tell a wrong
    /// invocation from a wrong flow.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        }
    }
}

enum ExitStatus {
    static let clean: Int32 = 0
    static let diagnostics: Int32 = 1
    static let usage: Int32 = 2
}

/// Input and output problems: one line on stderr, exit 2.
struct UsageFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}

extension ParsableCommand {
    /// Runs `body`, turning an I/O failure into its one-line message and exit status 2.
    func reportingFailures(_ body: () throws -> Int32) throws {
        do {
            let status = try body()
            if status != ExitStatus.clean { throw ExitCode(status) }
        } catch let failure as UsageFailure {
            standardError("ivrc: error: \(failure.description)\n")
            throw ExitCode(ExitStatus.usage)
        }
    }
}
