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
        text.utf8.count == length && text.utf8.allSatisfy(isValidByte)
    }

    public static let length = 12

    /// A lowercase hex digit.
    @inlinable public static func isValidByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte)
    }
}
