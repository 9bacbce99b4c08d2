import Foundation
import Testing

/// A ledger column the layout does not read is reported wherever it holds something: a misspelt
/// header (审核形式 for 审核方式) would otherwise drop an opinion-only review without a word.
/// Columns a layout ignores (序号, 备注) are neither read nor reported.
@Suite struct LedgerColumnTests {
    static let header = "序号,文件编号,文件名称,制定机关,起草单位,送审日期,审核完成日期,审核形式,审核结论,审核人员,法律顾问,集体审议日期,会议类型,会议名称,印发日期,文号,公布日期,报送备案日期,备案报告文号,合法性审核日期,备注,"
    static let filled = "1,SQ-GF-2025-001,某办法,石桥镇人民政府,党政办,2025-02-17,2025-03-07,征求意见,通过,刘芳,孙明,2025-03-13,常务会议,第4次常务会议,2025-03-17,石政规〔2025〕1号,2025-03-20,2025-04-10,石政备〔2025〕1号,2025-03-07,已归档,无表头的值"
    static let empty = "2,SQ-GF-2025-002,某细则,石桥镇人民政府,党政办,2025-02-17,2025-03-07,,通过,刘芳,孙明,2025-03-13,常务会议,第5次常务会议,2025-03-17,石政规〔2025〕2号,2025-03-20,2025-04-10,石政备〔2025〕2号,,已归档,"

    /// (cell, message) of each REC-007 finding.
    static func unread(_ findings: [[String: Any]]) -> [String: String] {
        var byCell: [String: String] = [:]
        for finding in findings where finding["rule"] as? String == "REC-007" {
            byCell[finding["cell"] as? String ?? "?"] = finding["message"] as? String ?? ""
        }
        return byCell
    }

    @Test func eachFilledCellOfAColumnTheLayoutDoesNotReadIsAWarning() throws {
        let folder = try CLIRunner.folder(["登记表.csv": [Self.header, Self.filled, Self.empty].joined(separator: "\n") + "\n"])
        let findings = try LedgerTests.findings(["登记表.csv"], in: folder)
        let unread = Self.unread(findings)
        // The misspelt header, the second name of a column already read, and the column without a
        // header, in the row that fills them; 序号 and 备注 are columns the layout ignores, and the
        // second row leaves the three columns empty.
        #expect(unread.keys.sorted() == ["H2", "T2", "V2"])
        // (Its cell, 征求意见, says the review only solicited opinions: the message says so.)
        #expect(unread["H2"]?.hasSuffix("列“审核形式”不是规范性文件备案登记表的列，单元格 H2 的内容未被读取；是否应为“审核方式”？；它（“征求意见”）说的是审查，与此行按读取的列所判断的不同：请据实改正读取的列（如审查尚未完成的，清空审查完成日期和审查结论），不要只是删去或忽略此列") == true, "\(unread["H2"] ?? "")")
        #expect(unread["T2"]?.hasSuffix("列“合法性审核日期”与 G 列“审核完成日期”是同一栏目，只读取了 G 列，单元格 T2 的内容未被读取；请把两列合并为一列") == true)
        #expect(unread["V2"]?.hasSuffix("单元格 V2 所在的列没有表头，其内容未被读取；请补上表头") == true)
        #expect(findings.filter { $0["rule"] as? String == "REC-007" }.allSatisfy { $0["severity"] as? String == "warning" && $0["record"] as? String == "SQ-GF-2025-001" })
        // In English too; a run that fails on warnings fails on it.
        let english = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--lang", "en", "--fail-on", "warning", "登记表.csv"], in: folder)
        #expect(english.stdout.contains("the column '审核形式' is not a column of a register of normative documents, so the cell H2 was not read; did you mean '审核方式'?; what it says of the review ('征求意见') is not what the row was read as"), "\(english.stdout)")
        #expect(english.status == 1)
    }

    /// Two columns with the same header: the leftmost is read, every run the same; a row whose
    /// cells under it differ is not checked (which one the office meant is unknown), one whose
    /// cells agree, or whose second is empty, is.
    @Test func twoColumnsWithTheSameHeaderThatDisagreeBlockTheRow() throws {
        let header = "文件编号,文件名称,审核完成日期,审核方式,审核结论,审核结论,法律顾问,集体审议日期,会议类型,印发日期,公布日期"
        let rows = [
            "N-1,甲,2025-03-07,正式审查,不通过,通过,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20",
            "N-2,乙,2025-03-07,正式审查,通过,通过,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20",
            "N-3,丙,2025-03-07,正式审查,通过,,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20",
        ]
        let folder = try CLIRunner.folder(["登记表.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        var reports: Set<String> = []
        for _ in 0..<4 {
            reports.insert(try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "登记表.csv"], in: folder).stdout)
        }
        #expect(reports.count == 1, "the same ledger gave different reports")
        let findings = try LedgerTests.findings(["登记表.csv"], in: folder)
        let conflict = try #require(findings.first { $0["rule"] as? String == "REC-000" })
        #expect(conflict["record"] as? String == "N-1")
        #expect(conflict["cell"] as? String == "F2")
        #expect((conflict["message"] as? String)?.contains("单元格 F2 与 E2 同属“审核结论”栏目，内容却不同（“通过”与“不通过”），无法确定以哪一格为准，此行未检查") == true)
        // The row is not checked: no rule of the normative pack speaks of it.
        #expect(!findings.contains { $0["record"] as? String == "N-1" && ($0["rule"] as? String)?.hasPrefix("NOR-") == true })
        #expect(!findings.contains { $0["rule"] as? String == "REC-000" && $0["record"] as? String != "N-1" })
        #expect(!findings.contains { $0["record"] as? String == "N-1" && $0["rule"] as? String == "REC-007" })
    }

    /// Two names of one column (审核结论 and 合法性审核结论) that disagree block the row as two
    /// columns of one header do: the first name's column alone was read, with a warning, and a
    /// row whose other column said 不通过 passed. `import` leaves such a row out and says why.
    @Test func twoNamesOfOneColumnThatDisagreeBlockTheRow() throws {
        let header = "文件编号,文件名称,审核完成日期,审核方式,审核结论,法律顾问,集体审议日期,会议类型,印发日期,公布日期,合法性审核结论"
        let rows = [
            "N-1,甲,2025-03-07,正式审查,通过,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20,不通过",
            "N-2,乙,2025-03-07,正式审查,通过,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20, 通过",
        ]
        let folder = try CLIRunner.folder(["登记表.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        let findings = try LedgerTests.findings(["登记表.csv"], in: folder)
        let conflict = try #require(findings.first { $0["rule"] as? String == "REC-000" })
        #expect(conflict["record"] as? String == "N-1")
        #expect(conflict["cell"] as? String == "K2")
        #expect((conflict["message"] as? String)?.contains("单元格 K2 与 E2（“合法性审核结论”与“审核结论”）是同一栏目，内容却不同（“不通过”与“通过”），无法确定以哪一格为准，此行未检查") == true)
        #expect(!findings.contains { $0["record"] as? String == "N-1" && ($0["rule"] as? String)?.hasPrefix("NOR-") == true })
        // Cells that agree (spaces aside) are read as one, and the second is the usual warning.
        #expect(!findings.contains { $0["record"] as? String == "N-2" && $0["rule"] as? String == "REC-000" })
        #expect(findings.contains { $0["record"] as? String == "N-2" && $0["rule"] as? String == "REC-007" && $0["cell"] as? String == "K3" })

        let imported = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("登记表.csv第 2 行：单元格 K2 与 E2（“合法性审核结论”与“审核结论”）是同一栏目，内容却不同（“不通过”与“通过”），无法确定以哪一格为准，此行未写入记录"))
        #expect(imported.stdout.contains("写出 1 个记录到 records，0 个因已存在而跳过，1 行未写入（原因见上）"))
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path)
        #expect(written == ["N-2.yaml"])
    }

    /// A cell's text is written so that YAML reads it back as it was: `通过<TAB>#x` was written
    /// plain, and the tab and `#` began a comment: the record said 通过 where the ledger did not.
    @Test func importedTextsReadBackAsTheyWere() throws {
        let header = "文件编号,文件名称,审核完成日期,审核方式,审核结论,法律顾问,集体审议日期,会议类型,印发日期,公布日期"
        let row = "N-1,甲\u{2028}乙,2025-03-07,正式审查,\"通过\t#x\",ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20"
        let folder = try CLIRunner.folder(["登记表.csv": header + "\n" + row + "\n"])
        let imported = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("records/N-1.yaml"), encoding: .utf8)
        #expect(written.contains("outcome: \"通过\\t#x\""), "\(written)")
        #expect(written.contains("title: \"甲\\u2028乙\""), "\(written)")
        let checked = try LedgerTests.findings(["records"], in: folder)
        #expect(checked.contains { $0["rule"] as? String == "REC-006" }, "\(checked)")
        #expect(!checked.contains { $0["rule"] as? String == "REC-000" })
    }

    /// Headers as offices write them: a required-field note, a colon at the end, an invisible
    /// character. Each was an unknown column, and the conclusion 不通过 went unread.
    @Test(arguments: ["审核结论（必填）", "审核结论(必填)", "审核结论：", "审核结论（必填）：", "审核结论：（必填）", "审核结论\u{200B}", "\u{FEFF}审核结论"])
    func headersWithNotesAndMarksAreRead(header: String) throws {
        let columns = "文件编号,文件名称,审核完成日期,审核方式,\(header),法律顾问,集体审议日期,会议类型,印发日期,公布日期"
        let row = "N-1,甲,2025-03-07,正式审查,不通过,ZY-021,2025-03-13,常务会议,2025-03-17,2025-03-20"
        let folder = try CLIRunner.folder(["登记表.csv": columns + "\n" + row + "\n"])
        let findings = try LedgerTests.findings(["登记表.csv"], in: folder)
        #expect(findings.contains { $0["rule"] as? String == "NOR-002" }, "\(findings)")
        #expect(!findings.contains { $0["rule"] as? String == "REC-007" })
    }

    /// A ledger whose id column is headed otherwise (项目编号) has one of the layout's two
    /// required columns but most of its columns: it is a ledger with a header to correct, named as
    /// such, not a sheet passed over (beside another sheet that matched, without a word).
    @Test func aLedgerMissingARequiredHeaderIsNamedNotPassedOver() throws {
        let header = "项目编号,决策事项名称,决策机关,承办单位,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型,会议名称,会议纪要,决定日期,决定人,公布日期"
        let row = "M-1,某方案,某镇政府,党政办,2025-02-20,2025-03-01,正式审查,不通过,ZY-011,ZY-023,2025-03-01,2025-03-10,常务会议,第1次,有,2025-03-10,ZY-001,2025-03-15"
        let folder = try CLIRunner.folder(["台账.csv": header + "\n" + row + "\n"])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "台账.csv"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("缺少必需的列：决策编号"), "\(result.stdout)")
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "records"], in: folder)
        #expect(imported.status == 2)
        #expect(imported.stderr.contains("lacks 决策编号") || imported.stderr.contains("的表头缺少 决策编号"), "\(imported.stderr)")
        // So is one with two thirds of a layout's columns and none of its required ones (19 of the
        // 22 of a penalty ledger, with 序号 for the case number), but not a summary sheet that shares
        // a few of its headers.
        let penalty = "序号,违法行为,执法机关,承办机构,是否重大案件,罚款金额,受案日期,调查取证日期,执法人员,出示执法证件,告知日期,听证通知日期,听证日期,法制审核日期,法制审核结论,法制审核人员,集体讨论日期,决定日期,决定人,决定书文号,送达日期,公示日期"
        let cases = try CLIRunner.folder(["台账.csv": penalty + "\n1,某案,某局,某队,否,500,2025-03-01,2025-03-02,张伟、李娜,是,,,,,,,,2025-03-10,王局长,某罚〔2025〕1号,2025-03-12,\n"])
        let noRequired = try CLIRunner.run(["check", "--as-of", "2026-06-30", "台账.csv"], in: cases)
        #expect(noRequired.status == 1, "\(noRequired.stdout)")
        #expect(noRequired.stdout.contains("缺少必需的列：案件编号、案件名称、立案日期"), "\(noRequired.stdout)")
        let summary = try CLIRunner.folder(["统计.csv": "承办机构,罚款金额,决定日期,执法机关,备注\n某队,500,2025-03-10,某局,\n", "a.yaml": Fixtures.compliant])
        let passed = try CLIRunner.run(["check", "--as-of", "2026-06-30", "."], in: summary)
        #expect(!passed.stdout.contains("缺少必需的列"), "\(passed.stdout)")
    }

    /// 听证告知日期 (the party told of the right to a hearing) is no hearing notice: it is not read
    /// as one (a notice two days before the hearing was never caught), nor offered as a typo of
    /// 听证通知日期; each row that fills it says why it was not read.
    @Test func theDayOfTheRightToAHearingIsNoHearingNotice() throws {
        let header = "案件编号,案件名称,立案日期,调查取证日期,执法人员,告知日期,听证告知日期,听证日期,决定日期"
        let row = "F-1,某案,2026-01-05,2026-01-06,张伟、李娜,2026-01-20,2026-01-20,2026-02-02,2026-02-10"
        let folder = try CLIRunner.folder(["台账.csv": header + "\n" + row + "\n"])
        let record = try LedgerTests.imported("台账.csv", record: "F-1", in: folder)
        #expect(!record.contains("hearing_notice"), "\(record)")
        let check = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "台账.csv"], in: folder)
        #expect(!check.stdout.contains("是否应为“听证通知日期”"), "\(check.stdout)")
        #expect(check.stdout.contains("这是告知当事人有权要求听证的日期，不是听证通知"), "\(check.stdout)")
        // The imported record keeps the cell, and its check says it was not read.
        #expect(record.contains("\"列 G：听证告知日期\": \"2026-01-20\""), "\(record)")
    }

    /// A one-person column (法律顾问) that names several registered people is said to: read as one
    /// person, the row said "孙明、李静 is not registered", of two people who are. `import` leaves
    /// the row out, as it does a row it cannot write faithfully.
    @Test func aOnePersonCellNamingSeveralPeopleIsSaidToBe() throws {
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/ledgers/registry.yaml"), encoding: .utf8)
        let csv = "决策编号,决策事项名称,审查完成日期,审查结论,法律顾问,集体讨论日期\nJ-1,某方案,2025-03-01,通过,孙明、李静,2025-03-10\nJ-2,另一方案,2025-03-01,通过,孙明,2025-03-10\n"
        let folder = try CLIRunner.folder(["台账.csv": csv, "registry.yaml": registry])
        let check = try CLIRunner.run(["check", "--as-of", "2026-01-01", "--format", "json", "台账.csv"], in: folder)
        let findings = ((try CLIRunner.json(check.stdout)["findings"] as? [[String: Any]]) ?? []).filter { $0["rule"] as? String == "REC-003" }
        #expect(findings.compactMap { $0["record"] as? String } == ["J-1"], "\(check.stdout)")
        #expect((findings.first?["message"] as? String)?.contains("单元格 E2（法律顾问）只能填写一人，却写了“孙明、李静”") == true, "\(findings)")
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "out"], in: folder)
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("只能填写一人"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/J-1.yaml").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/J-2.yaml").path))
    }

    @Test func aMappingCanIgnoreColumnsOfItsOwn() throws {
        let mapping = """
            ledger:
              id: normative-documents
              name: {zh: 本单位登记表, en: our register}
              kind: normative_document
              ignore: [序号, 经办人]
              columns:
                - {header: 文件编号, field: id, required: true}
                - {header: 文件名称, field: title, required: true}
                - {header: 公布日期, field: "steps[publication].date"}
            """
        let folder = try CLIRunner.folder([
            "登记表.csv": "序号,文件编号,文件名称,公布日期,经办人,联系人\n1,GF-1,某办法,2025-03-20,刘芳,陈磊\n",
            "map.yaml": mapping,
        ])
        let unread = Self.unread(try LedgerTests.findings(["--mapping", "map.yaml", "登记表.csv"], in: folder))
        #expect(unread.keys.sorted() == ["F2"])
        #expect(unread["F2"]?.hasSuffix("列“联系人”不是本单位登记表的列，单元格 F2 的内容未被读取") == true)
    }

    @Test func anIgnoreThatIsNoListIsAnErrorAtItsPlace() throws {
        let folder = try CLIRunner.folder([
            "登记表.csv": "文件编号,文件名称\nGF-1,某办法\n",
            "map.yaml": "ledger:\n  id: mine\n  kind: normative_document\n  ignore: 序号\n  columns:\n    - {header: 文件编号, field: id, required: true}\n",
        ])
        let result = try CLIRunner.run(["check", "--mapping", "map.yaml", "登记表.csv"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("map.yaml:4:11"))
        #expect(result.stderr.contains("'ignore' is a list of the headers of columns that hold nothing to check"))
    }

    @Test func importSaysWhichColumnsItLeftOut() throws {
        let folder = try CLIRunner.folder(["登记表.csv": [Self.header, Self.filled, Self.empty].joined(separator: "\n") + "\n"])
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(result.stderr.contains("登记表.csv：列“审核形式”不是规范性文件备案登记表的列，单元格 H2 的内容未被读取；是否应为“审核方式”？（共 1 行；以列名为键写入记录，检查时报告为格式之外的键）"))
        #expect(!result.stderr.contains("序号"))
        // (And that, with no registry beside it, the names were kept as names.)
        #expect(result.stderr.contains("登记表.csv：未找到人员名册（registry.yaml 或 --registry），人员姓名未换成编号"))
        // The row whose 审核形式 says 征求意见 is held back where the ledger is checked, and not
        // written (it passed once imported); the other row is.
        #expect(result.status == 1)
        #expect(result.stderr.contains("登记表.csv第 2 行：列“审核形式”不是规范性文件备案登记表的列，单元格 H2 的内容未被读取；是否应为“审核方式”？；它（“征求意见”）说的是审查"))
        #expect(result.stderr.contains("此行未写入记录"))
        #expect(result.stdout.contains("写出 1 个记录到 records，0 个因已存在而跳过，1 行未写入"))
        #expect(result.stderr.split(separator: "\n").count == 5)
    }

    @Test func rowsNumberedInAdvanceButOtherwiseBlankAreNoRecords() throws {
        let blank = ",,,,,,,,,,,,,,,,,,,,,"
        let rows = [Self.header, Self.empty] + (3...6).map { "\($0)\(blank)" } + ["7,,, \u{3000} ,,,,,,,,,,,,,,,,,,"]
        let folder = try CLIRunner.folder(["登记表.csv": rows.joined(separator: "\n") + "\n"])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "登记表.csv"], in: folder)
        let summary = try #require(try CLIRunner.json(result.stdout)["summary"] as? [String: Any])
        #expect(summary["records"] as? Int == 1)
        #expect(summary["failed"] as? Int == 0)
    }

    @Test func aRowOfManyUnreadCellsListsAFewAndCountsTheRest() throws {
        // 30 filled columns the layout does not know: eight findings one by one, then one for the
        // other 22, in each row (a hostile sheet of thousands of columns is a few findings a row).
        let extra = (1...30).map { "自定义列\($0)" }
        let header = "文件编号,文件名称," + extra.joined(separator: ",")
        let row = { (id: String) in "\(id),某办法," + extra.map { _ in "x" }.joined(separator: ",") }
        let folder = try CLIRunner.folder(["登记表.csv": [header, row("GF-1"), row("GF-2")].joined(separator: "\n") + "\n"])
        let findings = try LedgerTests.findings(["登记表.csv"], in: folder).filter { $0["rule"] as? String == "REC-007" }
        #expect(findings.count == 18)
        let last = try #require(findings.first { $0["cell"] as? String == "K2" })
        #expect((last["message"] as? String)?.hasSuffix("此行从单元格 K2 起另有 22 个单元格所在的列未被读取（只逐一列出前 8 个）；请核对表头") == true)
        let imported = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(imported.stderr.split(separator: "\n").count == 22)
        #expect(imported.stderr.contains("登记表.csv：另有 10 列未被读取，以列名为键写入记录"))
    }

    @Test func aLongHeaderIsQuotedShort() throws {
        // A header is written once and quoted by a finding in every row: 30,000 characters in each
        // of eight columns, over 2,000 rows, made gigabytes of text report from 800 KB of CSV.
        let long = (0..<8).map { "列\($0)" + String(repeating: "长", count: 30_000) }
        let rows = ["文件编号,文件名称," + long.joined(separator: ",")] + (0..<200).map { "GF-\($0),某办法," + Array(repeating: "x", count: 8).joined(separator: ",") }
        let folder = try CLIRunner.folder(["登记表.csv": rows.joined(separator: "\n") + "\n"])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "登记表.csv"], in: folder)
        #expect(result.stdout.utf8.count < 2_000_000, "\(result.stdout.utf8.count) bytes")
        #expect(result.stdout.contains("列“列0\(String(repeating: "长", count: 38))…”不是规范性文件备案登记表的列，单元格 C2 的内容未被读取"))
        #expect(result.stdout.contains("  | 列0\(String(repeating: "长", count: 38))…：x  ← 此单元格"))
    }

    @Test func aLongCellIsQuotedShort() throws {
        // Each finding of a cell quotes it: a cell naming 5,000 unknown people is 5,000 REC-004
        // findings, which quoted the whole 50 KB cell each (a text report of 250 MB).
        let names = (0..<5_000).map { "人\($0)" }.joined(separator: "、")
        let folder = try CLIRunner.folder([
            "登记表.csv": "文件编号,文件名称,审核人员\nGF-1,某办法,\(names)\n",
            "registry.yaml": Fixtures.registry,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "登记表.csv"], in: folder)
        #expect(result.stdout.utf8.count < 5_000_000, "\(result.stdout.utf8.count) bytes")
        let quoted = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  | 审核人员：") })
        #expect(quoted.hasSuffix("...  ← 此单元格"))
        #expect(quoted.count < 300)
    }

    /// A yes-or-no cell that is neither 是 nor 否 is told to be filled with 是 or 否: the record
    /// format's "write true or false (是 is not a boolean)" told a clerk the opposite of the column.
    @Test func aYesOrNoCellIsToldToBe是Or否() throws {
        let csv = "案件编号,案件名称,是否重大案件,立案日期,调查取证日期,执法人员,出示执法证件,决定日期\nT-6,某案,否,2025-10-20,2025-10-20,张执法、刘执法,已出示,2025-11-03\n"
        let folder = try CLIRunner.folder(["台账.csv": csv, "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2025-12-31", "台账.csv"], in: folder)
        #expect(result.stdout.contains("credentials_shown 的值“已出示”不是“是”或“否”；台账中此列请填“是”或“否”"), "\(result.stdout)")
        #expect(!result.stdout.contains("yes、是、1 等均不算"), "\(result.stdout)")
        // A record file keeps the format's words.
        let record = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts: {urgent: 是}\nsteps:\n")
        let yaml = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: try CLIRunner.folder(["a.yaml": record, "registry.yaml": Fixtures.registry]))
        #expect(yaml.stdout.contains("应写 true 或 false（yes、是、1 等均不算）"), "\(yaml.stdout)")
    }

    /// A legal adviser's cell saying there is none (`无`, `/`, `未聘请`) names no one: read as a
    /// person, the adviser "无" signed the review and NOR-008 passed.
    @Test(arguments: ["无", "/", "未聘请", "—", "不涉及", "（无）", "无。", "--"])
    func aPersonsCellSayingNoneNamesNoOne(cell: String) throws {
        let csv = "文件编号,文件名称,制定机关,送审日期,审核完成日期,审核结论,审核人员,法律顾问,集体审议日期,会议类型,公布日期\nRV-1,某办法,某镇人民政府,2026-03-02,2026-03-12,通过,P-2,\(cell),2026-03-19,常务会议,2026-03-27\n"
        let folder = try CLIRunner.folder(["登记表.csv": csv, "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2026-04-30", "--format", "json", "登记表.csv"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        #expect(rules.contains("NOR-008") && !rules.contains("REC-004"), "\(findings)")
    }

    /// `无` in the date, conclusion or form cells of steps that did not happen is an empty cell:
    /// it was "无 is not a date" and "结论“无”不在词汇表中", errors of a lawful row.
    @Test func noneInTheCellsOfAStepThatDidNotHappenIsEmpty() throws {
        let csv = "决策编号,决策事项名称,专家论证日期,专家论证结论,风险评估日期,风险评估结论,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型\nM-1,某方案,无,无,/,无,2024-03-01,2024-03-15,正式审查,通过,P-2,P-2,2024-03-15,2024-03-20,常务会议\n"
        let folder = try CLIRunner.folder(["台账.csv": csv, "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "台账.csv"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { ["REC-003", "REC-006"].contains($0["rule"] as? String ?? "") }, "\(findings)")
    }
}
