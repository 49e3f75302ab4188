import IVRLang
import IVRLanguageServerProtocol

/// One file as a request sees it: its text, its syntax tree and its position converter.
struct Document {
    let path: String
    /// As the client holds it (a byte-order mark kept).
    let bytes: [UInt8]
    let source: SourceFile
    let converter: PositionConverter

    init(path: String, bytes: [UInt8], encoding: PositionEncodingKind) {
        self.path = path
        self.bytes = bytes
        source = SourceFile(path: path, bytes: bytes)
        converter = PositionConverter(source, encoding: encoding, hasByteOrderMark: Self.hasByteOrderMark(bytes))
    }

    var uri: String { DocumentURI.uri(of: path) }

    var parsed: ParsedFile { Parser.parse(source) }

    func offset(of position: Position) -> Int { converter.offset(of: position) }

    func range(of range: SourceRange) -> Range { converter.range(of: range) }

    static func hasByteOrderMark(_ bytes: [UInt8]?) -> Bool {
        bytes?.starts(with: [0xEF, 0xBB, 0xBF]) ?? false
    }
}
