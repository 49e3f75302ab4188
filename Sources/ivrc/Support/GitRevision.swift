import Foundation

/// `REV:PATH` on the command line: PATH as it was at git revision REV, exported with
/// `git archive` into a temporary directory that the caller removes.
enum GitRevision {
    struct Checkout {
        /// The temporary directory to remove afterwards.
        let directory: String
        /// PATH inside it.
        let path: String
    }

    /// Nil when `argument` is not of the form `REV:PATH`.
    static func export(_ argument: String) throws -> Checkout? {
        guard let colon = argument.firstIndex(of: ":"), colon != argument.startIndex else { return nil }
        let revision = String(argument[..<colon]), path = String(argument[argument.index(after: colon)...])
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
            throw UsageFailure("\(argument): write REV:PATH with PATH relative to the repository, e.g. main:flows")
        }
        // A REV git would read as an option (`--output=FILE`) could make it write files.
        guard !revision.hasPrefix("-") else {
            throw UsageFailure("\(argument): a revision cannot start with '-'; write REV:PATH, e.g. main:flows")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-diff-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let archive = directory + "/export.tar"
        let exported = run("git", ["--literal-pathspecs", "archive", "--format=tar", "-o", archive,
                                    "--end-of-options", revision, path])
        guard exported.status == 0, run("tar", ["-x", "-f", archive, "-C", directory]).status == 0 else {
            try? FileManager.default.removeItem(atPath: directory)
            let reason = exported.error.split(separator: "\n").first.map(String.init) ?? "git archive failed"
            throw UsageFailure("cannot read \(path) at revision \(revision): \(reason)")
        }
        try? FileManager.default.removeItem(atPath: archive)
        return Checkout(directory: directory, path: directory + "/" + path)
    }

    private static func run(_ tool: String, _ arguments: [String]) -> (status: Int32, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "\(tool) could not be started") }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
