import DecisionRecords
public import RuleEngine
import RuleLanguage

/// Renders a report as GitHub-flavoured Markdown, suitable for a pull-request comment.
///
/// A title, a table of findings (severity, rule, record, place, title, message, basis), then the
/// verdict and summary line (last, so the report can be written as the run goes). Table cells
/// escape `|` and Markdown's inline characters, write `<`, `>`, `&` as entities, turn line ends
/// into `<br>` and break autolinks and mentions, so no text of a record can break the table or
/// become markup or a link. The output depends only on the report.
public enum MarkdownReporter {
    /// The whole report.
    public static func render(_ report: Report) -> String {
        Stream(report.heading).render(report)
    }

    /// The report written as the run goes.
    public struct Stream: FlatReportStream {
        let heading: ReportHeading
        private var rows = 0

        /// A stream for a heading.run.
        public init(_ heading: ReportHeading) {
            self.heading = heading
        }

        public mutating func begin(into sink: inout some TextSink) {
            sink.write(heading.language == .zh ? "## legality 合法性检查报告\n\n" : "## legality check report\n\n")
        }


        public mutating func findings(_ findings: [Finding], into sink: inout some TextSink) {
            guard !findings.isEmpty else { return }
            let zh = heading.language == .zh
            var output = ""
            if rows == 0 {
                let header = zh
                    ? ["级别", "规则", "记录", "位置", "标题", "说明", "依据"]
                    : ["Severity", "Rule", "Record", "Location", "Title", "Message", "Basis"]
                output += "| " + header.joined(separator: " | ") + " |\n"
                output += "|" + String(repeating: " --- |", count: header.count) + "\n"
            }
            for finding in findings {
                let location = finding.file.isEmpty ? (zh ? "（本次运行）" : "(run)") : Wording.location(finding)
                var message = finding.message.text(heading.language)
                if let waiver = Wording.waiver(finding, heading.language) { message += "\n" + waiver }
                if let pending = Wording.pending(finding, heading.language) { message += "\n" + pending }
                let cells = [
                    Wording.severity(finding.severity, heading.language) + Wording.mark(finding, heading.language),
                    finding.rule,
                    finding.record ?? "",
                    location,
                    finding.title.text(heading.language),
                    message,
                    finding.basis.text(heading.language),
                ]
                output += "| " + cells.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
                rows += 1
            }
            sink.write(output)
        }

        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {
            let zh = heading.language == .zh
            var output = rows == 0 ? (zh ? "没有发现问题。\n" : "No findings.\n") : ""
            // (The years a count reached outside the calendar are known at the end, as the text's.)
            var run = heading.run
            if run.uncoveredYears.isEmpty { run.uncoveredYears = tally.uncoveredYears }
            output += "\n" + Escaping.markdownCell(TextReporter.setup(run, language: heading.language).trimmingNewline())
            let verdict = Wording.verdict(fails: tally.fails, heading.language)
            output += "\n\n**\(verdict)**\(zh ? "：" : ": ")\(Escaping.markdownCell(Wording.summary(tally, asOf: heading.asOf, language: heading.language)))\n"
            output += "\n" + Escaping.markdownCell("legality \(heading.version)") + "\n"
            sink.write(output)
        }
    }
}
