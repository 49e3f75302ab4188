
/// How `hours` routes are decided: by a moment (the server: when the request arrives; a test:
/// its `at` line), or by assumption, schedule by schedule (`FLOW/NAME` → open), which is how
/// the path explorer visits both branches of every schedule.
public enum ScheduleClock: Sendable, Hashable {
    case at(CallMoment)
    case assumed([String: Bool])
}
