import IVRBundle
import IVRCheck
import IVRLang

/// A `test` block made ready to run: caller events and expectations in written order.
public struct FlowTest: Sendable {
    public enum Line: Sendable {
        case event(CallerEvent, SourceSpan)
        case expect(TestExpectation, SourceSpan)
        /// `expect no …`: nothing from this point to the end of the call matches.
        case expectNone(TestExpectation, SourceSpan)
    }

    public let flow: String
    public let description: String
    public let lines: [Line]
    public let span: SourceSpan
    /// `at 2026-12-25 09:00`: when the call happens, for `hours` decisions.
    public let moment: CallMoment?
    /// `from +1-555-…`: the caller's number (`{{From}}`), else `CallValues.simulatedCaller`.
    public let caller: String?

    public init(flow: String, description: String, lines: [Line], span: SourceSpan, moment: CallMoment? = nil,
                caller: String? = nil) {
        self.flow = flow
        self.description = description
        self.lines = lines
        self.span = span
        self.moment = moment
        self.caller = caller
    }

    public var events: [CallerEvent] {
        lines.compactMap { if case .event(let event, _) = $0 { event } else { nil } }
    }
}
