import Foundation

/// DOT rendered to SVG by Graphviz's `dot`, found on PATH.
enum GraphvizSVG {
    static func render(_ dot: String) throws -> Data {
        // Found first, so a missing dot is said plainly rather than as a write to a closed pipe.
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let path else {
            throw UsageFailure("Graphviz's dot is not on PATH: install graphviz (apt-get install graphviz), or use --graph dot")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-Tsvg"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            throw UsageFailure("cannot run Graphviz's dot (\(error.localizedDescription)): install graphviz, or use --graph dot")
        }
        // Written from another thread, so a large graph cannot block on a full pipe both ways.
        let writer = input.fileHandleForWriting
        let written = DispatchGroup()
        DispatchQueue.global().async(group: written) {
            writer.write(Data(dot.utf8))
            try? writer.close()
        }
        nonisolated(unsafe) var complaints = Data()
        let errorHandle = errors.fileHandleForReading
        DispatchQueue.global().async(group: written) { complaints = errorHandle.readDataToEndOfFile() }
        let svg = output.fileHandleForReading.readDataToEndOfFile()
        written.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: complaints, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw UsageFailure("Graphviz's dot failed: \(reason)")
        }
        return svg
    }
}
