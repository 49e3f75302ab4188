import Foundation
import IVRCheck
import IVREnvironment
import IVRLang
import IVRTemplates

/// Where `ivrc new` puts what comes with a new line: the values file where `--env` finds it
/// and the CI workflow where GitHub reads it, both at the repository's root, and what each
/// already holds from earlier lines. Everything is decided before anything is written.
struct NewLineLayout {
    /// The git work tree holding the new file; outside git the current directory when the
    /// file is under it, else the file's own folder.
    let root: String
    /// The new file's folder relative to the root (`.` for the root itself).
    let folder: String

    init(flowPath: String) {
        let folder = (RepositoryRoot.absolute(flowPath) as NSString).deletingLastPathComponent
        let here = RepositoryRoot.absolute(".")
        let root = RepositoryRoot.containing(folder) ?? (RepositoryRoot.relative(folder, to: here) != nil ? here : folder)
        self.root = root
        self.folder = RepositoryRoot.relative(folder, to: root) ?? "."
    }

    private func atRoot(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// A values file to create, or an existing one with the new line's keys added at its end.
    struct ValuesFileChange {
        let path: String
        let text: String
        let existed: Bool
        let values: EnvironmentValues
        var shownPath: String { RepositoryRoot.shown(path) }

        var summary: String {
            existed ? "added the line's number and deployment values for `\(values.name)` to \(shownPath) (env.KEY in the flow)"
                : "wrote \(shownPath): the line's number and deployment values for `\(values.name)` (env.KEY in the flow)"
        }

        func write() throws {
            if existed {
                try AtomicFile.replace(path, with: Array(text.utf8))
            } else {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try NewFile.create(path, Array(text.utf8))
            }
        }
    }

    /// `environments/NAME.toml` with `values` (keys already prefixed with the line's name); a
    /// key the file already holds is refused, so an earlier line's value is never changed.
    func valuesFile(_ environment: String, adding values: [String: String], for line: String,
                    template: String) throws -> ValuesFileChange {
        let path = atRoot("environments/\(environment).toml")
        let shown = RepositoryRoot.shown(path)
        let added = ValuesFile.render(values, line: line)
        var text = added
        var existed = false
        if FileManager.default.fileExists(atPath: path) {
            let current: EnvironmentValues
            do {
                current = try ValuesFile.load(name: environment, path: path)
            } catch {
                throw UsageFailure("\(error); nothing was written")
            }
            if current.tables.contains(line) || current.values[line] != nil {
                throw UsageFailure("\(shown) already has `[\(line)]` (is there a line named `\(line)` already?); it is left as it is and nothing was written")
            }
            let existing = String(decoding: current.file.bytes, as: UTF8.self)
            text = existing + (existing.hasSuffix("\n") || existing.isEmpty ? "" : "\n") + "\n# \(line) (ivrc new \(template))\n" + added
            existed = true
        }
        do {
            return ValuesFileChange(path: path, text: text, existed: existed,
                                    values: try ValuesFile.parse(name: environment, file: SourceFile(path: shown, text: text)))
        } catch {
            throw UsageFailure("\(error)")
        }
    }

    /// The workflow to write, or nil when it already runs this folder for this environment.
    struct WorkflowChange {
        let path: String
        let text: String?
        let environments: [String]
        let folder: String

        var summary: String {
            let runs = environments.isEmpty ? "" : " for \(environments.map { "`\($0)`" }.joined(separator: ", "))"
            let verb = text == nil ? "already checks" : "checks"
            return "CI workflow in \(RepositoryRoot.shown(path)) \(verb), tests, compares and builds \(folder)\(runs)"
        }

        func write() throws {
            guard let text else { return }
            if FileManager.default.fileExists(atPath: path) {
                try AtomicFile.replace(path, with: Array(text.utf8))
            } else {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try NewFile.create(path, Array(text.utf8))
            }
        }
    }

    /// `.github/workflows/ivrc.yml` for this folder, with `environment` added to its matrix. An
    /// existing workflow is extended only when it is exactly what `ivrc new` wrote for this folder.
    func workflow(adding environment: String?) throws -> WorkflowChange {
        let path = atRoot(".github/workflows/ivrc.yml")
        guard FileManager.default.fileExists(atPath: path) else {
            let environments = environment.map { [$0] } ?? []
            return WorkflowChange(path: path, text: CIWorkflow.render(folder: folder, environments: environments),
                                  environments: environments, folder: folder)
        }
        let existing = (try? ConfinedDirectory.readFile(atPath: path, limit: 1024 * 1024)).map { String(decoding: $0, as: UTF8.self) }
        guard let existing, let current = CIWorkflow.environments(of: existing, folder: folder) else {
            throw UsageFailure("\(RepositoryRoot.shown(path)) already exists and is not the workflow `ivrc new --ci` writes for \(folder); "
                               + "it is left as it is and nothing was written (leave out --ci, or edit the workflow by hand)")
        }
        let environments = current + [environment].compactMap { $0 }.filter { !current.contains($0) }
        return WorkflowChange(path: path, text: environments == current ? nil : CIWorkflow.render(folder: folder, environments: environments),
                              environments: environments, folder: folder)
    }
}
