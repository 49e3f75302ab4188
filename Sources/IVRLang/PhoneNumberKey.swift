/// The one form phone numbers are compared in: `+` and the digits, as the lexer writes a
/// phone number token, so `+1-800-555-0157`, `+1 800 555 0157` and `18005550157` are one key.
public enum PhoneNumberKey {
    public static func of(_ written: String) -> String {
        "+" + written.filter(\.isNumber)
    }
}
