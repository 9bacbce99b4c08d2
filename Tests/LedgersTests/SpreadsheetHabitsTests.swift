@testable import Ledgers
import Testing

/// What offices' spreadsheets do that a ledger must still be read through: ids typed as numbers
/// under a format that shows them as text, CSV files saved as UTF-16 or with another separator.
@Suite struct SpreadsheetHabitsTests {
    @Test(arguments: [
        ("\"SQ-JC-2025-\"000", "7", "SQ-JC-2025-007"),
        ("\"SQ-JC-2025-\"000", "1234", "SQ-JC-2025-1234"),
        ("000", "7", "007"),
        ("\"第\"0\"号\"", "12", "第12号"),
        ("第0号", "12", "第12号"),
        ("\\A\\-00", "5", "A-05"),
        ("\"X\"#0", "5", "X5"),
        ("\"X\"##0", "0", "X0"),
        ("\"SQ-\"000;\"负\"000;\"无\"", "0", "无"),
        ("\"SQ-\"000", "7.0", "SQ-007"),
        // Colours, locales and conditions show nothing, a currency its symbol; `_x` a space.
        ("[$-804]\"SQ-\"000", "1", "SQ-001"),
        ("[Blue]\"SQ-\"000", "1", "SQ-001"),
        ("[>=0]\"SQ-\"000", "1", "SQ-001"),
        ("\"SQ-\"000_)", "1", "SQ-001 "),
        ("[$¥-804]#,##0.00", "1234.5", "¥1,234.50"),
        // Rounded as shown; thousands grouped; decimals, `#` decimals without trailing zeros.
        ("\"SQ-\"000", "1.6", "SQ-002"),
        ("\"SQ-\"#,##0", "1234567", "SQ-1,234,567"),
        ("\"SQ-\"0.00", "1", "SQ-1.00"),
        ("\"SQ-\"000.", "1", "SQ-001."),
        ("0.0#", "2.5", "2.5"),
        ("0.0#", "2.567", "2.57"),
        // A negative number takes its section, or a minus sign.
        ("\"SQ-\"000", "-1", "-SQ-001"),
        ("\"SQ-\"000;\"负\"000", "-1", "负001"),
    ])
    func aWholeNumberReadsAsItsFormatShowsIt(code: String, stored: String, shown: String) throws {
        let format = try #require(NumberFormat(code: code))
        #expect(format.text(of: stored) == shown)
    }

    @Test(arguments: ["General", "0", "#", "0%", "0.00E+00", "@", "\"text only\"", "# ?/?", "[DBNum1]0", "[DBNum1][$-804]General", "0,"])
    func formatsOfOtherNumbersLeaveTheNumberAsStored(code: String) {
        #expect(NumberFormat(code: code) == nil)
    }

    /// A format longer than Excel keeps (255 characters) is not read: one of 500,000 thousands
    /// separators took minutes. One of many placeholders is read at once.
    @Test func aHostileFormatIsNotRead() {
        #expect(NumberFormat(code: "#" + String(repeating: ",#", count: 500_000)) == nil)
        #expect(NumberFormat(code: "\"SQ-\"" + String(repeating: "0", count: 250))?.text(of: "7")?.hasSuffix("007") == true)
    }

    @Test(arguments: ["1e20", "abc", "inf"])
    func numbersAFormatCannotShowAreLeftAsStored(stored: String) throws {
        let format = try #require(NumberFormat(code: "\"SQ-\"000"))
        #expect(format.text(of: stored) == nil)
    }

    @Test(arguments: [([UInt8](arrayLiteral: 0xFF, 0xFE), "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")])
    func utf16WithItsByteOrderMarkIsRead(mark: [UInt8], encoding: String) throws {
        let text = "案件编号\t名称\r\nA-1\t石桥镇\r\n"
        let units = Array(text.utf16)
        let bytes = mark + units.flatMap { encoding == "UTF-16LE" ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let table = try CSVTableReader.read(bytes, maxRows: .max)
        #expect(table.rows.count == 2)
        #expect(table.rows[0].cells[1]?.text == "案件编号")
        #expect(table.rows[1].cells[2]?.text == "石桥镇")
    }

    @Test func utf16WithoutAMarkIsNamedAsSuch() {
        let bytes = Array("案件编号,名称\nA-1,石桥镇\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect {
            _ = try CSVTableReader.read(bytes, maxRows: .max)
        } throws: { error in
            (error as? LedgerError)?.chinese.contains("似为 UTF-16 编码，但缺少开头的编码标记") == true
        }
    }

    @Test(arguments: [
        ("编号;名称;结论\nA-1;\"甲,乙\";通过\n", ";", "甲,乙"),
        ("石桥镇台账\n编号\t名称\t结论\nA-1\t甲,乙\t通过\n", "\t", "甲,乙"),
        ("编号,名称,结论\nA-1,\"甲;乙\",通过\n", ",", "甲;乙"),
        // A cell holding more of another separator than the line has of its own: the separator
        // is the one on the most lines.
        ("编号,名称,结论\nA-1,甲;乙;丙;丁;戊;己,通过\nA-2,庚,通过\n", ",", "庚"),
        ("石桥镇, 2025 年台账\n编号\t名称\t结论\nA-1\t甲\t通过\n", "\t", "甲"),
    ])
    func theSeparatorIsTheOneThatSplitsTheLines(text: String, separator: String, name: String) throws {
        #expect(CSVTableReader.separator(of: Array(text.utf8)) == separator.utf8.first)
        let last = try #require(try CSVTableReader.read(Array(text.utf8), maxRows: .max).rows.last)
        #expect(last.cells[2]?.text == name)
        #expect(last.cells[3]?.text == "通过")
    }

    @Test func aFileOfOneColumnIsSplitAtCommas() {
        #expect(CSVTableReader.separator(of: Array("编号\n甲\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func utf16WithoutAMarkIsNamedEvenWhenItReadsAsAnotherEncoding() {
        // ASCII in UTF-16LE is valid UTF-8 (with zero bytes): it was read as a ledger of nonsense.
        let bytes = Array("id,title\nA-1,x\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect {
            _ = try CSVTableReader.read(bytes, maxRows: .max)
        } throws: { error in
            (error as? LedgerError)?.chinese.contains("似为 UTF-16 编码，但缺少开头的编码标记") == true
        }
    }
}
