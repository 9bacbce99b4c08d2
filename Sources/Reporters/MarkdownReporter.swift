import DecisionRecords
import RuleEngine
import RuleLanguage

/// Renders a report as GitHub-flavoured Markdown, suitable for a pull-request comment.
///
/// A title, the verdict and summary line, and a table of findings (severity, rule, record,
/// place, title, message, basis). Table cells escape `|` and Markdown's inline characters,
/// write `<`, `>`, `&` as entities and turn line ends into `<br>`, so no text of a record can
/// break the table or become markup. The output depends only on the report.
public enum MarkdownReporter {
    /// The whole report.
    public static func render(_ report: Report) -> String {
        let language = report.language
        let zh = language == .zh
        var output = zh ? "## legality 合法性检查报告\n\n" : "## legality check report\n\n"
        output += "**\(Wording.verdict(report))**\(zh ? "：" : ": ")\(Escaping.markdownCell(Wording.summary(report)))\n\n"
        if report.findings.isEmpty {
            output += zh ? "没有发现问题。\n" : "No findings.\n"
        } else {
            let header = zh
                ? ["级别", "规则", "记录", "位置", "标题", "说明", "依据"]
                : ["Severity", "Rule", "Record", "Location", "Title", "Message", "Basis"]
            output += "| " + header.joined(separator: " | ") + " |\n"
            output += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for finding in report.findings {
                let location = finding.file.isEmpty ? (zh ? "（本次运行）" : "(run)") : Wording.location(finding)
                var message = finding.message.text(language)
                if let waiver = Wording.waiver(finding, language) { message += "\n" + waiver }
                if let pending = Wording.pending(finding, language) { message += "\n" + pending }
                let severity = Wording.severity(finding.severity, language)
                let cells = [
                    severity + Wording.mark(finding, language),
                    finding.rule,
                    finding.record ?? "",
                    location,
                    finding.title.text(language),
                    message,
                    finding.basis.text(language),
                ]
                output += "| " + cells.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
            }
        }
        output += "\n" + Escaping.markdownCell("legality \(report.version)") + "\n"
        return output
    }
}
