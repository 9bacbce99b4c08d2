import Foundation
@testable import OfficePackage
import Testing

/// How a written workbook prints: texts wrap at the top of rows as tall as they need, and no cell
/// holds more than Excel does.
@Suite struct WorkbookLayoutTests {
    static let message = String(repeating: "记录有集体讨论，但没有任何已完成的正式合法性审查。", count: 6)

    @Test func aRowOfWrappedTextIsAsTallAsItsLines() throws {
        let sheet = WorkbookWriter.Sheet(name: "s", header: ["规则", "说明"], rows: [[.text("MAD-001"), .text(Self.message)], [.text("MAD-002"), .text("短")]])
        let xml = WorkbookWriter.worksheet(sheet)
        let lines = WorkbookWriter.lineCount(Self.message, width: 62)
        #expect(lines == 5)
        #expect(xml.contains("<row r=\"2\" ht=\"\(lines * 15 + 3)\" customHeight=\"1\">"), "\(xml)")
        #expect(xml.contains("<row r=\"3\">"))
        #expect(xml.contains("<c r=\"B3\" s=\"4\" t=\"inlineStr\">"))
    }

    /// A sheet of more rows than a spreadsheet opens goes on in sheets after it, each with the
    /// header, none of a name too long or taken; the rows are all there, in order.
    @Test func aSheetPastTheRowLimitGoesOnInMoreSheets() throws {
        let rows: [[WorkbookWriter.Cell]] = (1...5).map { [.integer($0)] }
        let name = "问题清单问题清单问题清单问题清单问题清单问题清单问题清单问题"
        let workbook = WorkbookWriter(sheets: [.init(name: name, header: ["行"], rows: rows), .init(name: "运行设置", header: ["项目"], rows: [])],
                                      application: "test", mostRowsPerSheet: 2)
        #expect(workbook.sheets.map(\.rows.count) == [2, 2, 1, 0])
        #expect(workbook.sheets.flatMap(\.rows) == rows)
        #expect(workbook.sheets.allSatisfy { $0.header == ["行"] || $0.name == "运行设置" })
        let names = workbook.sheets.map { WorkbookWriter.sheetName($0.name) }
        #expect(Set(names).count == names.count && names.allSatisfy { $0.count <= 31 }, "\(names)")
        #expect(names[1].hasSuffix(" (2)") && names[2].hasSuffix(" (3)"), "\(names)")
        #expect(WorkbookWriter(sheets: [.init(name: "s", header: ["行"], rows: rows)], application: "test").sheets.count == 1)
        #expect(WorkbookWriter.mostRowsPerSheet == 1_048_575)
    }

    @Test func aTextLongerThanACellHoldsIsCutAndMarked() throws {
        let long = String(repeating: "标", count: 40_000)
        let kept = WorkbookWriter.cellText(long)
        #expect(kept.utf16.count == WorkbookWriter.maxCellLength)
        #expect(kept.hasSuffix("…"))
        #expect(WorkbookWriter.cellText("短") == "短")
    }

    @Test func linesAreCountedUpToTheCapWithoutListingThem() {
        #expect(WorkbookWriter.lineCount(String(repeating: "\n", count: 5_000_000), width: 10) == 40)
        #expect(WorkbookWriter.lineCount("a\nb", width: 10) == 2)
        #expect(WorkbookWriter.lineCount("", width: 10) == 1)
    }
}
