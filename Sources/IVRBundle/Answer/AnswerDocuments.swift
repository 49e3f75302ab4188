import TeXMLSchema

/// A bundle's documents as the answerer reads and writes them: the server holds relocated,
/// validated bytes and writes filled verbs through the XSD; the runtime holds parsed trees.
public protocol AnswerDocuments {
    associatedtype Document
    /// A document answered as it is (a flow without values), or nil for an unknown path.
    func stored(_ path: String) -> Document?
    /// The verbs of a document to be filled with values, or nil when there are none to fill.
    func verbs(_ path: String) -> [XMLElement]?
    /// The filled verbs of document `path` as answered, or the first reason they are not valid TeXML.
    func write(_ verbs: [XMLElement], path: String) -> Result<Document, InvalidFilledDocument>
    /// Whether `url`, written in document `path`, leads back into the bundle (so it carries the values).
    func leadsIntoBundle(_ url: String, from path: String) -> Bool
}

/// Why a filled document cannot be answered (the message may quote a value).
public struct InvalidFilledDocument: Error {
    public let message: String

    public init(message: String) {
        self.message = message
    }
}

extension TeXMLSchemaValidator {
    /// Filled verbs as a document's bytes, refused at the first XSD violation: how the server
    /// writes every filled document (and the answer fuzz target with it).
    public func writeFilled(_ verbs: [XMLElement]) -> Result<[UInt8], InvalidFilledDocument> {
        let written = write(verbs)
        guard written.violations.isEmpty else { return .failure(InvalidFilledDocument(message: written.violations.first?.message ?? "")) }
        return .success(written.bytes)
    }
}
