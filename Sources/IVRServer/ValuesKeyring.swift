import Foundation

/// The values keys as an operator writes them (`--values-key-file`, `IVRC_VALUES_KEY`): the
/// current key, then at most one previous key, each base64 of at least 32 random bytes,
/// separated by whitespace (one per line in a file). The current key seals and opens; the
/// previous one only opens, so calls in flight across a rotation keep their values until their
/// tokens expire (`ValueSeal.defaultLifetime`). `#` starts a comment line.
public enum ValuesKeyring {
    static let howToMake = "make one with `openssl rand -base64 32` or `head -c 32 /dev/urandom | base64`"

    /// The seal for `text`, or why its keys are refused (never quoting them).
    public static func seal(from text: String) throws(ValueSeal.KeyFailure) -> ValueSeal {
        let keys = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            .flatMap { $0.split(whereSeparator: \.isWhitespace) }.map(String.init)
        guard let current = keys.first else {
            throw ValueSeal.KeyFailure(description: "the values key is empty; \(howToMake)")
        }
        guard keys.count <= 2 else {
            throw ValueSeal.KeyFailure(description: "the values key holds \(keys.count) keys; give the current key, "
                + "optionally followed by one previous key (rotation)")
        }
        for (index, key) in keys.enumerated() { try check(key, named: index == 0 ? "the values key" : "the previous values key") }
        // The key's text is the key material, as before key ids: tokens sealed by an earlier
        // version with the same key still open.
        return try ValueSeal(keyMaterial: Array(current.utf8), previous: keys.dropFirst().map { Array($0.utf8) })
    }

    /// Base64 of at least 32 bytes that look random: not text (a base64-encoded password), not
    /// a repeated pattern (32 identical characters).
    private static func check(_ key: String, named name: String) throws(ValueSeal.KeyFailure) {
        guard let bytes = Data(base64Encoded: key).map(Array.init) else {
            throw ValueSeal.KeyFailure(description: "\(name) is not base64; it must be base64 of at least "
                + "\(ValueSeal.minimumKeyBytes) bytes from a random source (\(howToMake))")
        }
        guard bytes.count >= ValueSeal.minimumKeyBytes else {
            throw ValueSeal.KeyFailure(description: "\(name) decodes to \(bytes.count) bytes; it must be base64 of at least "
                + "\(ValueSeal.minimumKeyBytes) bytes from a random source (\(howToMake))")
        }
        // 32 random bytes have about 30 distinct values and some above 0x7f: fewer than half
        // distinct, or all ASCII, is a pattern or a password, never a random key.
        guard Set(bytes).count * 2 >= ValueSeal.minimumKeyBytes, bytes.contains(where: { $0 > 0x7f }) else {
            throw ValueSeal.KeyFailure(description: "\(name) is base64 of \(bytes.count) bytes that are not random "
                + "(a repeated pattern or text); \(howToMake)")
        }
    }
}
