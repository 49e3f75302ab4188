import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import Testing

/// The manifest put together from each flow's part is byte for byte the manifest encoded whole:
/// bundle ids do not depend on which way a build took.
@Suite struct ManifestPartsTests {
    private static func expectSameBytes(_ bundle: CompiledBundle, waivers: [Manifest.Waiver] = [],
                                        environment: Manifest.Environment? = nil) {
        let whole = BundleWriter.manifest(for: bundle, compilerVersion: "test", waivers: waivers, environment: environment).encoded
        let assembled = BundleWriter.manifestBytes(for: bundle, compilerVersion: "test", waivers: waivers, environment: environment)
        #expect(assembled == whole, "\(String(decoding: assembled.prefix(3000), as: UTF8.self))")
    }

    @Test func theExamplesManifestIsTheSameAssembledFromParts() throws {
        let bundle = try Compiler.compile(Checker.check(try ExampleFlows.sources()).graph)
        Self.expectSameBytes(bundle)
        Self.expectSameBytes(bundle, waivers: [Manifest.Waiver(file: "a.ivr", line: 3, rule: "menu-fallback", reason: "\"quoted\" é")],
                             environment: Manifest.Environment(name: "staging", valuesSHA256: String(repeating: "0", count: 64)))
    }

    /// Names whose members sort around each other (`a`, `a-b`, `a_b`, `ab`, `B`), a flow without
    /// routes, dial bounds and hours in some flows only.
    @Test func flowsWhoseNamesAreEachOthersPrefixesAreAssembledInTheEncodersOrder() throws {
        let names = ["a", "a-b", "a_b", "ab", "B", "a0"]
        var texts: [String: String] = [:]
        for (index, name) in names.enumerated() {
            let number = "+1-800-555-01\(10 + index)"
            texts["\(name).ivr"] = index == 0
                ? "flow \(name)\n  number \(number)\n  step start\n    say \"Hi\"\n    hangup\n"
                : index % 2 == 0
                ? "flow \(name)\n  number \(number)\n  dial-prefixes +1\n\n  step start\n    gather local num-digits=10 -> ring\n      say \"Your number?\"\n      on timeout -> start\n\n  step ring\n    dial +1{{local}}\n"
                : "flow \(name)\n  number \(number)\n  schedule office \"America/New_York\"\n    open mon-fri 9:00-17:00\n\n  step start\n    hours office\n      on open -> desk\n      on closed -> bye\n\n  step desk\n    dial +1-800-555-0199\n\n  step bye\n    say \"Closed\"\n    hangup\n"
        }
        let result = Checker.check(Compile.sources(texts))
        let errors = result.diagnostics.filter { $0.severity == .error }
        try #require(errors.isEmpty, "\(DiagnosticRenderer(sources: Compile.sources(texts)).render(errors))")
        let bundle = try Compiler.compile(result.graph)
        #expect(bundle.flows.contains { !$0.dialPrefixes.isEmpty } && bundle.flows.contains { !$0.schedules.isEmpty })
        Self.expectSameBytes(bundle)
    }

    @Test func anEmptyBundlesManifestIsTheSameAssembled() throws {
        Self.expectSameBytes(try Compiler.compile([LoweredFlow]()))
    }
}
