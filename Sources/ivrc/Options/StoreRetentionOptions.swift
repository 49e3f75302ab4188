import ArgumentParser
import Foundation
import TeXMLEmit

/// `--keep-for` and `--keep`: which retired builds a bundle store keeps, for `build --store`
/// and `store prune` alike.
struct StoreRetentionOptions: ParsableArguments {
    @Option(help: "Seconds a retired build is kept (give the servers' --grace-period).")
    var keepFor = Int(StoreRetention().keepFor)

    @Option(help: "Retired builds kept at most.")
    var keep = StoreRetention().keepCount

    func validate() throws {
        guard keepFor >= 0, keep >= 0 else { throw ValidationError("--keep-for and --keep must not be negative") }
    }

    var retention: StoreRetention { StoreRetention(keepFor: TimeInterval(keepFor), keepCount: keep) }
}
