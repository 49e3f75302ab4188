import Foundation
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
    /// Serialised documents by bundle path, every one schema-valid.
    public let documents: [String: [UInt8]]
}

/// Lowers a checked graph, serialises every document and validates each against the XSD
/// before anything is returned. Documents are independent, so they are serialised and
/// validated on every core.
public enum Compiler {
    public static func compile(_ graph: FlowGraph, baseURL: String? = nil) throws -> CompiledBundle {
        let flows = graph.flows.sorted { $0.name < $1.name }.map { flow in
            FlowLowering.lower(flow, address: DocumentAddress(baseURL: baseURL ?? flow.baseURL))
        }
        let documents = flows.flatMap(\.documents)
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
        return CompiledBundle(flows: flows, documents: serialized)
    }
}
