import TeXMLSchema

/// The one table of what a bundle may hold: `ivrc build` refuses to write more (located at the
/// flow, and the `use`, that blows it up) and `ivrc serve`'s loader refuses to read more, so
/// `build` never writes a bundle `serve` refuses. Each bound is far above a real line (the
/// largest benchmark corpus is 16,000 documents, a 6 MB manifest).
public enum BundleLimits {
    public static let maxDocuments = 100_000
    /// `manifest.json` is refused above this size, before a byte of it is read.
    public static let maxManifestBytes = 32 * 1024 * 1024
    /// Every document together: what `serve` holds in memory.
    public static let maxDocumentBytesInAll = 512 * 1024 * 1024
    /// A document is refused above the XML parser's size limit, before a byte of it is read.
    public static let maxDocumentBytes = SafeXMLParser.Limits().maxBytes
    /// Languages a flow may list (`languages`): each is a metric label of the server's.
    public static let maxLanguages = 8

    /// What a bundle of this size exceeds, as one sentence; nil within every bound.
    public static func excess(documents: Int, manifestBytes: Int, documentBytes: Int) -> String? {
        if documents > maxDocuments { return "\(documents) documents, over the limit of \(maxDocuments)" }
        if manifestBytes > maxManifestBytes { return "a manifest of \(manifestBytes) bytes, over the limit of \(maxManifestBytes)" }
        if documentBytes > maxDocumentBytesInAll {
            return "documents of \(documentBytes) bytes in all, over the limit of \(maxDocumentBytesInAll)"
        }
        return nil
    }
}
