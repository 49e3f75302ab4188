import Foundation
import IVRCheck
import IVRLang
import IVRLanguageServerProtocol

/// `ivrc lsp`: the protocol's lifecycle and one small handler per method, over the same
/// checker, formatter and explanations as the command line. Messages are handled one at a
/// time on a serial queue, in the order they arrived; only cancellation and the count of
/// document changes are seen earlier, by the reading thread (`Inbox`).
public final class LanguageServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// `--env NAME`: check with `environments/NAME.toml` (or a `.toml` path), relative to the root.
        public var environment: String?
        /// Quiet time after a change before the workspace is checked again (nil: at once).
        public var debounce: DispatchTimeInterval?
        public var version: String

        public init(environment: String? = nil, debounce: DispatchTimeInterval? = .milliseconds(25), version: String) {
            self.environment = environment
            self.debounce = debounce
            self.version = version
        }
    }

    private let output: any MessageSink
    private let onExit: @Sendable (Int32) -> Void
    private let queue = DispatchQueue(label: "ivrc.lsp")
    private let inbox = Inbox()
    private var options: Options

    // Everything below is touched only on `queue`.
    private var state = Lifecycle.uninitialized
    private var session: Session?
    private var scheduledCheck = 0

    private enum Lifecycle {
        case uninitialized, running, shuttingDown
    }

    public init(output: any MessageSink, options: Options, onExit: @escaping @Sendable (Int32) -> Void) {
        self.output = output
        self.options = options
        self.onExit = onExit
    }

    /// Called by the reading thread for every frame, in order.
    public func receive(_ frame: MessageReader.Frame) {
        switch frame {
        case .malformed(let reason):
            sendError(id: nil, ResponseError(.parseError, reason))
        case .body(let body):
            switch IncomingMessage.decode(body) {
            case .failure(let error):
                sendError(id: nil, error)
            case .success(nil):
                break
            case .success(let message?):
                if message.method == "$/cancelRequest" {
                    if let params = try? message.parameters(CancelParams.self) { inbox.cancel(params.id) }
                    return
                }
                inbox.received(message)
                queue.async { self.handle(message) }
            }
        }
    }

    /// The input ended: everything received is handled, then the process may exit
    /// (status 0 only after `shutdown`, as for `exit`).
    public func finish() -> Int32 {
        queue.sync { state == .shuttingDown ? 0 : 1 }
    }

    /// Runs `body` with handling held, so the messages it delivers are all received before the
    /// first is handled, as when a client's messages arrive in one read (tests use it).
    public func holdingMessages(_ body: () -> Void) {
        queue.suspend()
        body()
        queue.resume()
    }

    /// Waits until every message received so far is handled (with no debounce, the checks too).
    public func settle() {
        queue.sync {}
    }

    private func handle(_ message: IncomingMessage) {
        guard let id = message.id else { return handleNotification(message) }
        if inbox.answer(id) { return sendError(id: id, ResponseError(.requestCancelled, "cancelled by the client")) }
        do {
            try respond(to: message, id: id)
        } catch {
            sendError(id: id, error)
        }
    }

    private func respond(to message: IncomingMessage, id: RequestID) throws(ResponseError) {
        switch (state, message.method) {
        case (.uninitialized, "initialize"):
            let params = try message.parameters(InitializeParams.self)
            let started = Session(params, options: &options)
            session = started
            state = .running
            let capabilities = ServerCapabilities(positionEncoding: started.encoding,
                                                  commands: TestCommands.Name.allCases.map(\.rawValue))
            reply(id, InitializeResult(capabilities: capabilities, serverName: "ivrc", version: options.version))
            for problem in started.startupProblems {
                notify("window/showMessage", ShowMessageParams(type: 1, message: problem))
            }
        case (.uninitialized, _):
            throw ResponseError(.serverNotInitialized, "the server has not been initialized: send `initialize` first")
        case (_, "initialize"):
            throw ResponseError(.invalidRequest, "`initialize` was already sent")
        case (.shuttingDown, _):
            throw ResponseError(.invalidRequest, "the server is shutting down: only `exit` is accepted")
        case (.running, "shutdown"):
            state = .shuttingDown
            reply(id, JSONValue.null)
        case (.running, let method):
            guard let session else { throw ResponseError(.serverNotInitialized, "the server has no session") }
            if method == "workspace/executeCommand" {
                // The test lenses' commands: the answer, then what the client logs and shows.
                let run = try TestCommands.execute(session, message)
                reply(id, run.result)
                notify("window/logMessage", run.log)
                notify("window/showMessage", run.message)
            } else if let handler = Session.requests[method] {
                reply(id, try handler(session, message))
            } else {
                throw ResponseError(.methodNotFound, "`\(method)` is not a method ivrc's server handles")
            }
        }
    }

    private func handleNotification(_ message: IncomingMessage) {
        if message.method == "exit" { return onExit(state == .shuttingDown ? 0 : 1) }
        // Before `initialize` notifications are dropped; after `shutdown` only `exit` counts.
        guard state == .running, let session else { return }
        do {
            switch message.method {
            case "initialized":
                scheduleCheck(after: nil)
            case "textDocument/didOpen":
                try session.open(message.parameters(DidOpenTextDocumentParams.self))
                scheduleCheck(after: nil)
            case "textDocument/didChange":
                try session.change(message.parameters(DidChangeTextDocumentParams.self))
                scheduleCheck(after: options.debounce)
            case "textDocument/didClose":
                try session.close(message.parameters(TextDocumentParams.self))
                scheduleCheck(after: nil)
            case "textDocument/didSave":
                try session.save(message.parameters(TextDocumentParams.self))
                scheduleCheck(after: nil)
            default:
                break  // other notifications (`$/setTrace`, configuration) need no answer
            }
        } catch {
            FileHandle.standardError.write(Data("ivrc lsp: \(message.method): \(error.message)\n".utf8))
        }
    }

    /// Checks the workspace once the changes stop for `delay` (nil: at once). Only the
    /// newest scheduled check runs, and not while a newer change waits in the queue.
    private func scheduleCheck(after delay: DispatchTimeInterval?) {
        scheduledCheck += 1
        let generation = scheduledCheck
        let changesSeen = inbox.documentChangesReceived
        let run: @Sendable () -> Void = { [self] in
            guard generation == scheduledCheck, changesSeen == inbox.documentChangesReceived, let session else { return }
            for publication in session.check(isStale: { changesSeen != self.inbox.documentChangesReceived }) {
                notify("textDocument/publishDiagnostics", publication)
            }
        }
        if let delay { queue.asyncAfter(deadline: .now() + delay, execute: run) } else { run() }
    }

    private func reply(_ id: RequestID, _ result: some Encodable) {
        do {
            output.send(try OutgoingMessage.response(id: id, result: result))
        } catch {
            sendError(id: id, ResponseError(.internalError, "the answer could not be encoded: \(error)"))
        }
    }

    private func notify(_ method: String, _ params: some Encodable) {
        if let body = try? OutgoingMessage.notification(method: method, params: params) { output.send(body) }
    }

    private func sendError(id: RequestID?, _ error: ResponseError) {
        if let body = try? OutgoingMessage.error(id: id, error) { output.send(body) }
    }
}
