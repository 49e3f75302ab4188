/// The version written into bundles and printed by `ivrc --version`.
enum CompilerVersion {
    static let string = "0.1.0"
    /// Where SARIF viewers send people who want to know more about the tool.
    static let informationURI = "https://github.com/ivrc/ivrc"
}
