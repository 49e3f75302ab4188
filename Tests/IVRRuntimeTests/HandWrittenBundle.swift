import Foundation
import IVRBundle
import IVRRuntime

/// Small bundles written by hand, loaded through the real loader, for verb-level tests.
enum HandWrittenBundle {
    /// The manifest's JSON shape; `Manifest` itself is decoded from it.
    private struct ManifestJSON: Encodable {
        struct Flow: Encodable {
            let name: String
            let number: String
            let entry: String
        }
        struct Document: Encodable { let sha256: String }
        struct Waiver: Encodable {}
        let formatVersion = Manifest.currentFormatVersion
        let compilerVersion = "test"
        let flows: [Flow]
        let routes: [String: Route]
        let documents: [String: Document]
        let waivers: [Waiver] = []
    }

    static let number = "+15550001000"

    /// `documents` maps `NAME` (in flow `f`) to the verbs inside `<Response>`; the entry is `main`.
    static func program(_ documents: [String: String], routes: [String: Route] = [:],
                        baseURLs: [String] = []) throws -> CallProgram {
        var bytes: [String: [UInt8]] = [:]
        for (name, verbs) in documents {
            bytes["f/\(name).xml"] = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\(verbs)</Response>\n".utf8)
        }
        let json = ManifestJSON(
            flows: [.init(name: "f", number: number, entry: "f/main.xml")],
            routes: Dictionary(uniqueKeysWithValues: routes.map { ("f/\($0.key).xml", $0.value) }),
            documents: bytes.mapValues { _ in .init(sha256: "") })
        let manifest = try JSONDecoder().decode(Manifest.self, from: JSONEncoder().encode(json))
        return CallProgram(bundle: try LoadedBundle(manifest: manifest, documents: bytes), baseURLs: baseURLs)
    }

    /// Runs a call to `main` with a script and returns the transcript.
    static func call(_ program: CallProgram, _ events: [CallerEvent] = [], stepLimit: Int = 200) -> [CallEvent] {
        var caller = ScriptedCaller(events)
        return CallSimulator.run(program, entry: "f/main.xml", caller: &caller, stepLimit: stepLimit)
    }
}
