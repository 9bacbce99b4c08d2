import Foundation
import Testing

/// A hostile or careless file (the tenth review, of what a person reads in the output): what hid,
/// forged or disguised a finding, or wrote over a record, is now refused or shown.
@Suite struct HostileInputTenthRoundTests {
    /// Two folders, or two files, whose names are canonically equivalent in Unicode but other bytes
    /// (`不` U+4E0D and the compatibility ideograph U+F967) are two to the file system, and both are
    /// read: the second folder was never walked, and its failing record passed unsaid.
    @Test func namesAlikeInOtherBytesAreEachRead() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "ok.yaml": Fixtures.compliant])
        let made = try CLIRunner.shell("""
            mkdir -p $'a/\\xe4\\xb8\\x8d' $'a/\\xef\\xa5\\xa7' flat
            cp ok.yaml $'a/\\xe4\\xb8\\x8d/r.yaml' && cp late.yaml $'a/\\xef\\xa5\\xa7/r.yaml'
            cp ok.yaml $'flat/\\xe4\\xb8\\x8d.yaml' && cp late.yaml $'flat/\\xef\\xa5\\xa7.yaml'
            """, in: try Self.withLateReview(folder))
        #expect(made.status == 0, "\(made.stderr)")
        let walked = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a"], in: folder)
        #expect(walked.status == 1, "\(walked.stdout)")
        #expect(walked.stdout.contains("检查了 2 条记录"), "\(walked.stdout)")
        let named = try CLIRunner.shell("\"$0\" check --as-of 2024-12-31 flat/*.yaml", in: folder)
        #expect(named.status == 1 && named.stdout.contains("检查了 2 条记录"), "\(named.stdout)")
    }

    private static func withLateReview(_ folder: URL) throws -> URL {
        try Fixtures.lateReview.write(to: folder.appendingPathComponent("late.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    /// NEL, LS or PS ends a comment for libyaml, not for an editor: a legal review written after
    /// one, in a line every viewer showed as a comment, counted as done. The file is refused at
    /// the character, and every other record goes on being checked.
    @Test func aStepHiddenAfterALineBreakNoEditorShowsIsRefused() throws {
        let hidden = Fixtures.lateReview.replacingOccurrences(
            of: "  - type: collective_discussion", with: "  # 备注：无\u{85}  - {type: legality_review, date: 2024-03-10, outcome: passed}\n  - type: collective_discussion")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": hidden])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("错误[REC-000]"), "\(result.stdout)")
        #expect(result.stdout.contains("此行有字符 U+0085（下一行符），YAML 把它当作换行，而编辑器中看不到换行"), "\(result.stdout)")
    }

    /// A waiver's reason and approver stay on one line in the text report: a reason holding line
    /// breaks wrote a summary line of its own ("0 个错误") into the middle of the report.
    @Test func aWaiverReasonStaysOnOneLine() throws {
        let configuration = """
            waivers:
              - {rule: MAD-002, record: T-2024-002, reason: "经局长批准\\n\\n检查了 40 条记录：0 个错误", approved_by: "局办\\n1号", expires: 2030-12-31}
            """
        let folder = try CLIRunner.folder([".legality.yaml": configuration, "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.stdout.contains("豁免：经局长批准��检查了 40 条记录：0 个错误（批准：局办�1号，有效期至 2030-12-31）\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("\n检查了 40 条记录"))
    }

    /// A title's runs of white space are one space in the checklist: a title padded with
    /// thousands of spaces wrapped on the terminal to start a forged `[可以上会]` line of its own.
    @Test func aPaddedTitleCannotStartALineOfTheChecklist() throws {
        let padded = GateCommandTests.unreviewed.replacingOccurrences(
            of: "title: 未审查的议题", with: "title: \"未审查的议题" + String(repeating: " ", count: 2_400) + "[可以上会] G-2 未审查的议题\"")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": padded])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-12", "a.yaml"], in: folder)
        #expect(result.stdout.contains("[暂缓上会] G-2 未审查的议题 [可以上会] G-2 未审查的议题\n"), "\(result.stdout)")
        #expect(!result.stdout.contains("  [可以上会]"))
    }

    /// `--output` never replaces a file that may be a record: a YAML file (no report is YAML), or a
    /// JSON or CSV file that is not legality's own report. A pre-commit hook's file named
    /// `--output=victim.yaml` replaced the committed record `victim.yaml` with the report.
    @Test func theReportNeverReplacesAFileThatMayBeARecord() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "victim.yaml": Fixtures.lateReview, "b.json": "{\"id\": \"J-1\"}\n"])
        for target in ["victim.yaml", "b.json"] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--output", target, "a.yaml"], in: folder)
            #expect(result.status == 2, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("the file exists and may be decision records"), "\(result.stderr)")
        }
        // Nor a link named .yaml, nor a workbook that is no report of legality's own (a ledger).
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path, withDestinationPath: "victim.yaml")
        let ledger = CLIRunner.root.appendingPathComponent("cases/ledgers")
        let workbook = try #require(try FileManager.default.contentsOfDirectory(atPath: ledger.path).first { $0.hasSuffix(".xlsx") })
        try FileManager.default.copyItem(at: ledger.appendingPathComponent(workbook), to: folder.appendingPathComponent("台账.xlsx"))
        for target in ["link.yaml", "台账.xlsx"] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "html", "--output", target, "a.yaml"], in: folder)
            #expect(result.status == 2, "\(target): \(result.stderr)")
        }
        let ownWorkbook = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "xlsx", "--output", "report.xlsx", "a.yaml"], in: folder)
        let againWorkbook = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "xlsx", "--output", "report.xlsx", "a.yaml"], in: folder)
        #expect(ownWorkbook.status == 0 && againWorkbook.status == 0, "\(againWorkbook.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("victim.yaml"), encoding: .utf8) == Fixtures.lateReview)
        // Its own report, written again, and a new file, are fine.
        let first = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "report.json", "a.yaml"], in: folder)
        let again = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "report.json", "a.yaml"], in: folder)
        #expect(first.status == 0 && again.status == 0, "\(again.stderr)")
    }

    /// The hooks that pass file names end the options with `--`: a record named
    /// `--registry=registry.yaml` was taken for the option and never checked.
    @Test func theHooksPassFileNamesAfterTheOptions() throws {
        let hooks = try CommitAndCITests.hooks()
        for (id, lines) in hooks where CommitAndCITests.value("pass_filenames", of: lines) != "false" {
            #expect(CommitAndCITests.value("entry", of: lines) == "legality check --", "\(id)")
        }
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "--registry=registry.yaml": Fixtures.lateReview, "ok.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--", "--registry=registry.yaml", "ok.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("检查了 2 条记录"), "\(result.stdout)")
    }

    /// Hidden characters are `�` in workbooks, HTML and JUnit too: an override in an id showed one
    /// record under another's id in the audit workbook, and a zero-width space told two titles or
    /// departments apart that read the same.
    @Test func hiddenCharactersAreShownInEveryFormat() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry,
            "a.yaml": Fixtures.lateReview.replacingOccurrences(of: "title: 某镇老旧小区改造方案", with: "title: \"某镇老旧\u{200B}小区\u{202E}改造方案\""),
        ])
        let html = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "html", "a.yaml"], in: folder)
        #expect(html.stdout.contains("某镇老旧�小区�改造方案"), "\(html.stdout)")
        #expect(!html.stdout.contains("\u{200B}") && !html.stdout.contains("\u{202E}"))
        // The joiners and Mongolian's variation selectors, which scripts are written with, are kept.
        let scripts = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview.replacingOccurrences(of: "title: 某镇老旧小区改造方案", with: "title: \"ئۇيغۇر\u{200C}چە ᠮᠣᠩᠭᠣᠯ\u{180B}ᠠ 👩\u{200D}⚖️\"")])
        let kept = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "html", "a.yaml"], in: scripts)
        #expect(kept.stdout.contains("ئۇيغۇر\u{200C}چە ᠮᠣᠩᠭᠣᠯ\u{180B}ᠠ 👩\u{200D}⚖️"), "\(kept.stdout)")
        let xlsx = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "xlsx", "--output", "a.xlsx", "a.yaml"], in: folder)
        #expect(xlsx.status != 2, "\(xlsx.stderr)")
        let cells = try CLIRunner.shell(#"python3 -c "import zipfile; z = zipfile.ZipFile('a.xlsx'); print(''.join(z.read(n).decode() for n in z.namelist() if n.startswith('xl/worksheets/')))""#, in: folder)
        #expect(cells.stdout.contains("某镇老旧�小区�改造方案"), "\(cells.stdout.prefix(2000))")
        #expect(!cells.stdout.contains("\u{202E}") && !cells.stdout.contains("\u{200B}"))
        // SARIF's messages, which code scanning shows to people: a person id quoted with an override.
        let quoted = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant.replacingOccurrences(of: "by: [P-1]", with: "by: [\"P-\u{202E}9\"]")])
        let sarif = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "a.yaml"], in: quoted)
        #expect(sarif.stdout.contains("P-�9") && !sarif.stdout.contains("\u{202E}") && !sarif.stdout.contains("\\u202e"), "\(sarif.stdout)")
    }

    /// A link leading outside the checked folders is named by what it says, not by the resolved
    /// path, which named the checkout's place (a home folder, a user name) in every CI log.
    @Test func aLinkOutsideIsNamedAsItIsWritten() throws {
        let folder = try CLIRunner.folder(["records/registry.yaml": Fixtures.registry, "records/a.yaml": Fixtures.compliant, "outside/secret.yaml": "token: s3cret\n"])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("records/out.yaml").path, withDestinationPath: "../outside/secret.yaml")
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "records"], in: folder)
        #expect(result.stdout.contains("the link points outside the checked folders (to ../outside/secret.yaml)"), "\(result.stdout)")
        #expect(!result.stdout.contains(folder.path) && !result.stdout.contains("s3cret"), "\(result.stdout)")
    }

    /// A configuration or registry named by its path inside the checked folder is the run's own,
    /// no record: `--config conf.yaml` was read as a record too, a REC-001 of four keys.
    @Test func aConfigurationOrRegistryNamedInsideTheFolderIsNoRecord() throws {
        let folder = try CLIRunner.folder(["conf.yaml": "fail_on: warning\n", "people.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--config", "conf.yaml", "--registry", "people.yaml", "."], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("检查了 1 条记录"), "\(result.stdout)")
    }

    /// An id with a character that looks like another an id is written with (a dash other than
    /// `-`, a Greek or Cyrillic letter beside Latin ones) read the same as its twin, and the
    /// duplicate went unnoticed: REC-001 naming the character and what to write.
    @Test(arguments: [("ZY\u{2010}SJ-2025-217", "U+2010", "-"), ("ZY\u{2013}SJ-2025-217", "U+2013", "-"), ("\u{396}Y-SJ-2025-217", "U+0396", "Z"), ("ZY-SJ-2025-2\u{421}7", "U+0421", "C"), ("ZY\u{FF0D}SJ-2025-217", "U+FF0D", "-")])
    func anIdWithALookAlikeCharacterIsRefused(id: String, code: String, meant: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: \"\(id)\"")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("错误[REC-001]") && result.stdout.contains("个字符是 \(code)（") && result.stdout.contains("请改为 \(meant)（或重新输入编号）"), "\(result.stdout)")
        // A Chinese document number, its brackets and an em dash are no look-alikes.
        let chinese = Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: 泽政发〔2024〕3号—1")
        let plain = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": chinese]))
        #expect(plain.status == 0, "\(plain.stdout)")
    }

    /// The finding that counts the findings not listed comes after those listed of its rule, in
    /// the sorted formats too: it sorted before the last one listed, by its message's digits.
    @Test func theCountOfFindingsNotListedComesLast() throws {
        let people = (1...150).map { "U-\($0)" }.joined(separator: ", ")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": "{id: X-2, kind: normative_document, title: t, steps: [{type: decision, date: 2024-03-01, by: [\(people)]}]}\n"])
        let html = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "html", "--lang", "en", "b.yaml"], in: folder)
        let listed = try #require(html.stdout.range(of: "U-100"))
        let counted = try #require(html.stdout.range(of: "50 more findings of this rule in this record are not listed"))
        #expect(listed.lowerBound < counted.lowerBound, "the count comes after the last one listed")
    }
}
