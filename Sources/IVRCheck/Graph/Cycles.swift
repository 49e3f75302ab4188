/// Cycles of a directed graph for the path rules (silent loops, dial cycles): one cycle per
/// strongly connected component, written starting at the component's smallest node and as
/// short as possible. Linear in the graph's size and free of recursion, so a hostile flow of
/// 50,000 chained steps costs milliseconds, not minutes; enumerating every elementary cycle
/// would be exponential, and one finding per knot is what a designer needs to untie it.
enum Cycles {
    static func find(nodes: [Int], successors: (Int) -> [Int]) -> [[Int]] {
        let sortedNodes = nodes.sorted()
        let inGraph = Set(sortedNodes)
        var adjacency: [Int: [Int]] = [:]
        for node in sortedNodes {
            adjacency[node] = Set(successors(node)).filter(inGraph.contains).sorted()
        }
        var cycles: [[Int]] = []
        for component in stronglyConnectedComponents(sortedNodes, adjacency) {
            let start = component.min()!
            let members = Set(component)
            if component.count == 1 && !(adjacency[start] ?? []).contains(start) { continue }
            cycles.append(shortestCycle(through: start, within: members, adjacency))
        }
        return cycles.sorted { $0[0] < $1[0] }
    }

    /// Breadth-first from `start` back to itself inside its component.
    private static func shortestCycle(through start: Int, within members: Set<Int>, _ adjacency: [Int: [Int]]) -> [Int] {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var cursor = 0
        while cursor < queue.count {
            let node = queue[cursor]
            cursor += 1
            for next in adjacency[node] ?? [] where members.contains(next) {
                if next == start {
                    var cycle = [node]
                    while let before = previous[cycle[0]] { cycle.insert(before, at: 0) }
                    return cycle
                }
                if previous[next] == nil {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return [start]
    }

    /// Tarjan's algorithm with an explicit stack.
    private static func stronglyConnectedComponents(_ nodes: [Int], _ adjacency: [Int: [Int]]) -> [[Int]] {
        var index: [Int: Int] = [:]
        var lowLink: [Int: Int] = [:]
        var onStack: Set<Int> = []
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        for root in nodes where index[root] == nil {
            // Each frame: a node and how many of its successors have been looked at.
            var frames: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter; lowLink[root] = counter; counter += 1
            stack.append(root); onStack.insert(root)
            while let frame = frames.last {
                let successors = adjacency[frame.node] ?? []
                if frame.next < successors.count {
                    frames[frames.count - 1].next += 1
                    let next = successors[frame.next]
                    if index[next] == nil {
                        index[next] = counter; lowLink[next] = counter; counter += 1
                        stack.append(next); onStack.insert(next)
                        frames.append((next, 0))
                    } else if onStack.contains(next) {
                        lowLink[frame.node] = min(lowLink[frame.node]!, index[next]!)
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.node] = min(lowLink[parent.node]!, lowLink[frame.node]!)
                }
                if lowLink[frame.node] == index[frame.node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack.remove(member)
                        component.append(member)
                        if member == frame.node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
