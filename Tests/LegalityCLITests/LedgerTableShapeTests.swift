import Foundation
import Testing

/// Tables laid out as offices lay them out, none of whose rows may go unread without a word: a
/// second table stacked below the first with its columns in another order, a header repeated
/// above each page, a header below the first rows beside another sheet that is read, a second
/// sheet of a few of the layout's columns, a fact's column with a hint in brackets.
@Suite struct LedgerTableShapeTests {
    static let header = "文件编号,文件名称,制定机关,起草单位,送审日期,审核完成日期,审核方式,审核结论,审核人员,法律顾问,集体审议日期,会议类型,会议名称,印发日期,文号,公布日期,报送备案日期,备案报告文号"
    static func row(_ id: String, outcome: String) -> String {
        "\(id),某办法,石桥镇人民政府,党政办,2025-02-17,2025-03-07,正式审查,\(outcome),刘芳,孙明,2025-03-13,常务会议,第4次常务会议,2025-03-17,石政规〔2025〕1号,2025-03-20,2025-04-10,石政备〔2025〕1号"
    }

    /// The (record, rule) pairs of a check of `file` in `folder`.
    static func pairs(_ file: String, in folder: URL) throws -> [String] {
        LedgerTests.pairs(try LedgerTests.findings([file], in: folder))
    }

    /// A header repeated within the records (above each printed page) starts the table anew, and
    /// is no record, nor are a part's title (`2025年下半年`, `2024年补录`), a total (`合计`) or a signature; a second table below the first, its columns in another order, is read with
    /// its own header (read with the first's, a failed review's outcome was a date, and the row
    /// left the gate's items as "not on the agenda").
    @Test func aHeaderWithinTheRecordsStartsTheTableAnew() throws {
        let reordered = Self.header.split(separator: ",").reversed().joined(separator: ",")
        let failedReordered = Self.row("GF-3", outcome: "不通过").split(separator: ",", omittingEmptySubsequences: false).reversed().joined(separator: ",")
        let csv = [Self.header, Self.row("GF-1", outcome: "通过"), Self.header, Self.row("GF-2", outcome: "通过"), "", "2025年下半年", reordered, failedReordered, "2024年补录", "合计,3", "填表人：张三"].joined(separator: "\n") + "\n"
        let folder = try CLIRunner.folder(["登记表.csv": csv])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "登记表.csv"], in: folder)
        let report = try CLIRunner.json(result.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        // Three records: no header, part's title, total or signature is one.
        #expect((report["summary"] as? [String: Any])?["records"] as? Int == 3, "\(LedgerTests.pairs(findings))")
        #expect(Set(findings.compactMap { $0["record"] as? String }) == ["GF-3"], "\(LedgerTests.pairs(findings))")
        // The failed review of the second table is read as failed.
        let failed = try #require(findings.first { $0["record"] as? String == "GF-3" && $0["rule"] as? String == "NOR-002" }, "\(LedgerTests.pairs(findings))")
        // (Its outcome's cell is the second table's: the reversed columns put it in I.)
        #expect(failed["cell"] as? String == "I8", "\(failed)")
        #expect(!findings.contains { $0["rule"] as? String == "REC-003" || $0["rule"] as? String == "REC-006" }, "\(LedgerTests.pairs(findings))")
        // `import` reads the tables alike.
        let imported = try CLIRunner.run(["import", "登记表.csv", "--out", "out"], in: folder)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path).sorted()
        #expect(written == ["GF-1.yaml", "GF-2.yaml", "GF-3.yaml"], "\(imported.stderr)")
        let third = try String(contentsOf: folder.appendingPathComponent("out/GF-3.yaml"), encoding: .utf8)
        #expect(third.contains("outcome: 不通过"), "\(third)")
    }

    /// A workbook of sheets with rows of their own (`sheets`: name and rows, each row its cells).
    static func workbook(_ sheets: [(name: String, rows: [[String]])], in folder: URL) throws {
        let list = sheets.indices.map { #"<sheet name="\#(sheets[$0].name)" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
        let relationships = sheets.indices.map { #"<Relationship Id="rId\#($0 + 1)" Target="worksheets/sheet\#($0 + 1).xml"/>"# }.joined()
        func column(_ index: Int) -> String { index < 26 ? String(UnicodeScalar(65 + index).map(Character.init)!) : "A" + column(index - 26) }
        let parts = sheets.map { sheet in
            sheet.rows.enumerated().map { number, cells in
                "<row r=\"\(number + 1)\">" + cells.enumerated().filter { !$0.element.isEmpty }.map { index, text in
                    "<c r=\"\(column(index))\(number + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
                }.joined() + "</row>"
            }.joined()
        }
        let python = """
            import zipfile, json, sys
            parts = json.loads(sys.argv[1])
            with zipfile.ZipFile("台账.xlsx", "w") as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets>\(list)</sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", '<Relationships>\(relationships)</Relationships>')
                for n, part in enumerate(parts): z.writestr("xl/worksheets/sheet%d.xml" % (n + 1), "<worksheet><sheetData>" + part + "</sheetData></worksheet>")
            """
        let json = String(decoding: try JSONSerialization.data(withJSONObject: parts), as: UTF8.self)
        let script = folder.appendingPathComponent("make.py")
        try python.write(to: script, atomically: true, encoding: .utf8)
        let made = try CLIRunner.shell("python3 make.py '\(json.replacingOccurrences(of: "'", with: "'\\''"))'", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// A sheet whose header lies below the first ten rows, or that holds the id's column and a
    /// few more of the layout's, or the title and a review's act among four without the id (序号,
    /// 文件名称, 送审日期, 审核结论, 审核完成日期), beside a sheet that is read: its rows were left out without a word (a
    /// failed review among them), and `import` wrote the first sheet's alone, exit 0.
    @Test(arguments: [(12, false), (1, false), (1, true)])
    func aSheetOfALedgerThatIsNotReadIsSaid(headerRow: Int, withoutID: Bool) throws {
        let header = Self.header.split(separator: ",").map(String.init)
        let first = [header, Self.row("GF-1", outcome: "通过").split(separator: ",").map(String.init)]
        let fewColumns = headerRow == 1
        let secondHeader = withoutID ? ["序号", "文件名称", "送审日期", "审核结论", "审核完成日期"]
            : fewColumns ? ["文件编号", "送审日期", "审核完成日期", "审核结论", "法律顾问"] : header
        let secondRow = withoutID ? ["1", "某办法", "2025-02-17", "不通过", "2025-03-07"]
            : fewColumns ? ["GF-2", "2025-02-17", "2025-03-07", "不通过", "孙明"] : Self.row("GF-2", outcome: "不通过").split(separator: ",").map(String.init)
        let notes = (1..<headerRow).map { ["填表说明第 \($0) 条"] }
        let folder = try CLIRunner.folder([:])
        try Self.workbook([("上半年", first), ("下半年", notes + [secondHeader, secondRow])], in: folder)
        let findings = try LedgerTests.findings(["台账.xlsx"], in: folder)
        let said = try #require(findings.first { $0["rule"] as? String == "REC-000" }, "\(LedgerTests.pairs(findings))")
        #expect(said["cell"] as? String == "下半年!A\(headerRow)")
        let message = try #require(said["message"] as? String)
        #expect(withoutID ? message.contains("缺少必需的列：文件编号")
                : fewColumns ? message.contains("缺少必需的列：文件名称") : message.contains("第 12 行像是规范性文件备案登记表的表头，但表头须在前 10 行内"), "\(message)")
        let imported = try CLIRunner.run(["import", "台账.xlsx", "--out", "out"], in: folder)
        #expect(imported.status == 2, "\(imported.stdout)\(imported.stderr)")
    }

    /// A sheet that shares a few headers with a ledger by chance — a list of meetings (编号,
    /// 会议名称, 会议日期, 会议类型) — is no ledger: it was REC-000, and a compliant workbook failed
    /// the gate. A sheet of the id's column and a review's is one (above).
    @Test func aSheetOfMeetingsBesideALedgerIsPassedOver() throws {
        let header = Self.header.split(separator: ",").map(String.init)
        let meetings = [["编号", "会议名称", "会议日期", "会议类型"], ["1", "第4次常务会议", "2025-03-13", "常务会议"]]
        let folder = try CLIRunner.folder([:])
        try Self.workbook([("台账", [header, Self.row("GF-1", outcome: "通过").split(separator: ",").map(String.init)]), ("会议", meetings)], in: folder)
        let findings = try LedgerTests.findings(["台账.xlsx"], in: folder)
        #expect(!findings.contains { $0["rule"] as? String == "REC-000" }, "\(LedgerTests.pairs(findings))")
    }

    /// A row holding more than a note — a title `注：…待审查` beside a discussion's day, an outcome
    /// beside `合计` — is read as a record (it was dropped without a word); a note alone, or a
    /// total with its count, is none.
    @Test func aRowHoldingDataIsARecordWhateverItsFirstCellSays() throws {
        let cells = Self.header.split(separator: ",").count
        func row(_ values: [Int: String]) -> String { (0..<cells).map { values[$0] ?? "" }.joined(separator: ",") }
        let csv = [Self.header, Self.row("GF-1", outcome: "通过"), row([1: "注：石桥镇某方案待审查", 10: "2025-03-13"]), row([0: "合计", 7: "不通过"]), row([0: "合计", 1: "共2项"])].joined(separator: "\n") + "\n"
        let folder = try CLIRunner.folder(["登记表.csv": csv])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "登记表.csv"], in: folder)
        #expect((try CLIRunner.json(result.stdout)["summary"] as? [String: Any])?["records"] as? Int == 3, "\(result.stdout)")
    }

    /// Of several ledgers named, one that cannot be imported stops neither the others nor the
    /// word of it: the ledgers after it went unimported, unsaid. The run exits 2.
    @Test func aLedgerThatCannotBeImportedStopsNotTheOthers() throws {
        let late = (1...11).map { "说明第 \($0) 条" } + [Self.header, Self.row("GF-1", outcome: "通过")]
        let folder = try CLIRunner.folder(["a.csv": late.joined(separator: "\n") + "\n", "b.csv": [Self.header, Self.row("GF-2", outcome: "通过")].joined(separator: "\n") + "\n"])
        let result = try CLIRunner.run(["import", "a.csv", "b.csv", "--out", "out", "--lang", "en"], in: folder)
        #expect(result.status == 2)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/GF-2.yaml").path), "\(result.stderr)")
        #expect(result.stderr.contains("(this ledger was not imported)") && result.stderr.contains("1 ledger was not imported: a.csv"), "\(result.stderr)")
    }
}
