import Foundation
import IVRBundle

/// One flow's share of `manifest.json`, each part encoded on its own: its entry of `flows`, and
/// its members of `documents`, `routes`, `schedules` and `dialPrefixes` (every key of those
/// begins with `FLOW/`, so in a sorted map a flow's members are next to each other). The
/// manifest is assembled from the parts by `ManifestParts.assemble`, byte for byte what encoding
/// it whole gives (a test holds them equal), so a flow's part is encoded once, on any core, and
/// a rebuild keeps the parts of flows that did not change instead of encoding them again.
public struct ManifestFlowPart: Sendable, Equatable {
    public let name: String
    /// The flow's `flows` entry, encoded alone, indented as an element of `flows`.
    public let entry: [UInt8]
    /// The lines between the braces of each map holding only this flow's members, encoded
    /// alone and indented as members of the manifest's map; empty when the flow has none.
    /// Kept indented, so assembling the manifest only joins them.
    public let documents: [UInt8]
    public let routes: [UInt8]
    public let schedules: [UInt8]
    public let dialPrefixes: [UInt8]

    /// A part kept from an earlier build.
    public init(name: String, entry: [UInt8], documents: [UInt8], routes: [UInt8], schedules: [UInt8], dialPrefixes: [UInt8]) {
        self.name = name
        self.entry = entry
        self.documents = documents
        self.routes = routes
        self.schedules = schedules
        self.dialPrefixes = dialPrefixes
    }

    /// The part of `flow`, whose documents' SHA-256 by bundle path are `hashes`.
    public init(_ flow: LoweredFlow, input: String?, hashes: [String: String]) {
        name = flow.name
        entry = ManifestParts.indented(ManifestParts.encode(Manifest.FlowEntry(
            name: flow.name, number: flow.number ?? "", entry: flow.entry, inputSHA256: input, retention: flow.retention,
            emergencyStep: flow.emergencyStep, languages: flow.languages, dailyCallTarget: flow.dailyCallTarget,
            industry: flow.industry == .general ? nil : flow.industry.rawValue)), by: 4)
        documents = ManifestParts.members(Dictionary(flow.documents.compactMap { document in
            hashes[document.path].map { (document.path, Manifest.DocumentEntry(sha256: $0)) }
        }) { first, _ in first })
        routes = ManifestParts.members(flow.routes)
        schedules = ManifestParts.members(flow.schedules)
        dialPrefixes = ManifestParts.members(flow.dialPrefixes)
    }
}

/// The manifest's encoding (`DeterministicJSON`: sorted keys, two-space indentation) put
/// together from parts.
public enum ManifestParts {
    /// The bytes of the manifest of `parts` (any order), as `Manifest.encoded` gives them.
    public static func assemble(_ parts: [ManifestFlowPart], compilerVersion: String, waivers: [Manifest.Waiver],
                                environment: Manifest.Environment?) -> [UInt8] {
        // Sorted by `FLOW/`: the order of the flows' members in every map.
        let flows = parts.sorted { Array(($0.name + "/").utf8).lexicographicallyPrecedes(Array(($1.name + "/").utf8)) }
        var members: [(String, [UInt8])] = [("compilerVersion", encode(compilerVersion))]
        if flows.contains(where: { !$0.dialPrefixes.isEmpty }) { members.append(("dialPrefixes", map(flows.map(\.dialPrefixes)))) }
        members.append(("documents", map(flows.map(\.documents))))
        if let environment { members.append(("environment", indented(encode(environment), by: 2, keepingFirstLine: true))) }
        // `flows` keeps the order of names, as `Compiler.lower` sorts them.
        let entries = parts.sorted { $0.name < $1.name }.map(\.entry)
        members.append(("flows", wrapped(entries, "[", "]")))
        members.append(("formatVersion", encode(Manifest.currentFormatVersion)))
        members.append(("routes", map(flows.map(\.routes))))
        if flows.contains(where: { !$0.schedules.isEmpty }) { members.append(("schedules", map(flows.map(\.schedules)))) }
        members.append(("waivers", indented(encode(waivers), by: 2, keepingFirstLine: true)))
        var manifest = Array("{\n".utf8)
        manifest.reserveCapacity(members.reduce(16) { $0 + $1.1.count + $1.0.utf8.count + 9 })
        for (index, (key, value)) in members.enumerated() {
            let separator = index > 0 ? ",\n" : ""
            manifest += Array("\(separator)  \"\(key)\" : ".utf8)
            manifest += value
        }
        manifest += Array("\n}\n".utf8)
        return manifest
    }

    /// `value` alone, as the manifest's encoder writes it (no final newline).
    static func encode(_ value: some Encodable) -> [UInt8] {
        Array(DeterministicJSON.encode(value).dropLast())
    }

    /// The lines between the braces of `map` encoded alone, indented as members of a map of
    /// the manifest's top level; empty for an empty map.
    static func members(_ map: [String: some Encodable]) -> [UInt8] {
        guard !map.isEmpty else { return [] }
        let lines = encode(map).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return indented(Array(lines.dropFirst().dropLast().joined(separator: [UInt8(ascii: "\n")])), by: 2)
    }

    /// A map of the manifest's top level made of each flow's members (`members`), in order.
    private static func map(_ blocks: [[UInt8]]) -> [UInt8] {
        wrapped(blocks.filter { !$0.isEmpty }, "{", "}")
    }

    /// The elements of an object or array of the manifest's top level between `open` and
    /// `close`, separated as the encoder separates them.
    private static func wrapped(_ elements: [[UInt8]], _ open: String, _ close: String) -> [UInt8] {
        guard !elements.isEmpty else { return Array("\(open)\n\n  \(close)".utf8) }
        var result = Array("\(open)\n".utf8)
        result.reserveCapacity(elements.reduce(8) { $0 + $1.count + 2 })
        for (index, element) in elements.enumerated() {
            if index > 0 { result += [UInt8(ascii: ","), UInt8(ascii: "\n")] }
            result += element
        }
        result += Array("\n  \(close)".utf8)
        return result
    }

    /// `text` with `count` spaces before every line that is not empty (the encoder writes an
    /// empty collection's inner line bare); the first line kept as it is when it continues a key.
    static func indented(_ text: [UInt8], by count: Int, keepingFirstLine: Bool = false) -> [UInt8] {
        let spaces = [UInt8](repeating: UInt8(ascii: " "), count: count)
        var result: [UInt8] = []
        result.reserveCapacity(text.count + text.count / 8)
        for (index, line) in text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if index > 0 { result.append(UInt8(ascii: "\n")) }
            if !line.isEmpty && !(keepingFirstLine && index == 0) { result += spaces }
            result += line
        }
        return result
    }
}
