import Foundation
import IVRLang
import TeXMLSchema

/// A bundle opened for serving: hashes verified, every route target present. Answers the
/// two questions a voice server asks: which document answers this number, and which
/// document follows this action request.
public struct LoadedBundle: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public let manifest: Manifest
    /// SHA-256 (hex) of the manifest's bytes: as read from disk, or as `ivrc build` would write
    /// them for a bundle made in memory. Its first 12 digits are the bundle's id.
    public let manifestSHA256: String
    private let documents: [String: [UInt8]]
    private let entries: [String: String]

    /// Opens the bundle at `directory` (a store's current build when it is a store), reading only the files its manifest names, each a
    /// regular file reached without following a symbolic link (a link to `/etc/passwd`, or a
    /// linked directory, is refused even with a matching hash) and within its size limit; a
    /// bundle over `BundleLimits` (documents, bytes in all) is refused before it is all read.
    public init(directory: URL) throws {
        let bundle: ConfinedDirectory
        let build: URL
        do {
            build = try BundleStoreDirectory.bundleDirectory(directory)
            bundle = try ConfinedDirectory(build.path)
        } catch let failure as BundleStoreDirectory.Failure {
            throw Failure(description: failure.description)
        } catch let failure as FileAccessFailure {
            throw Failure(description: "\(failure.description); is it an ivrc bundle?")
        }
        let (manifest, manifestBytes) = try Self.manifestAndBytes(in: bundle)
        if let excess = BundleLimits.excess(documents: manifest.documents.count, manifestBytes: 0, documentBytes: 0) {
            throw Failure(description: "\(bundle.path) holds \(excess); rebuild it with this ivrc, which refuses to write such a bundle")
        }
        let files: BundleDocumentFiles
        do {
            files = try BundleDocumentFiles(of: manifest, in: bundle, at: build)
        } catch let failure as FileAccessFailure {
            throw Failure(description: failure.description)
        }
        var documents: [String: [UInt8]] = [:]
        var total = 0
        for (path, entry) in manifest.documents.sorted(by: { $0.key < $1.key }) {
            guard Self.isSafe(path) else { throw Failure(description: "manifest names an unsafe path: \(path)") }
            let bytes: [UInt8]
            do {
                bytes = try files.read(path, sha256: entry.sha256, limit: BundleLimits.maxDocumentBytes)
            } catch let failure as FileAccessFailure {
                throw Failure(description: failure.reason == .missing
                    ? "document \(path) named in the manifest is missing" + (files.pooled ? " from the store (\(failure.path))" : "")
                    : "bundle document refused: \(failure.description)" + (files.pooled ? " (document \(path))" : ""))
            }
            guard DocumentHash.sha256(bytes) == entry.sha256 else {
                throw Failure(description: "document \(path) does not match its SHA-256 in the manifest (changed after build?)")
            }
            total += bytes.count
            if let excess = BundleLimits.excess(documents: 0, manifestBytes: 0, documentBytes: total) {
                throw Failure(description: "\(bundle.path) holds \(excess); rebuild it with this ivrc, which refuses to write such a bundle")
            }
            documents[path] = bytes
        }
        // Hashed as read: encoding a 1,000-flow manifest again took a tenth of every load.
        try self.init(manifest: manifest, documents: documents, manifestSHA256: DocumentHash.sha256(manifestBytes))
    }

    /// The manifest of the bundle in `bundle`: a regular `manifest.json` (not a link), refused
    /// over `BundleLimits.maxManifestBytes` before it is read, that decodes as a manifest.
    public static func manifest(in bundle: ConfinedDirectory) throws -> Manifest {
        try manifestAndBytes(in: bundle).manifest
    }

    private static func manifestAndBytes(in bundle: ConfinedDirectory) throws -> (manifest: Manifest, bytes: [UInt8]) {
        let bytes: [UInt8]
        do {
            bytes = try bundle.read("manifest.json", limit: BundleLimits.maxManifestBytes)
        } catch let failure as FileAccessFailure {
            throw Failure(description: failure.reason == .missing
                ? "\(bundle.path) has no manifest.json; is it an ivrc bundle?" : failure.description)
        }
        // The version first: another format's manifest may not decode as this one, and saying
        // so is clearer than naming the field that differs.
        if let version = try? JSONDecoder().decode(FormatVersion.self, from: Data(bytes)).formatVersion,
           version != Manifest.currentFormatVersion {
            throw Failure(description: "\(bundle.path(of: "manifest.json")): bundle format \(version) is not supported "
                + "(this ivrc reads format \(Manifest.currentFormatVersion)); rebuild the bundle from its sources with this ivrc")
        }
        do {
            return (try JSONDecoder().decode(Manifest.self, from: Data(bytes)), bytes)
        } catch {
            throw Failure(description: "\(bundle.path(of: "manifest.json")) is not a valid ivrc manifest: \(error)")
        }
    }

    private struct FormatVersion: Decodable {
        let formatVersion: Int
    }

    /// Opens a bundle held in memory (a fresh compile), with the same checks.
    public init(manifest: Manifest, documents: [String: [UInt8]]) throws {
        try self.init(manifest: manifest, documents: documents, manifestSHA256: DocumentHash.sha256(manifest.encoded))
    }

    private init(manifest: Manifest, documents: [String: [UInt8]], manifestSHA256: String) throws {
        guard manifest.formatVersion == Manifest.currentFormatVersion else {
            throw Failure(description: "bundle format \(manifest.formatVersion) is not supported (expected \(Manifest.currentFormatVersion))")
        }
        for (from, route) in manifest.routes {
            if let schedule = route.schedule, manifest.schedules?[schedule] == nil {
                throw Failure(description: "route of \(from) reads schedule \(schedule), which the manifest does not define")
            }
            // The language a refused dial is apologised in goes into a `<Say>` as it is.
            if let language = route.language, !LanguageTag.isValid(language) {
                throw Failure(description: "route of \(from) names language `\(language)`, which is not a BCP 47 tag")
            }
            for target in route.targets where documents[target] == nil {
                throw Failure(description: "route of \(from) leads to \(target), which is not in the bundle")
            }
        }
        // A prefix is compared with a filled number: one that is no prefix could let any number through.
        for (path, dials) in manifest.dialPrefixes ?? [:] {
            if let prefix = dials.joined().first(where: { !DialPrefix.isValid($0) }) {
                throw Failure(description: "the dials of \(path) are bounded by `\(prefix)`, which is not an E.164 prefix")
            }
        }
        // `FLOW/STEP` of every document, worked out once: looking through every document for
        // each flow's emergency step was quadratic, a fifth of loading 1,000 flows.
        var documentSteps: Set<String> = []
        if manifest.flows.contains(where: { $0.emergencyStep != nil }) {
            for path in documents.keys {
                guard let slash = path.firstIndex(of: "/"), let step = DocumentStep.step(of: path) else { continue }
                documentSteps.insert(path[..<slash] + "/" + step)
            }
        }
        var entries: [String: String] = [:]
        for flow in manifest.flows {
            guard documents[flow.entry] != nil else {
                throw Failure(description: "entry \(flow.entry) of flow \(flow.name) is not in the bundle")
            }
            // Both become metric labels: only what the flow's own documents name.
            if let languages = flow.languages, languages.count > BundleLimits.maxLanguages || !languages.allSatisfy(LanguageTag.isValid) {
                throw Failure(description: "flow \(flow.name) lists languages that are not at most \(BundleLimits.maxLanguages) BCP 47 tags")
            }
            if let step = flow.emergencyStep, !documentSteps.contains(flow.name + "/" + step) {
                throw Failure(description: "emergency step \(step) of flow \(flow.name) has no document in the bundle")
            }
            entries[flow.number] = flow.entry
        }
        self.manifest = manifest
        self.manifestSHA256 = manifestSHA256
        self.documents = documents
        self.entries = entries
    }

    /// The bundle's id: the first 12 hex digits of its manifest's SHA-256.
    public var id: String { BundleID.of(manifestSHA256: manifestSHA256) }

    /// The entry document for a dialled number (any formatting: `+1-800-…` works).
    public func entry(forNumber number: String) -> String? {
        entries[PhoneNumberKey.of(number)]
    }

    public func document(_ path: String) -> [UInt8]? { documents[path] }

    /// The document that answers an action request from `document`, given the request's
    /// parameters as Telnyx sends them (`Digits`, `SpeechResult`, `DialCallStatus`, …).
    /// `hours` routes are decided by `clock`: the moment of the request unless told otherwise;
    /// `branch` routes by the values the call carries (`values`).
    /// Nil when the document has no route.
    public func next(after document: String, parameters: [String: String], values: [String: String] = [:],
                     clock: ScheduleClock = .at(.instant(Date()))) -> String? {
        decide(after: document, parameters: parameters, values: values, clock: clock)?.next
    }

    /// The branch an action request from `document` takes and the document it leads to; nil
    /// when the document has no route (or an `hours` route's schedule is missing). A `branch`
    /// route takes its line `chosenLine` when given (`test --paths` walks each), else the first
    /// line the carried value matches.
    public func decide(after document: String, parameters: [String: String], values: [String: String] = [:],
                       clock: ScheduleClock = .at(.instant(Date())), chosenLine: Int? = nil) -> RouteDecision? {
        manifest.routes[document].flatMap { decide($0, parameters: parameters, values: values, clock: clock, chosenLine: chosenLine) }
    }

    /// The same for `route`, one of this bundle's, already at hand (`BundleAnswerer`: looking it
    /// up and copying it again cost a route request more than deciding).
    public func decide(_ route: Route, parameters: [String: String], values: [String: String] = [:],
                       clock: ScheduleClock = .at(.instant(Date())), chosenLine: Int? = nil) -> RouteDecision? {
        switch route.kind {
        case .gather:
            // `Digits=""` and no speech is no entry: the gather's `on timeout`, as a menu's.
            let entered = [parameters["Digits"], parameters["SpeechResult"]].contains { !($0 ?? "").isEmpty }
            return entered ? RouteDecision(next: route.next, outcome: .next)
                : RouteDecision(next: route.timeout ?? route.next, outcome: .timeout)
        case .record:
            return RouteDecision(next: route.next, outcome: .next)
        case .httpRequest:
            // Telnyx sends one parameter per field of a lookup that answered; a field without
            // default that is missing or empty means it did not.
            return route.answeredFields(parameters) == nil ? RouteDecision(next: route.failure ?? route.next, outcome: .failed)
                : RouteDecision(next: route.next, outcome: .ok)
        case .branch:
            let lines = route.decisions ?? []
            let value = route.value.flatMap { values[$0] }
            guard let line = chosenLine ?? lines.firstIndex(where: { $0.when.matches(value) }), lines.indices.contains(line) else {
                return nil
            }
            return RouteDecision(next: lines[line].next, outcome: .branch(lines[line].when))
        case .dial:
            let outcome = RouteOutcome.dial(status: parameters["DialCallStatus"])
            return RouteDecision(next: outcome == .answered ? route.answered : route.next, outcome: outcome)
        case .hours:
            guard let key = route.schedule, let schedule = manifest.schedules?[key] else { return nil }
            let isOpen = switch clock {
            case .at(let moment): schedule.isOpen(at: moment)
            case .assumed(let states): states[key] ?? false
            }
            return isOpen ? RouteDecision(next: route.open, outcome: .open) : RouteDecision(next: route.closed, outcome: .closed)
        case .menu:
            if let digits = parameters["Digits"], !digits.isEmpty {
                return route.keys?[digits].map { RouteDecision(next: $0, outcome: .key, matched: digits) }
                    ?? RouteDecision(next: route.invalid, outcome: .invalid)
            }
            if let speech = parameters["SpeechResult"], !speech.isEmpty {
                let phrases = route.speech ?? [:]
                let match = SpeechMatcher.match(speech, phrases: phrases, emergency: route.emergency)
                return match.flatMap { phrase in phrases[phrase].map { RouteDecision(next: $0, outcome: .key, matched: phrase) } }
                    ?? RouteDecision(next: route.invalid, outcome: .invalid)
            }
            return RouteDecision(next: route.timeout, outcome: .timeout)
        }
    }

    /// Manifest paths are `FLOW/NAME.xml`: nothing absolute, nothing climbing out of the bundle.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/").contains("..") && !path.contains("\\") && !path.isEmpty
    }
}
