import ArgumentParser
import Foundation
import IVRBundle
import IVRLang
import TeXMLEmit

/// `ivrc store …`: what a bundle store (`ivrc build --store DIR`) holds, and pruning it.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "List or prune the builds a bundle store keeps.",
        discussion: """
            DIR is a store written by `ivrc build --store`. A retired build stays answerable by \
            `ivrc serve DIR` for its --grace-period after it was replaced; prune with --keep-for at \
            least that long. The current build is never pruned.
            """,
        subcommands: [StoreListCommand.self, StorePruneCommand.self]
    )
}

/// The store at `path`, or a usage failure saying why it is not one.
func bundleStore(at path: String) throws -> BundleStoreDirectory {
    guard BundleStoreDirectory.isStore(path) else {
        throw UsageFailure("\(path) is not a bundle store (no bundles/ directory); write one with `ivrc build SRC -o \(path) --store`")
    }
    return BundleStoreDirectory(root: URL(fileURLWithPath: path))
}

struct StoreListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "One line per stored build, newest first: id, state (current, retired since when, never current), flows."
    )

    @Argument(help: "The store directory.")
    var store: String

    func run() throws {
        try reportingFailures {
            let directory = try bundleStore(at: store)
            let current = try? directory.currentID()
            let retiredEntries = directory.history().retired(current: current)
            let retired = Dictionary(retiredEntries.map { ($0.id, $0.since) }) { first, _ in first }
            let formatter = ISO8601DateFormatter()
            let order = [current].compactMap { $0 } + retiredEntries.map(\.id)
            let stored = directory.storedIDs()
            for id in order.filter(stored.contains) + stored.filter({ !order.contains($0) }) {
                let state = id == current ? "current" : retired[id].map { "retired \(formatter.string(from: $0))" } ?? "never current"
                let flows = (try? LoadedBundle.manifest(in: ConfinedDirectory(directory.directory(of: id).path)))
                    .map { "\($0.flows.count) flow(s), ivrc \($0.compilerVersion)" } ?? "unreadable manifest"
                print("\(id)  \(state)  \(flows)")
            }
            if current == nil { standardError("ivrc: \(store) has no current build\n") }
            return ExitStatus.clean
        }
    }
}

struct StorePruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove the retired builds retired longer ago than --keep-for, and beyond the newest --keep.",
        discussion: """
            Then removes the store's documents (DIR/documents) that no stored build names, and \
            those whose bytes no longer match the SHA-256 they are named by; when a document a \
            stored build names is then missing (removed so, or deleted by hand), also the last \
            build's snapshot (DIR/cache/snapshot): the next build is whole and writes it again.
            """
    )

    @Argument(help: "The store directory.")
    var store: String

    @OptionGroup var retention: StoreRetentionOptions

    func run() throws {
        try reportingFailures {
            let directory = try bundleStore(at: store)
            do {
                let pruned = try directory.withLock {
                    try directory.prune(retention.retention, sweeping: true)
                }
                standardError(pruned.isEmpty ? "ivrc: nothing to prune in \(store)\n"
                    : "ivrc: pruned \(pruned.count) retired build(s): \(pruned.joined(separator: ", "))\n")
            } catch let failure as BundleWriter.Failure {
                throw UsageFailure(failure.description)
            }
            return ExitStatus.clean
        }
    }
}
