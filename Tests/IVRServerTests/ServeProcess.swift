import Foundation
import Hummingbird
import HummingbirdTesting
import IVRTestSupport
import NIOCore
import Testing

/// A real `ivrc serve` process on a free loopback port, its stdout (the JSON log) drained.
final class ServeProcess: Sendable {
    let process: Process
    /// The webhook listener's port.
    let port: Int
    /// The operations listener's (`/healthz`, `/readyz`, `/metrics`).
    let operationsPort: Int
    private let output = LogCapture()

    /// Runs `ivrc` to completion (e.g. `build`): exit status and what it printed.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ToolRun {
        try ToolRun(try #require(BuiltExecutable.ivrc, "ivrc was not built next to the tests"), arguments, environment: environment)
    }

    /// Builds the examples into a fresh temporary bundle directory.
    static func buildExamples() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivrc-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bundle = directory.appendingPathComponent("bundle")
        #expect(try run(["build", ServerFixture.examples.path, "-o", bundle.path]).status == 0)
        return bundle
    }

    /// Starts the server and waits (at most 20 s) for both its listeners. `wrapper` runs ivrc
    /// through another program (`prlimit --nofile=64 --`). No drain delay unless `arguments`
    /// give one, so SIGTERM stops it at once.
    init(bundle: URL, arguments: [String] = [], publicKey: String? = ServerFixture.publicKeyBase64, wrapper: [String] = []) throws {
        process = Process()
        let executable = try #require(BuiltExecutable.ivrc, "ivrc was not built next to the tests")
        process.executableURL = wrapper.first.map { URL(fileURLWithPath: $0) } ?? executable
        let drainDelay = arguments.contains("--drain-delay") ? [] : ["--drain-delay", "0"]
        process.arguments = wrapper.dropFirst() + (wrapper.isEmpty ? [] : [executable.path])
            + ["serve", bundle.path, "--port", "0", "--ops-port", "0"] + drainDelay + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TELNYX_PUBLIC_KEY"] = publicKey
        // The examples carry call values (the EHR and telematics lookups), which serve seals with a key.
        environment["IVRC_VALUES_KEY"] = environment["IVRC_VALUES_KEY"] ?? ValuesKeyringTests.current
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let output = output
        pipe.fileHandleForReading.readabilityHandler = { handle in output.append([UInt8](handle.availableData)) }
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var ports: (webhook: Int?, operations: Int?) = (nil, nil)
        while ports.webhook == nil || ports.operations == nil, Date() < deadline, process.isRunning {
            ports = Self.listeningPorts(in: output.text)
            if ports.webhook == nil || ports.operations == nil { Thread.sleep(forTimeInterval: 0.02) }
        }
        guard let port = ports.webhook, let operationsPort = ports.operations else {
            process.terminate()
            throw ServeProcessError(message: "ivrc serve did not start: \(output.text)")
        }
        self.port = port
        self.operationsPort = operationsPort
    }

    var log: String { output.text }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    func terminate() -> Int32? {
        process.terminate()
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); return nil }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// "Server started and listening on 127.0.0.1:PORT" is Hummingbird's own log line, once per
    /// listener; the operations listener's carries `"listener":"operations"`.
    private static func listeningPorts(in log: String) -> (webhook: Int?, operations: Int?) {
        var ports: (webhook: Int?, operations: Int?) = (nil, nil)
        for line in log.split(separator: "\n") {
            guard let range = line.range(of: "listening on 127.0.0.1:") else { continue }
            let port = Int(line[range.upperBound...].prefix { $0.isNumber })
            if line.contains(#""listener":"operations""#) { ports.operations = port } else { ports.webhook = port }
        }
        return ports
    }

    /// One signed POST on a fresh connection.
    func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestClient.Response {
        let body = ServerFixture.form(fields)
        let headers = try ServerFixture.signature(for: body)
        return try await Self.exchange(port: port) { client in
            try await client.post(uri, headers: headers, body: ByteBuffer(string: body))
        }
    }

    func get(_ uri: String) async throws -> TestClient.Response {
        try await Self.exchange(port: port) { client in try await client.get(uri) }
    }

    /// `/healthz`, `/readyz` or `/metrics`, from the operations listener.
    func operations(_ uri: String) async throws -> TestClient.Response {
        try await Self.exchange(port: operationsPort) { client in try await client.get(uri) }
    }

    /// One request on a fresh connection. While the whole suite runs, the test client now and
    /// then finds its new connection closed before it wrote a byte (NIO's ioOnClosedChannel,
    /// the server running and answering everyone else); the request never left, so it is
    /// sent again on another connection, at most five times.
    static func exchange(port: Int, _ request: @escaping @Sendable (TestClient) async throws -> TestClient.Response)
        async throws -> TestClient.Response {
        for _ in 1..<5 {
            do {
                return try await TestClient.withClient(host: "127.0.0.1", port: port, operation: request)
            } catch ChannelError.ioOnClosedChannel {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        return try await TestClient.withClient(host: "127.0.0.1", port: port, operation: request)
    }
}

/// A program run to completion, stdout and stderr together.
struct ToolRun {
    let status: Int32
    let output: String

    init(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        status = process.terminationStatus
    }
}

struct ServeProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A plain TCP connection, for a request sent in pieces (a request still in flight).
struct RawConnection {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard descriptor >= 0, connected == 0 else {
            if descriptor >= 0 { Glibc.close(descriptor) }
            throw ServeProcessError(message: "cannot connect to port \(port)")
        }
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What the server sends within `seconds`, and whether it closed the connection by then
    /// (false: the wait ran out first). The connection is closed afterwards.
    func readUntilClosed(within seconds: Int) -> (text: String, closed: Bool) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        defer { Glibc.close(descriptor) }
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { received += buffer[..<count]; continue }
            let closed = count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
            return (String(decoding: received, as: UTF8.self), closed)
        }
    }

    func close() { Glibc.close(descriptor) }

    /// Tells the server nothing more comes (a half-close); the connection still reads.
    func finishSending() { shutdown(descriptor, Int32(SHUT_WR)) }

    /// Everything the server sends until it closes the connection.
    func readToEnd() -> String {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received += buffer[..<count]
        }
        Glibc.close(descriptor)
        return String(decoding: received, as: UTF8.self)
    }
}
