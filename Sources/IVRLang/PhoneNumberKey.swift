/// The one form phone numbers are compared in: `+` and the digits, as the lexer writes a
/// phone number token, so `+1-800-555-0157`, `+1 800 555 0157` and `18005550157` are one key.
public enum PhoneNumberKey {
    public static func of(_ written: String) -> String {
        // Every new call's `To` comes here: ASCII text (the usual) is read as contiguous bytes, the same
        // digits `Character.isNumber` keeps for it, without breaking it into grapheme clusters.
        // The key is written straight into the string's own storage (inline for a phone number):
        // no array to allocate and copy.
        var contiguous = written
        let ascii = contiguous.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count + 1) { key in
                key[0] = UInt8(ascii: "+")
                var count = 1
                for byte in bytes where (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                    key[count] = byte
                    count += 1
                }
                return count
            }
        }
        return ascii ?? "+" + written.filter(\.isNumber)
    }
}
