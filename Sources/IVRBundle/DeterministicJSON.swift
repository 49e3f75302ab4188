import Foundation

/// JSON with sorted keys and fixed indentation, so the same value gives the same bytes on every
/// machine: the bundle manifest (`Manifest.encoded`) and the `--format json|sarif` reports both rely on it.
public enum DeterministicJSON {
    public static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings, integers and dictionaries cannot fail.
        return [UInt8](try! encoder.encode(value)) + [UInt8(ascii: "\n")]
    }

    public static func string(_ value: some Encodable) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }
}
