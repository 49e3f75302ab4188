import Foundation
import IVRLanguageServerProtocol

/// What the reading thread knows before the server's queue gets to a message: which requests
/// are waiting and which of them the client cancelled, and how many document changes arrived
/// (a check started before the newest change is stale and is not published).
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: Set<RequestID> = []
    private var cancelled: Set<RequestID> = []
    private var documentChanges = 0

    static let documentMethods: Set<String> = [
        "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
    ]

    func received(_ message: IncomingMessage) {
        lock.withLock {
            if let id = message.id { pending.insert(id) }
            if Self.documentMethods.contains(message.method) { documentChanges += 1 }
        }
    }

    /// A cancel for a request already answered (or never sent) is ignored, as the spec allows.
    func cancel(_ id: RequestID) {
        lock.withLock {
            if pending.contains(id) { cancelled.insert(id) }
        }
    }

    /// True when the client cancelled the request; either way it is no longer pending.
    func answer(_ id: RequestID) -> Bool {
        lock.withLock {
            pending.remove(id)
            return cancelled.remove(id) != nil
        }
    }

    var documentChangesReceived: Int {
        lock.withLock { documentChanges }
    }
}
