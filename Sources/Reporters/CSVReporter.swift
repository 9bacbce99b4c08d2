public import DecisionRecords
public import RuleEngine
import RuleLanguage

/// Renders a report as CSV, one row per finding, for auditors who open it in Excel.
///
/// RFC 4180: CRLF line ends, a field with a comma, quote, CR or LF is quoted and its quotes
/// doubled. The text starts with a UTF-8 byte-order mark so Excel reads Chinese correctly.
/// The header row is in the report's language. A field a spreadsheet would take as a formula
/// (starting with `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe. Line and column are
/// empty for run-level findings; the waiver column explains a waived finding. The output depends only on the report.
public enum CSVReporter {
    /// The byte-order mark the text starts with.
    public static let byteOrderMark = "\u{FEFF}"

    /// The header row's names in a language.
    public static func header(_ language: Language) -> [String] {
        language == .zh
            ? ["规则", "级别", "记录", "文件", "行", "列", "标题", "说明", "依据", "证据", "如何改正", "豁免", "规则包", pendingColumn.zh]
            : ["rule", "severity", "record", "file", "line", "column", "title", "message", "basis", "evidence", "fix", "waiver", "pack", pendingColumn.en]
    }

    /// The last column, which says a finding is pending (older reports lack it, and wrote the
    /// pending sentence in the waiver column; they are still told as reports by it).
    public static let pendingColumn = (zh: "待办", en: "pending")

    /// The whole report.
    public static func render(_ report: Report) -> String {
        Stream(language: report.language).render(report)
    }

    /// One finding's row.
    static func row(_ finding: Finding, _ language: Language) -> String {
        fields(finding, language).map(Escaping.csv).joined(separator: ",") + "\r\n"
    }

    /// One finding's fields, unescaped, in the order of `header`.
    static func fields(_ finding: Finding, _ language: Language) -> [String] {
        [
            finding.rule,
            Wording.severityColumn(finding, language),
            finding.record ?? "",
            finding.cell.map { "\(finding.file):\($0)" } ?? finding.file,
            finding.position.map { String($0.line) } ?? "",
            finding.position.map { String($0.column) } ?? "",
            finding.title.text(language),
            finding.message.text(language),
            finding.basis.text(language),
            Wording.evidence(finding, language),
            finding.help?.text(language) ?? "",
            Wording.waiver(finding, language) ?? "",
            finding.pack,
            Wording.pending(finding, language) ?? "",
        ]
    }

    /// The table written as the run goes: the byte-order mark and header, then a row per finding.
    public struct Stream: FlatReportStream {
        let language: Language

        /// A stream in a language.
        public init(language: Language) {
            self.language = language
        }

        public mutating func begin(into sink: inout some TextSink) {
            sink.write(CSVReporter.byteOrderMark + CSVReporter.header(language).map(Escaping.csv).joined(separator: ",") + "\r\n")
        }

        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {}

        public mutating func findings(_ findings: [Finding], into sink: inout some TextSink) {
            guard !findings.isEmpty else { return }
            sink.write(findings.map { CSVReporter.row($0, language) }.joined())
        }
    }
}
