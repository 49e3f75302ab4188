import IVRBundle
import TeXMLSchema

/// A bundle's documents as `ivrc serve` answers them, in memory: a flow without values as its
/// stored bytes, a flow with values filled per request and written through the XSD
/// (`writeFilled`, the server's writer). URLs are the bundle's own, relative ones (the server
/// relocates them first), so a URL without a scheme leads back into the bundle.
struct WrittenDocuments: AnswerDocuments, Sendable {
    let bundle: LoadedBundle
    let trees: [String: [XMLElement]]
    let validator: TeXMLSchemaValidator

    func stored(_ path: String) -> [UInt8]? { bundle.document(path) }

    func verbs(_ path: String) -> [XMLElement]? { trees[path] }

    func write(_ verbs: [XMLElement], path: String) -> Result<[UInt8], InvalidFilledDocument> { validator.writeFilled(verbs) }

    func leadsIntoBundle(_ url: String, from path: String) -> Bool { !url.contains(":") }
}
