import Foundation
import IVRBundle
import IVRCheck
import IVRLang

/// One flow of a built bundle as the checker's flow graph, for drawing it without its `.ivr`
/// source (`ivrc report --graph`): the flow's documents are imported back into `.ivr` (as
/// `ivrc import` does, with the manifest's routes) and that text is resolved like any flow.
public struct BundleFlowGraph: Sendable {
    /// Why the flow cannot be drawn.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let graph: FlowGraph
    /// The imported step each document became, by bundle path (`FLOW/STEP.xml`).
    public let stepNames: [String: String]

    public init(flow: String, bundle: LoadedBundle) throws(Failure) {
        let manifest = bundle.manifest
        let files = manifest.documents.keys.filter { $0.hasPrefix(flow + "/") }.sorted().compactMap { path in
            bundle.document(path).map { TeXMLFile(path: path, data: Data($0)) }
        }
        let imported = TeXMLImporter.importFlow(files, options: .init(context: BundleContext(manifest: manifest, root: "")))
        if let refusal = imported.diagnostics.first(where: { $0.severity == .error }) {
            throw Failure(description: "flow \(flow) of the bundle cannot be read back: \(refusal.message)")
        }
        // Only the shape is wanted: resolution, not the compliance rules.
        let checked = Checker.check([SourceFile(path: "\(flow).ivr", text: imported.source)], rules: [])
        guard checked.graph.flows.count == 1 else {
            throw Failure(description: "flow \(flow) of the bundle cannot be read back: its documents make no single flow")
        }
        graph = checked.graph
        stepNames = imported.stepNames
    }
}
