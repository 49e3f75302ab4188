import ArgumentParser
import BuildInfo
import Foundation
import IVRBuildCache
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

            With --store (implied when DIR already is a store), DIR keeps every build: \
            DIR/bundles/<bundle-id>/ immutable (its manifest; every build's documents are in \
            DIR/documents/, one file per distinct document, named by its SHA-256, so an unchanged \
            document is never written twice), DIR/current a link to the one new calls start on, \
            switched atomically, DIR/history when each became current. The same sources give the \
            same id (nothing rewritten); retired builds are kept for --keep-for seconds (the \
            servers' --grace-period), at most --keep of them. `ivrc serve DIR` answers every call \
            of every retained build, also after a restart.
            """
    )

    @Argument(help: "Flow files or directories (searched recursively for *.ivr).")
    var paths: [String]

    @Option(name: [.short, .customLong("output")], help: "Directory to write the bundle to.")
    var output: String

    @Option(help: "Base URL the bundle is served from; action URLs are relative without it.")
    var baseURL: String?

    @Flag(help: "Keep every build in DIR as a bundle store (implied when DIR is one): see above.")
    var store = false

    @OptionGroup(title: "With a store")
    var retention: StoreRetentionOptions

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
            let target = URL(fileURLWithPath: output)
            let intoStore = store || BundleStoreDirectory.isStore(target.path)
            let setting = BuildSetting(compilerVersion: CompilerVersion.string, commit: BuildInfo.commit, baseURL: baseURL, environment: values)
            if intoStore, let status = try incrementalBuild(sources, environment: values, into: target, setting: setting, timer: &timer) {
                return status
            }
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
            let flows = timer.measure("lower") { Compiler.lower(result.graph, baseURL: baseURL) }
            // A truncated or emptied file must not replace a serving bundle with nothing.
            if flows.isEmpty && !allowEmpty {
                standardError("ivrc: no bundle written: the input holds no flow (pass --allow-empty to write an empty bundle)\n")
                return ExitStatus.diagnostics
            }
            let bundle: CompiledBundle
            let report: String
            do {
                let previous = PreviousBundle(at: intoStore ? (try? BundleStoreDirectory.bundleDirectory(target)) ?? target : target,
                                              compilerVersion: CompilerVersion.string)
                bundle = try timer.measure("compile") { try Compiler.compile(flows, reusing: previous) }
                let waivers = result.waivers.map(Manifest.Waiver.init)
                let environment = values.map { Manifest.Environment($0, used: result.environmentUsed) }
                let summary = "\(bundle.flows.count) flow(s), \(bundle.documentCount) documents"
                report = try timer.measure("write") {
                    guard intoStore else {
                        return try writeBundle(bundle, to: target, waivers: waivers, environment: environment, summary: summary)
                    }
                    let (line, id) = try storeBuild(bundle, in: target, waivers: waivers, environment: environment, summary: summary)
                    // What the next build takes from this one instead of doing it again.
                    let directory = BundleStoreDirectory(root: target)
                    IncrementalBuild.snapshot(of: sources, environment: values, result: result, compiled: bundle, build: id,
                                              setting: setting, size: DocumentPool(store: directory).size(of:))?
                        .write(in: directory, flushing: true)
                    return line
                }
            } catch let error as InternalCompilerError {
                standardError(error.description)
                return ExitStatus.diagnostics
            } catch let failure as BundleWriter.Failure {
                throw UsageFailure(failure.description)
            }
            standardError(report)
            return ExitStatus.clean
        }
    }

    /// DIR replaced by the new bundle; what happened, as the line to print.
    private func writeBundle(_ bundle: CompiledBundle, to target: URL, waivers: [Manifest.Waiver],
                             environment: Manifest.Environment?, summary: String) throws -> String {
        let outcome = try BundleWriter.write(bundle, to: target, compilerVersion: CompilerVersion.string,
                                             waivers: waivers, environment: environment)
        switch outcome {
        case .unchanged:
            return "ivrc: left \(output) as it was (it already holds this bundle): \(summary)\n"
        case .written(let reused):
            let reuse = reused > 0 ? " (\(reused) unchanged, linked from the bundle it replaced)" : ""
            return "ivrc: wrote \(output): \(summary)\(reuse)\n"
        }
    }

    /// The build kept in the store at DIR and made current; what happened, as the lines to
    /// print, and the build's id.
    private func storeBuild(_ bundle: CompiledBundle, in target: URL, waivers: [Manifest.Waiver],
                            environment: Manifest.Environment?, summary: String) throws -> (report: String, id: String) {
        let (outcome, pruned) = try BundleStoreWriter.write(bundle, to: target, compilerVersion: CompilerVersion.string,
                                                            waivers: waivers, environment: environment, retention: retention.retention)
        return (report(outcome, pruned: pruned, summary: summary), outcome.id)
    }

    /// A store build from the store's snapshot of the last build: only the files that changed
    /// are checked, lowered and compiled. Nil, having printed nothing, when the snapshot cannot
    /// give what a whole build gives (`IncrementalBuild`): then the build is done whole.
    private func incrementalBuild(_ sources: [SourceFile], environment values: EnvironmentValues?, into target: URL,
                                  setting: BuildSetting, timer: inout StageTimer) throws -> Int32? {
        let directory = BundleStoreDirectory(root: target)
        // Its stages are reported only when the snapshot is used: `--timings` then shows `snapshot`.
        var attempt = StageTimer(enabled: timer.enabled)
        guard BundleStoreDirectory.isStore(target.path),
              let snapshot = attempt.measure("snapshot", { BuildSnapshot.read(in: directory, setting: setting) }),
              let checked = attempt.measure("check", { IncrementalBuild.check(sources, environment: values, snapshot: snapshot, setting: setting) }),
              checked.flowCount > 0,
              attempt.measure("pool", { DocumentPool(store: directory).holdsAll(checked.keptHashes, of: checked.base) }) else { return nil }
        timer.add(attempt)
        diagnostics.emit(checked.diagnostics, sources: sources.with(values), waived: [])
        let status = diagnostics.status(for: checked.diagnostics)
        guard status == ExitStatus.clean else {
            standardError("ivrc: no bundle written: fix the errors above first\n")
            return status
        }
        do {
            let flows = timer.measure("lower") { Compiler.lower(checked.changed.graph, baseURL: baseURL) }
            let compiled = try timer.measure("compile") { try Compiler.compile(flows) }
            let (build, next) = IncrementalBuild.assemble(checked, compiled: compiled, compilerVersion: CompilerVersion.string,
                                                          environment: values, setting: setting)
            let (outcome, pruned) = try timer.measure("write") {
                // Written now, put in place under the store's lock, flushed with the build.
                let staged = next.stage(in: directory)
                return try BundleStoreWriter.write(build, to: target, retention: retention.retention) {
                    // A prune since the snapshot was read may have removed a document it vouched for.
                    guard snapshot.isStillInPlace(in: directory) else {
                        if let staged { unlink(staged) }
                        throw BundleStoreWriter.MissingDocuments()
                    }
                    if let staged { next.place(staged, in: directory) }
                }
            }
            let summary = "\(checked.flowCount) flow(s), \(build.kept.count + compiled.documentCount) documents"
            standardError(report(outcome, pruned: pruned, summary: summary))
            return ExitStatus.clean
        } catch let error as InternalCompilerError {
            standardError(error.description)
            return ExitStatus.diagnostics
        } catch is BundleStoreWriter.MissingDocuments {
            throw UsageFailure("documents of \(output) are missing from its pool (deleted by hand, or found damaged by "
                + "`ivrc store prune` while this build ran); nothing was stored: build again, which builds every flow")
        } catch let failure as BundleWriter.Failure {
            throw UsageFailure(failure.description)
        }
    }

    /// What a store build did, as the lines to print.
    private func report(_ outcome: BundleStoreWriter.Outcome, pruned: [String], summary: String) -> String {
        let line = switch outcome {
        case .unchanged(let id):
            "ivrc: \(output) already serves build \(id): \(summary)\n"
        case .restored(let id):
            "ivrc: made the stored build \(id) current again in \(output): \(summary)\n"
        case .written(let id, let reused):
            "ivrc: stored build \(id) in \(output) and made it current: \(summary)"
                + (reused > 0 ? " (\(reused) unchanged, already in the store)" : "") + "\n"
        }
        return line + (pruned.isEmpty ? "" : "ivrc: pruned \(pruned.count) retired build(s): \(pruned.joined(separator: ", "))\n")
    }
}

func standardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}
