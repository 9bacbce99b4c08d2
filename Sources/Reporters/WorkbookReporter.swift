import DecisionRecords
public import OfficePackage

/// Reports as Excel workbooks (.xlsx): the audit with a sheet per table, and a check's findings
/// on one sheet. Dates are dates, rates percentages; no cell is a formula, whatever the records say.
public enum WorkbookReporter {
    /// The program named in a workbook's properties; a folder search skips workbooks it wrote.
    public static let application = "legality"

    /// The audit: records, rules, packs, departments, months and findings, a sheet each.
    public static func render(_ audit: AuditReport) throws(OfficePackage.WriteError) -> [UInt8] {
        let sheets = AuditTable.allCases.map { table in
            let (header, rows) = table.cells(audit)
            return WorkbookWriter.Sheet(name: table.title(audit.language), header: header, rows: rows.map { $0.map(cell) })
        }
        return try WorkbookWriter(sheets: sheets, application: application).bytes()
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
        return try WorkbookWriter(sheets: [.init(name: name, header: CSVReporter.header(language), rows: rows)], application: application).bytes()
    }

    private static func cell(_ cell: AuditCell) -> WorkbookWriter.Cell {
        switch cell {
        case .text(let text): .text(text)
        case .integer(let value): .integer(value)
        case .date(let day): .date(serial: day.ordinal - excelEpoch.ordinal)
        case .rate(let rate): .percent(rate)
        }
    }

    /// Day 0 of spreadsheet serial numbers (1899-12-30, so that 1900-03-01 is 61).
    private static let excelEpoch = Day(year: 1899, month: 12, day: 30) ?? Day(ordinal: 0)
}
