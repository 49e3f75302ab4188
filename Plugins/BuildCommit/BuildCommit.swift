import Foundation
import PackagePlugin

/// Writes `BuildCommit.swift` with the git commit being built (`git describe --always --dirty`),
/// so `ivrc --version` and the server's `serving` line say which code runs. IVRC_BUILD_COMMIT
/// names it where there is no repository (a container build). The file is rewritten only when
/// the commit changed, so an unchanged tree rebuilds nothing.
@main struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("generated")
        let script = """
            set -eu
            commit=${IVRC_BUILD_COMMIT:-$(git -C "$1" describe --always --dirty --abbrev=12 2>/dev/null || echo unknown)}
            mkdir -p "$2"
            text="// Written by the BuildCommit plugin.
            let buildCommit = \\"$(printf '%s' "$commit" | tr -cd 'A-Za-z0-9._+-')\\""
            [ "$(cat "$2/BuildCommit.swift" 2>/dev/null)" = "$text" ] || printf '%s' "$text" > "$2/BuildCommit.swift"
            """
        var environment: [String: String] = [:]
        if let commit = ProcessInfo.processInfo.environment["IVRC_BUILD_COMMIT"] { environment["IVRC_BUILD_COMMIT"] = commit }
        return [.prebuildCommand(displayName: "Record the git commit being built", executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: ["-c", script, "sh", context.package.directoryURL.path, output.path],
                                 environment: environment, outputFilesDirectory: output)]
    }
}
