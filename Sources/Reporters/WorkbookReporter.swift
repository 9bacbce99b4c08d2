import DecisionRecords
public import OfficePackage

/// Reports as Excel workbooks (.xlsx): the audit with a sheet per table, and a check's findings
/// on one sheet. Dates are dates, rates percentages; no cell is a formula, whatever the records say.
public enum WorkbookReporter {
    /// The program named in a workbook's properties; a folder search skips workbooks it wrote.
    public static let application = "legality"

    /// The audit: an overview, then records, rules, packs, departments, months and findings, a
    /// sheet each.
    public static func render(_ audit: AuditReport) throws(OfficePackage.WriteError) -> [UInt8] {
        let sheets = AuditTable.allCases.map { table in
            let (header, rows) = table.cells(audit)
            return WorkbookWriter.Sheet(name: table.title(audit.language), header: header, rows: rows.map { $0.map(cell) })
        }
        return try WorkbookWriter(sheets: [overview(audit)] + sheets, application: application).bytes()
    }

    /// The audit's period, as-of day, totals and set-up, as the HTML and Markdown reports give
    /// them: a workbook passed on alone said neither which period it covered nor which rules did
    /// not run (a rate of 100 % without a registry of people read as checked).
    static func overview(_ audit: AuditReport) -> WorkbookWriter.Sheet {
        let zh = audit.language == .zh
        let overall = audit.overall
        var rows: [[WorkbookWriter.Cell]] = [
            [.text(zh ? "审计期间" : "Period"), .text(zh ? "\(audit.from) 至 \(audit.to)" : "\(audit.from) to \(audit.to)")],
            [.text(zh ? "截至" : "As of"), cell(.date(audit.asOf))],
            [.text(zh ? "记录" : "Records"), .integer(audit.records.count)],
            [.text(zh ? "无错误的记录" : "Without errors"), .text(overall.ratioText + overall.waivedNote(audit.language))],
            [.text(zh ? "错误" : "Errors"), .integer(overall.errors)],
            [.text(zh ? "警告" : "Warnings"), .integer(overall.warnings)],
        ]
        // (Infos, when any: a rule made an info by the configuration still found something.)
        if overall.infos > 0 { rows.append([.text(zh ? "提示" : "Infos"), .integer(overall.infos)]) }
        rows.append([.text(zh ? "待办" : "Pending"), .integer(overall.pendingFindings)])
        rows.append([.text(zh ? "运行设置" : "Set-up"), .text(TextReporter.setup(audit.run, language: audit.language).trimmingNewline())])
        if let other = audit.runFindingsSentence(audit.language) { rows.append([.text(zh ? "其他问题" : "Other findings"), .text(other)]) }
        rows.append([.text(zh ? "版本" : "Version"), .text("legality \(audit.version)")])
        return WorkbookWriter.Sheet(name: zh ? "概况" : "Overview", header: zh ? ["项目", "内容"] : ["Item", "Value"], rows: rows)
    }

    /// A check's findings, the columns of the CSV report, on one sheet.
    public static func render(_ report: Report) throws(OfficePackage.WriteError) -> [UInt8] {
        let language = report.language
        let numeric: Set<Int> = [4, 5]  // line and column
        let rows = report.findings.map { finding in
            CSVReporter.fields(finding, language).enumerated().map { index, text -> WorkbookWriter.Cell in
                if numeric.contains(index), let value = Int(text) { return .integer(value) }
                return .text(text)
            }
        }
        let name = language == .zh ? "问题清单" : "Findings"
        // The run's set-up on a sheet of its own, as every other format names it: the findings of a
        // run with rules disabled read as a clean export.
        let zh = language == .zh
        let setup: [[WorkbookWriter.Cell]] = [
            [.text(zh ? "截至" : "As of"), .date(serial: report.asOf.ordinal - excelEpoch.ordinal)],
            [.text(zh ? "文件" : "Files"), .integer(report.fileCount)],
            [.text(zh ? "运行设置" : "Set-up"), .text(TextReporter.setup(report.run, language: language).trimmingNewline())],
            [.text(zh ? "版本" : "Version"), .text("legality \(report.version)")],
        ]
        return try WorkbookWriter(sheets: [
            .init(name: name, header: CSVReporter.header(language), rows: rows),
            .init(name: zh ? "运行设置" : "Set-up", header: zh ? ["项目", "内容"] : ["Item", "Value"], rows: setup),
        ], application: application).bytes()
    }

    private static func cell(_ cell: AuditCell) -> WorkbookWriter.Cell {
        switch cell {
        case .text(let text): .text(text)
        case .integer(let value): .integer(value)
        case .date(let day): .date(serial: day.ordinal - excelEpoch.ordinal)
        // (As shown in the other formats: 1,999 of 2,000 is 99.9%, not the 100.0% a cell's
        // format would round it to.)
        case .rate(let rate): .percent(Double(ComplianceRate.permille(rate)) / 1000)
        }
    }

    /// Day 0 of spreadsheet serial numbers (1899-12-30, so that 1900-03-01 is 61).
    private static let excelEpoch = Day(year: 1899, month: 12, day: 30) ?? Day(ordinal: 0)
}
