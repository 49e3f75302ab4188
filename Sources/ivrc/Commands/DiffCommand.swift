import ArgumentParser
import Foundation
import IVRBundle
import IVRCheck
import IVRDiff
import IVRLang
import IVRRuntime
import TeXMLEmit

extension DiffReport.Format: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a change does to callers: two bundles, two source trees, or REV:PATH from git.",
        discussion: """
            Both sides are compiled (or loaded) and compared as callers meet them: recording and \
            disclosure changes first, then calls that end somewhere else (a person, a message, a \
            hangup), keys added or removed, dial targets and timeouts, prompts (word diff). Every \
            step's ways on (after a recording, when nobody answers, …) are compared whatever the \
            depth; where calls end is compared for the key sequences both sides follow to an end \
            within --depth, and a cut-off is said on stderr and in the report. \
            Layout-only edits (`ivrc fmt`) print "no change for callers". A side written REV:PATH \
            (e.g. main:flows) is taken from git at that revision. With --env NAME both source sides \
            take their env.KEY values from environments/NAME.toml, as `check --env` does.
            """
    )

    @Argument(help: "The version before: a bundle directory, a .ivr file or directory, or REV:PATH.")
    var old: String

    @Argument(help: "The version after, in the same forms.")
    var new: String

    @Option(help: "text, markdown (for a pull-request comment) or json.")
    var format: DiffReport.Format = .text

    @Flag(help: "Exit 1 when anything changes for callers (a deploy gate).")
    var exitCode = false

    @Option(help: "Most caller choices per path when comparing where calls end.")
    var depth = CallerPaths.defaultDepth

    @OptionGroup var environment: EnvironmentOptions

    func validate() throws {
        if depth < 1 || depth > 8 { throw ValidationError("--depth must be between 1 and 8") }
    }

    func run() throws {
        try reportingFailures {
            let values = try environment.load()
            guard let before = try views(of: old, values), let after = try views(of: new, values) else { return ExitStatus.diagnostics }
            let changes = BehaviourDiff.changes(old: before, new: after)
            let cutFlows = Set((before + after).filter(\.isCutOff).map(\.flow)).sorted()
            let cutOff = cutFlows.isEmpty ? nil : DiffReport.CutOff(depth: depth, flows: cutFlows)
            if let cutOff { standardError("ivrc: \(cutOff.sentence)\n") }
            print(DiffReport.render(changes, format: format, cutOff: cutOff), terminator: "")
            return exitCode && !changes.isEmpty ? ExitStatus.diagnostics : ExitStatus.clean
        }
    }

    /// Every flow of one side as callers meet it; nil when its sources have errors (printed).
    private func views(of side: String, _ values: EnvironmentValues?) throws -> [CallerView]? {
        guard let program = try program(of: side, values) else { return nil }
        let views = program.bundle.manifest.flows.map { CallerView(program: program, flow: $0, depth: depth) }
        for view in views where !view.allPathsFollowed {
            standardError("ivrc: \(side): flow \(view.flow) has more than \(CallerPaths.pathLimit) call paths within --depth \(depth); "
                          + "where calls end was compared for the first \(CallerPaths.pathLimit) only (a lower --depth compares all)\n")
        }
        return views
    }

    /// A bundle was built for one environment already, so `values` applies to source sides only.
    private func program(of side: String, _ values: EnvironmentValues?) throws -> CallProgram? {
        let compiled: CallProgram?
        if !FileManager.default.fileExists(atPath: side), let checkout = try GitRevision.export(side) {
            defer { try? FileManager.default.removeItem(atPath: checkout.directory) }
            // Files are named as the side was written (`main:flows/x.ivr`), never by the export's temporary path.
            let revision = String(side[..<(side.firstIndex(of: ":") ?? side.endIndex)])
            compiled = try program(at: checkout.path, values) { path in
                path.hasPrefix(checkout.directory + "/") ? revision + ":" + path.dropFirst(checkout.directory.count + 1) : path
            }
        } else {
            compiled = try program(at: side, values)
        }
        if compiled == nil { standardError("ivrc: \(side == old ? "the old side" : "the new side") (\(side)) has errors; nothing was compared\n") }
        return compiled
    }

    private func program(at path: String, _ values: EnvironmentValues?,
                         naming name: (String) -> String = { $0 }) throws -> CallProgram? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path + "/manifest.json", isDirectory: &isDirectory), !isDirectory.boolValue {
            do {
                return CallProgram(bundle: try LoadedBundle(directory: URL(fileURLWithPath: path)))
            } catch let failure as LoadedBundle.Failure {
                throw UsageFailure(failure.description)
            }
        }
        // Errors in a side are printed as `check` prints them, JSON for --format json.
        let files = try InputFiles.load([path]).map { SourceFile(path: name($0.path), bytes: $0.bytes) }
        let output = try OutputOptions.parse(format == .json ? ["--format", "json"] : [])
        return CheckedProgram.load(files, output: output, environment: values)?.program
    }
}
