/// Left-aligned plain-text tables for terminal output.
enum TextTable {
    /// Renders rows (the first is the header) with two spaces between columns and a rule under
    /// the header; every line ends with a newline.
    static func render(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var widths = Array(repeating: 0, count: header.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in row.enumerated() {
                let isLast = index == row.count - 1
                parts.append(isLast ? cell : cell + String(repeating: " ", count: widths[index] - cell.count))
            }
            return parts.joined(separator: "  ")
        }
        var output = line(header) + "\n"
        output += widths.enumerated().map { String(repeating: "-", count: $0.offset == widths.count - 1 ? max($0.element, 1) : $0.element) }
            .joined(separator: "  ") + "\n"
        for row in rows.dropFirst() { output += line(row) + "\n" }
        return output
    }
}
