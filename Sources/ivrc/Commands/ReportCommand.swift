import ArgumentParser
import Foundation
import IVRBundle
import IVRCallLog
import IVRDiagram
import IVRLang
import TeXMLImport

/// `ivrc report`: the calls in `ivrc serve`'s request logs against the onboarding plan.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report calls from ivrc serve's JSON logs: per flow and day, against the plan's goals.",
        discussion: """
            Reads the logs of any number of replicas, rotated and gzip'd, in any order, and groups \
            their lines by CallSid: calls, calls that reached a person, emergency calls and the \
            CallSids of those that did not reach a person, where calls ended, menu and value branches, lookup \
            failures, languages, latency percentiles and errors, with the plan's indicators marked \
            pass or FAIL. Lines it cannot use are counted in the footer. Callers' numbers are never read. \
            `--graph` draws one flow of the bundle instead, as a heat map: each edge with the calls \
            that took it, each step with the calls that ended there.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown, json
    }

    enum Graph: String, ExpressibleByArgument, CaseIterable {
        case svg, dot, mermaid
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

    @Option(help: "Draw the flow's diagram with calls per edge and drop-offs per step instead: svg, dot or mermaid (needs --bundle).")
    var graph: Graph?

    @Option(help: "The flow to draw, when the bundle has several.")
    var flow: String?

    @Option(name: .shortAndLong, help: "Write the diagram to this file instead of stdout.")
    var output: String?

    func validate() throws {
        if graph != nil, bundle == nil {
            throw ValidationError("--graph draws the flow of the bundle that served the calls: add --bundle DIR (the directory `ivrc build` wrote)")
        }
        if graph == nil, flow != nil || output != nil {
            throw ValidationError("--flow and --output choose and write the diagram: add --graph svg, dot or mermaid")
        }
    }

    func run() throws {
        try reportingFailures {
            let window: TimeWindow
            do throws(TimeWindow.Failure) { window = try TimeWindow(from: from, to: to) } catch {
                standardError("ivrc: error: \(error.description)\n")
                return ExitStatus.diagnostics
            }
            if let graph, let bundle { return try drawHeatMap(graph, bundle: bundle, window: window) }
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

    /// `--graph`: the chosen flow's diagram (of a store's current build) with the report's counts laid over it.
    private func drawHeatMap(_ graph: Graph, bundle directory: String, window: TimeWindow) throws -> Int32 {
        let bundle: LoadedBundle
        do {
            bundle = try LoadedBundle(directory: BundleStoreDirectory.bundleDirectory(URL(fileURLWithPath: directory)))
        } catch let failure as BundleStoreDirectory.Failure {
            throw UsageFailure(failure.description)
        } catch {
            throw UsageFailure("\(error)")
        }
        let name = try Self.flowToDraw(flow, in: bundle.manifest)
        let shape: BundleFlowGraph
        do throws(BundleFlowGraph.Failure) { shape = try BundleFlowGraph(flow: name, bundle: bundle) } catch {
            throw UsageFailure(error.description)
        }
        let report: CallReport
        do throws(CallLog.Unreadable) { report = try CallLog.report(logs, window: window, manifest: bundle.manifest) } catch {
            standardError("ivrc: error: \(error.description)\n")
            return ExitStatus.diagnostics
        }
        let diagram = FlowDiagram(shape.graph)
        let calls = report.flows.first { $0.flow == name }
        if calls == nil {
            standardError("ivrc: note: the logs hold no call of \(name)\(window == .everything ? "" : " in --from/--to"); every count is 0\n")
        }
        let heat = CallHeatMap(calls, diagram: diagram, flow: name, stepNames: shape.stepNames)
        if !heat.unplaced.isEmpty {
            standardError("ivrc: note: not drawn, the bundle's \(name) has no such step or edge (logs of another version?): "
                          + heat.unplaced.joined(separator: "; ") + "\n")
        }
        let bytes: Data
        switch graph {
        case .dot: bytes = Data(DiagramFormat.dot.render(diagram, overlay: heat.overlay).utf8)
        case .mermaid: bytes = Data(DiagramFormat.mermaid.render(diagram, overlay: heat.overlay).utf8)
        case .svg: bytes = try GraphvizSVG.render(DiagramFormat.dot.render(diagram, overlay: heat.overlay))
        }
        if let output {
            try AtomicFile.replace(output, with: [UInt8](bytes))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
        return ExitStatus.clean
    }

    /// `--flow`, else the bundle's only flow; one graph draws one flow.
    private static func flowToDraw(_ flow: String?, in manifest: Manifest) throws -> String {
        let names = manifest.flows.map(\.name).sorted()
        if let flow {
            guard names.contains(flow) else {
                throw UsageFailure("--flow \(flow): the bundle has no such flow; it has \(names.joined(separator: ", "))")
            }
            return flow
        }
        guard names.count == 1, let only = names.first else {
            throw UsageFailure(names.isEmpty ? "the bundle has no flow to draw"
                : "the bundle has \(names.count) flows (\(names.joined(separator: ", "))): choose the one to draw with --flow NAME")
        }
        return only
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
