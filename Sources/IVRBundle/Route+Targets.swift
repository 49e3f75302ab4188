extension Route {
    /// Every document this route can lead to. The one list the loader's checks, the importer
    /// and `validate`'s disclosure walk share, so a new kind of edge cannot be missed by one.
    public var targets: [String] {
        [next, answered, invalid, timeout, open, closed, failure, emergency].compactMap { $0 }
            + (decisions ?? []).map(\.next)
            + (keys ?? [:]).values.sorted() + (speech ?? [:]).values.sorted()
    }

    /// The route with every document it leads to renamed by `rename` (a bundle read from
    /// another directory).
    public func renamingTargets(_ rename: (String) -> String) -> Route {
        var moved = self
        moved.keys = keys?.mapValues(rename)
        moved.speech = speech?.mapValues(rename)
        moved.emergency = emergency.map(rename)
        moved.invalid = invalid.map(rename)
        moved.timeout = timeout.map(rename)
        moved.next = next.map(rename)
        moved.answered = answered.map(rename)
        moved.open = open.map(rename)
        moved.closed = closed.map(rename)
        moved.failure = failure.map(rename)
        moved.decisions = decisions?.map { Decision(when: $0.when, next: rename($0.next)) }
        return moved
    }
}
