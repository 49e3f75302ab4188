import Foundation

/// One TeXML document as given on the command line (or handed over by a test): its path and
/// bytes. A file the caller already knows is too large is carried by its size alone, so a
/// 50 MB document is never read into memory just to be refused.
public struct TeXMLFile: Sendable {
    public let path: String
    public let data: Data
    /// The size on disk; larger than `data.count` only for a file that was not read.
    public let byteCount: Int

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
        self.byteCount = data.count
    }

    /// A file known to be `byteCount` bytes long whose contents were not read.
    public static func unread(path: String, byteCount: Int) -> TeXMLFile {
        TeXMLFile(path: path, data: Data(), byteCount: byteCount)
    }

    private init(path: String, data: Data, byteCount: Int) {
        self.path = path
        self.data = data
        self.byteCount = byteCount
    }
}
