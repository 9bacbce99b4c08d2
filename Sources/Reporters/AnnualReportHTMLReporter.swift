import DecisionRecords

/// The annual report's section as a printable HTML page (A4, the look of an official document).
public enum AnnualReportHTMLReporter {
    /// Renders the report.
    public static func render(_ report: AnnualReport) -> String {
        let html = Escaping.html
        var out = HTMLPage.opening(
            title: html(report.title), pageTitle: html(report.title), meta: html(report.note) + "<br>" + html(report.setup), metaClass: "note",
            version: report.version, style: style, language: report.language)
        out += "<main>\n<h2>\(html(report.headings[0]))</h2>\n"
        for sentence in report.overview { out += "<p>\(html(sentence))</p>\n" }
        out += "<h2>\(html(report.headings[1]))</h2>\n"
        for statement in report.statements {
            out += "<section class=\"claim \(statement.outcome.rawValue)\">\n<p>\(html(statement.sentence))</p>\n"
            for detail in [statement.records, statement.previous].compactMap({ $0 }) {
                out += "<p class=\"detail\">\(html(detail))</p>\n"
            }
            out += "</section>\n"
        }
        out += "<h2>\(html(report.headings[2]))</h2>\n<ol>\n"
        for problem in report.problems { out += "<li>\(html(problem))</li>\n" }
        out += "</ol>\n<h2>\(html(report.headings[3]))</h2>\n<table>\n"
        out += "<colgroup>" + columnWidths(report.language).map { "<col style=\"width: \($0)%\">" }.joined() + "</colgroup>\n<thead><tr>"
        out += report.columns.map { "<th>\(html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in report.rows {
            out += "<tr>" + row.cells.map { "<td>\(html($0))</td>" }.joined() + "</tr>\n"
        }
        out += "</tbody>\n</table>\n</main>\n</body>\n</html>\n"
        return out
    }

    /// The annex's column widths in percent: id, title, kind, date, status, file. English kinds
    /// and statuses are longer words ("administrative", "non-compliant"): at the Chinese widths
    /// they broke inside words and ran over the file's column.
    static func columnWidths(_ language: Language) -> [Int] {
        language == .zh ? [16, 26, 11, 11, 10, 26] : [15, 21, 16, 11, 15, 22]
    }

    static let style = """
        @page { size: A4; margin: 25mm 22mm; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif; font-size: 12pt;
          line-height: 1.75; color: #111; margin: 0 auto; max-width: 166mm; padding: 12mm 0; }
        header h1 { font-size: 17pt; text-align: center; margin: 0 0 6pt; line-height: 1.4; }
        header .note { font-size: 9.5pt; color: #555; text-align: center; margin: 0 0 12pt; text-indent: 0; }
        h2 { font-size: 13pt; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", sans-serif; margin: 14pt 0 4pt; }
        p { margin: 0 0 4pt; text-indent: 2em; text-align: justify; }
        p.detail { text-indent: 0; padding-left: 2em; font-size: 9.5pt; color: #555; line-height: 1.5; }
        section.claim { margin-bottom: 6pt; break-inside: avoid; }
        section.claim.partly > p:first-child { border-left: 3pt solid #b3261e; padding-left: 4pt; margin-left: -7pt; }
        section.claim.unchecked > p:first-child { border-left: 3pt solid #8a6d00; padding-left: 4pt; margin-left: -7pt; color: #5a4700; }
        ol { margin: 0 0 6pt; padding-left: 2em; }
        table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; line-height: 1.4; }
        th, td { border: 0.5pt solid #888; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #eee; }
        td:nth-child(4), td:nth-child(5) { white-space: nowrap; }
        td:nth-child(1) { font-size: 8pt; } td:nth-child(3) { overflow-wrap: normal; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }

        """
}
