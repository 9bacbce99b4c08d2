import Foundation
@testable import LegalityCLI
import Testing

/// Ledgers (台账) checked as they are: findings at sheet and cell, import to YAML, workbooks out.
@Suite struct LedgerTests {
    static let ledgers = CLIRunner.root.appendingPathComponent("cases/ledgers")
    static let penalty = "cases/ledgers/石桥镇行政处罚案件台账.xlsx"

    static func findings(_ arguments: [String], in folder: URL = CLIRunner.root) throws -> [[String: Any]] {
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json"] + arguments, in: folder)
        return try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
    }

    /// (record, rule) of each finding, sorted.
    static func pairs(_ findings: [[String: Any]]) -> [String] {
        findings.map { "\($0["record"] as? String ?? "-") \($0["rule"] as? String ?? "")" }.sorted()
    }

    /// Imports a ledger of `folder` into `folder/out` (the run must succeed) and returns the text
    /// of the record file written for `id`.
    static func imported(_ ledger: String, record id: String, in folder: URL) throws -> String {
        let result = try CLIRunner.run(["import", ledger, "--out", "out"], in: folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return try String(contentsOf: folder.appendingPathComponent("out/\(id).yaml"), encoding: .utf8)
    }

    /// Writes `台账.xlsx` in `folder`: one sheet of the rows a Python script builds into `rows`
    /// (with `c(ref, text)`, an inline-string cell), a `workbookPr` element when given, a date
    /// style (`s="1"`, number format 14) and a style of number format 164 (`s="2"`), given in
    /// `numberFormats`; with `sheets`, more sheets of the same rows (`S2`, `S3`, …).
    static func workbook(rows script: String, workbookPr: String = "", numberFormats: String = "", sheets: Int = 1, in folder: URL) throws {
        let sheetList = (1...sheets).map { #"<sheet name="S\#($0 == 1 ? "" : String($0))" sheetId="\#($0)" r:id="rId\#($0)"/>"# }.joined()
        // Each sheet a part of its own, holding the same rows (two sheets of one part are refused).
        let relationships = (1...sheets).map { #"<Relationship Id="rId\#($0)" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
        let python = """
            import zipfile
            def c(ref, text): return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)
            \(script)
            with zipfile.ZipFile("台账.xlsx", "w") as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("xl/workbook.xml", '<workbook xmlns:r="r">\(workbookPr)<sheets>\(sheetList)</sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", '<Relationships>\(relationships)</Relationships>')
                z.writestr("xl/styles.xml", '<styleSheet>\(numberFormats)<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>')
                for n in range(1, \(sheets) + 1): z.writestr("xl/worksheets/sheet%d.xml" % n, "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
            """
        let made = try CLIRunner.shell("python3 -c '\(python.replacingOccurrences(of: "'", with: "'\\''"))'", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test func findingsPointAtTheSheetAndCell() throws {
        let findings = try Self.findings([Self.penalty])
        let single = try #require(findings.first { $0["record"] as? String == "SQ-ZF-2025-003" })
        #expect(single["rule"] as? String == "PEN-001")
        #expect(single["cell"] as? String == "石桥镇行政处罚案件台账!H4")
        #expect(single["line"] as? Int == 4)
        let text = try CLIRunner.run(["check", "--as-of", "2026-06-30", Self.penalty])
        #expect(text.stdout.contains("--> cases/ledgers/石桥镇行政处罚案件台账.xlsx:石桥镇行政处罚案件台账!H4"))
        #expect(text.stdout.contains("| 调查取证日期：2025-04-16  ← 此单元格"))
        // Names in the ledger became registry ids: 李娜 is SQ-042.
        #expect(text.stdout.contains("执法人员 SQ-042"))
        // A name one character off (孙敏 for the adviser 孙明) is not in the registry, and says whom it resembles.
        let decisions = try Self.findings(["cases/ledgers/石桥镇重大行政决策事项台账.xlsx"])
        let typo = try #require(decisions.first { $0["rule"] as? String == "REC-004" })
        #expect((typo["message"] as? String)?.hasSuffix("人员 孙敏 未在人员名册中登记；是否应为 SQ-021（孙明）？") == true)
        // The gate's checklist names the row.
        let gate = try CLIRunner.run(["gate", "--meeting", "2025-06-13", Self.penalty])
        #expect(gate.stdout.contains("石桥镇行政处罚案件台账.xlsx:石桥镇行政处罚案件台账!A3"))
    }

    @Test func aRowRepeatingAnEarlierRowsIdPointsAtItsIdCell() throws {
        // The duplicate-id finding is settled only after the rows before it: it still names its cell.
        let header = "文件编号,文件名称,制定机关,起草单位,送审日期,审核完成日期,审核方式,审核结论,审核人员,法律顾问,集体审议日期,会议类型,会议名称,印发日期,文号,公布日期,报送备案日期,备案报告文号"
        let row = "SQ-GF-2025-001,石桥镇村规民约备案审查办法,石桥镇人民政府,党政办,2025-02-17,2025-03-07,正式审查,通过,刘芳,孙明,2025-03-13,常务会议,镇政府第4次常务会议,2025-03-17,石政规〔2025〕1号,2025-03-20,2025-04-10,石政备〔2025〕1号"
        let folder = try CLIRunner.folder(["备案登记表.csv": [header, row, row.replacingOccurrences(of: "-001,", with: "-002,"), row].joined(separator: "\n") + "\n"])
        let findings = try Self.findings([folder.appendingPathComponent("备案登记表.csv").path], in: folder)
        let duplicates = findings.filter { $0["rule"] as? String == "REC-002" }
        #expect(duplicates.count == 1)
        let duplicate = try #require(duplicates.first)
        #expect(duplicate["cell"] as? String == "A4")
        #expect(duplicate["line"] as? Int == 4)
        // The earlier row is named by its cell, as the finding is.
        #expect((duplicate["message"] as? String)?.hasSuffix("（最早见于记录 SQ-GF-2025-001，\(folder.appendingPathComponent("备案登记表.csv").path):A2）") == true)
    }

    /// Two case numbers in one id cell: check says so at the cell, and import writes no record
    /// of the joined id (a file `A-B.yaml` of one case, the second case none).
    @Test func twoIDsInOneCellAreSaidAndNotImported() throws {
        let header = "文件编号,文件名称,制定机关"
        let folder = try CLIRunner.folder(["登记表.csv": [header, "SQ-GF-1、SQ-GF-2,甲办法,石桥镇人民政府", "SQ-GF-3,乙办法,石桥镇人民政府"].joined(separator: "\n") + "\n"])
        let findings = try Self.findings(["登记表.csv"], in: folder)
        let joined = try #require(findings.first { $0["rule"] as? String == "REC-001" })
        #expect((joined["message"] as? String)?.contains("单元格 A2（文件编号）写了不止一个编号") == true, "\(joined)")
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "out"], in: folder)
        #expect(result.stderr.contains("写了不止一个编号"), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(written == ["SQ-GF-3.yaml"], "\(written)")
    }

    /// A cell struck through (a meeting called off): check says so at the cell instead of reading
    /// a discussion held, and import writes no record of the row.
    /// A row repeating the id of a row import refused is that row's duplicate, as check says
    /// (REC-002): written, it was the id's only record, and passed once imported.
    @Test func aRowRepeatingARefusedRowsIDIsNotImported() throws {
        let header = "文件编号,文件名称,制定机关,制定机关"
        // Row 2's two columns of one field disagree: refused.
        let rows = [header, "SQ-GF-1,甲办法,甲镇,乙镇", "SQ-GF-1,乙办法,石桥镇,石桥镇", "SQ-GF-2,丙办法,石桥镇,石桥镇"]
        let folder = try CLIRunner.folder(["登记表.csv": rows.joined(separator: "\n") + "\n"])
        let findings = try Self.findings(["登记表.csv"], in: folder)
        #expect(findings.contains { $0["rule"] as? String == "REC-002" && $0["line"] as? Int == 3 }, "\(findings)")
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "out", "--lang", "en"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("the id 'SQ-GF-1' is that of 登记表.csv, row 2, which was not written (a duplicate id)"), "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(written == ["SQ-GF-2.yaml"], "\(written)")
        #expect(result.stdout.contains("2 rows not written (the reasons are above)"), "\(result.stdout)")
    }

    @Test func aStruckThroughCellIsSaidAndNotImported() throws {
        let folder = try CLIRunner.folder([:])
        let python = """
            import zipfile
            def c(ref, text, s=0): return '<c r="%s" t="inlineStr" s="%d"><is><t>%s</t></is></c>' % (ref, s, text)
            rows = '<row r="1">' + c("A1", "决策编号") + c("B1", "决策事项名称") + c("C1", "集体讨论日期") + c("D1", "决定日期") + '</row>'
            rows += '<row r="2">' + c("A2", "JC-1") + c("B2", "方案") + c("C2", "2025-09-18", 1) + c("D2", "2025-09-20") + '</row>'
            styles = '<styleSheet><fonts count="2"><font/><font><strike/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/></cellXfs></styleSheet>'
            with zipfile.ZipFile("台账.xlsx", "w") as z:
                z.writestr("[Content_Types].xml", "<Types/>")
                z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
                z.writestr("xl/styles.xml", styles)
                z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + rows + "</sheetData></worksheet>")
            """
        let made = try CLIRunner.shell("python3 -c '\(python.replacingOccurrences(of: "'", with: "'\\''"))'", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let findings = try Self.findings(["台账.xlsx"], in: folder)
        let struck = try #require(findings.first { ($0["message"] as? String)?.contains("带删除线") == true })
        #expect(struck["rule"] as? String == "REC-000")
        #expect(struck["cell"] as? String == "S!C2")
        let result = try CLIRunner.run(["import", "台账.xlsx", "--out", "out"], in: folder)
        #expect(result.stderr.contains("带删除线") && result.stderr.contains("此行未写入记录"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/JC-1.yaml").path))
    }

    @Test func aRowRepeatingARowOfAnotherSheetNamesThatSheet() throws {
        let folder = try CLIRunner.folder([:])
        try Self.workbook(rows: """
            rows = '<row r="1">' + c("A1", "文件编号") + c("B1", "文件名称") + c("C1", "制定机关") + '</row>'
            rows += '<row r="2">' + c("A2", "SQ-GF-2025-001") + c("B2", "办法") + c("C2", "石桥镇人民政府") + '</row>'
            """, sheets: 2, in: folder)
        let findings = try Self.findings(["台账.xlsx"], in: folder)
        let duplicate = try #require(findings.first { $0["rule"] as? String == "REC-002" })
        #expect(duplicate["cell"] as? String == "S2!A2")
        #expect((duplicate["message"] as? String)?.hasSuffix("（最早见于记录 SQ-GF-2025-001，台账.xlsx:S!A2）") == true)
    }

    @Test func spreadsheetsOfFormatsNotReadAreSaidNeverPassedOver() throws {
        let folder = try CLIRunner.folder(["台账.xls": "\u{D0}\u{CF}", "审查.ods": "PK", "备案.ET": "x", "ok.yaml": "id: A\nkind: other\ntitle: 合同\nsteps: []\n"])
        let findings = try Self.findings(["."], in: folder)
        let unread = findings.filter { $0["rule"] as? String == "REC-000" }.compactMap { $0["file"] as? String }.sorted()
        #expect(unread == ["台账.xls", "备案.ET", "审查.ods"].sorted())
        let message = try #require(findings.first { ($0["file"] as? String)?.hasSuffix(".xls") == true }?["message"] as? String)
        #expect(message.contains("旧的 Excel 97-2003 工作簿（.xls）") && message.contains("另存为 .xlsx"))
        let imported = try CLIRunner.run(["import", "台账.xls", "--out", "out"], in: folder)
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("save it as .xlsx"))
    }

    @Test func aMacroEnabledWorkbookIsReadAsAWorkbook() throws {
        let folder = try CLIRunner.folder([:])
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent(Self.penalty), to: folder.appendingPathComponent("台账.XLSM"))
        let findings = try Self.findings(["."], in: folder)
        #expect(findings.contains { $0["rule"] as? String == "PEN-001" && $0["cell"] as? String == "石桥镇行政处罚案件台账!H4" })
    }

    @Test func anIdTypedAsANumberReadsAsItsFormatShowsIt() throws {
        let folder = try CLIRunner.folder([:])
        try Self.workbook(rows: """
            def n(ref, value): return '<c r="%s" s="2"><v>%s</v></c>' % (ref, value)
            rows = '<row r="1">' + c("A1", "文件编号") + c("B1", "文件名称") + c("C1", "制定机关") + '</row>'
            rows += '<row r="2">' + n("A2", "1") + c("B2", "办法") + c("C2", "石桥镇人民政府") + '</row>'
            rows += '<row r="3">' + n("A3", "1") + c("B3", "细则") + c("C3", "石桥镇人民政府") + '</row>'
            """, numberFormats: #"<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;SQ-GF-2025-&quot;000"/></numFmts>"#, in: folder)
        let findings = try Self.findings(["台账.xlsx"], in: folder)
        #expect(Set(findings.compactMap { $0["record"] as? String }).contains("SQ-GF-2025-001"))
        #expect(findings.contains { $0["rule"] as? String == "REC-002" && $0["cell"] as? String == "S!A3" })
    }

    /// A format of text around a number (`0"元"`) shows an amount, which stays a number: read as
    /// the text `50000元`, a rule comparing the fine met a rule-error.
    @Test func anAmountUnderAFormatOfTextIsStillANumber() throws {
        let folder = try CLIRunner.folder([:])
        try Self.workbook(rows: """
            def n(ref, value): return '<c r="%s" s="2"><v>%s</v></c>' % (ref, value)
            rows = '<row r="1">' + c("A1", "案件编号") + c("B1", "案件名称") + c("C1", "罚款金额") + c("D1", "立案日期") + '</row>'
            rows += '<row r="2">' + n("A2", "7") + c("B2", "测试案件") + n("C2", "50000") + c("D2", "2025-03-03") + '</row>'
            """, numberFormats: #"<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;ZF-&quot;000"/></numFmts>"#, in: folder)
        let imported = try Self.imported("台账.xlsx", record: "ZF-007", in: folder)
        #expect(imported.contains("fine_amount: 50000"), "\(imported)")
        #expect(imported.contains("id: \"ZF-007\""), "\(imported)")
    }

    @Test func aLedgerThatCannotBeReadIsNotAlsoSaidToBeEmpty() throws {
        let bytes = Data([0xFF, 0xFE]) + Data("编号,名称\n".utf8) + Data([0x00, 0xD8])
        let folder = try CLIRunner.folder([:])
        try bytes.write(to: folder.appendingPathComponent("台账.csv"))
        let result = try CLIRunner.run(["check", "台账.csv"], in: folder)
        #expect(result.stdout.contains("UTF-16LE"))
        #expect(!result.stderr.contains("台账中没有记录"))
    }

    @Test func sarifNamesTheCellAsALogicalLocation() throws {
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "sarif", Self.penalty])
        let log = try CLIRunner.json(result.stdout)
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let first = try #require(results.first { ($0["ruleId"] as? String) == "PEN-001" })
        let location = try #require((first["locations"] as? [[String: Any]])?.first)
        let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
        #expect(logical["fullyQualifiedName"] as? String == "石桥镇行政处罚案件台账!H4")
        #expect(((first["message"] as? [String: Any])?["text"] as? String)?.hasSuffix("（单元格 石桥镇行政处罚案件台账!H4）") == true)
        #expect((location["physicalLocation"] as? [String: Any])?["region"] == nil)
    }

    @Test func aWorkbookFromAnotherLibraryReadsDatesMergedCellsAndFormulas() throws {
        let folder = try CLIRunner.folder(["registry.yaml": String(decoding: try Data(contentsOf: Self.ledgers.appendingPathComponent("registry.yaml")), as: UTF8.self)])
        try FileManager.default.copyItem(
            at: CLIRunner.root.appendingPathComponent("Tests/Fixtures/ledgers/merged-header.xlsx"), to: folder.appendingPathComponent("台账.xlsx"))
        let findings = try Self.findings(["."], in: folder)
        // The title row merged over the header is passed over; the instructions sheet is not a ledger.
        #expect(Self.pairs(findings) == ["T-ZF-002 PEN-001", "T-ZF-003 REC-000"])
        let formula = try #require(findings.first { $0["record"] as? String == "T-ZF-003" })
        #expect(formula["cell"] as? String == "行政处罚!E5")
        #expect((formula["message"] as? String)?.contains("没有计算结果的公式") == true)
        // Dates in a Chinese date format are dates; the department merged over two rows fills both.
        // The row whose formula has no computed value is not written: its record would lack the cell.
        let imported = try CLIRunner.run(["import", "台账.xlsx", "--out", "records"], in: folder)
        #expect(imported.status == 1, "\(imported.stderr)")
        #expect(imported.stderr.contains("单元格 E5（") && imported.stderr.contains("是没有计算结果的公式") && imported.stderr.contains("此行未写入记录"), "\(imported.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/T-ZF-003.yaml").path) == false)
        let second = try String(contentsOf: folder.appendingPathComponent("records/T-ZF-002.yaml"), encoding: .utf8)
        #expect(second.contains("department: \"综合行政执法队\""))
        #expect(second.contains("date: 2025-04-07"))
    }

    @Test func aHeaderMissingARequiredColumnNamesItAndTheClosestHeader() throws {
        let folder = try CLIRunner.folder([
            "a.csv": "案件编号,案件名称,立案日,执法人员\nX-1,某案,2025-03-03,张伟\n",
            "b.yaml": Fixtures.compliant,
            "registry.yaml": Fixtures.registry,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("--> a.csv:A1"))
        #expect(result.stdout.contains("缺少必需的列：立案日期（最接近的表头：立案日）"))
        // The other file is still checked: its record is the one record of the run.
        #expect(result.stdout.contains("检查了 1 条记录"))
    }

    /// A formula of text computed to "" (`IF(…,"",…)`, saved as `<v></v>`) is an empty cell, not one
    /// never computed: every row of such a column was refused, with advice no saving could follow.
    /// A formula with no value at all is still named.
    @Test func aFormulaComputedToEmptyTextIsAnEmptyCell() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry])
        try Self.workbook(rows: #"""
            rows = '<row r="1">' + c("A1", "案件编号") + c("B1", "案件名称") + c("C1", "立案日期") + c("D1", "听证日期") + '</row>'
            rows += '<row r="2">' + c("A2", "F-1") + c("B2", "某案") + c("C2", "2025-03-03") + '<c r="D2" t="str"><f>IF(1,"","")</f><v></v></c></row>'
            rows += '<row r="3">' + c("A3", "F-2") + c("B3", "某案") + c("C3", "2025-03-04") + '<c r="D3"><f>C3+10</f></c></row>'
            """#, in: folder)
        let findings = try Self.findings(["台账.xlsx"], in: folder)
        let uncomputed = findings.filter { ($0["message"] as? String)?.contains("没有计算结果的公式") == true }
        #expect(uncomputed.compactMap { $0["record"] as? String } == ["F-2"], "\(findings)")
    }

    /// A phonetic run (`rPh`) of an inline string is no part of the cell's text, as Excel shows it
    /// and as a shared string's already was not: a cell showing nothing read as the 通过 hidden in
    /// its run, and a failed review passed.
    @Test func aPhoneticRunOfAnInlineStringIsNotItsText() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry])
        try Self.workbook(rows: #"""
            def ruby(ref, text, hidden): return '<c r="%s" t="inlineStr"><is><t>%s</t><rPh sb="0" eb="0"><t>%s</t></rPh></is></c>' % (ref, text, hidden)
            rows = '<row r="1">' + c("A1", "案件编号") + c("B1", "案件名称") + c("C1", "立案日期") + c("D1", "听证日期") + '</row>'
            rows += '<row r="2">' + c("A2", "F-1") + c("B2", "某案") + ruby("C2", "2025-03-03", "ふりがな") + c("D2", "") + '</row>'
            # A run left open by a broken cell ends with the cell: the next cell is read.
            rows += '<row r="3">' + c("A3", "F-2") + '<c r="B3" t="inlineStr"><is><t>某案</t><rPh sb="0" eb="0"><t>x</t></is></c>' + c("C3", "2025-03-04") + '</row>'
            """#, in: folder)
        let record = try Self.imported("台账.xlsx", record: "F-1", in: folder)
        #expect(record.contains("2025-03-03"), "\(record)")
        #expect(!record.contains("ふりがな"), "\(record)")
        let next = try String(contentsOf: folder.appendingPathComponent("out/F-2.yaml"), encoding: .utf8)
        #expect(next.contains("2025-03-04"), "\(next)")
    }

    /// `date1904` is read as a spreadsheet program reads it (`TRUE` too): read as false, every date
    /// of a 1904 workbook was four years early, and an expired certificate looked valid.
    @Test(arguments: ["1", "true", "TRUE", " true"])
    func aWorkbookOf1904DatesIsReadSoHoweverTheFlagIsWritten(flag: String) throws {
        let folder = try CLIRunner.folder([:])
        try Self.workbook(rows: #"""
            rows = '<row r="1">' + c("A1", "案件编号") + c("B1", "案件名称") + c("C1", "立案日期") + '</row>'
            rows += '<row r="2">' + c("A2", "F-1") + c("B2", "某案") + '<c r="C2" s="1"><v>44257</v></c></row>'
            """#, workbookPr: "<workbookPr date1904=\"\(flag)\"/>", in: folder)
        let record = try Self.imported("台账.xlsx", record: "F-1", in: folder)
        #expect(record.contains("date: 2025-03-03"), "\(record)")
    }

    @Test func hostileWorkbooksAreClearFindingsNeverHangs() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "ok.yaml": Fixtures.compliant])
        let script = #"""
            import zipfile, sys
            def book(name, sheet):
                with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr("[Content_Types].xml", "<Types/>")
                    z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>')
                    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
                    z.writestr("xl/worksheets/sheet1.xml", sheet)
            book("bomb.xlsx", "<worksheet><sheetData>" + " " * 20_000_000 + "</sheetData></worksheet>")
            rows = "".join('<row r="%d"/>' % n for n in range(1, 1_000_001))
            book("empty-rows.xlsx", '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>案件编号</t></is></c></row>' + rows + "</sheetData></worksheet>")
            open("locked.xlsx", "wb").write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(4096))
            open("broken.xlsx", "wb").write(b"PK\x03\x04 this is not a workbook")
            """#
        let made = try CLIRunner.shell("python3 -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))'", in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let started = Date()
        let findings = try Self.findings(["."], in: folder)
        #expect(Date().timeIntervalSince(started) < 60)
        let byFile = Dictionary(grouping: findings) { $0["file"] as? String ?? "" }
        #expect((byFile["bomb.xlsx"]?.first?["message"] as? String)?.contains("压缩炸弹") == true)
        #expect((byFile["locked.xlsx"]?.first?["message"] as? String)?.contains("密码") == true)
        #expect((byFile["broken.xlsx"]?.first?["message"] as? String)?.contains("已损坏") == true)
        #expect(byFile["empty-rows.xlsx"]?.first?["rule"] as? String == "REC-000")
        #expect(byFile["ok.yaml"] == nil)
    }

    @Test func aLedgerLongerThanTheRecordLimitSaysSo() throws {
        let findings = try Self.findings(["--max-records", "5", Self.penalty])
        #expect(findings.contains { ($0["message"] as? String)?.contains("记录数已达上限 5") == true })
    }

    @Test func importedRecordsCheckWithTheSameFindingsAsTheLedgers() throws {
        let folder = try CLIRunner.folder([:])
        let result = try CLIRunner.run(["import", Self.ledgers.path + "/石桥镇行政处罚案件台账.xlsx", Self.ledgers.path + "/石桥镇重大行政决策事项台账.xlsx",
                                        Self.ledgers.path + "/石桥镇规范性文件备案登记表.csv", "--out", folder.appendingPathComponent("records").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("写出 33 个记录"))
        try FileManager.default.copyItem(at: Self.ledgers.appendingPathComponent("registry.yaml"), to: folder.appendingPathComponent("records/registry.yaml"))
        let fromYAML = try Self.findings(["records"], in: folder)
        let fromLedgers = try Self.findings(["cases/ledgers"])
        #expect(Self.pairs(fromYAML) == Self.pairs(fromLedgers))
        #expect(fromYAML.allSatisfy { $0["cell"] == nil })
        // An existing file is never overwritten without --force.
        let again = try CLIRunner.run(["import", Self.ledgers.path + "/石桥镇规范性文件备案登记表.csv", "--out", "records"], in: folder)
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在，未覆盖"))
        let forced = try CLIRunner.run(["import", Self.ledgers.path + "/石桥镇规范性文件备案登记表.csv", "--out", "records", "--force"], in: folder)
        #expect(forced.status == 0)
    }

    /// A column the mapping does not read is written to the imported record under its header, so
    /// the record's check reports it as the ledger's does: left out, a major case's 是否重大案件（是/否）
    /// (a header with a hint, now a name of the column) vanished, and the imported file passed where
    /// its legal review was missing.
    @Test func importKeepsTheCellsOfColumnsNotRead() throws {
        let csv = "案件编号,案件名称,办案机构（全称）,立案日期,调查取证日期,执法人员,,决定日期\nF-1,某案,某局,2025-03-03,2025-03-04,张伟、李娜,附注,2025-03-17\n"
        let folder = try CLIRunner.folder(["台账.csv": csv])
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "records"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.contains("以列名为键写入记录"), "\(imported.stderr)")
        let record = try String(contentsOf: folder.appendingPathComponent("records/F-1.yaml"), encoding: .utf8)
        #expect(record.contains("\"列 C：办案机构（全称）\": \"某局\""), "\(record)")
        #expect(record.contains("\"列 G\": \"附注\""), "\(record)")
        let fromLedger = try Self.findings(["台账.csv"], in: folder)
        let fromRecord = try Self.findings(["records"], in: folder)
        #expect(Self.pairs(fromLedger).filter { $0.hasSuffix("REC-007") }.count == 2, "\(Self.pairs(fromLedger))")
        #expect(Self.pairs(fromRecord) == Self.pairs(fromLedger), "\(Self.pairs(fromRecord))")
    }

    /// A row a column no layout reads holds back where the ledger is checked (a major case's
    /// 是否重大执法决定 = 是, in words of the office's own, beside no legal review) is not written
    /// by `import`: written under the column's name, the record passed, where the ledger's row was
    /// held back. The fact in other words is said, and the column it belongs in.
    @Test func importWritesNoRowAnUnreadColumnHoldsBack() throws {
        let csv = "案件编号,案件名称,是否重大执法决定（是/否）,立案日期,调查取证日期,执法人员,决定日期\nF-1,某案,是,2025-03-03,2025-03-04,张伟、李娜,2025-03-17\nF-2,另案,否,2025-03-03,2025-03-04,张伟、李娜,2025-03-17\n"
        let folder = try CLIRunner.folder(["台账.csv": csv])
        let gate = try CLIRunner.run(["gate", "--meeting", "2025-03-20", "--today", "2025-03-19", "--format", "json", "台账.csv"], in: folder)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(gate.stdout.utf8)) as? [String: Any])["items"] as? [[String: Any]]
        #expect(items?.first { $0["record"] as? String == "F-1" }?["misreadKey"] as? Bool == true, "\(gate.stdout)")
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "records"], in: folder)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("台账.csv第 2 行：列“是否重大执法决定（是/否）”不是行政执法（处罚）案件台账的列，单元格 C2 的内容未被读取"), "\(imported.stderr)")
        #expect(imported.stderr.contains("它说此事项“重大执法决定或情节复杂、重大违法”（major）为“是”"), "\(imported.stderr)")
        #expect(imported.stderr.contains("请把它填入“是否重大案件”列；此行未写入记录"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/F-1.yaml").path))
        // The row saying no is written, its column kept under its name.
        let record = try String(contentsOf: folder.appendingPathComponent("records/F-2.yaml"), encoding: .utf8)
        #expect(record.contains("\"列 C：是否重大执法决定（是/否）\": \"否\""), "\(record)")
    }

    /// The gate's JSON for a meeting on 2025-03-20 over `files`, and whether each record's item is
    /// held for a cell in doubt (`misreadKey`), by record.
    static func heldRows(_ files: [String], in folder: URL) throws -> (gate: CLIRunner.Result, held: [String: Bool?]) {
        let gate = try CLIRunner.run(["gate", "--meeting", "2025-03-20", "--today", "2025-03-19", "--format", "json"] + files, in: folder)
        let items = try #require(try JSONSerialization.jsonObject(with: Data(gate.stdout.utf8)) as? [String: Any])["items"] as? [[String: Any]]
        return (gate, Dictionary(uniqueKeysWithValues: (items ?? []).compactMap { item in (item["record"] as? String).map { ($0, item["misreadKey"] as? Bool) } }))
    }

    /// A category column whose cell names a well-known fact (`案件类型（一般/重大）` = 重大, as
    /// offices lay out their case ledgers) holds its row back: read by no rule, a major case with
    /// no legal review was READY. A cell naming no fact (一般, 食品安全) holds nothing.
    @Test func aCategoryColumnNamingAFactHoldsItsRow() throws {
        let csv = "案件编号,案件名称,案件类型（一般/重大）,立案日期,调查取证日期,执法人员,决定日期\n"
            + "F-1,某案,重大,2025-03-03,2025-03-04,张伟、李娜,2025-03-17\nF-2,另案,一般,2025-03-03,2025-03-04,张伟、李娜,2025-03-17\n"
            + "F-3,三案,食品安全,2025-03-03,2025-03-04,张伟、李娜,2025-03-17\n"
        let folder = try CLIRunner.folder(["台账.csv": csv])
        let (gate, held) = try Self.heldRows(["台账.csv"], in: folder)
        #expect(held == ["F-1": true, "F-2": false, "F-3": false], "\(gate.stdout)")
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "records"], in: folder)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("它（“重大”）说此事项属于“重大执法决定或情节复杂、重大违法”（major），而此行没有按此读取"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/F-1.yaml").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/F-2.yaml").path))
    }

    /// A remark (备注, a column the layouts ignore) saying the review is not done, did not pass or
    /// the adviser has not given an opinion, and an unread column saying the adviser did not sign
    /// or the review is in progress (`审查进度` = 未完成), hold the row back: each row went READY,
    /// where the same remark in a record holds it. A remark of anything else says nothing.
    @Test func aRemarkSayingTheReviewIsNotDoneHoldsTheRow() throws {
        let header = "决策编号,决策事项名称,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型"
        let row = { (id: String) in "\(id),某方案,2025-03-01,2025-03-10,正式审查,通过,孟庆云,唐立军,2025-03-09,2025-03-20,常务会议" }
        // (And as offices word it otherwise: `审查未结束`, `审查意见待反馈`, `法律顾问意见未出`,
        // `待补审查`, `司法所还在审`, `等待司法所意见` each went READY and were dropped by import.)
        let remarks = ["合法性审查尚未完成", "审查未通过，待修改后重新送审", "法律顾问尚未出具意见", "已按期办结",
                       "审查未结束", "审查意见待反馈", "法律顾问意见未出", "待补审查", "司法所还在审", "等待司法所意见", "审查意见已反馈"]
        let csv = header + ",备注\n" + remarks.enumerated().map { row("M-\($0.offset + 1)") + "," + $0.element }.joined(separator: "\n") + "\n"
        let columns = header + ",顾问签字,审查进度\n" + row("N-1") + ",未签,\n" + row("N-2") + ",,未完成\n" + row("N-3") + ",已签,已完成\n"
        let folder = try CLIRunner.folder(["remarks.csv": csv, "columns.csv": columns])
        let (gate, held) = try Self.heldRows(["remarks.csv", "columns.csv"], in: folder)
        #expect(held == [
            "M-1": true, "M-2": true, "M-3": true, "M-4": false, "M-5": true, "M-6": true, "M-7": true, "M-8": true, "M-9": true, "M-10": true,
            "M-11": false, "N-1": true, "N-2": true, "N-3": false,
        ], "\(gate.stdout)")
        let findings = try Self.findings(["remarks.csv"], in: folder)
        #expect(findings.contains { ($0["message"] as? String)?.contains("列“备注”是不检查的列，单元格 L2 的内容未被读取；它（“合法性审查尚未完成”）说的是审查") == true }, "\(findings)")
        // Nothing is said of the remark saying nothing of the review.
        #expect(!findings.contains { $0["record"] as? String == "M-4" && $0["rule"] as? String == "REC-007" }, "\(findings)")
        let imported = try CLIRunner.run(["import", "remarks.csv", "--out", "records"], in: folder)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("列“备注”是不检查的列，单元格 L2 的内容未被读取"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/M-1.yaml").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/M-4.yaml").path))
    }

    /// A ledger has no status column: a row whose meeting is scheduled after the as-of date was a
    /// discussion done in the future (REC-008, "write status: planned", which no ledger can), and
    /// a ledger with its next meeting in it never passed check. Steps dated after the as-of date
    /// are planned: their findings pending, and `import` writes them so.
    @Test func aLedgersStepsAfterTheAsOfDateArePlanned() throws {
        let header = "决策编号,决策事项名称,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型"
        let rows = [
            "P-1,某方案,2030-06-01,2030-06-15,正式审查,通过,孟庆云,唐立军,2030-06-14,2030-07-10,常务会议",
            // (Sent for review, its date left blank: no review yet, not a step lacking its date.
            // Its finding waits for the meeting, and the gate on the day holds it.)
            "P-2,某方案,2030-06-20,,,,,,,2030-07-10,常务会议",
            // (So with who reviews it and how filled in, as sent: it was "a step lacking its
            // date", whose advice told the clerk to type one.)
            "P-3,某方案,2030-06-20,,正式审查,,孟庆云,,,2030-07-10,常务会议",
        ]
        let folder = try CLIRunner.folder(["a.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        let checked = try CLIRunner.run(["check", "--as-of", "2030-06-30", "--format", "json", "a.csv"], in: folder)
        let findings = try #require(try CLIRunner.json(checked.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "REC-008" || $0["rule"] as? String == "REC-003" }, "\(findings)")
        #expect(findings.filter { $0["record"] as? String == "P-2" && $0["severity"] as? String == "error" }.allSatisfy { $0["pending"] as? Bool == true }, "\(findings)")
        let gate = try CLIRunner.run(["gate", "--meeting", "2030-07-10", "--today", "2030-07-09", "a.csv"], in: folder)
        #expect(gate.stdout.contains("[暂缓上会] P-2") && gate.stdout.contains("MAD-001") && !gate.stdout.contains("REC-008"), "\(gate.stdout)")
        #expect(gate.stdout.contains("[暂缓上会] P-3") && !gate.stdout.contains("REC-003"), "\(gate.stdout)")
        let imported = try CLIRunner.run(["import", "a.csv", "--out", "records"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(imported.status == 0)
        // (Said, so that the record is put right once the step is done.)
        #expect(imported.stderr.contains("P-1、P-2、P-3 的步骤日期晚于今天") && imported.stderr.contains("已写为 status: planned"), "\(imported.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("records/P-1.yaml"), encoding: .utf8)
        #expect(written.contains("status: planned"), "\(written)")
    }

    /// An adviser named with the opinion's date left blank holds the row (the instructions say to
    /// leave a date blank until done, and the undated signoff counted as an opinion given, READY);
    /// import writes no such row. A row whose public lawyer gave the opinion, its adviser's column
    /// empty, is not held for saying the adviser did not sign.
    @Test func anAdviserWithoutTheOpinionsDateHoldsTheRow() throws {
        let header = "决策编号,决策事项名称,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,公职律师,公职律师意见日期,集体讨论日期,会议类型,顾问签字"
        let rows = [
            "U-1,某方案,2025-03-01,2025-03-10,正式审查,通过,孟庆云,唐立军,,,,2025-03-20,常务会议,",
            "U-2,某方案,2025-03-01,2025-03-10,正式审查,通过,孟庆云,,,许明,2025-03-09,2025-03-20,常务会议,未签",
            "U-3,某方案,2025-03-01,2025-03-10,正式审查,通过,孟庆云,唐立军,2025-03-09,,,2025-03-20,常务会议,未签",
        ]
        let folder = try CLIRunner.folder(["a.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        let (gate, held) = try Self.heldRows(["a.csv"], in: folder)
        #expect(held == ["U-1": true, "U-2": false, "U-3": true], "\(gate.stdout)")
        let findings = try Self.findings(["a.csv"], in: folder)
        #expect(findings.contains { ($0["message"] as? String)?.contains("“法律顾问”一栏已填写（单元格 H2），而“法律顾问意见日期”为空") == true }, "\(findings)")
        let imported = try CLIRunner.run(["import", "a.csv", "--out", "records"], in: folder)
        #expect(imported.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("records/U-1.yaml").path))
    }

    @Test func theTemplateIsALedgerOfItsOwnLayout() throws {
        let folder = try CLIRunner.folder([:])
        let result = try CLIRunner.run(["init", "--ledger", "penalty-cases"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("行政执法（处罚）案件台账.xlsx")
        #expect(FileManager.default.fileExists(atPath: file.path))
        // Empty, it holds no record, and says so (it passed as "0 records checked" without a word);
        // not as a finding, which blocked every gate of the folder it was written into.
        let check = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", file.path], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(try CLIRunner.json(check.stdout)["findings"].map { ($0 as? [[String: Any]])?.allSatisfy { $0["rule"] as? String == "REC-005" } } == true)
        #expect(check.stderr.contains("台账中没有记录（只有表头，没有数据行）"), "\(check.stderr)")
        let gate = try CLIRunner.run(["gate", "--meeting", "2026-06-30", "--format", "json", "."], in: folder)
        #expect(gate.status == 0, "\(gate.stdout)")
        let again = try CLIRunner.run(["init", "--ledger", "penalty-cases"], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(again.status == 2)
    }

    /// Under an English interface the template keeps its Chinese name, as its headers are Chinese,
    /// and the hint can be pasted into a shell (`administrative penalty case ledger.xlsx` named three files).
    @Test func theTemplateIsNamedInChineseWhateverTheInterface() throws {
        let folder = try CLIRunner.folder([:])
        let result = try CLIRunner.run(["init", "--ledger", "major-decisions"], in: folder, environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files.count == 1 && files.allSatisfy { !$0.contains(" ") && $0.hasSuffix("台账.xlsx") }, "\(files)")
        #expect(result.stdout.contains("once filled in: legality check \(files.first ?? "")\n"), "\(result.stdout)")
        #expect(InitCommand.shellWord("a b's.xlsx") == "'a b'\\''s.xlsx'")
        // Its instructions sheet is Chinese too, as a document for the office (it was `Instructions`
        // in English wherever LANG was not zh); `--lang en` asks for English.
        let sheets = try CLIRunner.shell(
            "python3 -c 'import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).read(\"xl/workbook.xml\").decode())' *.xlsx", in: folder)
        #expect(sheets.stdout.contains("name=\"填写说明\""), "\(sheets.stdout)")
        let english = try CLIRunner.folder([:])
        #expect(try CLIRunner.run(["init", "--ledger", "major-decisions", "--lang", "en"], in: english).status == 0)
        let englishSheets = try CLIRunner.shell(
            "python3 -c 'import zipfile, sys; print(zipfile.ZipFile(sys.argv[1]).read(\"xl/workbook.xml\").decode())' *.xlsx", in: english)
        #expect(englishSheets.stdout.contains("name=\"Instructions\""), "\(englishSheets.stdout)")
    }

    @Test func theAuditWorkbookHasASheetPerTableAndIsNotReadBack() throws {
        let folder = try CLIRunner.folder([:])
        let output = folder.appendingPathComponent("audit.xlsx").path
        let result = try CLIRunner.run(["audit", "cases", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-06-30", "--format", "xlsx", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let sheets = try CLIRunner.shell(
            "python3 -c 'import zipfile, sys; z = zipfile.ZipFile(sys.argv[1]); print(z.read(\"xl/workbook.xml\").decode()); print(z.read(\"xl/worksheets/sheet1.xml\").decode()[:3000])' audit.xlsx",
            in: folder)
        for name in ["记录", "各规则合规率", "各规则包合规率", "各承办单位合规率", "各月合规率", "问题清单"] { #expect(sheets.stdout.contains("name=\"\(name)\"")) }
        #expect(sheets.stdout.contains("state=\"frozen\""))
        #expect(!sheets.stdout.contains("<f>"))
        // Checking the folder the export was written into does not read it as a ledger.
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("cases/mad/county-heating-concession.yaml"), to: folder.appendingPathComponent("a.yaml"))
        let findings = try Self.findings(["."], in: folder)
        #expect(!findings.contains { $0["file"] as? String == "audit.xlsx" })
    }

    /// What the issue asks of a real spreadsheet program: the audit workbook opened by LibreOffice
    /// gives the same tables as `--format csv`, and the ledgers saved again by LibreOffice check the same.
    @Test(.enabled(if: AnnualReportTests.hasOffice)) func libreOfficeRoundTrips() throws {
        let folder = try CLIRunner.folder([:])
        let script = """
            "$0" audit "\(CLIRunner.root.path)/cases" --from 2025-01-01 --to 2025-12-31 --as-of 2026-06-30 --format xlsx --output audit.xlsx &&
            "$0" audit "\(CLIRunner.root.path)/cases" --from 2025-01-01 --to 2025-12-31 --as-of 2026-06-30 --table rules --output rules.csv &&
            mkdir -p out again && HOME="$PWD" timeout 180 soffice --headless \
              --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' --outdir out audit.xlsx >/dev/null 2>&1 &&
            cp "\(CLIRunner.root.path)/cases/ledgers/"*.xlsx "\(CLIRunner.root.path)/cases/ledgers/registry.yaml" again/ &&
            (cd again && HOME="$PWD" timeout 180 soffice --headless --convert-to xlsx --outdir ../resaved *.xlsx >/dev/null 2>&1) && cp again/registry.yaml resaved/
            """
        let result = try CLIRunner.shell(script, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let fromOffice = try String(contentsOf: folder.appendingPathComponent("out/audit-各规则合规率.csv"), encoding: .utf8)
        let fromCSV = try String(contentsOf: folder.appendingPathComponent("rules.csv"), encoding: .utf8)
        #expect(fromOffice.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            == fromCSV.replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines))
        let original = try Self.findings(["again"], in: folder)
        let resaved = try Self.findings(["resaved"], in: folder)
        #expect(Self.pairs(original) == Self.pairs(resaved))
        #expect(Self.pairs(resaved).count == 18)
    }

    @Test func aNameTwoPeopleOfTheRegistryShareNamesBoth() throws {
        // The ledger's 执法人员 张伟 is no one when the registry has two of that name: REC-004 says
        // who they are, not that the name is unregistered.
        let registry = try String(contentsOf: Self.ledgers.appendingPathComponent("registry.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  - id: SQ-044", with: "  - {id: SQ-049, name: 张伟}\n  - id: SQ-044")
        let folder = try CLIRunner.folder(["registry.yaml": registry])
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent(Self.penalty), to: folder.appendingPathComponent("台账.xlsx"))
        let findings = try Self.findings(["台账.xlsx"], in: folder).filter { $0["rule"] as? String == "REC-004" }
        #expect(!findings.isEmpty)
        for finding in findings {
            #expect((finding["message"] as? String)?.hasSuffix("人员 张伟 无法确定：人员名册中有 2 人同名（SQ-041、SQ-049），应写明所指人员的编号") == true)
        }
    }
}
