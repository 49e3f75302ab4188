import Foundation
import IVRCheck
import IVRLang
import TeXMLEmit
import Testing

/// Shared steps of the back-end tests: check a source, compile it, find documents.
enum Compile {
    static func sources(_ texts: [String: String]) -> [SourceFile] {
        texts.keys.sorted().map { SourceFile(path: $0, text: texts[$0]!) }
    }

    /// Checks and compiles; the sources must be free of errors.
    static func bundle(_ sources: [SourceFile], baseURL: String? = nil) throws -> CompiledBundle {
        try Compiler.compile(try checked(sources).graph, baseURL: baseURL)
    }

    /// Checks, with an environment's values if given; the sources must be free of errors.
    static func checked(_ sources: [SourceFile], environment: EnvironmentValues? = nil) throws -> Checker.Result {
        let result = Checker.check(sources, environment: environment)
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(DiagnosticRenderer(sources: sources).render(errors))")
        return result
    }

    static func bundle(_ text: String, baseURL: String? = nil) throws -> CompiledBundle {
        try bundle([SourceFile(path: "test.ivr", text: text)], baseURL: baseURL)
    }

    static func text(_ bundle: CompiledBundle, _ path: String) throws -> String {
        let bytes = try #require(bundle.documents[path], "no document \(path); have \(bundle.documents.keys.sorted())")
        return String(decoding: bytes, as: UTF8.self)
    }

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-tests-\(UUID().uuidString)")
    }
}
