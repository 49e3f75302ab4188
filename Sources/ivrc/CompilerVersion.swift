/// The version written into bundles and printed by `ivrc --version`.
enum CompilerVersion {
    static let string = "0.1.0"
}
