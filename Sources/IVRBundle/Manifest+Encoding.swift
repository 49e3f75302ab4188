extension Manifest {
    /// The manifest's bytes as `ivrc build` writes them: deterministic, so the server's bundle
    /// id (a hash of them) is the same on every replica.
    public var encoded: [UInt8] { DeterministicJSON.encode(self) }
}
