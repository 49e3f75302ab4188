import Foundation
import IVRBundle

/// Every request line of the window, grouped by CallSid whatever file or replica logged it and
/// in whatever order: the input the figures are computed from. Lines of a request Telnyx
/// answers without a CallSid are kept per flow and day for latency and errors.
struct CallLedger {
    var names = NameTable()
    private(set) var calls: [String: [CallEvent]] = [:]
    private(set) var unattributed: [CallEvent] = []
    var tally = InputTally()
    let window: TimeWindow
    private let decoder = JSONDecoder()

    init(window: TimeWindow) {
        self.window = window
    }

    private static let kindAnswered = Set(LogEntry.answeredKinds)

    /// Reads one line (without its newline). `cutOff`: a file's last line, without a newline; a
    /// complete entry there is used, anything else counted as cut off rather than as not JSON.
    mutating func ingest(_ line: ArraySlice<UInt8>, cutOff: Bool = false) {
        tally.lines += 1
        guard let entry = line.withUnsafeBytes({ bytes -> LogEntry? in
            switch LogLineScanner.scan(bytes) {
            case .entry(let entry): entry
            case .unsure: try? decoder.decode(LogEntry.self, from: Data(bytes))
            }
        }) else {
            if cutOff { tally.truncatedLastLines += 1 } else { tally.notJSON += 1 }
            return
        }
        guard entry.message == "request" else {
            tally.otherEntries += 1
            return
        }
        guard let time = entry.time.flatMap(LogTime.parse) else {
            tally.untimed += 1
            return
        }
        guard window.contains(time) else {
            tally.outsideWindow += 1
            return
        }
        tally.requests += 1
        let answered = entry.kind.map(Self.kindAnswered.contains) ?? false
        var step = entry.step
        // An older ivrc logged the document it served but not the step it belongs to.
        if answered, let document = entry.document, entry.step == nil, entry.emergency == nil {
            tally.olderFormat += 1
            step = DocumentStep.step(of: document)
        }
        let event = CallEvent(
            time: time, kind: names.intern(entry.kind), flow: names.intern(entry.flow), document: names.intern(entry.document),
            step: names.intern(step), outcome: names.intern(entry.outcome), language: names.intern(entry.language),
            callStatus: names.intern(entry.callStatus), hangupSource: names.intern(entry.hangupSource),
            emergency: entry.emergency ?? false, status: Int16(clamping: entry.status ?? 0),
            latencyMicros: entry.latencyMs.map { Int32(clamping: Int(($0 * 1000).rounded(.toNearestOrEven).clamped)) } ?? -1)
        if let sid = entry.callSid, !sid.isEmpty {
            calls[sid, default: []].append(event)
        } else if answered {
            unattributed.append(event)
        }
    }
}

private extension Double {
    /// Within `Int`'s range, NaN as 0, so a hostile latency cannot trap the conversion.
    var clamped: Double { isNaN ? 0 : Swift.min(Swift.max(self, -1e15), 1e15) }
}
