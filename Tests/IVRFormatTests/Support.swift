import Foundation
import IVRBundle
import IVRCheck
import IVRFormat
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// Shared steps: read the examples, format text, compile what came out.
enum Fixtures {
    static let golden = Repository.tests("IVRFormatTests/Golden")

    static func read(_ url: URL, as path: String) throws -> SourceFile {
        SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
    }

    /// `count` flows from `scripts/generate_corpus.py`, the benchmark generator.
    static func generatedCorpus(count: Int) throws -> [SourceFile] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-fmt-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.file("scripts/generate_corpus.py").path,
                             String(count), directory.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "generate_corpus.py failed")
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            .map { try read(directory.appendingPathComponent($0), as: $0) }
    }

    /// The formatted text; fails the test when the file is not formattable.
    static func format(_ source: SourceFile) throws -> String {
        switch SourceFormatter.format(source) {
        case .formatted(let text):
            return text
        case .invalid(let diagnostics):
            Issue.record("\(source.path) has syntax errors: \(DiagnosticRenderer(sources: [source]).render(diagnostics))")
            throw FormatFailure()
        case .unsafe(let reason):
            Issue.record("\(source.path): \(reason)")
            throw FormatFailure()
        }
    }

    static func format(_ text: String) throws -> String {
        try format(SourceFile(path: "test.ivr", text: text))
    }

    struct FormatFailure: Error {}

    /// What a server would load: every document's bytes and every flow's routes.
    struct Compiled: Equatable {
        let documents: [String: [UInt8]]
        let routes: [[String: Route]]
    }

    static func compile(_ sources: [SourceFile]) throws -> Compiled {
        let result = Checker.check(sources)
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(DiagnosticRenderer(sources: sources).render(errors))")
        let bundle = try Compiler.compile(result.graph)
        return Compiled(documents: bundle.documents, routes: bundle.flows.map(\.routes))
    }
}
