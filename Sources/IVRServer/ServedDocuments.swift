import Hummingbird
import IVRBundle
import TeXMLSchema

/// A served bundle's documents as `BundleAnswerer` reads them: relocated and validated bytes,
/// shared by every request, and, for flows that use values, relocated trees filled per request
/// and written through the XSD again.
struct ServedDocuments: AnswerDocuments, Sendable {
    let bytes: [String: ByteBuffer]
    let trees: [String: [XMLElement]]
    let validator: TeXMLSchemaValidator
    /// `{pathPrefix}/{id}/`: a URL starting with it leads back into this bundle.
    let servedPrefix: String

    func stored(_ path: String) -> ByteBuffer? { bytes[path] }

    func verbs(_ path: String) -> [XMLElement]? { trees[path] }

    func write(_ verbs: [XMLElement], path: String) -> Result<ByteBuffer, InvalidFilledDocument> {
        validator.writeFilled(verbs).map { ByteBuffer(bytes: $0) }
    }

    func leadsIntoBundle(_ url: String, from path: String) -> Bool { url.hasPrefix(servedPrefix) }
}
