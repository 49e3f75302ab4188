/// The compiler version: printed by `ivrc --version` and written into every manifest.
public enum CompilerVersion {
    public static let string = "0.1.0"
}
