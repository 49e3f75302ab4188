import IVRLang
import IVRLanguageServerProtocol

/// `textDocument/documentSymbol`: flow → steps, tests, schedules; module → steps.
enum DocumentSymbols {
    static func respond(_ session: Session, _ message: IncomingMessage) throws(ResponseError) -> any Encodable {
        let params = try message.parameters(TextDocumentParams.self)
        let document = try session.document(params.textDocument.uri)
        let parsed = document.parsed
        return parsed.flows.map { flow(document, $0) } + parsed.modules.map { module(document, $0) }
    }

    private static func flow(_ document: Document, _ flow: FlowDecl) -> DocumentSymbol {
        let schedules = flow.schedules.compactMap { schedule -> DocumentSymbol? in
            guard let name = schedule.arguments.first else { return nil }
            return symbol(document, name.text, kind: .object, detail: "schedule", range: schedule.range, name: name.range)
        }
        let tests = flow.tests.map { test in
            symbol(document, test.description, kind: .event, detail: "test", range: test.range, name: test.range)
        }
        return symbol(document, flow.name.text, kind: .namespace, detail: "flow", range: flow.range, name: flow.name.range,
                      children: flow.steps.map { step(document, $0) } + schedules + tests)
    }

    private static func module(_ document: Document, _ module: ModuleDecl) -> DocumentSymbol {
        symbol(document, module.name.text, kind: .module, detail: "module", range: module.range, name: module.name.range,
               children: module.steps.map { step(document, $0) })
    }

    private static func step(_ document: Document, _ step: StepDecl) -> DocumentSymbol {
        symbol(document, step.name.text, kind: .function, detail: step.emergency == nil ? "step" : "emergency step",
               range: step.range, name: step.name.range)
    }

    /// The symbol's range always contains its name's, as the protocol requires.
    private static func symbol(_ document: Document, _ name: String, kind: DocumentSymbol.Kind, detail: String,
                               range: SourceRange, name nameRange: SourceRange, children: [DocumentSymbol]? = nil) -> DocumentSymbol {
        let whole = SourceRange(min(range.start, nameRange.start), max(range.end, nameRange.end))
        return DocumentSymbol(name: name.isEmpty ? "(unnamed)" : name, detail: detail, kind: kind,
                              range: document.range(of: whole), selectionRange: document.range(of: nameRange),
                              children: children)
    }
}
