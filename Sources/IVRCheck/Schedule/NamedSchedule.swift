import IVRBundle
import IVRLang

/// A flow's `schedule NAME "Zone"` declaration, resolved.
public struct NamedSchedule: Sendable {
    public let name: String
    /// The declaration's name, where diagnostics about the schedule point.
    public let range: SourceRange
    public let schedule: Schedule
}
