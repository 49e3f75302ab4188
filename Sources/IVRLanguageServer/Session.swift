import Foundation
import IVRCheck
import IVREnvironment
import IVRLang
import IVRLanguageServerProtocol
import IVRReport
import IVRRuntime

/// One initialized connection: the workspace, the negotiated encoding, the values file and
/// what was last published. Used only on the server's queue.
final class Session {
    typealias RequestHandler = @Sendable (Session, IncomingMessage) throws(ResponseError) -> any Encodable

    /// One small handler per request method.
    static let requests: [String: RequestHandler] = [
        "textDocument/formatting": Formatting.respond,
        "textDocument/rangeFormatting": Formatting.respondToRange,
        "textDocument/documentSymbol": DocumentSymbols.respond,
        "textDocument/foldingRange": FoldingRanges.respond,
        "textDocument/definition": NameNavigation.definition,
        "textDocument/references": NameNavigation.references,
        "textDocument/prepareRename": NameNavigation.prepareRename,
        "textDocument/rename": NameNavigation.rename,
        "textDocument/hover": HoverText.respond,
        "textDocument/completion": Completions.respond,
        "textDocument/codeAction": QuickFixes.respond,
        "textDocument/codeLens": TestLenses.respond,
    ]

    let encoding: PositionEncodingKind
    private(set) var workspace: Workspace
    private let environment: EnvironmentValues?
    /// Problems to show once the session has started (a values file that cannot be read).
    let startupProblems: [String]
    private let documentationBase: String?
    private var published: [String: [LSPDiagnostic]] = [:]
    /// The last check's findings per file, each with what was published for it (for quick fixes).
    /// The last check's position converters, for turning fix-its into edits.
    private(set) var converters: [String: PositionConverter] = [:]
    private(set) var findings: [String: [(finding: Diagnostic, published: LSPDiagnostic)]] = [:]
    /// Opened documents are published even when clean, so the client knows they were checked.
    private var mustPublish: Set<String> = []
    /// Each file's parse while its text is unchanged, and each flow's resolution and one-flow
    /// findings while its inputs are: a keystroke re-checks only what depends on it.
    private var parses = ParseCache()
    private let flows = FlowCheckCache()

    init(_ params: InitializeParams, options: inout LanguageServer.Options) {
        let offered = params.capabilities.general?.positionEncodings ?? []
        encoding = offered.lazy.compactMap(PositionEncodingKind.init(rawValue:)).first ?? .utf16
        let rootURI = params.workspaceFolders?.first?.uri ?? params.rootUri
        let root = rootURI.flatMap(DocumentURI.path(of:)) ?? params.rootPath
        workspace = Workspace(root: root)
        let settings = params.initializationOptions
        if let env = settings?["env"]?.stringValue, !env.isEmpty { options.environment = env }
        documentationBase = settings?["ruleDocumentation"]?.stringValue
        switch Self.loadEnvironment(options.environment, root: root) {
        case .success(let values):
            environment = values
            startupProblems = []
        case .failure(let problem):
            environment = nil
            startupProblems = [problem.message]
        }
    }

    private static func loadEnvironment(_ env: String?, root: String?) -> Result<EnvironmentValues?, ResponseError> {
        guard let env else { return .success(nil) }
        let isFile = env.hasSuffix(".toml")
        guard isFile || Parser.isIdentifier(env) else {
            return .failure(ResponseError(.invalidParams, "ivrc: env takes an environment's name or a .toml file, got `\(env)`"))
        }
        let relative = isFile ? env : "environments/\(env).toml"
        let path = relative.hasPrefix("/") ? relative
            : URL(fileURLWithPath: root ?? FileManager.default.currentDirectoryPath).appendingPathComponent(relative).path
        let name = isFile ? String(env.split(separator: "/").last?.dropLast(5) ?? "") : env
        do {
            return .success(try ValuesFile.load(name: name, path: path))
        } catch {
            return .failure(ResponseError(.invalidParams, "ivrc: \(error.description)"))
        }
    }

    // MARK: documents

    func open(_ params: DidOpenTextDocumentParams) throws(ResponseError) {
        let path = try Self.path(params.textDocument.uri)
        workspace.openDocument(path, version: params.textDocument.version, text: params.textDocument.text)
        mustPublish.insert(path)
    }

    func change(_ params: DidChangeTextDocumentParams) throws(ResponseError) {
        let path = try Self.path(params.textDocument.uri)
        // Full synchronisation: the last change is the whole text.
        guard let text = params.contentChanges.last?.text else { return }
        workspace.openDocument(path, version: params.textDocument.version, text: text)
    }

    func close(_ params: TextDocumentParams) throws(ResponseError) {
        workspace.closeDocument(try Self.path(params.textDocument.uri))
    }

    func save(_ params: TextDocumentParams) throws(ResponseError) {
        workspace.reread(try Self.path(params.textDocument.uri))
    }

    static func path(_ uri: String) throws(ResponseError) -> String {
        guard let path = DocumentURI.path(of: uri) else {
            throw ResponseError(.invalidParams, "`\(uri)` is not a file URI")
        }
        return path
    }

    /// A document the server holds, for a request about it.
    func document(_ uri: String) throws(ResponseError) -> Document {
        let path = try Self.path(uri)
        guard let bytes = workspace.bytes(of: path) else {
            throw ResponseError(.requestFailed, "\(path) is not open and not in the workspace")
        }
        return Document(path: path, bytes: bytes, encoding: encoding)
    }

    /// Every flow file, parsed, for requests that look across files.
    func parsedWorkspace() -> [Document] {
        workspace.sources.map { source in
            Document(path: source.path, bytes: workspace.bytes(of: source.path) ?? source.bytes, encoding: encoding)
        }
    }

    // MARK: diagnostics

    /// Checks the whole workspace and returns what changed since the last publication (nothing
    /// when `isStale` says a newer change arrived meanwhile).
    func check(isStale: () -> Bool) -> [PublishDiagnosticsParams] {
        let parsed = parses.parsed(workspace.files)
        let result = Checker.check(parsed: parsed, environment: environment, cache: flows)
        guard !isStale() else { return [] }
        var converters: [String: PositionConverter] = [:]
        for source in parsed.map(\.source) {
            converters[source.path] = PositionConverter(source, encoding: encoding,
                                                        hasByteOrderMark: Document.hasByteOrderMark(workspace.bytes(of: source.path)))
        }
        if let environment { converters[environment.file.path] = PositionConverter(environment.file, encoding: encoding) }
        let conversion = DiagnosticConversion(converter: { converters[$0] }, documentationBase: documentationBase)
        self.converters = converters
        findings = Dictionary(grouping: result.diagnostics.compactMap { finding in
            conversion.convert(finding).map { (finding: finding, published: $0) }
        }, by: \.finding.span.file)
        let current = findings.mapValues { $0.map(\.published) }
        let paths = Set(current.keys).union(published.keys).union(mustPublish).sorted()
        let publications = paths.compactMap { path -> PublishDiagnosticsParams? in
            let diagnostics = current[path] ?? []
            guard mustPublish.contains(path) || diagnostics != published[path] ?? [] else { return nil }
            return PublishDiagnosticsParams(uri: DocumentURI.uri(of: path), version: workspace.version(of: path),
                                            diagnostics: diagnostics)
        }
        published = current
        mustPublish = []
        return publications
    }

    // MARK: tests

    /// The tests of one file (all, or those named `name`), run as `ivrc test` runs them: the
    /// workspace as the editor holds it, checked, compiled in memory, each test a simulated call.
    func runTests(in path: String, named name: String?) throws(ResponseError) -> [TestOutcome] {
        let checked = Checker.check(parsed: parses.parsed(workspace.files), environment: environment, cache: flows)
        if let error = checked.diagnostics.first(where: { $0.severity == .error }) {
            throw ResponseError(.requestFailed, "cannot run the tests: fix the errors first (\(Self.located(error)))")
        }
        let program: CallProgram
        do {
            program = try CallProgram(compiling: checked.graph)
        } catch {
            throw ResponseError(.requestFailed, "cannot run the tests: \(error)")
        }
        let flows = checked.graph.flows.filter { $0.source.path == path }
        let written = flows.flatMap { flow in
            flow.tests.filter { name == nil || $0.description == name }.map { flow.span($0.range).start.offset }
        }
        let parsed = flows.map(FlowTestParser.parse)
        let tests = parsed.flatMap(\.tests).filter { name == nil || $0.description == name }
        // The parser leaves out a test with a malformed line; its first problem says why, as
        // `ivrc test` would.
        if tests.count < written.count, let first = written.min(),
           let problem = Diagnostic.sorted(parsed.flatMap(\.diagnostics)).first(where: { $0.span.start.offset >= first }) {
            throw ResponseError(.requestFailed, "cannot run the test: \(Self.located(problem))")
        }
        return tests.map { FlowTestRunner.run($0, in: program) }
    }

    private static func located(_ finding: Diagnostic) -> String {
        "\(finding.span.file):\(finding.span.start.line):\(finding.span.start.column): \(finding.message)"
    }
}
