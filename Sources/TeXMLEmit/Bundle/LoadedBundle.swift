import Foundation
import IVRCheck

/// A bundle opened for serving: hashes verified, every route target present. Answers the
/// two questions a voice server asks: which document answers this number, and which
/// document follows this action request.
public struct LoadedBundle: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let manifest: Manifest
    private let documents: [String: [UInt8]]
    private let entries: [String: String]

    /// Opens the bundle at `directory`, reading only the files its manifest names.
    public init(directory: URL) throws {
        let manifestURL = directory.appendingPathComponent("manifest.json")
        guard let data = try? Data(contentsOf: manifestURL) else {
            throw Failure(description: "\(directory.path) has no readable manifest.json; is it an ivrc bundle?")
        }
        let manifest: Manifest
        do {
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            throw Failure(description: "\(manifestURL.path) is not a valid manifest: \(error)")
        }
        var documents: [String: [UInt8]] = [:]
        for (path, entry) in manifest.documents {
            guard Self.isSafe(path) else { throw Failure(description: "manifest names an unsafe path: \(path)") }
            guard let bytes = try? Data(contentsOf: directory.appendingPathComponent(path)) else {
                throw Failure(description: "document \(path) named in the manifest is missing")
            }
            documents[path] = [UInt8](bytes)
            let actual = BundleWriter.sha256([UInt8](bytes))
            guard actual == entry.sha256 else {
                throw Failure(description: "document \(path) does not match its SHA-256 in the manifest (changed after build?)")
            }
        }
        try self.init(manifest: manifest, documents: documents)
    }

    /// Opens a bundle held in memory (a fresh compile), with the same checks.
    public init(manifest: Manifest, documents: [String: [UInt8]]) throws {
        guard manifest.formatVersion == Manifest.currentFormatVersion else {
            throw Failure(description: "bundle format \(manifest.formatVersion) is not supported (expected \(Manifest.currentFormatVersion))")
        }
        for (from, route) in manifest.routes {
            if let schedule = route.schedule, manifest.schedules?[schedule] == nil {
                throw Failure(description: "route of \(from) reads schedule \(schedule), which the manifest does not define")
            }
            let targets = [route.next, route.answered, route.invalid, route.timeout, route.open, route.closed].compactMap { $0 }
                + (route.keys ?? [:]).values + (route.speech ?? [:]).values
            for target in targets where documents[target] == nil {
                throw Failure(description: "route of \(from) leads to \(target), which is not in the bundle")
            }
        }
        var entries: [String: String] = [:]
        for flow in manifest.flows {
            guard documents[flow.entry] != nil else {
                throw Failure(description: "entry \(flow.entry) of flow \(flow.name) is not in the bundle")
            }
            entries[flow.number] = flow.entry
        }
        self.manifest = manifest
        self.documents = documents
        self.entries = entries
    }

    /// The entry document for a dialled number (any formatting: `+1-800-…` works).
    public func entry(forNumber number: String) -> String? {
        entries["+" + number.filter(\.isNumber)]
    }

    public func document(_ path: String) -> [UInt8]? { documents[path] }

    /// The document that answers an action request from `document`, given the request's
    /// parameters as Telnyx sends them (`Digits`, `SpeechResult`, `DialCallStatus`, …).
    /// `hours` routes are decided by `clock`: the moment of the request unless told otherwise.
    /// Nil when the document has no route.
    public func next(after document: String, parameters: [String: String],
                     clock: ScheduleClock = .at(.instant(Date()))) -> String? {
        guard let route = manifest.routes[document] else { return nil }
        switch route.kind {
        case .gather, .record:
            return route.next
        case .dial:
            return parameters["DialCallStatus"] == "completed" ? route.answered : route.next
        case .hours:
            guard let key = route.schedule, let schedule = manifest.schedules?[key] else { return nil }
            let isOpen = switch clock {
            case .at(let moment): schedule.isOpen(at: moment)
            case .assumed(let states): states[key] ?? false
            }
            return isOpen ? route.open : route.closed
        case .menu:
            if let digits = parameters["Digits"], !digits.isEmpty {
                return route.keys?[digits] ?? route.invalid
            }
            if let speech = parameters["SpeechResult"], !speech.isEmpty {
                let phrases = route.speech ?? [:]
                let match = SpeechMatcher.match(speech, phrases: phrases, emergency: route.emergency)
                return match.flatMap { phrases[$0] } ?? route.invalid
            }
            return route.timeout
        }
    }

    /// Manifest paths are `FLOW/NAME.xml`: nothing absolute, nothing climbing out of the bundle.
    private static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.contains("\\") && !path.isEmpty
    }
}
