/// A whole input that shows a diagnostic id: a `.ivr` file and, when the id is about
/// environment values, the values file it is checked with. In a reported example each `↓`
/// (SwiftLint's habit) stands just before the character a finding must start at; the tests
/// and `ivrc explain` strip the markers and require a finding there and nowhere else.
public struct DiagnosticExample: Sendable, ExpressibleByStringLiteral {
    public static let marker: Character = "↓"
    /// Where examples live when they are checked or shown: a flow file, and its environment.
    public static let flowPath = "example.ivr"
    public static let valuesPath = "environments/example.toml"

    /// The `.ivr` file, markers included.
    public let source: String
    /// The values file (`environments/example.toml`, checked with `--env example`), markers included.
    public let values: String?

    public init(_ source: String, values: String? = nil) {
        self.source = source
        self.values = values
    }

    public init(stringLiteral source: String) {
        self.init(source)
    }

    /// The text as it is checked: without the markers.
    public var unmarkedSource: String { Self.unmarked(source) }
    public var unmarkedValues: String? { values.map(Self.unmarked) }

    /// The files as `ivrc check --env example` would read them.
    public var flowFile: SourceFile { SourceFile(path: Self.flowPath, text: unmarkedSource) }
    public var valuesFile: SourceFile? { unmarkedValues.map { SourceFile(path: Self.valuesPath, text: $0) } }

    /// Every marked point of the unmarked files: where a finding must start.
    public var markers: [(file: String, position: SourcePosition)] {
        Self.markers(in: source, file: flowFile).map { (Self.flowPath, $0) }
            + (values.map { text in Self.markers(in: text, file: valuesFile!).map { (Self.valuesPath, $0) } } ?? [])
    }

    private static func unmarked(_ text: String) -> String {
        text.filter { $0 != marker }
    }

    private static func markers(in text: String, file: SourceFile) -> [SourcePosition] {
        var offsets: [Int] = []
        var offset = 0
        for character in text {
            if character == marker {
                offsets.append(offset)
            } else {
                offset += character.utf8.count
            }
        }
        return offsets.map { file.span($0, $0).start }
    }
}
