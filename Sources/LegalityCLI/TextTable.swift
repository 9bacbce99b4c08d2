import Reporters

/// A plain left-aligned table whose columns account for the double width of Chinese characters.
enum TextTable {
    static func render(_ rows: [[String]]) -> String {
        guard let columns = rows.first?.count else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 { widths[index] = max(widths[index], width(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index < columns - 1 ? cell + String(repeating: " ", count: widths[index] - width(cell) + 2) : cell
            }.joined()
        }.joined(separator: "\n") + "\n"
    }

    static func width(_ text: String) -> Int { TextReporter.width(text) }
}
