import Foundation
@testable import Ledgers
import OfficePackage
import Testing

/// A ledger is read as the sheet shows it: what a merged range covers, text struck through, a
/// year's sheet in an older layout, two cases in one row. Each of these passed a case a person
/// reading the sheet would have seen was not compliant.
@Suite struct SheetAppearanceTests {
    /// A workbook of one sheet of `rows` (cells written `c(ref, text)` as inline strings, or in
    /// full), with `after` following the sheet's data (its merged ranges) and `styles` as the
    /// workbook's style part.
    static func workbook(_ rows: String, after: String = "", styles: String = "<styleSheet/>") throws -> [UInt8] {
        try OfficePackage(parts: [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            .init("xl/styles.xml", text: styles),
            .init("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData>\(rows)</sheetData>\(after)</worksheet>"),
        ]).zipped()
    }

    static func c(_ reference: String, _ text: String, style: Int? = nil) -> String {
        #"<c r="\#(reference)" t="inlineStr"\#(style.map { #" s="\#($0)""# } ?? "")><is><t>\#(text)</t></is></c>"#
    }

    static func cells(_ bytes: [UInt8]) throws -> [Int: [Int: LedgerCell]] {
        let table = try #require(try WorkbookReader.read(bytes, maxRows: 1_000).first)
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0.number, $0.cells) })
    }

    /// A cell under a merged range shows the range's value, whatever it holds of its own: a 通过
    /// kept under a merged 不通过 (LibreOffice's "keep the contents of hidden cells") passed the
    /// second case of the two.
    @Test func aMergedRangeShowsItsFirstCellOverWhatTheOthersHold() throws {
        let rows = "<row r=\"1\">\(Self.c("A1", "编号"))\(Self.c("B1", "结论"))</row>"
            + "<row r=\"2\">\(Self.c("A2", "X-1"))\(Self.c("B2", "不通过"))</row>"
            + "<row r=\"3\">\(Self.c("A3", "X-2"))\(Self.c("B3", "通过"))</row>"
        let bytes = try Self.workbook(rows, after: #"<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>"#)
        let read = try Self.cells(bytes)
        #expect(read[2]?[2]?.text == "不通过")
        #expect(read[3]?[2]?.text == "不通过")
        #expect(read[3]?[1]?.text == "X-2")
        // What the covered cell held is noted: which of the two the office meant is not known.
        let table = try #require(try WorkbookReader.read(bytes, maxRows: 1_000).first)
        #expect(table.rows.first { $0.number == 3 }?.hiddenUnderMerge == [2: "通过"])
        #expect(table.rows.first { $0.number == 2 }?.hiddenUnderMerge == [:])
        let ledger = Self.table(["决策编号", "决策事项名称"], [["X-2", "乙方案"]])
        guard case .matched(let layout) = LedgerConverter.match(ledger, mappings: [Self.decisions]) else {
            Issue.record("the header did not match")
            return
        }
        var covered = try #require(ledger.rows.last)
        covered.hiddenUnderMerge = [2: "甲方案", 9: "备注"]
        let record = LedgerConverter.record(covered, layout: layout, person: { _ in nil })
        // (Column 9 is none of the layout's: not read, not said.)
        #expect(record.hiddenUnderMerge.map(\.column) == [2])
        #expect(record.hiddenUnderMerge.map(\.text) == ["甲方案"])
    }

    /// A range whose first cell is empty shows nothing, also where the first cell's row is not in
    /// the file at all: the hidden values of the cells it covers are not read.
    @Test func aMergedRangeWithAnEmptyFirstCellShowsNothing() throws {
        let rows = "<row r=\"1\">\(Self.c("A1", "编号"))\(Self.c("B1", "结论"))</row>"
            + "<row r=\"3\">\(Self.c("A3", "X-2"))\(Self.c("B3", "通过"))</row>"
            + "<row r=\"4\">\(Self.c("A4", "X-3"))\(Self.c("B4", "通过"))</row>"
        let read = try Self.cells(try Self.workbook(rows, after: #"<mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>"#))
        #expect(read[3]?[2] == nil)
        #expect(read[3]?[1]?.text == "X-2")
        #expect(read[4]?[2]?.text == "通过")
    }

    /// Merged ranges covering tens of millions of cells in all are refused, not walked cell by cell.
    @Test func mergedRangesSpanningTooManyRowsAreRefused() throws {
        let ranges = (1...25).map { #"<mergeCell ref="\#(CellReference.column($0))1:\#(CellReference.column($0))1000000"/>"# }.joined()
        #expect {
            _ = try Self.cells(try Self.workbook("<row r=\"1\">\(Self.c("A1", "编号"))</row>", after: "<mergeCells>\(ranges)</mergeCells>"))
        } throws: { error in
            (error as? LedgerError)?.english.contains("merged ranges cover more than 20000000 cells in all") == true
        }
    }

    /// A cell whose font strikes its text through is marked so (a meeting called off, as offices
    /// mark one); a font that says `val="0"` does not strike.
    @Test func struckThroughTextIsMarked() throws {
        let styles = #"<styleSheet><fonts count="3"><font><sz val="11"/></font><font><strike/><color rgb="FFFF0000"/></font><font><strike val="0"/></font></fonts>"#
            + #"<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="0" fontId="2"/></cellXfs></styleSheet>"#
        let rows = "<row r=\"1\">\(Self.c("A1", "一", style: 0))\(Self.c("B1", "二", style: 1))\(Self.c("C1", "三", style: 2))</row>"
        let read = try Self.cells(try Self.workbook(rows, styles: styles))
        #expect(read[1]?[1]?.struckThrough == false)
        #expect(read[1]?[2]?.struckThrough == true)
        #expect(read[1]?[3]?.struckThrough == false)
    }

    /// The built-in layout of major decisions.
    static let decisions: LedgerMapping = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules/ledgers/major-decisions.yaml")
        do {
            return try #require(try LedgerMappingReader.read([UInt8](try Data(contentsOf: file)), file: file.path, kinds: ["major_administrative_decision"]).first)
        } catch {
            fatalError("the built-in layout does not load: \(error)")
        }
    }()

    static func table(_ header: [String], _ rows: [[String]] = []) -> LedgerTable {
        let all = [header] + rows
        return LedgerTable(sheet: "S", rows: all.enumerated().map { index, texts in
            LedgerRow(number: index + 1, cells: Dictionary(uniqueKeysWithValues: texts.enumerated().map { ($0.offset + 1, LedgerCell($0.element)) }))
        })
    }

    /// A year's sheet in an older layout (序号 for the decision's number, and six more of the
    /// layout's columns with its title) is one with a header to correct, not a sheet passed over
    /// without a word while another sheet of the workbook matched.
    @Test func anOlderLayoutsSheetIsOneWithAHeaderToCorrect() {
        let older = Self.table(["序号", "决策事项名称", "承办单位", "审查完成日期", "审查结论", "集体讨论日期", "决定日期"])
        guard case .partial(_, _, let missing) = LedgerConverter.match(older, mappings: [Self.decisions]) else {
            Issue.record("the sheet was not taken as a ledger to correct")
            return
        }
        #expect(missing.map(\.column) == ["决策编号"])
        // A summary sheet sharing a few headers is none.
        let summary = Self.table(["承办单位", "决策事项名称", "合计"])
        guard case .none = LedgerConverter.match(summary, mappings: [Self.decisions]) else {
            Issue.record("a summary sheet was taken as a ledger")
            return
        }
    }

    /// Two case numbers in one id cell are one row of two cases: said, not read as one case of a
    /// joined id (whose second case then had no record, and its own row was no duplicate).
    @Test func twoIDsInOneCellAreSaid() throws {
        let table = Self.table(["决策编号", "决策事项名称"], [["SQ-1、SQ-2", "甲"], ["SQ-3", "乙"]])
        guard case .matched(let layout) = LedgerConverter.match(table, mappings: [Self.decisions]) else {
            Issue.record("the table did not match")
            return
        }
        let records = table.rows.dropFirst().map { LedgerConverter.record($0, layout: layout, person: { _ in nil }) }
        #expect(records.map(\.severalIDs) == [1, nil])
    }
}
