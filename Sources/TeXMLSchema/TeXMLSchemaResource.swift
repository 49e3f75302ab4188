import Foundation

/// The TeXML XSD compiled into ivrc: the one source of truth for validation and the vocabulary.
/// Embedded rather than loaded from a resource bundle, so a copied binary behaves the same
/// and no file beside it can change what it accepts.
public enum TeXMLSchemaResource {
    public static var xsdData: Data { Data(PackageResources.texml_xsd) }
}
