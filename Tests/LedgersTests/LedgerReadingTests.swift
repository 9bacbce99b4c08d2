import DecisionRecords
@testable import Ledgers
@testable import OfficePackage
import Testing
import YAMLTree

/// The pieces ledgers are read with: cell references, spreadsheet dates, CSV fields, XML text, ZIP entries.
@Suite struct LedgerReadingTests {
    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA"), (16_384, "XFD")])
    func columnLetters(_ number: Int, _ letters: String) {
        #expect(CellReference.column(number) == letters)
        #expect(CellReference.parse("\(letters)14")?.column == number)
    }

    @Test func referencesThatAreNotCellsAreRefused() {
        #expect(CellReference.parse("14F") == nil)
        #expect(CellReference.parse("F") == nil)
        #expect(CellReference.parse("$F$14")?.row == 14)
    }

    /// A workbook holds at most `maxSharedStrings` shared texts (13 million short ones took 600 MB).
    @Test func sharedStringsAreLimited() throws {
        let xml = Array("<sst><si><t>a</t></si><si/><si><t>b</t></si></sst>".utf8)
        #expect(try WorkbookReader.sharedStrings(xml, limit: 3) == ["a", "", "b"])
        #expect(throws: LedgerError.self) { try WorkbookReader.sharedStrings(xml, limit: 2) }
        #expect(WorkbookReader.maxSharedStrings == 2_000_000)
    }

    @Test func spreadsheetSerialsAreDaysOfThe1900And1904Systems() {
        #expect(WorkbookReader.day(serial: 1, date1904: false)?.description == "1900-01-01")
        #expect(WorkbookReader.day(serial: 59, date1904: false)?.description == "1900-02-28")
        #expect(WorkbookReader.day(serial: 61, date1904: false)?.description == "1900-03-01")
        #expect(WorkbookReader.day(serial: 45_658, date1904: false)?.description == "2025-01-01")
        #expect(WorkbookReader.day(serial: 45_658.75, date1904: false)?.description == "2025-01-01")
        #expect(WorkbookReader.day(serial: 44_196, date1904: true)?.description == "2025-01-01")
        #expect(WorkbookReader.day(serial: -3, date1904: false) == nil)
        // Rounded to the nearest second first, as spreadsheets show a date.
        #expect(WorkbookReader.day(serial: 45_733.9999999999, date1904: false)?.description == "2025-03-18")
        #expect(WorkbookReader.day(serial: 45_733.99999, date1904: false)?.description == "2025-03-17")
    }

    /// A date cell before 1950 holds a number typed as it is (4 for "4.16", 2025 for a year): it is
    /// read as typed, which no date reads (REC-003), not as 1900-01-04, a day before every law,
    /// on which every rule about the step fell silent. Later days are read as days.
    @Test func aDateCellBefore1950IsReadAsTyped() throws {
        let sheet = WorkbookWriter.Sheet(name: "台账", header: ["案件编号", "调查取证日期"], rows: [
            [.text("A-1"), .date(serial: 4)], [.text("A-2"), .date(serial: 2025)], [.text("A-3"), .date(serial: 45_658)],
        ])
        let bytes = try WorkbookWriter(sheets: [sheet], application: "Microsoft Excel").bytes()
        var read: [String] = []
        try WorkbookReader.open(bytes).rows(ofSheet: 0, maxRows: 10) { row in
            if let cell = row.cells[2] { read.append(cell.text) }
            return true
        }
        #expect(read == ["调查取证日期", "4", "2025", "2025-01-01"])
    }

    @Test(arguments: [("yyyy\"年\"m\"月\"d\"日\"", true), ("yyyy-mm-dd", true), ("0.00", false), ("\"m\"0", false), ("[Red]0.0", false), ("[$-804]aaaa", false)])
    func dateFormatsAreToldFromNumberFormats(_ code: String, _ isDate: Bool) {
        #expect(WorkbookReader.isDateFormat(code) == isDate)
    }

    @Test func csvFieldsFollowRFC4180() throws {
        let text = "编号,名称,人员\r\nA-1,\"对某店\"\"占道\"\"经营\",\"张伟\n李娜\"\r\n\r\nA-2, 对某厂 ,\n"
        let rows = try CSVTableReader.read(Array(text.utf8), maxRows: .max).rows
        // Numbered as a spreadsheet shows them: the line break inside quotes is part of a cell,
        // the empty line an empty row.
        #expect(rows.map(\.number) == [1, 2, 4])
        #expect(rows[1].cells[2]?.text == "对某店\"占道\"经营")
        #expect(rows[1].cells[3]?.text == "张伟\n李娜")
        #expect(rows[2].cells[2]?.text == "对某厂")
    }

    /// A quote that opens a cell and is never closed made the rest of the file that one cell:
    /// every row after it vanished, and the check passed. Now the file is refused, naming the cell,
    /// once the rows before it are handed over.
    @Test func aQuoteNeverClosedIsRefusedAtItsCell() throws {
        let text = "编号,名称,文号\nA-1,甲,\"石政备\nA-2,乙,石政备2\nA-3,丙,石政备3\n"
        var handed: [Int] = []
        let error = #expect(throws: LedgerError.self) {
            try CSVTableReader.rows(Array(text.utf8), maxRows: .max) { row in
                handed.append(row.number)
                return true
            }
        }
        #expect(handed == [1], "the header, not the row whose cell swallowed the rest")
        #expect(error?.chinese == "单元格 C2 的引号没有闭合，其后的全部内容都会被读成这一格（此前的行已检查）；请检查该单元格的引号")
        #expect(error?.english.hasPrefix("the quote that opens the cell C2 is never closed") == true)
        // Two stray quotes made the rows between them one cell: text after a closing quote is refused
        // at the cell whose quote opened it.
        let stray = "编号,名称\nA-1,\"甲\nA-2,乙\nA-3,\"丙\nA-4,丁\n"
        var seen: [Int] = []
        let strayError = #expect(throws: LedgerError.self) {
            try CSVTableReader.rows(Array(stray.utf8), maxRows: .max) { row in
                seen.append(row.number)
                return true
            }
        }
        #expect(seen == [1])
        #expect(strayError?.chinese.hasPrefix("单元格 B2 的引号在单元格结束之前就闭合了，其后还有内容") == true)
        // Spaces after a closing quote are nothing.
        #expect(try CSVTableReader.read(Array("编号,名称\nA-1,\"甲\"  ,x\n".utf8), maxRows: .max).rows[1].cells[2]?.text == "甲")
        // A quote closed at the very end is a cell like any other.
        let closed = try CSVTableReader.read(Array("编号,名称\nA-1,\"甲\"".utf8), maxRows: .max).rows
        #expect(closed.map(\.number) == [1, 2])
    }

    @Test func gb18030IsReadAsWPSSavesIt() throws {
        // "案件编号,名称\r\nA-1,石桥镇" in GB18030.
        let bytes: [UInt8] = [0xB0, 0xB8, 0xBC, 0xFE, 0xB1, 0xE0, 0xBA, 0xC5, 0x2C, 0xC3, 0xFB, 0xB3, 0xC6, 0x0D, 0x0A, 0x41, 0x2D, 0x31, 0x2C, 0xCA, 0xAF, 0xC7, 0xC5, 0xD5, 0xF2]
        let table = try CSVTableReader.read(bytes, maxRows: .max)
        #expect(table.rows[0].cells[1]?.text == "案件编号")
        #expect(table.rows[1].cells[2]?.text == "石桥镇")
    }

    @Test func xmlTextAndAttributesResolveReferences() throws {
        var reader = XMLReader(Array(#"<?xml version="1.0"?><x:si a="&quot;1&quot;"><t>A &amp; B &#x4E2D;&#25991;</t><t/></x:si>"#.utf8))
        var events: [XMLReader.Event] = []
        while let event = try reader.next() { events.append(event) }
        #expect(events.first == .start(name: "si", attributes: ["a": "\"1\""], closed: false))
        #expect(events.contains(.text("A & B 中文")))
        #expect(events.contains(.start(name: "t", attributes: [:], closed: true)))
    }

    @Test func aDocumentTypeDeclarationIsRefused() {
        var reader = XMLReader(Array(#"<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>"#.utf8))
        #expect(throws: XMLReader.ReadError.self) { _ = try reader.next() }
    }

    @Test func aPackageWrittenIsReadBack() throws {
        let text = String(repeating: "台账 ledger ", count: 500)
        let bytes = try OfficePackage(parts: [.init("a/b.xml", text: text), .init("c.xml", text: "")]).zipped()
        let archive = try ZIPReader(bytes)
        #expect(archive.names == ["a/b.xml", "c.xml"])
        #expect(try archive.read("a/b.xml") == Array(text.utf8))
        #expect(try archive.read("c.xml") == [])
        #expect(try archive.read("missing.xml") == nil)
    }

    @Test func passwordProtectedAndDamagedWorkbooksAreNamedAsSuch() {
        #expect {
            _ = try ZIPReader([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512))
        } throws: { error in
            (error as? ZIPReader.ReadError)?.chinese.contains("密码") == true
        }
        #expect(throws: ZIPReader.ReadError.self) { _ = try ZIPReader(Array("PK not really a zip".utf8)) }
    }

    /// A cell names a shared string by its number: one long string named by many cells would
    /// make records far larger than the workbook, so a sheet may take 64 MiB of shared text.
    @Test func cellsReferringToTooMuchSharedTextAreRefused() throws {
        // 400,000 characters (1.2 MB of UTF-8) that deflate does not squeeze past the bomb ratio.
        let long = String(String.UnicodeScalarView((0..<400_000).compactMap { Unicode.Scalar(0x4E00 + ($0 * 7_919) % 20_000) }))
        func workbook(cells: Int) throws -> [UInt8] {
            let rows = (1...cells).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"s\"><v>0</v></c></row>" }.joined()
            return try OfficePackage(parts: [
                .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
                .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
                .init("xl/sharedStrings.xml", text: "<sst><si><t>\(long)</t></si></sst>"),
                .init("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData>\(rows)</sheetData></worksheet>"),
            ]).zipped()
        }
        let read = try WorkbookReader.read(try workbook(cells: 50), maxRows: 1_000)
        #expect(read.first?.rows.count == 50)
        #expect {
            _ = try WorkbookReader.read(try workbook(cells: 60), maxRows: 1_000)
        } throws: { error in
            (error as? LedgerError)?.english.contains("more than 64 MiB of shared text") == true
        }
    }

    /// Two sheets naming one part are a workbook no office program writes: 400 sheets of one part
    /// of 3,000 rows made a file of 31 KB 1.2 million records.
    @Test func twoSheetsOfOnePartAreRefused() throws {
        func workbook(sharing: Bool) throws -> [UInt8] {
            try OfficePackage(parts: [
                .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>"#),
                .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet\#(sharing ? 1 : 2).xml"/></Relationships>"#),
                .init("xl/worksheets/sheet1.xml", text: #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>文件编号</t></is></c></row></sheetData></worksheet>"#),
                .init("xl/worksheets/sheet2.xml", text: #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>文件编号</t></is></c></row></sheetData></worksheet>"#),
            ]).zipped()
        }
        #expect(try WorkbookReader.read(try workbook(sharing: false), maxRows: 1_000).count == 2)
        #expect {
            _ = try WorkbookReader.read(try workbook(sharing: true), maxRows: 1_000)
        } throws: { error in
            (error as? LedgerError)?.english.contains("the sheets '甲' and '乙' are the same part of the workbook (xl/worksheets/sheet1.xml)") == true
        }
    }

    /// Two entries of an archive pointing at one entry's data are refused: forty sheet entries
    /// aimed at one part of 50 rows made a workbook of 4.5 KB 2,000 records.
    @Test func archiveEntriesSharingDataAreRefused() throws {
        var bytes = try OfficePackage(parts: [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>"#),
            .init("xl/worksheets/sheet1.xml", text: #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>文件编号</t></is></c></row></sheetData></worksheet>"#),
            .init("xl/worksheets/sheet2.xml", text: #"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>文件编号</t></is></c></row></sheetData></worksheet>"#),
        ]).zipped()
        #expect(try WorkbookReader.read(bytes, maxRows: 1_000).count == 2)
        // The central directory's entries, by their signature: the last takes the first's data.
        let entries = bytes.indices.dropLast(4).filter { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 0x01 && bytes[$0 + 3] == 0x02 }
        let (first, last) = try (#require(entries.first), #require(entries.last))
        for offset in 42..<46 { bytes[last + offset] = bytes[first + offset] }
        #expect {
            _ = try WorkbookReader.read(bytes, maxRows: 1_000)
        } throws: { error in
            (error as? LedgerError)?.english.contains("two of its entries share one entry's data") == true
        }
    }

    /// Local headers nested in each other's extra fields, each starting its entry's data at the
    /// same bytes, are entries sharing data too (a workbook of 12 KB made 480 records of 12).
    @Test func archiveEntriesWhoseDataOverlapAreRefused() throws {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16) }
        let data = Array("hello".utf8)
        func local(_ name: String, extra: Int) -> [UInt8] {
            le32(0x0403_4b50) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(data.count) + le32(data.count)
                + le16(name.utf8.count) + le16(extra) + Array(name.utf8)
        }
        // a's extra field holds b's header: both entries' data start right after b's name.
        let inner = local("b", extra: 0)
        let archive = local("a", extra: inner.count) + inner + data
        func central(_ name: String, header: Int) -> [UInt8] {
            le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(data.count) + le32(data.count)
                + le16(name.utf8.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(header) + Array(name.utf8)
        }
        let directory = central("a", header: 0) + central("b", header: 31)
        let end = le32(0x0605_4b50) + le16(0) + le16(0) + le16(2) + le16(2) + le32(directory.count) + le32(archive.count) + le16(0)
        #expect {
            _ = try ZIPReader(archive + directory + end)
        } throws: { error in
            (error as? ZIPReader.ReadError)?.english.contains("two of its entries share one entry's data") == true
        }
        // Each at data of its own, the same entries are read.
        let apart = local("a", extra: 0) + data + local("b", extra: 0) + data
        let separate = central("a", header: 0) + central("b", header: 36)
        let reader = try ZIPReader(apart + separate + le32(0x0605_4b50) + le16(0) + le16(0) + le16(2) + le16(2) + le32(separate.count) + le32(apart.count) + le16(0))
        #expect(try reader.read("b") == data)
    }

    /// A cell naming a shared string the workbook does not hold is a damaged workbook, not an
    /// empty cell (which read as a record without a title).
    @Test(arguments: ["-1", "1", "99999999999999999999", "abc"])
    func aCellNamingAMissingSharedStringIsADamagedWorkbook(index: String) throws {
        let bytes = try OfficePackage(parts: [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            .init("xl/sharedStrings.xml", text: "<sst><si><t>文件编号</t></si></sst>"),
            .init("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>\(index)</v></c></row></sheetData></worksheet>"),
        ]).zipped()
        #expect {
            _ = try WorkbookReader.read(bytes, maxRows: 1_000)
        } throws: { error in
            (error as? LedgerError)?.english.contains("the cell B1 refers to shared text") == true
        }
    }

    /// Rows and cells come in order, as every spreadsheet program writes them: a row numbered 0,
    /// below zero, or not after the row before was read as a row above the header and dropped
    /// unsaid (a failing case vanished from the check), and a second cell of one column replaced
    /// the first. Such a sheet is damaged.
    @Test(arguments: [
        (#"<row r="2"><c r="A2"><v>1</v></c></row><row r="0"><c r="A0"><v>2</v></c></row>"#, "the row number 0 (after row 2)"),
        (#"<row r="2"><c r="A2"><v>1</v></c></row><row r="-4"><c><v>2</v></c></row>"#, "the row number -4 (after row 2)"),
        (#"<row r="3"><c r="A3"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>"#, "the row number 2 (after row 3)"),
        (#"<row r="2"><c r="A2"><v>1</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>"#, "the row number 2 (after row 2)"),
        (#"<row r="2"><c r="B2"><v>1</v></c><c r="B2"><v>2</v></c></row>"#, "the cell B2 of row 2 is not in that row or not in order"),
        (#"<row r="2"><c r="A3"><v>1</v></c></row>"#, "the cell A3 of row 2 is not in that row or not in order"),
    ])
    func rowsAndCellsOutOfOrderAreADamagedSheet(rows: String, problem: String) throws {
        let bytes = try OfficePackage(parts: [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            .init("xl/worksheets/sheet1.xml", text: "<worksheet><sheetData>\(rows)</sheetData></worksheet>"),
        ]).zipped()
        #expect {
            _ = try WorkbookReader.read(bytes, maxRows: 1_000)
        } throws: { error in
            (error as? LedgerError)?.english.contains("the sheet is damaged: \(problem)") == true
        }
    }

    /// Rows and cells without numbers follow the one before.
    @Test func rowsAndCellsWithoutNumbersFollowTheOneBefore() throws {
        let bytes = try OfficePackage(parts: [
            .init("xl/workbook.xml", text: #"<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            .init("xl/_rels/workbook.xml.rels", text: #"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#),
            .init("xl/worksheets/sheet1.xml", text: #"<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row r="3"><c r="B3"><v>3</v></c><c><v>4</v></c></row></sheetData></worksheet>"#),
        ]).zipped()
        let rows = try #require(try WorkbookReader.read(bytes, maxRows: 1_000).first).rows
        #expect(rows.map(\.number) == [1, 3])
        #expect(rows[0].cells.keys.sorted() == [1, 2])
        #expect(rows[1].cells.keys.sorted() == [2, 3])
    }

    /// Excel writes a carriage return in a cell as `_x000D_`: read as written, "张伟_x000D_" was
    /// no one the registry knew. A `_x` of a text's own is written `_x005F_x` and reads back.
    @Test(arguments: [("张伟_x000D_", "张伟\r"), ("不通过_x000d_", "不通过\r"), ("a_x005F_x000D_b", "a_x000D_b"), ("_x12_", "_x12_"), ("x_1", "x_1")])
    func workbookEscapesAreDecoded(written: String, read: String) {
        #expect(WorkbookReader.unescaped(written) == read)
    }

    @Test(arguments: ["a_x000D_b", "_x0041_", "plain", "x_y"])
    func aTextWrittenToAWorkbookReadsBackAsItWas(text: String) {
        #expect(WorkbookReader.unescaped(WorkbookWriter.cellText(text)) == text)
    }

    /// What import writes reads back as the cell was: a `#` or `:` joined to a combining mark or a
    /// variation selector is still one to YAML (the keycap `#️⃣` after a space began a comment, and
    /// `不通过 #️⃣备注` was read as 不通过), and noncharacters are escaped (a file did not parse).
    @Test(arguments: ["不通过 #\u{FE0F}\u{20E3}备注", "通过 #\u{0301}x", "通过: \u{200D}x", "标题\u{FFFF}", "标题\u{FFFE}", "a:b", "#1"])
    func importedTextsReadBackAsWritten(text: String) throws {
        let written = RecordWriter.text(YAMLScalar(text: text))
        #expect(written.hasPrefix("\""), "\(written)")
        var read: String?
        try YAMLParser.parse(Array("v: \(written)\n".utf8), file: "t.yaml") { read = $0["v"]?.scalar?.text }
        #expect(read == text)
    }

    /// A hint in brackets at a header's end telling how to fill the column in (`（是/否）`, the form
    /// Chinese templates use, `(年月日)`, `（填是或否）`) is no part of its name: with it, a fact's
    /// column (`可能影响社会稳定（是/否）`) was an unknown one, and the decision went READY without
    /// its risk assessment. Brackets naming something are kept.
    @Test func aFillingHintIsNoPartOfAHeader() {
        #expect(LedgerConverter.normalized("可能影响社会稳定（是/否）") == "可能影响社会稳定")
        #expect(LedgerConverter.normalized("送审日期(年月日)") == "送审日期")
        #expect(LedgerConverter.normalized("是否重大案件（填是或否）") == "是否重大案件")
        #expect(LedgerConverter.normalized("审核完成日期（格式：2025-01-01）（必填）") == "审核完成日期")
        #expect(LedgerConverter.normalized("审查日期（合法性审查）") == "审查日期(合法性审查)")
    }

    /// A date cell's text with its year first, in full, is the day (Chinese Excel and WPS save a
    /// date to CSV as `2025/6/5`: every date of such a ledger was refused); a year of two digits,
    /// none, another order or a day that does not exist is none.
    @Test(arguments: [
        ("2025/6/5", "2025-06-05"), ("2025.6.5", "2025-06-05"), ("2025-6-5", "2025-06-05"), ("2025/06/05", "2025-06-05"),
        ("2025年6月5日", "2025-06-05"), ("2025年12月31日", "2025-12-31"),
        ("25/6/5", nil), ("6月5日", nil), ("6/5/2025", nil), ("2025/6-5", nil), ("2025/2/30", nil), ("2025/006/05", nil), ("20250605", nil),
    ] as [(String, String?)])
    func aDateWrittenYearFirstIsItsDay(written: String, day: String?) {
        #expect(LedgerConverter.writtenDay(written) == day)
    }
}
