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
