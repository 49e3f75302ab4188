import ArgumentParser
import TeXMLImport
import TeXMLSchema

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate existing TeXML files: safe parsing, the TeXML schema, and the rules that apply to raw TeXML.",
        discussion: """
            Each file is read without network access, DTDs or entity expansion, within a size \
            (10 MB) and nesting (64) limit; a refused file is reported as an `unsafe-xml` error \
            (exit 1), like any other problem in the files. Then: the TeXML XSD, `dial-loopback`, \
            `recording-disclosure`, `missing-action` and `twiml-only`. Files in an ivrc bundle \
            use its manifest.json for routes (menus, dials, `hours`) and the line's number; a \
            bundle directory stands for every document its manifest lists.
            """
    )

    @Argument(help: "TeXML files, or a bundle directory (every document its manifest lists).")
    var files: [String]

    @Option(help: "The number the line answers on (E.164), for dial-loopback; default: the bundle manifest's.")
    var number: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let number, !number.hasPrefix("+") || number.dropFirst().contains(where: { !$0.isNumber && $0 != "-" }) {
            throw ValidationError("--number must be a phone number in international form, e.g. +18005550157")
        }
    }

    func run() throws {
        try reportingFailures {
            let limits = SafeXMLParser.Limits()
            let files = try TeXMLInputFiles.expandingBundles(files)
            let inputs = try TeXMLInputFiles.load(files, limits: limits)
            let context = try TeXMLInputFiles.bundleContext(for: files)
            let result = TeXMLValidation(number: number, context: context, limits: limits).validate(inputs)
            output.emit(result.diagnostics, sources: result.sources)
            return output.status(for: result.diagnostics)
        }
    }
}
