import ArgumentParser
import Foundation
import IVRLang
import IVRRuntime
import TeXMLEmit

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Try a call without a phone: run the compiled TeXML as Telnyx would.",
        discussion: """
            Compiles the .ivr in memory (refusing flows with errors) or loads a built bundle, then
            calls the number. On a terminal without --press/--script you hear each prompt and type
            keys at every menu (empty line = silence, `speak WORDS`, `hang-up`) and the outcome of
            every dial. Otherwise the caller follows the script and the transcript is printed.
            """
    )

    @Argument(help: "A .ivr file or a bundle directory written by `ivrc build`.")
    var input: String

    @Option(help: "The number to call (default: the only flow's number).")
    var number: String?

    @Option(help: "Keys to press at successive menus, e.g. 1,9.")
    var press: String?

    @Option(help: "A file of caller events (- for stdin), one per line: press 9, speak \"billing\", silence, answer, no-answer, busy, hang-up.")
    var script: String?

    @Option(help: "Base URL the bundle is served from (maps absolute URLs back to its documents).")
    var baseURL: String?

    @Option(help: "Most documents and verbs run before the simulation gives up on a looping flow.")
    var maxSteps = CallSession.defaultStepLimit

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if press != nil && script != nil { throw ValidationError("give either --press or --script, not both") }
        if maxSteps < 1 { throw ValidationError("--max-steps must be at least 1") }
    }

    func run() throws {
        try reportingFailures {
            guard let program = try loadProgram() else { return ExitStatus.diagnostics }
            let entry = try entryDocument(program)
            let events = try scriptedEvents()
            let transcript: [CallEvent]
            if events == nil && isatty(STDIN_FILENO) == 1 {
                var caller = InteractiveCaller()
                transcript = CallSimulator.run(program, entry: entry, caller: &caller, stepLimit: maxSteps) { event in
                    print(TranscriptFormatter.line(event))
                }
            } else {
                var caller = ScriptedCaller(events ?? [])
                transcript = CallSimulator.run(program, entry: entry, caller: &caller, stepLimit: maxSteps)
                print(TranscriptFormatter.format(transcript, indent: ""), terminator: "")
                let unused = caller.events.count - caller.consumed
                if unused > 0 {
                    standardError("ivrc: the call ended with \(unused) scripted event(s) unused\n")
                }
            }
            if case .stopped(let reason)? = transcript.last, reason.isFault { return ExitStatus.diagnostics }
            return ExitStatus.clean
        }
    }

    private func loadProgram() throws -> CallProgram? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
            throw UsageFailure("no such file or directory: \(input)")
        }
        if isDirectory.boolValue {
            do {
                let bundle = try LoadedBundle(directory: URL(fileURLWithPath: input))
                return CallProgram(bundle: bundle, baseURLs: baseURL.map { [$0] } ?? [])
            } catch let failure as LoadedBundle.Failure {
                throw UsageFailure(failure.description)
            }
        }
        return CheckedProgram.load(try InputFiles.load([input]), output: output, baseURL: baseURL)?.program
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
            let read = script == "-" ? String(data: FileHandle.standardInput.readDataToEndOfFile(), encoding: .utf8)
                : try? String(contentsOfFile: script, encoding: .utf8)
            guard let text = read else {
                throw UsageFailure("cannot read script: \(script)")
            }
            return try CallerScript.parse(text)
        } catch let failure as CallerScript.Failure {
            throw UsageFailure("\(script ?? "--press"): \(failure.description)")
        }
    }
}
