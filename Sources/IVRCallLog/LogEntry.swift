import Foundation

/// The fields of one `ivrc serve` JSON log line the report reads (see the server's
/// `RequestLogMiddleware`). Every field is optional: older ivrc versions wrote fewer, and
/// a status callback line (`call_status`, `hangup_source`, `duration_s`) carries its own.
/// Caller numbers are never read, so they cannot reach a report.
struct LogEntry: Decodable, Equatable {
    var time: String?
    var message: String?
    var kind: String?
    var callSid: String?
    var flow: String?
    var document: String?
    var bundle: String?
    var step: String?
    var outcome: String?
    var language: String?
    var emergency: Bool?
    var status: Int?
    var latencyMs: Double?
    var callStatus: String?
    var hangupSource: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case time, message, kind, flow, document, bundle, step, outcome, language, emergency, status
        case callSid = "call_sid"
        case latencyMs = "latency_ms"
        case callStatus = "call_status"
        case hangupSource = "hangup_source"
    }

    /// The request kinds Telnyx sends a TeXML answer for: the ones latency and errors count.
    static let answeredKinds: Set<String> = ["entry", "route", "document"]
}
