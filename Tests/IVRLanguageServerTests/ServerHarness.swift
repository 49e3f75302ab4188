import Foundation
import IVRLanguageServer
import IVRLanguageServerProtocol

/// The server in process: messages in as frames, everything it sends collected as JSON objects.
final class ServerHarness: @unchecked Sendable {
    final class Collector: MessageSink, @unchecked Sendable {
        private let lock = NSLock()
        private var bodies: [Data] = []

        func send(_ body: Data) { lock.withLock { bodies.append(body) } }

        var messages: [[String: Any]] {
            lock.withLock { bodies.compactMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] } }
        }
    }

    let collector = Collector()
    let server: LanguageServer
    let root: URL
    private let exitLock = NSLock()
    private var exitStatus: Int32?
    private var nextID = 0

    init(files: [String: String] = [:], environment: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-lsp-\(UUID().uuidString)")
        for (name, text) in files {
            let url = root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let box = ExitBox()
        server = LanguageServer(output: collector, options: .init(environment: environment, debounce: nil, version: "test"),
                                onExit: { box.set($0) })
        exitBox = box
    }

    private let exitBox: ExitBox
    var exited: Int32? { exitBox.value }

    final class ExitBox: @unchecked Sendable {
        private let lock = NSLock()
        private var status: Int32?
        func set(_ value: Int32) { lock.withLock { status = value } }
        var value: Int32? { lock.withLock { status } }
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func uri(_ name: String) -> String { root.appendingPathComponent(name).standardizedFileURL.absoluteString }

    func sendRaw(_ body: String) {
        server.receive(.body(Data(body.utf8)))
        server.settle()
    }

    func notify(_ method: String, _ params: Any) {
        send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and returns its response (the last message with its id).
    @discardableResult
    func request(_ method: String, _ params: Any = [String: Any]()) -> [String: Any] {
        nextID += 1
        let id = nextID
        send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return collector.messages.last { ($0["id"] as? Int) == id } ?? [:]
    }

    func initialize(encodings: [String]? = nil, options: [String: Any]? = nil) {
        var params: [String: Any] = ["processId": NSNull(), "rootUri": root.standardizedFileURL.absoluteString, "capabilities": [:]]
        if let encodings { params["capabilities"] = ["general": ["positionEncodings": encodings]] }
        if let options { params["initializationOptions"] = options }
        request("initialize", params)
        notify("initialized", [String: Any]())
    }

    func open(_ name: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", ["textDocument": ["uri": uri(name), "languageId": "ivr", "version": version, "text": text]])
    }

    func change(_ name: String, _ text: String, version: Int) {
        notify("textDocument/didChange", ["textDocument": ["uri": uri(name), "version": version], "contentChanges": [["text": text]]])
    }

    /// The newest diagnostics published for a file (nil if none were).
    func diagnostics(_ name: String) -> [[String: Any]]? {
        let published = collector.messages.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }
        let params = published.compactMap { $0["params"] as? [String: Any] }.last { $0["uri"] as? String == uri(name) }
        return params?["diagnostics"] as? [[String: Any]]
    }

    func publications(_ name: String) -> Int {
        collector.messages.filter {
            $0["method"] as? String == "textDocument/publishDiagnostics" && ($0["params"] as? [String: Any])?["uri"] as? String == uri(name)
        }.count
    }

    private func send(_ object: [String: Any]) {
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return }
        server.receive(.body(data))
        server.settle()
    }
}

extension [String: Any] {
    var errorCode: Int? { (self["error"] as? [String: Any])?["code"] as? Int }
}

/// `{"line": L, "character": C}` → (L, C).
func position(_ value: Any?) -> (Int, Int)? {
    guard let object = value as? [String: Any], let line = object["line"] as? Int, let character = object["character"] as? Int else {
        return nil
    }
    return (line, character)
}

func range(_ diagnostic: [String: Any]) -> [Int] {
    let range = diagnostic["range"] as? [String: Any]
    guard let start = position(range?["start"]), let end = position(range?["end"]) else { return [] }
    return [start.0, start.1, end.0, end.1]
}
