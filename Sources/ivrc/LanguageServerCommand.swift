import ArgumentParser
import Foundation
import IVRLanguageServer
import IVRLanguageServerProtocol
import TeXMLEmit

struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.",
        discussion: """
        The editor starts it; it checks every flow under the workspace folder as you type. \
        Standard output carries only protocol messages; anything else goes to standard error.
        """
    )

    @Option(help: "Check with env.KEY values from environments/NAME.toml (or this .toml file); the client's `env` initialization option overrides it.")
    var env: String?

    func run() throws {
        // Stray prints from anywhere in the process must not corrupt the protocol stream:
        // protocol messages get their own copy of standard output, which now points at stderr.
        let protocolOutput = dup(STDOUT_FILENO)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        let server = LanguageServer(
            output: FileDescriptorSink(fileDescriptor: protocolOutput),
            options: LanguageServer.Options(environment: env, version: CompilerVersion.string),
            onExit: { Foundation.exit($0) })
        var reader = MessageReader()
        while true {
            let chunk = FileHandle.standardInput.availableData
            if chunk.isEmpty { break }
            reader.append(chunk)
            while let frame = reader.next() { server.receive(frame) }
        }
        throw ExitCode(server.finish())
    }
}
