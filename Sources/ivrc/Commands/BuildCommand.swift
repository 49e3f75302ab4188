import ArgumentParser
import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLEmit

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check flows and compile them into a TeXML bundle.",
        discussion: """
            Runs every check first; with any error left, no bundle is written (exit 1). \
            The bundle replaces DIR atomically: one XML file per document and manifest.json. \
            When DIR holds a bundle from the same ivrc version, the documents of every flow \
            whose lowered form did not change are linked from it (each verified against its \
            SHA-256) instead of being serialised, validated and written again. \
            DIR must be absent, empty, or an ivrc bundle (nothing in it the manifest does not \
            name); a symbolic link DIR is followed and the bundle it names replaced.
            """
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr).")
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "Directory to write the bundle to.")
    var output: String

    @Option(help: "Base URL the bundle is served from; action URLs are relative without it.")
    var baseURL: String?

    @Flag(help: "Write a bundle even when the input holds no flow (it replaces DIR with an empty bundle).")
    var allowEmpty = false

    @Flag(help: "Print the time each stage took to stderr.")
    var timings = false

    @OptionGroup var diagnostics: OutputOptions

    @OptionGroup var environment: EnvironmentOptions

    func validate() throws {
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) || baseURL.contains(" ") {
            throw ValidationError("--base-url must be an http(s) URL, e.g. https://ivr.example.com/texml")
        }
    }

    func run() throws {
        var timer = StageTimer(enabled: timings)
        defer { timer.report() }
        try reportingFailures {
            let sources = try timer.measure("read") { try InputFiles.load(paths) }
            let values = try environment.load()
            let result = timer.measure("check") { Checker.check(sources, environment: values) }
            diagnostics.emit(result.diagnostics, sources: sources.with(values), waived: result.waived)
            let status = diagnostics.status(for: result.diagnostics)
            guard status == ExitStatus.clean else {
                standardError("ivrc: no bundle written: fix the errors above first\n")
                return status
            }
            // Counted before lowering: a bundle over the limits is never built in memory.
            let overLimits = BundleLimits.check(result.graph)
            if !overLimits.isEmpty {
                diagnostics.emit(overLimits, sources: sources.with(values), waived: [])
                standardError("ivrc: no bundle written: `ivrc serve` would refuse a bundle this large\n")
                return ExitStatus.diagnostics
            }
            let target = URL(fileURLWithPath: output)
            let flows = timer.measure("lower") { Compiler.lower(result.graph, baseURL: baseURL) }
            // A truncated or emptied file must not replace a serving bundle with nothing.
            if flows.isEmpty && !allowEmpty {
                standardError("ivrc: no bundle written: the input holds no flow (pass --allow-empty to write an empty bundle)\n")
                return ExitStatus.diagnostics
            }
            let bundle: CompiledBundle
            let outcome: BundleWriter.Outcome
            do {
                let previous = PreviousBundle(at: target, compilerVersion: CompilerVersion.string)
                bundle = try timer.measure("compile") { try Compiler.compile(flows, reusing: previous) }
                outcome = try timer.measure("write") {
                    try BundleWriter.write(bundle, to: target, compilerVersion: CompilerVersion.string,
                                           waivers: result.waivers.map(Manifest.Waiver.init),
                                           environment: values.map { Manifest.Environment($0, used: result.environmentUsed) })
                }
            } catch let error as InternalCompilerError {
                standardError(error.description)
                return ExitStatus.diagnostics
            } catch let failure as BundleWriter.Failure {
                throw UsageFailure(failure.description)
            }
            let summary = "\(bundle.flows.count) flow(s), \(bundle.documentCount) documents"
            switch outcome {
            case .unchanged:
                standardError("ivrc: left \(output) as it was (it already holds this bundle): \(summary)\n")
            case .written(let reused):
                let reuse = reused > 0 ? " (\(reused) unchanged, linked from the bundle it replaced)" : ""
                standardError("ivrc: wrote \(output): \(summary)\(reuse)\n")
            }
            return ExitStatus.clean
        }
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
