import IVRCheck
import IVRRuntime
import TeXMLEmit

extension CallProgram {
    /// A checked graph compiled in memory and loaded as a server loads the written bundle: what
    /// `ivrc test` and `simulate`, `explain`'s examples and the language server's test lenses run.
    public init(compiling graph: FlowGraph, baseURL: String? = nil) throws {
        let compiled = try InMemoryBundle(compiling: graph, baseURL: baseURL)
        self.init(bundle: compiled.bundle, baseURLs: compiled.baseURLs)
    }
}
