import Foundation
import IVRCheck
import IVRLang
import IVRTestSupport
import TeXMLEmit
import TeXMLImport
import Testing

/// `import(build(flow))` builds to the same call as `flow` for every shipped example, in the
/// sense of `CallEquivalence`: same verbs, attributes and text along every path a caller can
/// take, whatever the documents are called and however the code is split into them.
@Suite struct RoundTripTests {
    static func build(_ sources: [SourceFile]) throws -> CompiledBundle {
        let checked = Checker.check(sources)
        #expect(!checked.hasErrors, "\(checked.diagnostics)")
        return try Compiler.compile(checked.graph)
    }

    /// The documents of one compiled flow as files, the entry first, with the bundle's routes.
    static func importInput(_ flow: LoweredFlow, _ bundle: CompiledBundle) -> ([TeXMLFile], TeXMLImporter.Options) {
        let paths = [flow.entry] + flow.documents.map(\.path).filter { $0 != flow.entry }
        let files = paths.map { TeXMLFile(path: $0, data: Data(bundle.documents[$0] ?? [])) }
        let context = BundleContext(routes: flow.routes, entries: [flow.entry],
                                    numbers: flow.number.map { ["\(flow.name)/": $0] } ?? [:],
                                    flowNames: ["\(flow.name)/": flow.name], schedules: flow.schedules, dialPrefixes: flow.dialPrefixes)
        return (files, TeXMLImporter.Options(context: context))
    }

    @Test func everyExampleRoundTrips() throws {
        let sources = try ExampleFlows.sources()
        #expect(sources.count >= 2)
        let original = try Self.build(sources)
        for flow in original.flows {
            let (files, options) = Self.importInput(flow, original)
            let imported = TeXMLImporter.importFlow(files, options: options)
            #expect(!imported.diagnostics.contains { $0.severity == .error }, "\(imported.diagnostics)")
            let source = SourceFile(path: "\(flow.name).ivr", text: imported.source)
            let checked = Checker.check([source])
            #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)\n\(imported.source)")
            let rebuilt = try Compiler.compile(checked.graph)
            let rebuiltFlow = try #require(rebuilt.flows.first)
            #expect(rebuiltFlow.name == flow.name && rebuiltFlow.number == flow.number)
            let difference = CallEquivalence.difference(try CompiledCall(flow, bundle: original),
                                                        try CompiledCall(rebuiltFlow, bundle: rebuilt))
            #expect(difference == nil, "\(flow.name): \(difference ?? "")\n\(imported.source)")
        }
    }

    /// A designer's `daily-call-target` comes back from the manifest; an industry's own does not.
    @Test func aDailyCallTargetOtherThanTheIndustrysComesBack() throws {
        let text = "flow line\n  number +1-800-555-0157\n  daily-call-target 240\n\n  step start\n    hangup\n"
        let original = try Self.build([SourceFile(path: "line.ivr", text: text)])
        let manifest = BundleWriter.manifest(for: original, compilerVersion: "test", waivers: [])
        let flow = try #require(original.flows.first)
        let files = flow.documents.map { TeXMLFile(path: $0.path, data: Data(original.documents[$0.path] ?? [])) }
        let imported = TeXMLImporter.importFlow(files, options: .init(context: BundleContext(manifest: manifest, root: "")))
        #expect(imported.source.contains("  number +18005550157\n  daily-call-target 240\n"), "\(imported.source)")
        let examples = try Self.build(try ExampleFlows.sources())
        #expect(BundleContext(manifest: BundleWriter.manifest(for: examples, compilerVersion: "test", waivers: []), root: "")
            .dailyCallTargets.isEmpty, "the examples keep their industries' targets")
    }

    @Test func menusComeBackWithTheirTries() throws {
        let original = try Self.build(try ExampleFlows.sources())
        let flow = try #require(original.flows.first { $0.name == "patient_intake" })
        let (files, options) = Self.importInput(flow, original)
        let source = TeXMLImporter.importFlow(files, options: options).source
        #expect(source.contains("    menu language=en-US timeout=5s\n"))
        #expect(source.contains("      on 9 \"urgent\" -> urgent\n"))
        #expect(!source.contains("welcome_part2"))
    }

    @Test func equivalenceNoticesAChangedVerb() throws {
        let original = try Self.build(try ExampleFlows.sources())
        let flow = try #require(original.flows.first { $0.name == "patient_intake" })
        let (files, options) = Self.importInput(flow, original)
        let changed = TeXMLImporter.importFlow(files, options: options).source
            .replacingOccurrences(of: "timeout=20s -> urgent_backup", with: "timeout=25s -> urgent_backup")
        let rebuilt = try Compiler.compile(Checker.check([SourceFile(path: "changed.ivr", text: changed)]).graph)
        let difference = CallEquivalence.difference(try CompiledCall(flow, bundle: original),
                                                    try CompiledCall(try #require(rebuilt.flows.first), bundle: rebuilt))
        #expect(difference?.contains("timeout=\"25\"") == true, "\(difference ?? "nil")")
    }
}
