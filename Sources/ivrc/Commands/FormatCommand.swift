import ArgumentParser
import Foundation
import IVRFormat
import IVRLang

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite flows in the canonical layout.",
        discussion: """
        Files are rewritten in place (atomically). Files with syntax errors are left alone and \
        their errors printed; the exit status is then 1. With --check or --diff nothing is \
        written. `ivrc fmt -` formats standard input to standard output, for editors.
        """
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr), or - for standard input.")
    var paths: [String]

    @Flag(help: "Write nothing; list the files that are not formatted, and exit 1 if there are any.")
    var check = false

    @Flag(help: "Write nothing; print the changes formatting would make as a unified diff.")
    var diff = false

    func validate() throws {
        if paths.contains("-") && paths.count > 1 {
            throw ValidationError("`-` (standard input) cannot be combined with other paths")
        }
    }

    func run() throws {
        try reportingFailures {
            if paths == ["-"] { return try formatStandardInput() }
            var status = ExitStatus.clean
            for (path, original) in try InputFiles.loadBytes(paths) {
                let source = SourceFile(path: path, bytes: original)
                guard let formatted = formatted(source) else {
                    status = ExitStatus.diagnostics
                    continue
                }
                if original == Array(formatted.utf8) { continue }
                if check && !diff { print(source.path) }
                if diff { print(difference(original, formatted, path: source.path), terminator: "") }
                if check { status = ExitStatus.diagnostics }
                if !check && !diff { try AtomicFile.replace(source.path, with: Array(formatted.utf8)) }
            }
            return status
        }
    }

    /// The formatted text, or nil after printing why the file is left alone.
    private func formatted(_ source: SourceFile) -> String? {
        switch SourceFormatter.format(source) {
        case .formatted(let text):
            return text
        case .invalid(let diagnostics):
            standardError(DiagnosticRenderer(sources: [source]).render(diagnostics))
            return nil
        case .unsafe(let reason):
            standardError("ivrc: internal error: \(source.path) was not formatted: \(reason).\n"
                + "This is a bug in ivrc; the file is unchanged. Please report it with the file.\n")
            return nil
        }
    }

    private func formatStandardInput() throws -> Int32 {
        let input = try standardInput()
        let source = SourceFile(path: "<stdin>", bytes: input)
        guard let formatted = formatted(source) else { return ExitStatus.diagnostics }
        let changed = input != Array(formatted.utf8)
        if diff {
            print(difference(input, formatted, path: source.path), terminator: "")
        } else if check {
            if changed { print(source.path) }
        } else {
            FileHandle.standardOutput.write(Data(formatted.utf8))
        }
        return check && changed ? ExitStatus.diagnostics : ExitStatus.clean
    }

    /// Standard input, read under the same size limit as files: `ivrc fmt - < /dev/zero`
    /// is refused at the limit rather than read until memory runs out.
    private func standardInput() throws -> [UInt8] {
        var input: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try FileHandle.standardInput.read(upToCount: 1 << 16)
            } catch {
                throw UsageFailure("cannot read standard input: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { return input }
            input += chunk
            if input.count > InputFiles.maxFileSize {
                throw UsageFailure("standard input is larger than \(InputFiles.maxFileSize / 1024 / 1024) MB; is it really a flow?")
            }
        }
    }

    private func difference(_ original: [UInt8], _ formatted: String, path: String) -> String {
        UnifiedDiff.render(old: String(decoding: original, as: UTF8.self), new: formatted,
                           oldLabel: path, newLabel: "\(path) (formatted)")
    }
}
