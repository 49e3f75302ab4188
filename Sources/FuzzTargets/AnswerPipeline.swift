import Foundation
import IVRBundle
import IVRCheck
import IVRLang
import IVRRuntime
import TeXMLEmit
import TeXMLSchema

/// One fuzz input as the requests of one call, answered by the function `ivrc serve` answers
/// with (`BundleAnswerer`: route, values collected, `ValueFilling`, the XSD writer) over a fixed
/// bundle (`AnsweredFlow`, compiled once). Each line is a request: `STEP.route FORM` or
/// `STEP.xml FORM` for a path of the flow, or a bare `FORM` for the call's first request; `FORM`
/// is the form Telnyx posts (`Digits`, `SpeechResult`, `From`, `To`, `CallSid`, a data dip's
/// fields). Each request carries the `v=` token of the answer before it (plain, as the runtime
/// carries values: the server's sealing needs its HTTP stack, which the fuzz build leaves out).
/// Every answer is a well-formed, XSD-valid document (a refused dial is one: the apology and the
/// no-answer route) or a refusal (unknown path, no route); an invalid filled document (the
/// server's 500) or written bytes libxml2 refuses trap, so libFuzzer keeps the input.
public enum AnswerPipeline {
    struct Fixture: Sendable {
        let answerer: BundleAnswerer<WrittenDocuments>
        let validator: TeXMLSchemaValidator
    }

    /// Built once: a broken fixed flow is a bug of this target, not a finding.
    static let fixture: Fixture = {
        do {
            let result = Checker.check([SourceFile(path: "fuzzed.ivr", text: AnsweredFlow.source)])
            guard !result.hasErrors else { fatalError("the answered flow does not check: \(result.diagnostics)") }
            let compiled = try Compiler.compile(result.graph)
            let bundle = try LoadedBundle(manifest: BundleWriter.manifest(for: compiled, compilerVersion: "fuzz", waivers: []),
                                          documents: compiled.documents)
            let parser = SafeXMLParser()
            let parsed = try compiled.documents.mapValues { try parser.parse(Data($0)) }
            let values = BundleValues(manifest: bundle.manifest, documents: parsed)
            let validator = try TeXMLSchemaValidator.bundled.get()
            let documents = WrittenDocuments(bundle: bundle, trees: parsed.filter { values.flow(of: $0.key) != nil }.mapValues(\.elements),
                                             validator: validator)
            return Fixture(answerer: BundleAnswerer(bundle: bundle, values: values,
                                                    filling: ValueFilling(vocabulary: try TeXMLVocabulary.bundled.get()), documents: documents),
                           validator: validator)
        } catch {
            fatalError("the answered flow does not load: \(error)")
        }
    }()

    /// A fixed moment, so an `hours` route decides the same way on every run.
    static let clock = ScheduleClock.at(.instant(Date(timeIntervalSince1970: 1_800_000_000)))

    /// Each request's answer: the document's text, nil for a refusal (a line that is no form is
    /// no request: the server answers it 400 before any of this).
    @discardableResult
    public static func run(_ bytes: [UInt8]) -> [String?] {
        let fixture = fixture
        var token: String?
        var answers: [String?] = []
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let space = line.firstIndex(of: UInt8(ascii: " "))
            let form = String(decoding: space.map { line[line.index(after: $0)...] } ?? line[...], as: UTF8.self)
            guard let parameters = CallValues(formEncoded: form)?.values else { continue }
            let answer: RequestAnswer<[UInt8], Never>
            if let space {
                let path = "fuzzed/" + String(decoding: line[..<space], as: UTF8.self)
                answer = fixture.answerer.answer(path, parameters: parameters, incoming: .carried(token: token), clock: clock,
                                                 carrier: PlainValues())
            } else {
                var call = parameters
                call["To"] = call["To"] ?? AnsweredFlow.number
                guard let entry = fixture.answerer.bundle.entry(forNumber: call["To"] ?? "") else { continue }
                answer = fixture.answerer.answer(entry, parameters: call, incoming: .firstRequest(.firstRequest(call)), clock: clock,
                                                 carrier: PlainValues())
            }
            let document = check(answer, validator: fixture.validator)
            answers.append(document)
            token = document.flatMap(carriedToken(in:))
        }
        return answers
    }

    /// The document's text; traps unless `answer` is a valid document or a refusal (nil).
    private static func check(_ answer: RequestAnswer<[UInt8], Never>, validator: TeXMLSchemaValidator) -> String? {
        switch answer {
        case .document(let path, let bytes, _, _, _):
            let text = String(decoding: bytes, as: UTF8.self)
            let violations = validator.validate(Data(bytes))
            guard violations.isEmpty else { fatalError("\(path) answered an invalid document: \(violations)\n\(text)") }
            return text
        case .invalidFilledDocument(let path, let message):
            fatalError("\(path) filled into an invalid document (a 500): \(message)")
        case .unknownDocument, .noRoute, .momentNeeded, .carriedValuesRejected:
            return nil
        }
    }

    /// The token of the first URL in `document` carrying one (`?v=TOKEN"`, XML-escaped).
    private static func carriedToken(in document: String) -> String? {
        guard let start = document.range(of: "?v=") else { return nil }
        let token = document[start.upperBound...].prefix { !"\"<& ".contains($0) }
        return CallValues.carriedToken(in: "?v=" + token)
    }
}
