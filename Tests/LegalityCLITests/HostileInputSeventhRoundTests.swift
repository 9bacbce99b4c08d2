import Foundation
import Testing

/// Hostile input, seventh round: files that pass themselves off as legality's own reports, and
/// names that a search passed over.
@Suite struct HostileInputSeventhRoundTests {
    static let ledger = HostileInputSixthRoundTests.ledger

    static func rules(_ result: CLIRunner.Result) throws -> [String] {
        try HostileInputSixthRoundTests.rules(result)
    }

    /// A ledger whose first line is a legality report's header (and its real header below, within
    /// the rows searched for one) was passed over by a folder search as a report.
    @Test func aLedgerBelowAReportsHeaderLineIsRead() throws {
        let header = "规则,级别,记录,文件,行,列,标题,说明,依据,证据,如何改正,豁免,规则包\n"
        let folder = try CLIRunner.folder(["台账.csv": header + Self.ledger])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result).contains { $0.hasPrefix("PEN-") }, "\(result.stdout)")
        // legality's own CSV reports are still passed over unsaid (read as ledgers, none of their
        // tables is one), and a folder of nothing else checks no record.
        let reports = try CLIRunner.folder(["a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry])
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "csv", "--output", "findings.csv", "a.yaml"], in: reports).status == 0)
        #expect(try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv", "--output", "audit.csv", "a.yaml"], in: reports).status == 0)
        let again = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: reports)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(try Self.rules(again).isEmpty, "\(again.stdout)")
        try FileManager.default.removeItem(at: reports.appendingPathComponent("a.yaml"))
        let only = try CLIRunner.run(["check", "--as-of", "2024-12-31", "."], in: reports)
        #expect(only.status == 0 && only.stdout.contains("检查了 0 条记录"), "\(only.stdout)")
        #expect(only.stderr.contains("audit.csv: a report legality wrote, holding no ledger"), "\(only.stderr)")
    }

    /// An office's layout that takes a report's header (编号 and 标题 are the audit's records
    /// table's) read legality's own report back as records: a report's header row is never a ledger's.
    @Test func aReportsHeaderIsNoLedgerHeaderWhateverTheLayout() throws {
        let mapping = """
            ledger:
              id: own-titles
              name: {zh: 事项登记表, en: register of matters}
              kind: other
              columns:
                - {header: [编号, id], field: id, required: true}
                - {header: [标题, title], field: title, required: true}
            """
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry, "layout.yaml": mapping])
        #expect(try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv", "--table", "records", "--output", "records.csv", "a.yaml"], in: folder).status == 0)
        let again = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--mapping", "layout.yaml", "a.yaml", "records.csv"], in: folder)
        let records = try #require(try CLIRunner.json(again.stdout)["summary"] as? [String: Any])
        #expect(records["records"] as? Int == 1, "\(again.stdout)")
    }

    /// A workbook naming legality as the program that wrote it was never read, even named.
    @Test func aWorkbookClaimingToBeLegalitysIsReadWhenItIsALedger() throws {
        let folder = try CLIRunner.folder([:])
        let source = CLIRunner.root.appendingPathComponent(LedgerTests.penalty).path
        let made = try CLIRunner.shell("""
            python3 - '\(source)' <<'PY'
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as old, zipfile.ZipFile("台账.xlsx", "w") as new:
                for item in old.infolist():
                    data = old.read(item.filename)
                    if item.filename == "docProps/app.xml":
                        data = b'<Properties><Application>legality</Application></Properties>'
                    new.writestr(item, data)
            PY
            """, in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "台账.xlsx"], in: folder)
        #expect(result.status == 1)
        #expect(try Self.rules(result).contains("PEN-001"), "\(result.stdout)")
    }

    /// `~$` marks the lock file of an open workbook, not a record: `~$议题.yaml` was passed over.
    @Test func onlyASpreadsheetsLockFileIsPassedOver() throws {
        let folder = try CLIRunner.folder(["~$议题.yaml": Fixtures.lateReview, "~$台账.xlsx": "lock", "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result) == ["MAD-002"], "\(result.stdout)")
    }

    /// `SQ-1` and `SQ-1` with a zero-width space printed the same: one failed, one passed, and no
    /// duplicate was found. An id holding a character no one can see is REC-001 naming it.
    @Test(arguments: [("SQ-1\\u2800", "的末尾是不可见字符 U+2800"), ("SQ\\u00A01", "的第 3 个字符是不可见字符 U+00A0"), ("SQ-1\\u200B", "的末尾是不可见字符 U+200B"),
                      ("\\u202E1-QS", "的开头是不可见字符 U+202E"), ("SQ-1 ", "的末尾是空格"), ("SQ\\u00AD-1", "的第 3 个字符是不可见字符 U+00AD"), ("SQ-\\u31641", "的第 4 个字符是不可见字符 U+3164")])
    func anIdHoldingACharacterNoOneCanSeeIsSaid(id: String, named: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: \"\(id)\"")
        let folder = try CLIRunner.folder(["a.yaml": record, "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["REC-001"], "\(result.stdout)")
        #expect((findings.first?["message"] as? String)?.contains(named) == true, "\(findings.first?["message"] ?? "")")
        #expect(result.status == 1)
        // Ids of Chinese, spaces inside and punctuation are ids like any other.
        let plain = Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: 石桥镇 2024 第1号")
        try Data(plain.utf8).write(to: folder.appendingPathComponent("b.yaml"))
        let clean = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "b.yaml"], in: folder)
        #expect(try Self.rules(clean).isEmpty, "\(clean.stdout)")
    }

    /// A bidirectional override in a record's text reordered what an HTML checklist or a JUnit
    /// viewer showed (`\u{202E}1-QS` read as `SQ-1`); the text report showed `�`, and now so do they.
    @Test func bidirectionalControlsShowAsReplacementCharactersInHTMLAndJUnit() throws {
        let record = Fixtures.lateReview.replacingOccurrences(of: "title: 某镇老旧小区改造方案", with: "title: \"改造\\u202E方案\"")
        let folder = try CLIRunner.folder(["a.yaml": record, "registry.yaml": Fixtures.registry])
        for format in ["html", "junit"] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", format, "a.yaml"], in: folder)
            #expect(!result.stdout.unicodeScalars.contains("\u{202E}"), "\(format)")
        }
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--format", "html", "a.yaml"], in: folder)
        #expect(!gate.stdout.unicodeScalars.contains("\u{202E}") && gate.stdout.contains("改造\u{FFFD}方案"))
    }

    /// A comma left unquoted in a cell moved the fields after it one column on: the tail of 备注 was
    /// read as 审查结论 (通过), the 不通过 written there fell in a column without a header (a warning),
    /// and the gate said READY. A row with more fields than its header is not checked, and says why.
    @Test func aCSVRowLongerThanItsHeaderIsNotCheckedAsItStands() throws {
        let ledger = "决策编号,决策事项名称,审查完成日期,集体讨论日期,会议类型,会议纪要,法律顾问,备注,审查结论\nSQ-1,事项一,2025-03-20,2025-04-03,常务会议,有,孙明,修改稿经复核,通过,不通过\n"
        let folder = try CLIRunner.folder(["台账.csv": ledger])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "台账.csv"], in: folder)
        #expect(result.status == 1)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let shifted = try #require(findings.first { $0["rule"] as? String == "REC-000" })
        #expect((shifted["message"] as? String)?.contains("本行从单元格 J2 起比表头（9 列）多出内容") == true, "\(shifted)")
        #expect(shifted["cell"] as? String == "J2")
        // The shifted values make no findings of their own: the row is said once.
        #expect(findings.filter { $0["file"] as? String == "台账.csv" }.count == 1, "\(findings)")
        let imported = try CLIRunner.run(["import", "台账.csv", "--out", "out"], in: folder)
        #expect(imported.stderr.contains("has more fields than the header's 9 columns") || imported.stderr.contains("比表头（9 列）多出内容"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/SQ-1.yaml").path))
    }

    /// A ledger below a report's header line, whose own header no layout takes (决策编码 for
    /// 决策编号), was passed over as a report: a row naming a ledger's column makes it a ledger.
    @Test func aLedgerBelowAReportsHeaderIsSaidEvenWhenNoLayoutTakesIt() throws {
        let file = "规则,级别,记录,文件,行,列,标题,说明,依据,证据,如何改正,豁免,规则包\n\n决策编码,决策事项名称,审查结论\nSQ-9,事项,不通过\n"
        let folder = try CLIRunner.folder(["F.csv": file])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result).contains("REC-000"), "\(result.stdout)")
    }

    @Test func aTSVLedgerIsReadAndUTF32IsSaid() throws {
        let tsv = Self.ledger.replacingOccurrences(of: ",", with: "\t")
        let folder = try CLIRunner.folder(["台账.tsv": tsv])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result).contains { $0.hasPrefix("PEN-") }, "\(result.stdout)")
        let utf32 = Data([0xFF, 0xFE, 0x00, 0x00]) + Data(Self.ledger.unicodeScalars.flatMap { scalar in (0..<4).map { UInt8((scalar.value >> (8 * $0)) & 0xFF) } })
        try utf32.write(to: folder.appendingPathComponent("台账32.csv"))
        let said = try CLIRunner.run(["check", "--as-of", "2026-06-30", "台账32.csv"], in: folder)
        #expect(said.stdout.contains("UTF-32"), "\(said.stdout)")
    }
}
