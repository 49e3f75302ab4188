import IVRCheck
import IVRRuntime
import TeXMLEmit

extension CallProgram {
    /// A checked graph compiled in memory and run as `ivrc test` and `simulate` run it.
    public static func compiled(_ graph: FlowGraph, baseURL: String? = nil) throws -> CallProgram {
        let compiled = try InMemoryBundle(compiling: graph, baseURL: baseURL)
        return CallProgram(bundle: compiled.bundle, baseURLs: compiled.baseURLs)
    }
}
