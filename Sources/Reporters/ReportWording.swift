import DecisionRecords
import RuleEngine
import RuleLanguage

/// Words and phrases the file-format reporters share, in the report's language.
enum Wording {
    /// The severity as a reader sees it: 错误/警告/提示 or error/warning/info.
    static func severity(_ severity: Severity, _ language: Language) -> String {
        let zh = language == .zh
        return switch severity {
        case .error: zh ? "错误" : "error"
        case .warning: zh ? "警告" : "warning"
        case .info: zh ? "提示" : "info"
        }
    }

    /// A finding's severity in a table's column: a pending finding's marked so (`错误（待办）`), as
    /// the summary counts it apart: a spreadsheet filtered on the column for 错误 counted six
    /// where the summary said two errors and four pending.
    /// So is a waived one's (`错误（已豁免）`): the summary counts it apart too, and a filter on
    /// 错误 counted it with the errors.
    static func severityColumn(_ finding: Finding, _ language: Language) -> String {
        severity(finding.severity, language) + mark(finding, language)
    }

    /// The one-sentence summary of a run, as the text report ends.
    static func summary(_ report: Report) -> String {
        summary(report.tally, asOf: report.asOf, language: report.language)
    }

    /// The summary line from a tally. Documents that are no records and files that could not be
    /// read are named apart, and the failed are then counted as items, not records (they may
    /// outnumber the records read).
    static func summary(_ tally: ReportTally, asOf: Day, language: Language) -> String {
        let (errors, warnings, infos, waived, pending) = (tally.errors, tally.warnings, tally.infos, tally.waived, tally.pending)
        let others = tally.notRecords + tally.unreadable
        if language == .zh {
            let read = "检查了 \(tally.records) 条记录" + (others > 0 ? "，另有 \(others) 个文档或文件无法作为记录读取" : "")
            return "\(read)（截至 \(asOf)）：\(errors) 个错误，\(warnings) 个警告，\(infos) 个提示\(waived > 0 ? "，\(waived) 个已豁免" : "")\(pending > 0 ? "，\(pending) 个待办" : "")；\(tally.failedRecords) \(others > 0 ? "项" : "条记录")未通过"
                + (tally.formatOnly > 0 ? "；\(tally.formatOnly) 条记录除记录格式外没有适用的规则，未作实质检查（\(formatOnlyFiles(tally, language))）" : "")
        }
        let read = "checked \(counted(tally.records, "record"))"
            + (others > 0 ? " and \(others) \(others == 1 ? "document or file" : "documents or files") that could not be read as records" : "")
        let failed = others > 0 ? "failed" : tally.failedRecords == 1 ? "record failed" : "records failed"
        return "\(read) as of \(asOf): \(counted(errors, "error")), \(counted(warnings, "warning")), \(counted(infos, "info"))\(waived > 0 ? ", \(waived) waived" : "")\(pending > 0 ? ", \(pending) pending" : ""); \(tally.failedRecords) \(failed)"
            + (tally.formatOnly > 0 ? "; \(counted(tally.formatOnly, "record")) had no rule beyond the record format (nothing of substance checked: \(formatOnlyFiles(tally, language)))" : "")
    }

    /// The files of the records nothing of substance was checked in, the first three.
    static func formatOnlyFiles(_ tally: ReportTally, _ language: Language) -> String {
        let shown = tally.formatOnlyFiles.prefix(3).map(\.onOneLine)
        let more = tally.formatOnlyFiles.count > shown.count || tally.formatOnlyFiles.count == ReportTally.formatOnlyFilesNamed
        return shown.joined(separator: language == .zh ? "、" : ", ") + (more ? (language == .zh ? " 等" : ", ...") : "")
    }

    /// A count and its English noun, singular for one (`1 warning`, `2 warnings`; it read `1 warnings`).
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// The verdict of the run: failed when some finding reaches the fail-on level.
    static func verdict(_ report: Report) -> String {
        verdict(fails: report.fails, report.language)
    }

    /// The verdict of a run that fails or passes.
    static func verdict(fails: Bool, _ language: Language) -> String {
        switch (language, fails) {
        case (.zh, true): "未通过"
        case (.zh, false): "通过"
        case (.en, true): "FAILED"
        case (.en, false): "PASSED"
        }
    }

    /// `file:line:column` (`file:sheet!F14` for a ledger row), or the file alone, or empty for a run-level finding.
    static func location(_ finding: Finding) -> String {
        if let cell = finding.cell, !finding.file.isEmpty { return "\(finding.file):\(cell)" }
        guard let position = finding.position, !finding.file.isEmpty else { return finding.file }
        return "\(finding.file):\(position.line):\(position.column)"
    }

    /// `line:column`, or empty when the finding has no position.
    static func lineColumn(_ finding: Finding) -> String {
        if let cell = finding.cell { return cell.description }
        return finding.position.map { "\($0.line):\($0.column)" } ?? ""
    }

    /// The evidence as one line: `label value；label value`.
    static func evidence(_ finding: Finding, _ language: Language) -> String {
        finding.evidence.map { "\($0.label.text(language)) \($0.value.text(language))" }.joined(separator: language == .zh ? "；" : "; ")
    }

    /// Whether a finding fails the run: it reaches the fail-on level (never, for `--fail-on
    /// never`) and no waiver excuses it.
    static func fails(_ finding: Finding, _ report: Report) -> Bool {
        fails(finding, failOn: report.failOn)
    }

    /// Whether a finding fails a run that fails on `failOn`.
    static func fails(_ finding: Finding, failOn: Severity?) -> Bool {
        finding.waiver == nil && !finding.pending && (failOn.map { finding.severity >= $0 } ?? false)
    }

    /// The waiver that excuses a finding, as one sentence; nil when none does.
    static func waiver(_ finding: Finding, _ language: Language) -> String? {
        guard let waiver = finding.waiver else { return nil }
        return language == .zh
            ? "已豁免：\(waiver.reason)（批准：\(waiver.approvedBy)，有效期至 \(waiver.expires)）"
            : "waived: \(waiver.reason) (approved by \(waiver.approvedBy), until \(waiver.expires))"
    }

    /// A pending finding, as one sentence; nil when the finding is not pending.
    static func pending(_ finding: Finding, _ language: Language) -> String? {
        guard finding.pending else { return nil }
        return language == .zh
            ? "待办：所涉步骤尚在计划中、日期未到，届时仍未纠正即为违规"
            : "pending: the step it is about is planned and still ahead; it becomes a violation if not put right by then"
    }

    /// The mark after a finding's title: waived, pending, or nothing.
    static func mark(_ finding: Finding, _ language: Language) -> String {
        if finding.waiver != nil { return language == .zh ? "（已豁免）" : " (waived)" }
        if finding.pending { return language == .zh ? "（待办）" : " (pending)" }
        return ""
    }

    /// The word that marks a waived finding.
    static func waived(_ language: Language) -> String {
        language == .zh ? "已豁免" : "waived"
    }

    /// A label followed by a colon: `依据：` or `basis: `.
    static func label(_ zh: String, _ en: String, _ language: Language) -> String {
        language == .zh ? zh + "：" : en + ": "
    }
}
