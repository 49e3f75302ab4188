/// Rows as aligned columns for a terminal: the first column left-aligned, the rest right-aligned
/// (numbers), two spaces apart, no trailing spaces.
enum TextColumns {
    static func render(_ rows: [[String]], indent: String) -> String {
        let widths = (0..<(rows.map(\.count).max() ?? 0)).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }
            return indent + cells.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }.joined()
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
