import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import TeXMLSchema

/// A document that failed the project's own schema: the compiler's fault, never shipped.
public struct InternalCompilerError: Error, CustomStringConvertible {
    public struct Failure: Sendable {
        public let document: String
        public let step: String
        public let violations: [SchemaViolation]
    }

    public let failures: [Failure]

    public var description: String {
        failures.map { failure in
            let lines = failure.violations.map { "  line \($0.line): <\($0.element ?? "?")>: \($0.message)" }
            return "internal compiler error: \(failure.document) (from step `\(failure.step)`) is not valid TeXML:\n"
                + lines.joined(separator: "\n")
        }.joined(separator: "\n") + "\nThis is a bug in ivrc; nothing was written. Please report it with the flow.\n"
    }
}

/// The compiled form of a set of flows, in memory: what the bundle writer writes.
public struct CompiledBundle: Sendable {
    public let flows: [LoweredFlow]
    /// `FlowInputHash` of each flow, by flow name.
    public let inputs: [String: String]
    /// Serialised documents by bundle path, every one schema-valid.
    public let documents: [String: [UInt8]]
    /// Documents of flows whose input did not change, left to be taken from the bundle being
    /// replaced: the SHA-256 its manifest records, by bundle path. `BundleWriter` verifies
    /// each one it takes and compiles again any that does not match.
    public let reused: [String: String]
    /// The SHA-256 of each of `documents`, by bundle path (taken on every core, once).
    public let hashes: [String: String]

    public init(flows: [LoweredFlow], inputs: [String: String], documents: [String: [UInt8]], reused: [String: String]) {
        self.flows = flows
        self.inputs = inputs
        self.documents = documents
        self.reused = reused
        let paths = Array(documents.keys)
        let hashes = ParallelResults<String>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            hashes.set(index, DocumentHash.sha256(documents[paths[index]]!))
        }
        self.hashes = Dictionary(uniqueKeysWithValues: zip(paths, hashes.values))
    }

    public var documentCount: Int { documents.count + reused.count }

    /// The SHA-256 of every document, taken or reused, by bundle path.
    public var allHashes: [String: String] { hashes.merging(reused) { first, _ in first } }

    /// This bundle with the documents at `refused` (reused ones that could not be taken)
    /// serialised and validated again; `store` receives those documents before it is returned.
    func recompiling(_ refused: Set<String>, store: ([String: [UInt8]]) throws -> Void) throws -> CompiledBundle {
        guard !refused.isEmpty else { return self }
        let recompiled = try Compiler.serialize(flows.flatMap(\.documents).filter { refused.contains($0.path) })
        try store(recompiled)
        return CompiledBundle(flows: flows, inputs: inputs, documents: documents.merging(recompiled) { first, _ in first },
                              reused: reused.filter { !refused.contains($0.key) })
    }
}

/// Lowers a checked graph, serialises every document and validates each against the XSD
/// before anything is returned. Documents are independent, so they are serialised and
/// validated on every core.
public enum Compiler {
    public static func compile(_ graph: FlowGraph, baseURL: String? = nil) throws -> CompiledBundle {
        try compile(lower(graph, baseURL: baseURL))
    }

    /// Every flow lowered to documents and routes, sorted by name, on every core.
    public static func lower(_ graph: FlowGraph, baseURL: String? = nil) -> [LoweredFlow] {
        let flows = graph.flows.sorted { $0.name < $1.name }
        let lowered = ParallelResults<LoweredFlow>(count: flows.count)
        DispatchQueue.concurrentPerform(iterations: flows.count) { index in
            let flow = flows[index]
            lowered.set(index, FlowLowering.lower(flow, address: BundleAddress(baseURL: baseURL ?? flow.baseURL)))
        }
        return lowered.values
    }

    /// Serialises and validates the documents of `flows`, except those of a flow whose input
    /// hash `previous` records unchanged: those are named in `reused`, to be taken from it.
    public static func compile(_ flows: [LoweredFlow], reusing previous: PreviousBundle? = nil) throws -> CompiledBundle {
        let hashes = ParallelResults<String>(count: flows.count)
        DispatchQueue.concurrentPerform(iterations: flows.count) { index in
            hashes.set(index, FlowInputHash.of(flows[index]))
        }
        var reused: [String: String] = [:]
        var fresh: [TeXMLDocument] = []
        for (flow, input) in zip(flows, hashes.values) {
            if let recorded = previous?.documents(of: flow, input: input) {
                reused.merge(recorded) { first, _ in first }
            } else {
                fresh += flow.documents
            }
        }
        return CompiledBundle(flows: flows, inputs: Dictionary(zip(flows.map(\.name), hashes.values)) { first, _ in first },
                              documents: try serialize(fresh), reused: reused)
    }

    /// Each document serialised and validated against the XSD, by bundle path.
    static func serialize(_ documents: [TeXMLDocument]) throws -> [String: [UInt8]] {
        let results = ParallelResults<WrittenDocument>(count: documents.count)
        let validator = TeXMLSchemaValidator.shared
        DispatchQueue.concurrentPerform(iterations: documents.count) { index in
            results.set(index, validator.write(documents[index].verbs))
        }
        var serialized: [String: [UInt8]] = [:]
        var failures: [InternalCompilerError.Failure] = []
        for (document, result) in zip(documents, results.values) {
            if result.violations.isEmpty {
                serialized[document.path] = result.bytes
            } else {
                failures.append(.init(document: document.path, step: document.step, violations: result.violations))
            }
        }
        if !failures.isEmpty { throw InternalCompilerError(failures: failures) }
        return serialized
    }
}
