import IVRBundle
import IVRCheck

/// A checked graph compiled in memory and loaded exactly as a server loads the written bundle,
/// so `simulate`, `test` and `diff` run the same documents and routes `ivrc build` ships. It
/// lives beside lowering so that the runtime needs only the bundle contract (`IVRBundle`).
public struct InMemoryBundle: Sendable {
    public let bundle: LoadedBundle
    /// The URLs the flows are served from (`--base-url`, else each flow's `base-url`), under
    /// which absolute links into the bundle resolve.
    public let baseURLs: [String]

    public init(compiling graph: FlowGraph, baseURL: String? = nil) throws {
        let compiled = try Compiler.compile(graph, baseURL: baseURL)
        let manifest = BundleWriter.manifest(for: compiled, compilerVersion: "in-memory", waivers: [])
        bundle = try LoadedBundle(manifest: manifest, documents: compiled.documents)
        baseURLs = baseURL.map { [$0] } ?? graph.flows.compactMap(\.baseURL)
    }
}
