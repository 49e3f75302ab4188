/// The id a bundle is served and stored under: the first 12 hex digits of its manifest's
/// SHA-256, so the same build has the same id on every replica and in every store.
public enum BundleID {
    public static func of(manifestBytes: [UInt8]) -> String {
        of(manifestSHA256: DocumentHash.sha256(manifestBytes))
    }

    /// The id of the manifest whose SHA-256 (hex) this is.
    public static func of(manifestSHA256: String) -> String {
        String(manifestSHA256.prefix(12))
    }

    /// Whether `text` can be a bundle id: 12 lowercase hex digits, so a name read from a link,
    /// a history line or a URL can never climb out of the store.
    @inlinable public static func isValid(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}
