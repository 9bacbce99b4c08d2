/// The annual report's section as Markdown, to paste into the report being written.
public enum AnnualReportMarkdownReporter {
    /// Renders the report.
    public static func render(_ report: AnnualReport) -> String {
        let text = Escaping.markdownCell
        var out = "# \(text(report.title))\n\n> \(text(report.note))\n>\n> \(text(report.setup))\n\n"
        out += "## \(text(report.headings[0]))\n\n"
        out += report.overview.map(text).joined(separator: "\n\n") + "\n\n"
        out += "## \(text(report.headings[1]))\n\n"
        for statement in report.statements {
            out += text(statement.sentence) + "\n"
            let details = [statement.records, statement.previous].compactMap { $0 }
            if !details.isEmpty { out += "\n" + details.map { "- " + text($0) }.joined(separator: "\n") + "\n" }
            out += "\n"
        }
        out += "## \(text(report.headings[2]))\n\n"
        out += report.problems.enumerated().map { "\($0.offset + 1). \(text($0.element))" }.joined(separator: "\n") + "\n\n"
        out += "## \(text(report.headings[3]))\n\n"
        out += "| " + report.columns.map(text).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: report.columns.count) + "\n"
        for row in report.rows { out += "| " + row.cells.map(text).joined(separator: " | ") + " |\n" }
        return out
    }
}
