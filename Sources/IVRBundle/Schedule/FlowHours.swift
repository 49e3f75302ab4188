extension Manifest {
    /// Whether `flow` is open at `moment`: one of its schedules (`FLOW/NAME`) is open, or it has
    /// none and so answers around the clock. The quiet-line alert only expects calls while open.
    public func isOpen(flow: String, at moment: CallMoment) -> Bool {
        let schedules = (schedules ?? [:]).filter { $0.key.hasPrefix(flow + "/") }.values
        return schedules.isEmpty || schedules.contains { $0.isOpen(at: moment) }
    }
}
