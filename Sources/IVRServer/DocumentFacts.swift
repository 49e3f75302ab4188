import HTTPTypes
import IVRBundle

/// What the log and the metrics say about one bundle document: its flow, step and language,
/// and whether it belongs to the emergency step; and the header fields of its answers.
/// Worked out once when a bundle is loaded, since reading them off the path (`DocumentStep`) on
/// every request cost more than answering it. A class: a request looks facts up several times,
/// and copying their strings each time cost more than the look-ups.
final class DocumentFacts: Sendable {
    let flow: String
    /// The `.ivr` step the document was lowered from (nil for `hangup.call.xml`).
    let step: String?
    /// The step the document starts, nil for a continuation of one already entered.
    let stepEntered: String?
    /// Its `STEP.TAG.xml` tag; nil in the flow's first language.
    let languageTag: String?
    /// The language it speaks in a flow with several: its tag or the flow's first; nil otherwise.
    let language: String?
    let isEmergency: Bool
    /// The kind of the route its actions lead to; nil when it has none. Kept here so a route
    /// request counts its outcome without looking the route up and copying it again.
    let routeKind: Route.Kind?
    /// Its answers' fields (`TeXMLRoutes.answerFields`), made once: its value checked once, and
    /// making the fields for each answer cost more than the rest of routing a new call.
    let answerFields: HTTPFields

    init(document path: String, flow: Manifest.FlowEntry?, routeKind: Route.Kind?) {
        // Documents live in their flow's folder, `FLOW/NAME.xml`.
        self.flow = String(path.prefix { $0 != "/" })
        let step = DocumentStep.step(of: path), tag = DocumentStep.language(of: path)
        self.step = step
        stepEntered = DocumentStep.stepEntered(by: path)
        languageTag = tag
        language = flow?.languages?.first.map { tag ?? $0 }
        isEmergency = flow?.emergencyStep.map { $0 == step } ?? false
        self.routeKind = routeKind
        answerFields = TeXMLRoutes.answerFields(document: path)
    }
}
