import IVRBundle
import IVRCheck

extension Manifest.Environment {
    /// The record of `values`: its name and a SHA-256 over the `key=value` lines of the keys used.
    public init(_ values: EnvironmentValues, used keys: [String]) {
        let lines = keys.sorted().map { "\($0)=\(values.values[$0]?.text ?? "")\n" }.joined()
        self.init(name: values.name, valuesSHA256: DocumentHash.sha256(Array(lines.utf8)))
    }
}
