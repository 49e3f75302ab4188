import IVRBundle

/// The part of a bundle's manifest that says what the bundle holds and who wrote it, for the
/// build that replaces the bundle: which files it may delete (`ReplaceableBundle`) and which
/// documents it may reuse (`PreviousBundle`). Decoding the route table too cost a quarter of a
/// one-flow rebuild; the outline also decodes from a manifest of another format version.
struct ManifestOutline: Decodable {
    let formatVersion: Int
    let compilerVersion: String
    let flows: [Manifest.FlowEntry]
    let documents: [String: Manifest.DocumentEntry]
}
