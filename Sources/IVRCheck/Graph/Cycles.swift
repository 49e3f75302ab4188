/// Elementary cycles of a small directed graph, each found once and written starting at its
/// smallest node. Path rules (silent loops, dial cycles) report one finding per cycle.
enum Cycles {
    /// Cycles over `nodes` (sorted ascending), following `successors`. A self-loop is a cycle
    /// of one node. Enumeration stops after `limit` cycles: the graphs here are a flow's
    /// steps or a repository's flows, and a knot that large has been reported many times over.
    static func elementary(nodes: [Int], successors: (Int) -> [Int], limit: Int = 100) -> [[Int]] {
        var cycles: [[Int]] = []
        let sortedNodes = nodes.sorted()
        for start in sortedNodes {
            var path = [start]
            var onPath: Set<Int> = [start]
            func extend(_ node: Int) {
                for next in Set(successors(node)).sorted() where cycles.count < limit {
                    if next == start {
                        cycles.append(path)
                    } else if next > start, !onPath.contains(next) {
                        path.append(next)
                        onPath.insert(next)
                        extend(next)
                        path.removeLast()
                        onPath.remove(next)
                    }
                }
            }
            extend(start)
            if cycles.count >= limit { break }
        }
        return cycles
    }
}
