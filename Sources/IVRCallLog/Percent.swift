/// `part` of `whole` as a percentage with one decimal (`33.3 %`), by integer arithmetic so the
/// text is the same on every machine.
enum Percent {
    static func text(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        let tenths = (part * 2000 + whole) / (2 * whole)
        return "\(tenths / 10).\(tenths % 10) %"
    }
}
