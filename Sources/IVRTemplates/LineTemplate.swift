import Foundation
import IVRLang

/// A built-in starting point for a new line (`ivrc new healthcare clinic_name --number …`): an
/// ordinary `.ivr` flow from `templates/`, checked and tested like the examples, whose header
/// declares what a new line changes:
///
///     # template: one line saying what the template is for
///     # param clinic "Lakeview Clinic": what it is
///
/// Instantiating replaces the flow's name and number and every occurrence of a parameter's
/// default with the value given for it.
public struct LineTemplate: Sendable {
    public struct Parameter: Sendable, Equatable {
        public enum Kind: String, Sendable {
            /// Spoken text: the default is written inside strings.
            case text
            case phone
            case url
        }

        public let name: String
        public let kind: Kind
        /// The default as it appears in the flow (text without its quotes).
        public let defaultValue: String
        public let summary: String
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let name: String
    public let summary: String
    public let parameters: [Parameter]
    /// The template's source, header included.
    public let source: String

    /// Every built-in template, by name.
    public static let all: [LineTemplate] = EmbeddedTemplates.sources.keys.sorted().compactMap { name in
        EmbeddedTemplates.sources[name].flatMap { LineTemplate(name: name, source: $0) }
    }

    public static func named(_ name: String) -> LineTemplate? { all.first { $0.name == name } }

    /// The CI workflow a new line's repository runs (`examples/ci/ivrc.yml`).
    public static var ciWorkflow: String { CIWorkflow.sample }

    /// Nil when the header is not a template header (a test proves every shipped one parses).
    init?(name: String, source: String) {
        let header = source.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("#") }
        guard let first = header.first, first.hasPrefix("# template: ") else { return nil }
        var parameters: [Parameter] = []
        for line in header.dropFirst() {
            guard let parameter = Self.parameter(String(line)) else { return nil }
            parameters.append(parameter)
        }
        self.name = name
        self.summary = String(first.dropFirst("# template: ".count))
        self.parameters = parameters
        self.source = source
    }

    /// `# param NAME DEFAULT: summary`, the default quoted for text.
    private static func parameter(_ line: String) -> Parameter? {
        guard line.hasPrefix("# param ") else { return nil }
        let rest = line.dropFirst("# param ".count)
        guard let space = rest.firstIndex(of: " ") else { return nil }
        let name = String(rest[..<space])
        let value = rest[rest.index(after: space)...]
        if value.hasPrefix("\"") {
            guard let close = value.dropFirst().firstIndex(of: "\""), value[value.index(after: close)...].hasPrefix(": ") else { return nil }
            return Parameter(name: name, kind: .text, defaultValue: String(value[value.index(after: value.startIndex)..<close]),
                             summary: String(value[value.index(close, offsetBy: 3)...]))
        }
        guard let colon = value.range(of: ": ") else { return nil }
        let written = String(value[..<colon.lowerBound])
        let kind: Parameter.Kind = written.hasPrefix("+") ? .phone : .url
        return Parameter(name: name, kind: kind, defaultValue: written, summary: String(value[colon.upperBound...]))
    }

    /// A new line: its source, and the values it takes from an environment's values file.
    public struct Instance: Sendable, Equatable {
        public let source: String
        /// Empty unless the deployment values were asked to go to an environment.
        public let environmentValues: [String: String]
    }

    /// The new line's source: header replaced by a note of where it came from, flow renamed,
    /// number set, parameters filled. Values are checked for their kind here; the flow itself
    /// is then checked like any other (a number that dials itself is `dial-loopback`).
    public func instantiate(flow: String, number: String, values: [String: String]) throws(Failure) -> String {
        try instantiate(flow: flow, number: number, values: values, deploymentValuesInEnvironment: false).source
    }

    /// With `deploymentValuesInEnvironment`, what differs between staging and production — the
    /// line's number and every phone and URL parameter, given or defaulted — is written
    /// `env.KEY` in the flow and returned as the environment's values. Each key starts with the
    /// flow's name (`lakeview_number`, `lakeview_nurse`), so several lines share one values file.
    public func instantiate(flow: String, number: String, values: [String: String],
                            deploymentValuesInEnvironment: Bool) throws(Failure) -> Instance {
        guard Parser.isIdentifier(flow) else {
            throw Failure(description: "`\(flow)` cannot name a flow: use letters, digits, `_` and `-`, starting with a letter")
        }
        guard Self.isPhone(number) else {
            throw Failure(description: "`\(number)` is not a phone number: write it in international form, e.g. +1-312-555-0140")
        }
        for key in values.keys where !parameters.contains(where: { $0.name == key }) {
            let names = parameters.map(\.name)
            let hint = Spelling.nearest(key, in: names).map { "did you mean `\($0)`? " } ?? ""
            throw Failure(description: "template `\(name)` has no parameter `\(key)`; \(hint)its parameters are \(names.joined(separator: ", "))")
        }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let headerCount = lines.prefix { $0.hasPrefix("#") }.count
        lines.replaceSubrange(0..<headerCount, with: ["# A new line from the ivrc `\(name)` template: \(summary)."])
        var body = lines.joined(separator: "\n")
        var environmentValues: [String: String] = [:]
        for parameter in parameters {
            if deploymentValuesInEnvironment && parameter.kind != .text {
                let given = values[parameter.name]
                let key = parameter.name
                environmentValues[key] = try given.map { value throws(Failure) in try Self.spelled(value, as: parameter) } ?? parameter.defaultValue
                body = body.replacingOccurrences(of: parameter.defaultValue, with: "env.\(key)")
                continue
            }
            guard let value = values[parameter.name] else { continue }
            body = body.replacingOccurrences(of: parameter.defaultValue, with: try Self.spelled(value, as: parameter))
        }
        let numberKey = Self.numberKey
        if deploymentValuesInEnvironment { environmentValues[numberKey] = number }
        let source = body.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("flow ") { return "flow \(flow)" }
            if line.hasPrefix("  number ") { return "  number \(deploymentValuesInEnvironment ? "env.\(numberKey)" : number)" }
            return String(line)
        }.joined(separator: "\n")
        return Instance(source: source, environmentValues: environmentValues)
    }

    /// The environment key that holds the line's own number, in the line's table of the
    /// values file (`[lakeview]` then `number = …`), which other lines may share.
    public static let numberKey = "number"

    /// A value as it can stand where the default stood: escaped inside a string for text.
    private static func spelled(_ value: String, as parameter: Parameter) throws(Failure) -> String {
        switch parameter.kind {
        case .text:
            guard !value.isEmpty, !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw Failure(description: "`\(parameter.name)` must be text on one line")
            }
            return String(StringLiteral.quote(value).dropFirst().dropLast())
        case .phone:
            guard isPhone(value) else {
                throw Failure(description: "`\(parameter.name)` must be a phone number in international form, e.g. +1-312-555-0140")
            }
            return value
        case .url:
            guard value.hasPrefix("https://") || value.hasPrefix("http://"), !value.contains(where: \.isWhitespace) else {
                throw Failure(description: "`\(parameter.name)` must be an http(s) URL without spaces")
            }
            return value
        }
    }

    /// `+` then digits, dashes allowed between them: what the `.ivr` lexer reads as a number.
    static func isPhone(_ text: String) -> Bool {
        let digits = text.dropFirst().filter(\.isNumber)
        return text.hasPrefix("+") && text.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
            && (7...15).contains(digits.count) && !text.hasSuffix("-")
    }
}
