import IVRBundle
import IVRCheck

extension Manifest.Waiver {
    /// The manifest's record of a waiver in force: where it is written, what it allows, why.
    public init(_ waiver: Waiver) {
        self.init(file: waiver.file, line: waiver.line, rule: waiver.rule, reason: waiver.reason)
    }
}
