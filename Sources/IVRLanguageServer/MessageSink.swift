import Foundation
import IVRLanguageServerProtocol

/// Where the server's messages go: standard output in `ivrc lsp`, a list in tests.
public protocol MessageSink: Sendable {
    func send(_ body: Data)
}

/// Frames each message and writes it whole to a file descriptor, one writer at a time.
public final class FileDescriptorSink: MessageSink, @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    public init(fileDescriptor: Int32) {
        handle = FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false)
    }

    public func send(_ body: Data) {
        lock.withLock { handle.write(MessageFraming.frame(body)) }
    }
}
