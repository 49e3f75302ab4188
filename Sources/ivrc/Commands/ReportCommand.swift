import ArgumentParser
import Foundation
import IVRBundle
import IVRCallLog
import IVRLang

/// `ivrc report`: the calls in `ivrc serve`'s request logs against the onboarding plan.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report calls from ivrc serve's JSON logs: per flow and day, against the plan's goals.",
        discussion: """
            Reads the logs of any number of replicas, rotated and gzip'd, in any order, and groups \
            their lines by CallSid: calls, calls that reached a person, emergency calls and the \
            CallSids of those that did not reach a person, where calls ended, menu branches, lookup \
            failures, languages, latency percentiles and errors, with the plan's indicators marked \
            pass or FAIL. Lines it cannot use are counted in the footer. Callers' numbers are never read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    @Argument(help: "Log files (JSON lines from ivrc serve; .gz files are read as gzip).")
    var logs: [String]

    @Option(help: "The served bundle: route kinds, first languages and each flow's daily call target.")
    var bundle: String?

    @Option(help: "First day or UTC moment to count (2026-12-01 or 2026-12-01T08:00:00Z).")
    var from: String?

    @Option(help: "Last day (included) or UTC moment (excluded) to count.")
    var to: String?

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    func run() throws {
        try reportingFailures {
            let window: TimeWindow
            do throws(TimeWindow.Failure) { window = try TimeWindow(from: from, to: to) } catch {
                standardError("ivrc: error: \(error.description)\n")
                return ExitStatus.diagnostics
            }
            let manifest = try bundle.map(Self.manifest)
            do throws(CallLog.Unreadable) {
                let report = try CallLog.report(logs, window: window, manifest: manifest)
                switch format {
                case .text: print(TextReportRenderer.render(report), terminator: "")
                case .markdown: print(MarkdownReportRenderer.render(report), terminator: "")
                case .json: print(DeterministicJSON.string(report), terminator: "")
                }
                return ExitStatus.clean
            } catch {
                standardError("ivrc: error: \(error.description)\n")
                return ExitStatus.diagnostics
            }
        }
    }

    /// The bundle's manifest (a store's current build's), read as `ivrc serve` reads it
    /// (confined, bounded, its format checked).
    private static func manifest(_ directory: String) throws -> Manifest {
        do {
            return try LoadedBundle.manifest(in: try ConfinedDirectory(BundleStoreDirectory.bundleDirectory(URL(fileURLWithPath: directory)).path))
        } catch let failure as BundleStoreDirectory.Failure {
            throw UsageFailure(failure.description)
        } catch let failure as FileAccessFailure {
            throw UsageFailure(failure.description)
        } catch let failure as LoadedBundle.Failure {
            throw UsageFailure(failure.description)
        }
    }
}
