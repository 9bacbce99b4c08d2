import DecisionRecords
import OfficePackage

/// Reads one worksheet's cells into rows, turning each cell into the text a person sees.
struct SheetReader {
    let strings: [String]
    let styles: WorkbookReader.CellStyles
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

    /// Hands each row with content to `each` as soon as it is read (merged ranges filled);
    /// `each` returns false to stop. The rows are not kept.
    func rows(of bytes: [UInt8], each: (LedgerRow) -> Bool) throws {
        // Merged ranges are listed after the rows; they are read first, so rows can be filled as they come.
        var merged = try MergedCells(ranges: Self.mergedRanges(in: bytes))
        var reader = XMLReader(bytes)
        var count = 0
        var current: LedgerRow?
        var cell: PendingCell?
        var rowNumber = 0
        var lastColumn = 0
        var reading: String?
        var inPhonetic = false
        var sharedText = 0
        while let event = try reader.next() {
            switch event {
            case .start("row", let attributes, let closed):
                let number = attributes["r"].map { Int($0) ?? 0 } ?? rowNumber + 1
                // Rows come in order, numbered 1 to 1,048,576: a row numbered 0, below zero or not
                // after the one before was read as a row above the header and dropped unsaid.
                guard number > rowNumber, number <= Self.mostRows else {
                    throw Self.damaged(
                        zh: "行号 \(attributes["r"]?.clipped(to: 24) ?? "")（在第 \(rowNumber) 行之后）不是按顺序排列的有效行号",
                        en: "the row number \(attributes["r"]?.clipped(to: 24) ?? "") (after row \(rowNumber)) is not a valid row number in order")
                }
                rowNumber = number
                lastColumn = 0
                if !closed { current = LedgerRow(number: rowNumber, cells: [:]) }
            case .end("row"):
                if var row = current {
                    merged.fill(&row)
                    if !row.cells.isEmpty {
                        count += 1
                        guard each(row), count < maxRows else { return }
                    }
                }
                current = nil
            case .start("c", let attributes, let closed):
                // (A phonetic run left open by a broken cell ends with it: it blanked every later cell.)
                inPhonetic = false
                var pending = PendingCell()
                let column = attributes["r"].map { CellReference.parse($0)?.column ?? 0 } ?? lastColumn + 1
                // Cells of a row come in order too: a second cell of one column replaced the first
                // unsaid (a 通过 written over a 不通过).
                guard column > lastColumn, attributes["r"].map({ CellReference.parse($0)?.row == rowNumber }) ?? true else {
                    throw Self.damaged(
                        zh: "第 \(rowNumber) 行的单元格 \(attributes["r"]?.clipped(to: 24) ?? "") 不在本行或不是按顺序排列",
                        en: "the cell \(attributes["r"]?.clipped(to: 24) ?? "") of row \(rowNumber) is not in that row or not in order")
                }
                pending.column = column
                pending.type = attributes["t"] ?? "n"
                pending.style = attributes["s"].flatMap { Int($0) } ?? 0
                lastColumn = pending.column
                cell = closed ? nil : pending
            case .end("c"):
                inPhonetic = false
                if let pending = cell, var value = try value(of: pending, row: rowNumber) {
                    if styles.struck.contains(pending.style) { value.struckThrough = true }
                    if pending.type == "s" {
                        sharedText += value.text.utf8.count
                        if sharedText > WorkbookReader.maxSharedText {
                            throw LedgerError(
                                chinese: "工作表的单元格引用的共享文本超过 \(WorkbookReader.maxSharedText >> 20) MiB（同一段长文本被大量单元格引用？），不予读取",
                                english: "the sheet's cells refer to more than \(WorkbookReader.maxSharedText >> 20) MiB of shared text (one long text named by very many cells?); not read")
                        }
                    }
                    current?.cells[pending.column] = value
                }
                cell = nil
            case .start("v", _, let closed):
                reading = closed ? nil : "v"
                cell?.hasValue = true
            case .start("f", _, _):
                cell?.hasFormula = true
            // A phonetic run (`rPh`, furigana) of an inline string is no part of its text: Excel
            // does not show it, and a cell showing nothing read as the 通过 of its hidden run.
            case .start("rPh", _, let closed) where cell != nil:
                inPhonetic = !closed
            case .end("rPh"):
                inPhonetic = false
            case .start("t", _, let closed) where cell != nil && !inPhonetic:
                reading = closed ? nil : "t"
            case .end("v"), .end("t"):
                reading = nil
            case .text(let text):
                if reading == "v" { cell?.value += text } else if reading == "t" { cell?.inline += text }
            case .end("sheetData"):
                return
            default: break
            }
        }
    }

    /// The merged ranges of a sheet (its `mergeCells`, after the rows), as (first column, first
    /// row, last column, last row).
    static func mergedRanges(in bytes: [UInt8]) throws -> [(Int, Int, Int, Int)] {
        let name = Array("mergeCells".utf8)
        var index = bytes.count - name.count
        while index > 0 {
            if bytes[index] == name[0], bytes[index..<(index + name.count)].elementsEqual(name),
               bytes[index - 1] == UInt8(ascii: "<") || bytes[index - 1] == UInt8(ascii: ":") {
                break
            }
            index -= 1
        }
        guard index > 0, let open = bytes[..<index].lastIndex(of: UInt8(ascii: "<")) else { return [] }
        var reader = XMLReader(Array(bytes[open...]))
        var ranges: [(Int, Int, Int, Int)] = []
        while let event = try reader.next() {
            if case .start("mergeCell", let attributes, _) = event, let text = attributes["ref"], let range = range(text) { ranges.append(range) }
            if case .end("mergeCells") = event { break }
        }
        return ranges
    }

    /// The most rows a worksheet has.
    static let mostRows = 1_048_576

    /// A worksheet whose rows or cells are not as every spreadsheet program writes them.
    static func damaged(zh: String, en: String) -> LedgerError {
        LedgerError(
            chinese: "工作表已损坏：\(zh)；请在 Excel 或 WPS 中打开并另存后再检查",
            english: "the sheet is damaged: \(en); open and save it in Excel or WPS first")
    }

    /// A cell's value; a reference to a shared text the workbook does not hold (a damaged or
    /// forged file) is an error, not an empty cell (which passed as a missing title).
    private func value(of cell: PendingCell, row: Int) throws(LedgerError) -> LedgerCell? {
        // A formula of text whose value is empty (`<c t="str"><f>IF(…,"",…)</f><v></v></c>`, as Excel
        // and LibreOffice save "") was computed: the cell is empty. (Read as never computed, every row
        // of such a column was refused, with advice no saving could follow.)
        let computedEmptyText = cell.type == "str" && cell.hasValue
        if cell.hasFormula && (!cell.hasValue || cell.value.isEmpty) && cell.type != "inlineStr" && !computedEmptyText {
            return LedgerCell("", formulaWithoutValue: true)
        }
        let text: String
        switch cell.type {
        case "s":
            guard let index = Int(cell.value), index >= 0, index < strings.count else {
                let place = CellReference.cell(row: row, column: cell.column)
                throw LedgerError(
                    chinese: "单元格 \(place) 引用的共享文本（编号“\(cell.value.clipped(to: 24))”）在工作簿中不存在，文件已损坏；请在 Excel 或 WPS 中打开并另存后再检查",
                    english: "the cell \(place) refers to shared text '\(cell.value.clipped(to: 24))', which the workbook does not hold: the file is damaged; open and save it in Excel or WPS first")
            }
            text = strings[index]
        case "inlineStr": text = WorkbookReader.unescaped(cell.inline)
        case "b": text = cell.value == "1" ? "true" : "false"
        case "d": text = String(cell.value.prefix(10))
        case "str": text = WorkbookReader.unescaped(cell.value)
        case "e": text = cell.value
        default:
            // A date cell before 1950 holds a number typed as it is (4.16 for 16 April, 2025 for a
            // year), not a day of a record: read as 1900-01-04, the day was before the law and every
            // rule about it fell silent. It is passed on as typed, which no date reads.
            if styles.dates.contains(cell.style), let serial = Double(cell.value), let day = WorkbookReader.day(serial: serial, date1904: date1904),
               day >= WorkbookReader.earliestLedgerDay {
                text = day.description
            } else if let format = styles.numbers[cell.style], let shown = format.text(of: cell.value), shown != cell.value {
                // A whole number is read as its format shows it (`SQ-JC-2025-007`, `007`), not as
                // the bare number stored (`7`), which no one in the office reads as the id; the
                // number is kept for fields of numbers.
                var shownCell = LedgerCell(shown)
                shownCell.stored = cell.value
                return shownCell
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
}

/// Merged ranges filled as rows stream past: the value of a range's first cell fills the rest of
/// its row and, in later rows, its columns, in place of anything the covered cells hold unseen. A
/// range larger than `WorkbookReader.maxMergedCells` keeps its value in the first cell only, and
/// at most a hundred times that many cells are filled in all, however many ranges a sheet
/// declares; the cells all ranges cover together are at most `mostCellsCovered`.
struct MergedCells {
    /// The most cells a sheet's merged ranges may cover in all: each covered cell is a step of
    /// reading its row (a sheet of 4 million wide ranges over wide rows took some 10¹⁰ steps).
    static let mostCellsCovered = 20_000_000

    typealias Range = (firstColumn: Int, firstRow: Int, lastColumn: Int, lastRow: Int)
    /// The ranges in the order of their first rows, and the first not yet met.
    private var ranges: [Range] = []
    private var next = 0
    /// The ranges over the rows being read, each with the value of its first cell (nil when it is empty).
    private var active: [(range: Range, value: LedgerCell?)] = []
    private var budget = WorkbookReader.maxMergedCells * 100

    init(ranges written: [(Int, Int, Int, Int)]) throws(LedgerError) {
        var covered = 0
        for (firstColumn, firstRow, lastColumn, lastRow) in written where lastColumn >= firstColumn && lastRow >= firstRow {
            covered += (lastRow - firstRow + 1) * (lastColumn - firstColumn + 1)
            guard covered <= Self.mostCellsCovered else {
                throw LedgerError(
                    chinese: "工作表的合并单元格区域合计超过 \(Self.mostCellsCovered) 个单元格，不予读取",
                    english: "the sheet's merged ranges cover more than \(Self.mostCellsCovered) cells in all; not read")
            }
            ranges.append((firstColumn, firstRow, lastColumn, lastRow))
        }
        ranges.sort { $0.firstRow < $1.firstRow }
    }

    /// Gives the cells a merged range covers in the row what the range shows: its first cell's
    /// value, or nothing when that is empty (also when its first row holds no cell at all, and
    /// is not in the file). A covered cell may still hold a value of its own (merged in
    /// LibreOffice keeping hidden contents, or by a script), which no one sees: read, a 通过
    /// under a merged 不通过 passed the second case of the two.
    mutating func fill(_ row: inout LedgerRow) {
        guard next < ranges.count || !active.isEmpty else { return }
        while next < ranges.count, ranges[next].firstRow <= row.number {
            let range = ranges[next]
            next += 1
            active.append((range, range.firstRow == row.number ? row.cells[range.firstColumn] : nil))
        }
        active.removeAll { $0.range.lastRow < row.number }
        for (range, value) in active { fill(&row, range, value) }
    }

    private mutating func fill(_ row: inout LedgerRow, _ range: Range, _ value: LedgerCell?) {
        // What the covered cells hold of their own is dropped first (the range's first cell keeps
        // its value), and a value other than the one shown is noted.
        for column in range.firstColumn...range.lastColumn where column != range.firstColumn || row.number != range.firstRow {
            if let own = row.cells.removeValue(forKey: column), !own.text.isBlankCell, own.text != value?.text {
                row.hiddenUnderMerge[column] = own.text
            }
        }
        // A value fills a range of at most `maxMergedCells` cells; a larger one keeps it in its first cell only.
        guard let value, (range.lastColumn - range.firstColumn + 1) * (range.lastRow - range.firstRow + 1) <= WorkbookReader.maxMergedCells else { return }
        for column in range.firstColumn...range.lastColumn where row.cells[column] == nil && budget > 0 {
            row.cells[column] = value
            budget -= 1
        }
    }
}
