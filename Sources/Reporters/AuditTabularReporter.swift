public import DecisionRecords

/// The tables of an audit, shared by the CSV and Markdown renderings.
public enum AuditTable: String, Sendable, CaseIterable {
    /// The rate tables' column of failures waivers alone explain, in Chinese and English (older
    /// exports lack it, and are still told as reports by it).
    public static let waivedColumn = (zh: "其中已豁免", en: "of which waived")
    /// The column of a rule's or a pack's checks it could not make, counted as failed.
    public static let unverifiableColumn = (zh: "其中无法核查", en: "of which could not be checked")
    /// The records table's last column, what a status rests on (`AuditReport.note`), in Chinese
    /// and English (older exports lack it, and are still told as reports by it).
    public static let noteColumn = (zh: "说明", en: "note")

    /// One row per record in the period.
    case records
    /// Compliance per rule.
    case rules
    /// Compliance per pack.
    case packs
    /// Compliance per department.
    case departments
    /// Compliance per month.
    case months
    /// Every finding in the period.
    case findings

    /// The table's heading.
    public func title(_ language: Language) -> String {
        switch (self, language) {
        case (.records, .zh): "记录"
        case (.rules, .zh): "各规则合规率"
        case (.packs, .zh): "各规则包合规率"
        case (.departments, .zh): "各承办单位合规率"
        case (.months, .zh): "各月合规率"
        case (.findings, .zh): "问题清单"
        case (.records, .en): "Records"
        case (.rules, .en): "Compliance per rule"
        case (.packs, .en): "Compliance per pack"
        case (.departments, .en): "Compliance per department"
        case (.months, .en): "Compliance per month"
        case (.findings, .en): "Findings"
        }
    }

    /// The header row and the data rows of this table, as text.
    public func rows(_ audit: AuditReport) -> [[String]] {
        let (header, rows) = cells(audit)
        return [header] + rows.map { row in row.map(\.text) }
    }

    /// The header row and the data rows of this table, each cell with its type (for workbooks).
    public func cells(_ audit: AuditReport) -> (header: [String], rows: [[AuditCell]]) {
        let language = audit.language
        let zh = language == .zh
        switch self {
        case .records:
            let header = zh
                ? ["编号", "标题", "类型", "承办单位", "决定日期", "状态", "错误", "警告", "已豁免", "待办", "违反的规则", "文件", Self.noteColumn.zh]
                : ["id", "title", "kind", "department", "decision date", "status", "errors", "warnings", "waived", "pending", "rules broken", "file", Self.noteColumn.en]
            return (header, audit.records.map { record in
                let counts = AuditReport.counts(of: record)
                return [
                    .text(record.id ?? ""), .text(record.title ?? ""), .text(record.kind.map { audit.kindNames[$0]?.text(language) ?? $0 } ?? ""),
                    .text(record.department ?? ""), record.decisionDate.map { .date($0) } ?? .text(""), .text(AuditReport.status(of: record).text(language)),
                    .integer(counts.errors), .integer(counts.warnings), .integer(counts.waived), .integer(counts.pending),
                    .text(counts.broken.joined(separator: zh ? "、" : ", ")), .text(record.place), .text(AuditReport.note(of: record, language)),
                ]
            })
        case .rules, .packs, .departments, .months:
            let rates: [ComplianceRate] = switch self {
            case .rules: audit.rules
            case .packs: audit.packs
            case .departments: audit.departments
            default: audit.months
            }
            let unit = self == .rules || self == .packs ? (zh ? "适用检查" : "checks") : (zh ? "记录数" : "records")
            let name = switch self {
            case .rules: zh ? "规则" : "rule"
            case .packs: zh ? "规则包" : "pack"
            case .departments: zh ? "承办单位" : "department"
            default: zh ? "月份" : "month"
            }
            // A department's or a month's key is its name: shown once.
            let named = self == .rules || self == .packs
            // A rule's or a pack's checks it could not make are said apart (counted as failed).
            var header = zh
                ? [name] + (named ? ["名称"] : []) + [unit, "通过", "未通过", Self.waivedColumn.zh] + (named ? [Self.unverifiableColumn.zh] : []) + ["合规率", "错误", "警告"]
                : [name] + (named ? ["name"] : []) + [unit, "passed", "failed", Self.waivedColumn.en] + (named ? [Self.unverifiableColumn.en] : []) + ["rate", "errors", "warnings"]
            // The rules table says how many records a rule did not apply to because its law was
            // not yet in force on the day of their act.
            if self == .rules {
                header.append(zh ? "法律尚未施行（不适用）" : "law not yet in force (not applicable)")
                header.append(zh ? "待办（尚未到期）" : "pending (not yet due)")
            }
            return (header, rates.map { rate -> [AuditCell] in
                // (A department's or month's name in the report's language: "(not given)" and
                // "undated" were written in Chinese in English tables.)
                var row: [AuditCell] = [.text(named ? rate.key : rate.label.text(language))]
                if named { row.append(.text(rate.label.text(language))) }
                row += [.integer(rate.applicable), .integer(rate.passed), .integer(rate.failed), .integer(rate.waived)]
                if named { row.append(.integer(rate.unverifiable)) }
                row += [rate.rate.map { .rate($0) } ?? .text(""), .integer(rate.errors), .integer(rate.warnings)]
                if self == .rules { row += [.integer(rate.notInForce), .integer(rate.pending)] }
                return row
            })
        case .findings:
            let header = zh
                ? ["规则", "级别", "记录", "文件", "行", "列", "标题", "说明", "依据", "豁免", "待办"]
                : ["rule", "severity", "record", "file", "line", "column", "title", "message", "basis", "waiver", "pending"]
            return (header, audit.findings.map { finding in
                [.text(finding.rule), .text(Wording.severityColumn(finding, language)), .text(finding.record ?? ""),
                 .text(finding.cell.map { "\(finding.file):\($0)" } ?? finding.file),
                 finding.position.map { .integer($0.line) } ?? .text(""), finding.position.map { .integer($0.column) } ?? .text(""),
                 .text(finding.title.text(language)), .text(finding.message.text(language)), .text(finding.basis.text(language)),
                 .text(finding.waiver.map { "\($0.reason)（\($0.approvedBy)，\($0.expires)）" } ?? ""),
                 .text(finding.pending ? (zh ? "待办" : "pending") : "")]
            })
        }
    }

    /// `97.6%`.
    static func percent(_ rate: Double) -> String {
        let permille = ComplianceRate.permille(rate)
        return "\(permille / 10).\(permille % 10)%"
    }
}

/// Renders an audit table as CSV: RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so
/// Excel shows Chinese correctly, and fields guarded against formula injection.
public enum AuditCSVReporter {
    /// One table of the audit.
    public static func render(_ audit: AuditReport, table: AuditTable) -> String {
        "\u{FEFF}" + table.rows(audit).map { $0.map(Escaping.csv).joined(separator: ",") + "\r\n" }.joined()
    }
}

/// Renders an audit as Markdown: the summary and every table.
public enum AuditMarkdownReporter {
    /// The whole audit.
    public static func render(_ audit: AuditReport) -> String {
        let language = audit.language
        let zh = language == .zh
        let overall = audit.overall
        var text = zh
            ? "# 合法性审查合规审计（\(audit.from) 至 \(audit.to)）\n\n截至 \(audit.asOf)：\(audit.records.count) 条记录，无错误的 \(overall.ratioText)\(overall.waivedNote(.zh))；\(overall.errors) 个错误，\(overall.warnings) 个警告\(overall.pendingNote(.zh))\(audit.runFindingsSentence(.zh).map { "；" + $0 } ?? "")。\n"
            : "# Legality-review compliance audit (\(audit.from) to \(audit.to))\n\nAs of \(audit.asOf): \(Wording.counted(audit.records.count, "record")), without errors \(overall.ratioText)\(overall.waivedNote(.en)); \(Wording.counted(overall.errors, "error")), \(Wording.counted(overall.warnings, "warning"))\(overall.pendingNote(.en))\(audit.runFindingsSentence(.en).map { "; " + $0 } ?? "").\n"
        text += "\n" + Escaping.markdownCell(TextReporter.setup(audit.run, language: language).trimmingNewline()) + "\n"
        for table in AuditTable.allCases {
            let rows = table.rows(audit)
            guard let header = rows.first else { continue }
            text += "\n## \(table.title(language))\n\n"
            text += "| " + header.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: header.count) + "\n"
            for row in rows.dropFirst() {
                text += "| " + row.map(Escaping.markdownCell).joined(separator: " | ") + " |\n"
            }
        }
        return text
    }
}

/// A cell of an audit table, with its type.
public enum AuditCell: Sendable, Equatable {
    /// Text.
    case text(String)
    /// A count.
    case integer(Int)
    /// A day.
    case date(Day)
    /// A pass rate, 0...1.
    case rate(Double)

    /// The cell as CSV and Markdown show it.
    public var text: String {
        switch self {
        case .text(let text): text
        case .integer(let value): String(value)
        case .date(let day): day.description
        case .rate(let rate): AuditTable.percent(rate)
        }
    }
}
