import Foundation
import IVRFormat
import IVRLang
import IVRTestSupport
import Testing

/// Formatting is idempotent and never changes what the compiler produces, over the
/// examples, the golden inputs and a generated corpus.
@Suite struct FormatPropertyTests {
    static func goldenInputs() throws -> [SourceFile] {
        try FileManager.default.contentsOfDirectory(atPath: Fixtures.golden.path)
            .filter { $0.hasSuffix(".ivr") }.sorted()
            .map { try Fixtures.read(Fixtures.golden.appendingPathComponent($0), as: $0) }
    }

    static func assertProperties(_ sources: [SourceFile]) throws {
        var formatted: [SourceFile] = []
        for source in sources {
            let once = try Fixtures.format(source)
            let twice = try Fixtures.format(SourceFile(path: source.path, text: once))
            #expect(twice == once, "\(source.path) is not stable under fmt")
            formatted.append(SourceFile(path: source.path, text: once))
        }
        #expect(try Fixtures.compile(formatted) == Fixtures.compile(sources), "formatting changed the compiled bundle")
    }

    @Test func examples() throws {
        try Self.assertProperties(ExampleFlows.sources())
    }

    @Test func generatedCorpus() throws {
        let corpus = try Fixtures.generatedCorpus(count: 30)
        #expect(corpus.count == 30)
        try Self.assertProperties(corpus)
    }

    @Test func goldenInputs() throws {
        for input in try Self.goldenInputs() {
            try Self.assertProperties([input])
        }
    }

    @Test func examplesAreAlreadyFormatted() throws {
        for example in try ExampleFlows.sources() {
            #expect(try Fixtures.format(example) == String(decoding: example.bytes, as: UTF8.self), "\(example.path)")
        }
    }
}
