import Crypto

/// The SHA-256 (lowercase hex) a manifest records for each document, and the one `LoadedBundle`
/// checks every document against before serving it.
public enum DocumentHash {
    public static func sha256(_ bytes: [UInt8]) -> String {
        // Hex by table: String(format:) per byte was most of the manifest's cost.
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

}
