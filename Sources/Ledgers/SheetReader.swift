import DecisionRecords
import OfficePackage

/// Reads one worksheet's cells into rows, turning each cell into the text a person sees.
struct SheetReader {
    let strings: [String]
    let dateStyles: Set<Int>
    let date1904: Bool
    let maxRows: Int

    /// The cell being read.
    private struct PendingCell {
        var column = 0
        var type = "n"
        var style = 0
        var value = ""
        var inline = ""
        var hasValue = false
        var hasFormula = false
    }

    func rows(of bytes: [UInt8]) throws -> [LedgerRow] {
        var reader = XMLReader(bytes)
        var rows: [LedgerRow] = []
        var current: LedgerRow?
        var cell: PendingCell?
        var rowNumber = 0
        var lastColumn = 0
        var reading: String?
        var merges: [(Int, Int, Int, Int)] = []
        while let event = try reader.next() {
            switch event {
            case .start("row", let attributes, let closed):
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                lastColumn = 0
                if !closed { current = LedgerRow(number: rowNumber, cells: [:]) }
            case .end("row"):
                if let row = current, !row.cells.isEmpty {
                    rows.append(row)
                    if rows.count >= maxRows { return rows }
                }
                current = nil
            case .start("c", let attributes, let closed):
                var pending = PendingCell()
                pending.column = attributes["r"].flatMap(CellReference.parse)?.column ?? lastColumn + 1
                pending.type = attributes["t"] ?? "n"
                pending.style = attributes["s"].flatMap { Int($0) } ?? 0
                lastColumn = pending.column
                cell = closed ? nil : pending
            case .end("c"):
                if let pending = cell, let value = value(of: pending) { current?.cells[pending.column] = value }
                cell = nil
            case .start("v", _, let closed):
                reading = closed ? nil : "v"
                cell?.hasValue = true
            case .start("f", _, _):
                cell?.hasFormula = true
            case .start("t", _, let closed) where cell != nil:
                reading = closed ? nil : "t"
            case .end("v"), .end("t"):
                reading = nil
            case .text(let text):
                if reading == "v" { cell?.value += text } else if reading == "t" { cell?.inline += text }
            case .start("mergeCell", let attributes, _):
                if let range = attributes["ref"], let merge = Self.range(range) { merges.append(merge) }
            default: break
            }
        }
        return merges.isEmpty ? rows : Self.fill(rows, merges)
    }

    private func value(of cell: PendingCell) -> LedgerCell? {
        if cell.hasFormula && (!cell.hasValue || cell.value.isEmpty) && cell.type != "inlineStr" {
            return LedgerCell("", formulaWithoutValue: true)
        }
        let text: String
        switch cell.type {
        case "s": text = Int(cell.value).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
        case "inlineStr": text = cell.inline
        case "b": text = cell.value == "1" ? "true" : "false"
        case "d": text = String(cell.value.prefix(10))
        case "str", "e": text = cell.value
        default:
            if dateStyles.contains(cell.style), let serial = Double(cell.value), let day = WorkbookReader.day(serial: serial, date1904: date1904) {
                text = day.description
            } else {
                text = cell.value
            }
        }
        return text.isEmpty ? nil : LedgerCell(text)
    }

    /// `A1:C2` as (first column, first row, last column, last row).
    private static func range(_ text: String) -> (Int, Int, Int, Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let first = CellReference.parse(String(parts[0])), let last = CellReference.parse(String(parts[1])) else { return nil }
        return (first.column, first.row, last.column, last.row)
    }

    /// Merged ranges: the first cell's value fills the rest of the range.
    private static func fill(_ rows: [LedgerRow], _ merges: [(Int, Int, Int, Int)]) -> [LedgerRow] {
        var byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        // However many ranges a sheet declares, at most this many cells are filled in all.
        var budget = WorkbookReader.maxMergedCells * 100
        for (firstColumn, firstRow, lastColumn, lastRow) in merges {
            let area = (lastColumn - firstColumn + 1) * (lastRow - firstRow + 1)
            guard lastColumn >= firstColumn, lastRow >= firstRow, area <= WorkbookReader.maxMergedCells, area <= budget,
                  let value = byNumber[firstRow]?.cells[firstColumn] else { continue }
            budget -= area
            for row in firstRow...lastRow {
                for column in firstColumn...lastColumn where byNumber[row]?.cells[column] == nil {
                    byNumber[row, default: LedgerRow(number: row, cells: [:])].cells[column] = value
                }
            }
        }
        return byNumber.values.sorted { $0.number < $1.number }
    }
}
