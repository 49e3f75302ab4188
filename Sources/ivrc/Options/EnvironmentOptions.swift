import ArgumentParser
import IVRCheck
import IVREnvironment
import IVRLang

/// `--env NAME`: the values that differ between deployments, from `environments/NAME.toml`
/// (or a `.toml` path given directly), substituted for `env.KEY` before any rule runs.
struct EnvironmentOptions: ParsableArguments {
    @Option(help: "Take env.KEY values from environments/NAME.toml (or this .toml file).")
    var env: String?

    /// Nil without --env; a values file that cannot be read or is not TOML is an I/O error.
    func load() throws -> EnvironmentValues? {
        guard let env else { return nil }
        if !env.hasSuffix(".toml") && !Parser.isIdentifier(env) {
            throw UsageFailure("--env takes an environment's name (read from environments/NAME.toml) or a .toml file, got `\(env)`")
        }
        let path = env.hasSuffix(".toml") ? env : "environments/\(env).toml"
        let name = env.hasSuffix(".toml") ? String(env.split(separator: "/").last?.dropLast(5) ?? "") : env
        do {
            return try ValuesFile.load(name: name, path: path)
        } catch {
            throw UsageFailure(error.description)
        }
    }
}

extension Array where Element == SourceFile {
    /// The flows' files plus the values file, so diagnostics about its keys can be shown.
    func with(_ environment: EnvironmentValues?) -> [SourceFile] {
        environment.map { self + [$0.file] } ?? self
    }
}
