import ArgumentParser
import Foundation
import IVRCheck
import IVREnvironment
import IVRLang
import IVRRuntime
import IVRTemplates

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new line from a built-in template: checked clean, with tests.",
        discussion: """
            Writes NAME.ivr from the template with the line's number and the values given with \
            --set, then checks it and runs its tests; nothing is written if either fails. \
            `ivrc new --list` shows the templates and their parameters.

            The repository's root is the git work tree holding the new file (outside git: the \
            current directory if the file is under it, else the file's folder). With --env NAME \
            the line's number and its phone and URL values go to environments/NAME.toml at the \
            root, where `--env NAME` finds them, in the line's own table [NAME] (written env.KEY \
            in the flow); a second line's table is added to an existing values file. With --ci the CI workflow \
            goes to .github/workflows/ivrc.yml at the root (GitHub reads it only there): it \
            checks, tests, compares and builds the new file's folder once per environment; a \
            second line adds its environment to a workflow `ivrc new` wrote. An existing flow \
            file, or a workflow edited by hand, is never replaced.
            """
    )

    @Argument(help: "The template: healthcare, fleet or general (see --list).")
    var template: String?

    @Argument(help: "The new flow's name, also the file name (NAME.ivr).")
    var name: String?

    @Option(help: "The number the line answers on, e.g. +1-312-555-0140.")
    var number: String?

    @Option(name: .customLong("set"), help: "A template parameter, e.g. --set clinic=\"Lakeview Dental\" (repeatable).")
    var values: [String] = []

    @Option(name: .shortAndLong, help: "Where to write the flow (default: NAME.ivr).")
    var output: String?

    @Option(help: ArgumentHelp("Write the number and the phone and URL values to environments/NAME.toml at the repository's root (env.KEY in the flow).",
                               valueName: "NAME"))
    var env: String?

    @Flag(help: "Also write the CI workflow to .github/workflows/ivrc.yml at the repository's root.")
    var ci = false

    @Flag(help: "List the templates and their parameters.")
    var list = false

    func validate() throws {
        if list { return }
        guard let template else { throw ValidationError("name a template (see `ivrc new --list`)") }
        guard LineTemplate.named(template) != nil else {
            let names = LineTemplate.all.map(\.name)
            let hint = Spelling.nearest(template, in: names).map { "did you mean `\($0)`? " } ?? ""
            throw ValidationError("there is no template `\(template)`; \(hint)the templates are \(names.joined(separator: ", "))")
        }
        if name == nil { throw ValidationError("give the new flow's name: `ivrc new \(template) NAME --number +1…`") }
        if number == nil { throw ValidationError("--number is required: the number the new line answers on") }
        _ = try parsedValues()
        if let env, !Parser.isIdentifier(env) {
            throw ValidationError("--env takes an environment's name, e.g. production (written to environments/NAME.toml)")
        }
    }

    func run() throws {
        if list {
            for template in LineTemplate.all {
                print("\(template.name): \(template.summary)")
                for parameter in template.parameters { print("  --set \(parameter.name)=…  \(parameter.summary)") }
            }
            return
        }
        try reportingFailures {
            guard let template = template.flatMap(LineTemplate.named), let name, let number else { return ExitStatus.usage }
            let path = output ?? "\(name).ivr"
            let instance: LineTemplate.Instance
            do {
                instance = try template.instantiate(flow: name, number: number, values: try parsedValues(),
                                                    deploymentValuesInEnvironment: env != nil)
            } catch let failure as LineTemplate.Failure {
                throw UsageFailure(failure.description)
            }
            let layout = NewLineLayout(flowPath: path)
            let environmentFile = try env.map { environment in
                try layout.valuesFile(environment, adding: instance.environmentValues, for: name, template: template.name)
            }
            let source = SourceFile(path: path, text: instance.source)
            guard let checked = CheckedProgram.load([source], output: try OutputOptions.parse([]), environment: environmentFile?.values) else {
                return ExitStatus.diagnostics
            }
            let tests = checked.result.graph.flows.flatMap { FlowTestParser.parse($0).tests }
            let failures = tests.compactMap { FlowTestRunner.run($0, in: checked.program).failure }
            guard failures.isEmpty else {
                for failure in failures { print("FAIL \(failure)") }
                standardError("ivrc: the new line fails its tests with these values; nothing was written\n")
                return ExitStatus.diagnostics
            }
            let workflow = try ci ? layout.workflow(adding: env) : nil
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try NewFile.create(path, Array(instance.source.utf8))
            try environmentFile?.write()
            try workflow?.write()
            print("wrote \(path) from the \(template.name) template: checks clean, \(tests.count) tests pass")
            if let workflow { print(workflow.summary) }
            if let env, let environmentFile {
                print(environmentFile.summary)
                let selection = EnvironmentOptions.valuesFile(of: env) == environmentFile.shownPath ? env : environmentFile.shownPath
                print("next: edit it, then `ivrc test \(path) --env \(selection)` and `ivrc build \(path) --env \(selection) -o bundle`")
            } else {
                print("next: edit it, then `ivrc test \(path)` and `ivrc build \(path) -o bundle`")
            }
            return ExitStatus.clean
        }
    }

    /// `--set key=value`, each key once.
    private func parsedValues() throws -> [String: String] {
        var parsed: [String: String] = [:]
        for assignment in values {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ValidationError("--set takes key=value, got `\(assignment)`")
            }
            let key = String(assignment[..<equals])
            guard parsed.updateValue(String(assignment[assignment.index(after: equals)...]), forKey: key) == nil else {
                throw ValidationError("--set \(key) is given twice")
            }
        }
        return parsed
    }
}

/// Creates a file that must not exist yet: never replaces, never follows a link.
enum NewFile {
    static func create(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o644)
        guard descriptor >= 0 else {
            throw UsageFailure(errno == EEXIST ? "\(path) already exists; it is left as it is" : "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw UsageFailure("cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}
