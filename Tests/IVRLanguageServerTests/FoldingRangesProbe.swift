@testable import IVRLanguageServer

/// Reaches the indentation folding on plain numbers.
enum FoldingRangesProbe {
    static func ranges(_ indentations: [Int?]) -> [[Int]] {
        FoldingRanges.ranges(indentations: indentations).map { [$0.startLine, $0.endLine] }
    }
}
