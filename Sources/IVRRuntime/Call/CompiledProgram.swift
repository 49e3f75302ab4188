import IVRBundle
import IVRCheck
import TeXMLEmit

extension CallProgram {
    /// Compiles a checked graph in memory and loads it exactly as a server would load the
    /// written bundle, so simulations run the same documents and routes `ivrc build` ships.
    public static func compile(_ graph: FlowGraph, baseURL: String? = nil) throws -> CallProgram {
        let compiled = try Compiler.compile(graph, baseURL: baseURL)
        let manifest = BundleWriter.manifest(for: compiled, compilerVersion: "in-memory", waivers: [])
        let bundle = try LoadedBundle(manifest: manifest, documents: compiled.documents)
        let bases = baseURL.map { [$0] } ?? graph.flows.compactMap(\.baseURL)
        return CallProgram(bundle: bundle, baseURLs: bases)
    }
}
