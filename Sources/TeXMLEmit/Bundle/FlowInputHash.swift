import Crypto
import IVRBundle
import TeXMLSchema

/// What decides the bytes of a flow's documents, as one SHA-256: the lowered element trees
/// (after modules, environment values and base URL have all been applied) with their bundle
/// paths, and the schema they are validated against. Two flows with the same input hash get
/// the same documents, so `build` may take them from the bundle it replaces instead of
/// serialising and validating them again. The compiler version is compared on its own, from
/// the manifest.
enum FlowInputHash {
    /// Changes whenever the encoding below changes, so an old hash never matches a new one.
    private static let encodingVersion = "ivrc-flow-input-1"
    private static let schemaDigest = DocumentHash.sha256([UInt8](TeXMLSchemaResource.xsdData))

    static func of(_ flow: LoweredFlow) -> String {
        var encoding = Encoding()
        encoding.append(encodingVersion)
        encoding.append(schemaDigest)
        for document in flow.documents {
            encoding.append(document.path)
            encoding.append(count: document.verbs.count)
            for verb in document.verbs { encoding.append(verb) }
        }
        return DocumentHash.sha256(encoding.bytes)
    }

    /// Length-prefixed, tagged bytes: no two different trees share an encoding.
    private struct Encoding {
        var bytes: [UInt8] = []

        mutating func append(_ text: String) {
            append(count: text.utf8.count)
            bytes.append(contentsOf: text.utf8)
        }

        mutating func append(count: Int) {
            withUnsafeBytes(of: UInt64(count).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func append(_ element: XMLElement) {
            bytes.append(UInt8(ascii: "E"))
            append(element.name)
            bytes.append(element.namespace == nil ? 0 : 1)
            if let namespace = element.namespace { append(namespace) }
            append(count: element.attributes.count)
            for attribute in element.attributes {
                append(attribute.name)
                append(attribute.value)
            }
            append(count: element.children.count)
            for child in element.children {
                switch child {
                case .element(let nested): append(nested)
                case .text(let text):
                    bytes.append(UInt8(ascii: "T"))
                    append(text)
                }
            }
        }
    }
}
