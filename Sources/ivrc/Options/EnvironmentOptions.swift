import ArgumentParser
import Foundation
import IVRCheck
import IVREnvironment
import IVRLang

/// `--env NAME`: the values that differ between deployments, from `environments/NAME.toml`
/// (or a `.toml` path given directly), substituted for `env.KEY` before any rule runs.
struct EnvironmentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Take env.KEY values from environments/NAME.toml: the first found in the current directory, "
                               + "then in each folder above it up to the git repository's root (or a .toml file given as is).",
                               valueName: "NAME"))
    var env: String?

    /// Nil without --env; a values file that cannot be read or is not TOML is an I/O error.
    func load() throws -> EnvironmentValues? {
        guard let env else { return nil }
        if !env.hasSuffix(".toml") && !Parser.isIdentifier(env) {
            throw UsageFailure("--env takes an environment's name (read from environments/NAME.toml) or a .toml file, got `\(env)`")
        }
        let path = env.hasSuffix(".toml") ? env : Self.valuesFile(of: env)
        let name = env.hasSuffix(".toml") ? String(env.split(separator: "/").last?.dropLast(5) ?? "") : env
        do {
            return try ValuesFile.load(name: name, path: path)
        } catch {
            throw UsageFailure(error.description)
        }
    }

    /// `environments/NAME.toml` in the current directory or the nearest folder above it, up to
    /// the repository's root, where `ivrc new --env` writes it; the current directory's when
    /// there is none (reading it then says it is missing).
    static func valuesFile(of environment: String) -> String {
        let here = RepositoryRoot.absolute(".")
        let root = RepositoryRoot.containing(here) ?? here
        var folder = here, upward = ""
        while true {
            let candidate = "\(upward)environments/\(environment).toml"
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("environments/\(environment).toml")) {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            guard folder != root, RepositoryRoot.relative(folder, to: root) != nil, parent != folder else { break }
            folder = parent
            upward += "../"
        }
        return "environments/\(environment).toml"
    }
}

extension Array where Element == SourceFile {
    /// The flows' files plus the values file, so diagnostics about its keys can be shown.
    func with(_ environment: EnvironmentValues?) -> [SourceFile] {
        environment.map { self + [$0.file] } ?? self
    }
}
