import ArgumentParser
import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import IVRRuntime
import TeXMLEmit

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Try a call without a phone: run the compiled TeXML as Telnyx would.",
        discussion: """
            Compiles the .ivr in memory (refusing flows with errors) or loads a built bundle, then \
            calls the number. On a terminal without --press/--script you hear each prompt and type \
            keys at every menu (empty line = silence, `speak WORDS`, `hang-up`) and the outcome of \
            every dial. Otherwise the caller follows the script and the transcript is printed. \
            With --url the same call is placed against a running `ivrc serve` over HTTP.
            """
    )

    @Argument(help: "A .ivr file, a directory of them, or a bundle directory written by `ivrc build` (not with --url).")
    var input: String?

    @Option(help: "The number to call (default: the only flow's number).")
    var number: String?

    @Option(help: "Keys to press at successive menus, e.g. 1,9.")
    var press: String?

    @Option(help: "A file of caller events (- for stdin), one per line: press 9, speak \"billing\", silence, answer, no-answer, busy, hang-up.")
    var script: String?

    @Option(help: "Base URL the bundle is served from (maps absolute URLs back to its documents).")
    var baseURL: String?

    @Option(help: "When the call happens, for `hours` decisions: `2026-12-25 09:00` (the line's local time) or ISO 8601 with an offset (default: now).")
    var at: String?

    @Option(help: "Most documents and verbs run before the simulation gives up on a looping flow.")
    var maxSteps = CallSession.defaultStepLimit

    @OptionGroup var output: OutputOptions

    @OptionGroup var server: LiveServerOptions

    @OptionGroup var environment: EnvironmentOptions

    func validate() throws {
        if (input == nil) == (server.url == nil) { throw ValidationError("give a .ivr file or bundle, or --url, not both") }
        if server.url != nil && number == nil { throw ValidationError("--url needs --number: the number the call is to") }
        _ = try server.webhook()
        _ = try server.signer()
        _ = try server.trustedCertificates()
        if let at, CallMoment.parse(at) == nil {
            throw ValidationError("--at must be a date and time that exist: `2026-12-25 09:00` or `2026-12-25T14:00:00Z`")
        }
        if environment.env != nil && (server.url != nil || input.map(Self.isBundle) == true) {
            throw ValidationError("--env applies to .ivr sources: a bundle (or a server) was built for its environment already")
        }
        if press != nil && script != nil { throw ValidationError("give either --press or --script, not both") }
        if maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            let events = try scriptedEvents()
            // Against a server, --at holds only if it says it decides `hours` by the moment sent (--test-clock).
            if let number, let live = try server.source(calling: number, at: at.flatMap(CallMoment.parse)) {
                return play(live.source, entry: live.entry, events: events)
            }
            guard let input, var program = try loadProgram(input) else { return ExitStatus.diagnostics }
            program.clock = .at(at.flatMap(CallMoment.parse) ?? .instant(Date()))
            return play(program, entry: try entryDocument(program), events: events)
        }
    }

    /// Runs the call interactively on a terminal, otherwise by the script; exit 1 when the
    /// bundle or server (not the script running out) stopped the call.
    private func play(_ source: some DocumentSource, entry: String, events: [CallerEvent]?) -> Int32 {
        let transcript: [CallEvent]
        if events == nil && isatty(STDIN_FILENO) == 1 {
            var caller = InteractiveCaller()
            transcript = CallSimulator.run(source, entry: entry, caller: &caller, stepLimit: maxSteps) { event in
                print(TranscriptFormatter.line(event))
            }
        } else {
            var caller = ScriptedCaller(events ?? [])
            transcript = CallSimulator.run(source, entry: entry, caller: &caller, stepLimit: maxSteps)
            print(TranscriptFormatter.format(transcript, indent: ""), terminator: "")
            let unused = caller.events.count - caller.consumed
            if unused > 0 {
                standardError("ivrc: the call ended with \(unused) scripted event(s) unused\n")
            }
        }
        if case .stopped(let reason)? = transcript.last, reason.isFault { return ExitStatus.diagnostics }
        return ExitStatus.clean
    }

    private func loadProgram(_ input: String) throws -> CallProgram? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw UsageFailure("no such file or directory: \(input)")
        }
        // A directory of sources (flows with the modules they use) is compiled like one file.
        if isDirectory.boolValue && Self.isBundle(input) {
            do {
                let bundle = try LoadedBundle(directory: URL(fileURLWithPath: input))
                return CallProgram(bundle: bundle, baseURLs: baseURL.map { [$0] } ?? [])
            } catch let failure as LoadedBundle.Failure {
                throw UsageFailure(failure.description)
            }
        }
        return CheckedProgram.load(try InputFiles.load([input]), output: output, baseURL: baseURL,
                                   environment: try environment.load())?.program
    }

    /// A built bundle (a directory with a manifest), not sources.
    private static func isBundle(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/manifest.json")
    }

    private func entryDocument(_ program: CallProgram) throws -> String {
        let flows = program.bundle.manifest.flows
        if let number {
            guard let entry = program.entry(number: number) else {
                let known = flows.map(\.number).sorted().joined(separator: ", ")
                throw UsageFailure("no flow answers \(number) (numbers in the bundle: \(known))")
            }
            return entry
        }
        guard flows.count == 1, let only = flows.first else {
            throw UsageFailure("the bundle answers \(flows.count) numbers; pick one with --number")
        }
        return only.entry
    }

    private func scriptedEvents() throws -> [CallerEvent]? {
        do {
            if let press { return try CallerScript.parsePresses(press) }
            guard let script else { return nil }
            let bytes = script == "-" ? [UInt8]((try? FileHandle.standardInput.read(upToCount: 1024 * 1024)) ?? Data())
                : try ConfinedDirectory.readFile(atPath: script, limit: 1024 * 1024)
            return try CallerScript.parse(String(decoding: bytes, as: UTF8.self))
        } catch let failure as FileAccessFailure {
            throw UsageFailure("cannot read script: \(failure.description)")
        } catch let failure as CallerScript.Failure {
            throw UsageFailure("\(script ?? "--press"): \(failure.description)")
        }
    }
}
