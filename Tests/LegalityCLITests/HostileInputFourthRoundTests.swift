import Foundation
@testable import LegalityCLI
import Testing

/// The fourth hostile review (twenty-fourth session): one test per item found.
@Suite struct HostileInputFourthRoundTests {
    /// `--output` over a data file of the rules folder (the vocabulary, the definitions, a
    /// calendar, a ledger mapping, the annual report's wording) or over a `--mapping` file stops
    /// the run, the file left as it was: a report written over the vocabulary made every later
    /// run stop.
    @Test func theReportNeverReplacesARulesDataFileOrAMapping() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules"), to: rules)
        let environment = ["LEGALITY_RULES": rules.path]
        for data in ["vocabulary.yaml", "definitions.yaml", "calendars/cn-mainland.yaml", "ledgers/penalty-cases.yaml", "report/annual-report.yaml"] {
            let before = try Data(contentsOf: rules.appendingPathComponent(data))
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "rules/\(data)", "a.yaml"], in: folder, environment: environment)
            #expect(result.status == 2, "\(data): \(result.stderr)")
            #expect(result.stderr.contains("which this run reads") || result.stderr.contains("本次运行读取的文件"), "\(result.stderr)")
            #expect(try Data(contentsOf: rules.appendingPathComponent(data)) == before, "\(data)")
        }
        try FileManager.default.copyItem(at: rules.appendingPathComponent("ledgers/penalty-cases.yaml"), to: folder.appendingPathComponent("map.yaml"))
        let mapping = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--mapping", "map.yaml", "--output", "map.yaml", "a.yaml"], in: folder, environment: environment)
        #expect(mapping.status == 2, "\(mapping.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("map.yaml"), encoding: .utf8).hasPrefix("#"))
    }

    /// A message on standard error quotes keys and file names from files found beside the records
    /// (a registry, a configuration, a rules folder): their escape sequences and bidirectional
    /// controls are shown as `�`, never sent to the terminal (one cleared the screen and planted
    /// a link).
    @Test func messagesOnStandardErrorCarryNoEscapeSequences() throws {
        // (YAML escapes: ESC, BEL, RIGHT-TO-LEFT OVERRIDE.)
        let hostile = #"n\e[2J\e]8;;http://evil.example\aclick\u202E"#
        let folder = try CLIRunner.folder([
            "registry.yaml": "people:\n  - {id: P-1, name: 王镇长, \"\(hostile)\": 1}\n", "a.yaml": Fixtures.compliant,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a key of a person"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(result.stderr)")
        #expect(result.stderr.contains("\u{FFFD}[2J"))
    }

    /// Comparing texts spends a step for every 64 bytes compared (as `text:` spends per byte): a
    /// rule comparing two texts of a megabyte for each of 100,000 steps ran for minutes within a
    /// few hundred thousand steps of its budget.
    @Test func comparingLongTextsSpendsTheRuleBudget() throws {
        let rule = """
            id: LOCAL-LONG
            severity: warning
            title: {zh: 标题与单位相同, en: Title equals department}
            message: {zh: 标题与单位相同, en: title equals department}
            basis: {instrument: 测试, article: 一}
            for_each:
              step: {steps: {type: decision}}
            violation: {eq: [$record.title, $record.department]}
            """
        let long = String(repeating: "长", count: 4_000)
        let steps = String(repeating: "  - {type: decision, date: 2024-03-20, by: [P-1]}\n", count: 200)
        let record = "id: L-1\nkind: other\ntitle: \(long)甲\ndepartment: \(long)乙\nsteps:\n" + steps
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "local/rule.yaml": rule, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--rules", "local", "--max-rule-steps", "20000", "a.yaml"], in: folder)
        let rules = (try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
        #expect(rules == ["rule-budget"], "\(result.stdout.prefix(2_000))")
        // Within a budget that allows it, the rule runs to its end and finds nothing.
        let allowed = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--rules", "local", "a.yaml"], in: folder)
        #expect((try CLIRunner.json(allowed.stdout)["findings"] as? [Any])?.isEmpty == true, "\(allowed.stdout.prefix(2_000))")
    }

    /// A ledger's cell longer than a scalar may be (`--max-scalar-bytes`) stops its sheet at that
    /// row, named at the cell: a cell of 60 MB took 750 MB to check, and the limit said nothing
    /// of ledgers. The rows above it are checked.
    @Test func aLedgerCellOverTheScalarLimitIsNamed() throws {
        let long = String(repeating: "长", count: 400)
        let csv = "案件编号,案件名称,立案日期,执法人员\nX-1,某案,2025-03-03,张伟\nX-2,\(long),2025-03-04,张伟\nX-3,某案,2025-03-05,张伟\n"
        let folder = try CLIRunner.folder(["a.csv": csv, "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--lang", "en", "--format", "json", "--max-scalar-bytes", "1000", "a.csv"], in: folder)
        #expect(result.status == 1)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let oversized = try #require(findings.first { ($0["message"] as? String)?.contains("holds 1200 bytes") == true })
        #expect(oversized["rule"] as? String == "REC-000")
        #expect((oversized["message"] as? String)?.contains("the cell B3 holds 1200 bytes, more than the limit of 1000 (--max-scalar-bytes)") == true, "\(oversized)")
        #expect(!findings.contains { $0["record"] as? String == "X-3" })
        // The row above it was checked (a case without its decision and the rest).
        #expect(findings.contains { $0["record"] as? String == "X-1" }, "\(findings)")
    }

    /// A CSV report has no place for the run's set-up, which every other format names: with rules
    /// disabled, the set-up is said on standard error; the check's workbook holds it on a sheet of
    /// its own. (The CSV of a run with `disable: [MAD-002]` read as a clean export.)
    @Test func exportsWithoutRoomForTheSetUpStillSayIt() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, ".legality.yaml": "disable: [MAD-002]\n",
        ])
        let check = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "csv", "a.yaml"], in: folder)
        #expect(check.stderr.contains("CSV 文件不含运行设置，请随表说明：配置：.legality.yaml；停用规则：MAD-002"), "\(check.stderr)")
        let audit = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(audit.stderr.contains("停用规则：MAD-002"), "\(audit.stderr)")
        // Nothing is said when nothing was changed.
        let unchanged = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview])
        let plain = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "csv", "a.yaml"], in: unchanged)
        #expect(plain.status == 1 && plain.stdout.contains("MAD-002"), "\(plain.stderr)")
        #expect(plain.stderr.isEmpty, "\(plain.stderr)")
        let xlsx = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "xlsx", "--output", "a.xlsx", "a.yaml"], in: folder)
        #expect(xlsx.status != 2, "\(xlsx.stderr)")
        let read = try CLIRunner.shell("""
            python3 -c "import zipfile; z = zipfile.ZipFile('a.xlsx'); print(z.read('xl/workbook.xml').decode()); print(z.read('xl/worksheets/sheet2.xml').decode())"
            """, in: folder)
        #expect(read.stdout.contains("<sheet name=\"运行设置\""), "\(read.stdout.prefix(600))")
        #expect(read.stdout.contains("停用规则：MAD-002"), "\(read.stdout.prefix(2_000))")
    }

    /// A parameter's value the law rules out (`never:`) is refused in a configuration: the gate
    /// took `passing_outcomes: [passed, conditional, failed]` from a repository's configuration,
    /// and a failed review went to the meeting READY. A rule's own `never` is checked too.
    @Test func aConfigurationCannotMakeAFailedReviewPass() throws {
        let failed = Fixtures.compliant.replacingOccurrences(of: "outcome: passed", with: "outcome: failed")
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": failed,
            ".legality.yaml": "parameters: {MAD-003: {passing_outcomes: [passed, conditional, failed]}}\n",
        ])
        for arguments in [["gate", "--meeting", "2024-03-20", "a.yaml"], ["check", "--as-of", "2024-12-31", "a.yaml"]] {
            let result = try CLIRunner.run(arguments + ["--lang", "en"], in: folder)
            #expect(result.status == 2, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(".legality.yaml:1:42: MAD-003's parameter 'passing_outcomes' may never hold 'failed': the law rules it out"), "\(result.stderr)")
        }
        let rule = """
            id: LOCAL-NEVER
            severity: error
            title: {zh: 审查未通过, en: Review failed}
            message: {zh: 审查未通过, en: review failed}
            basis: {instrument: 某县办法, article: 第一条}
            parameters:
              ok: {default: [passed], never: [faild], nevr: [failed]}
            violation: {missing: {steps: {type: legality_review, outcome: $param.ok}}}
            """
        let lint = try CLIRunner.run(["rules", "lint", "local"], in: try CLIRunner.folder(["local/rule.yaml": rule]))
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("unknown key 'nevr' in parameter 'ok'; did you mean 'never'?"), "\(lint.stderr)")
        #expect(lint.stderr.contains("'faild' (a 'never' value of parameter 'ok') is no code of outcomes; did you mean 'failed'?"), "\(lint.stderr)")
    }

    /// A returned review is no pass either, and a reviewer's or the head's signoff is no legal
    /// adviser's opinion: a committed configuration with `passing_outcomes: [passed, conditional,
    /// returned]` or MAD-005's `roles: [legal_adviser, public_lawyer, reviewer]` sent a returned
    /// review, or one signed by its reviewer only, to the meeting READY.
    @Test(arguments: [
        ("MAD-003: {passing_outcomes: [passed, conditional, returned]}", "1:42: MAD-003's parameter 'passing_outcomes' may never hold 'returned'"),
        ("MAD-005: {roles: [legal_adviser, public_lawyer, reviewer]}", "1:31: MAD-005's parameter 'roles' may never hold 'reviewer'"),
        ("NOR-008: {roles: [head]}", "1:31: NOR-008's parameter 'roles' may never hold 'head'"),
        ("PEN-006: {passing_outcomes: [returned]}", "1:42: PEN-006's parameter 'passing_outcomes' may never hold 'returned'"),
        // The law's least numbers (`never_below`): a lone officer was READY with `min_officers: 0`.
        ("PEN-001: {min_officers: 0}", "1:38: PEN-001's parameter 'min_officers' may never be less than 2 ('0' is)"),
        ("PEN-001: {min_officers: 1}", "1:38: PEN-001's parameter 'min_officers' may never be less than 2 ('1' is)"),
        ("PEN-010: {days: 3}", "1:30: PEN-010's parameter 'days' may never be less than 7 ('3' is)"),
    ])
    func aConfigurationCannotMakeAReturnedReviewOrAReviewerPass(parameter: String, message: String) throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, ".legality.yaml": "parameters: {\(parameter)}\n",
        ])
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "a.yaml", "--lang", "en"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains(".legality.yaml:" + message + ": the law rules it out"), "\(result.stderr)")
    }

    /// A run of files named one by one (a pre-commit hook's changed files) says a waiver is unused
    /// only when its record was among them: every waiver of the repository was "unused" on every
    /// commit (and failed it with fail_on: info). A run of the folder still says so.
    @Test func aRunOfNamedFilesJudgesOnlyTheWaiversOfItsRecords() throws {
        let waivers = """
            waivers:
              - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: 2026-12-31}
              - {rule: MAD-002, record: T-2024-001, reason: 已不需要, approved_by: 县政府办公室, expires: 2026-12-31}
            """
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": Fixtures.lateReview,
            "c.yaml": Fixtures.noMinutes, ".legality.yaml": waivers,
        ])
        func unused(_ paths: [String]) throws -> [String] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json"] + paths, in: folder)
            let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
            return findings.filter { $0["rule"] as? String == "waiver-unused" }.compactMap { $0["record"] as? String }
        }
        #expect(try unused(["c.yaml"]) == [])
        #expect(try unused(["."]) == ["T-2024-001"])
    }

    /// A run passes over the rule packs and calendars the configuration loads (the README's own
    /// `rules: [rules-local/]` made every whole-repository check read them as records, REC-001, and
    /// a pre-commit hook handed over a changed rule file as one): named, it is said; a run left with
    /// no record stops, as one that found none does.
    @Test func aFolderSearchPassesOverTheConfigurationsRulesAndCalendars() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant,
            ".legality.yaml": "rules: [rules-local/]\ncalendars: [calendars/local.yaml]\n",
            "rules-local/LOCAL-1.yaml": TestCommandTests.rule,
            "calendars/local.yaml": "years:\n  2024:\n    holidays: [2024-03-13]\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "."], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("检查了 1 条记录"), "\(result.stdout)")
        let named = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml", "rules-local/LOCAL-1.yaml"], in: folder)
        #expect(named.status == 0 && named.stdout.contains("1 record"), "\(named.stdout)")
        #expect(named.stderr.contains("rules-local/LOCAL-1.yaml: a rule, calendar, ledger mapping, configuration or registry this run reads, not checked as a record"), "\(named.stderr)")
        let only = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "rules-local"], in: folder)
        #expect(only.status == 2 && only.stderr.contains("no record files among the paths given"), "\(only.stderr)")
        // Named one by one, as a pre-commit hook hands over a commit of them, they were read as
        // what they are and loaded: nothing is left to check, and the commit is not refused.
        let hook = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "rules-local/LOCAL-1.yaml", "calendars/local.yaml"], in: folder)
        #expect(hook.status == 0 && hook.stdout.contains("checked 0 records"), "\(hook.stdout)\(hook.stderr)")
        #expect(hook.stderr.contains("calendars/local.yaml, rules-local/LOCAL-1.yaml: a rule, calendar, ledger mapping, configuration or registry this run reads"), "\(hook.stderr)")
        // Every path given must be one: an empty folder given beside them is no folder of records.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let beside = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "rules-local/LOCAL-1.yaml", "empty"], in: folder)
        #expect(beside.status == 2 && beside.stderr.contains("no record files among the paths given"), "\(beside.stderr)")
        // Nothing checked, nothing said of the run: "no registry" failed such a commit under fail_on: warning.
        let noRegistry = try CLIRunner.folder([
            ".legality.yaml": "rules: [rules-local/]\nfail_on: warning\n", "rules-local/LOCAL-1.yaml": TestCommandTests.rule,
        ])
        let warned = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "rules-local/LOCAL-1.yaml"], in: noRegistry)
        #expect(warned.status == 0 && !warned.stdout.contains("REC-005"), "\(warned.stdout)")
        // Only a check: an audit, a gate or a report of nothing stops.
        for command in [["audit", "--from", "2024-01-01", "--to", "2024-12-31"], ["gate", "--meeting", "2024-12-31"], ["report", "--year", "2024"]] {
            let other = try CLIRunner.run(command + ["--lang", "en", "rules-local/LOCAL-1.yaml"], in: folder)
            #expect(other.status == 2 && other.stderr.contains("no record files among the paths given"), "\(command[0]): \(other.stderr)")
        }
    }

    /// The built-in rules folder must hold the definitions, the record pack and the calendars:
    /// `LEGALITY_RULES` naming an empty folder (a container mounting a missing one) loaded no rule,
    /// and a file that is not YAML checked clean, exit 0.
    @Test func aRulesFolderWithoutTheRecordPackIsRefused() throws {
        let folder = try CLIRunner.folder(["broken.yaml": "id: [x\n", "empty/.keep": "", "share/legality/placeholder": ""])
        let empty = try CLIRunner.run(["check", "--lang", "en", "broken.yaml"], in: folder, environment: ["LEGALITY_RULES": folder.appendingPathComponent("empty").path])
        #expect(empty.status == 2, "\(empty.stdout)")
        #expect(empty.stderr.contains("is not legality's rules folder: it has no calendars, definitions.yaml, record, and every run needs definitions.yaml, record/ and calendars/"), "\(empty.stderr)")
        // One folder too high: the rules folder inside it is proposed.
        let share = folder.appendingPathComponent("share/legality")
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules"), to: share.appendingPathComponent("rules"))
        let above = try CLIRunner.run(["check", "--lang", "en", "broken.yaml"], in: folder, environment: ["LEGALITY_RULES": share.path])
        #expect(above.status == 2 && above.stderr.contains("did you mean \(share.path)/rules?"), "\(above.stderr)")
        let right = try CLIRunner.run(["check", "--lang", "en", "broken.yaml"], in: folder, environment: ["LEGALITY_RULES": share.appendingPathComponent("rules").path])
        #expect(right.status == 1 && right.stdout.contains("REC-000"), "\(right.stdout)")
    }

    /// The built-in rules folder's manifest lists every file of it (regenerate with `make
    /// manifest`), and a copy missing one stops the run: a built-in rule deleted where it was meant
    /// to be disabled, or a partial copy, left its checks undone while reports said "内置默认".
    @Test func aRulesFolderMissingAFileItsManifestListsIsRefused() throws {
        let rules = CLIRunner.root.appendingPathComponent("rules")
        let manifest = try String(contentsOf: rules.appendingPathComponent("manifest.yaml"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("  - ") }.map { String($0.dropFirst(4)) }
        let enumerator = try #require(FileManager.default.enumerator(atPath: rules.path))
        let present = enumerator.compactMap { $0 as? String }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: rules.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
                && path != "manifest.yaml" && !path.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
        #expect(listed == present, "make manifest: \(Set(present).symmetricDifference(listed).sorted())")
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant])
        let copy = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: rules, to: copy)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("penalty/PEN-002.yaml"))
        let result = try CLIRunner.run(["check", "--lang", "en", "a.yaml"], in: folder, environment: ["LEGALITY_RULES": copy.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("it lacks penalty/PEN-002.yaml, which its manifest.yaml lists"), "\(result.stderr)")
        // Nor may one be there with no rule in it (emptied, comments alone).
        try "# 待补\n".write(to: copy.appendingPathComponent("penalty/PEN-002.yaml"), atomically: true, encoding: .utf8)
        let emptied = try CLIRunner.run(["check", "--lang", "en", "a.yaml"], in: folder, environment: ["LEGALITY_RULES": copy.path])
        #expect(emptied.status == 2)
        #expect(emptied.stderr.contains("PEN-002.yaml defines no rule: the built-in rules are not whole"), "\(emptied.stderr)")
    }

    /// The registry beside the path given is found when that path holds the working folder
    /// (`check ..` from a subfolder): it was passed over, and a case with an expired certificate
    /// passed with only "no registry".
    @Test func theRegistryOfAPathAboveTheWorkingFolderIsFound() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "决策/a.yaml": Fixtures.compliant, "决策/b.yaml": Fixtures.lateReview])
        let inside = folder.appendingPathComponent("决策")
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", ".."], in: inside)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "REC-005" }, "\(findings)")
        #expect(findings.contains { $0["rule"] as? String == "MAD-002" }, "\(findings)")
        let absolute = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", folder.path], in: inside)
        let fromAbsolute = try #require(try CLIRunner.json(absolute.stdout)["findings"] as? [[String: Any]])
        #expect(!fromAbsolute.contains { $0["rule"] as? String == "REC-005" }, "\(fromAbsolute)")
    }

    /// A rate table written before the waived column was added is still one of legality's
    /// reports, never read back as a ledger.
    @Test func anOlderRateTableIsStillAReport() {
        let older = "\u{FEFF}规则,名称,适用检查,通过,未通过,合规率,错误,警告,法律尚未施行（不适用）,待办（尚未到期）\r\n"
        #expect(ReportSniffer.isCSVReport(Array(older.utf8)))
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}month,records,passed,failed,rate,errors,warnings\r\n".utf8)))
        // Before the unverifiable column, with the waived one.
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}规则包,名称,适用检查,通过,未通过,其中已豁免,合规率,错误,警告\r\n".utf8)))
        // A check report written before its pending column, and one with it.
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}规则,级别,记录,文件,行,列,标题,说明,依据,证据,如何改正,豁免,规则包\r\n".utf8)))
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}rule,severity,record,file,line,column,title,message,basis,evidence,fix,waiver,pack,pending\r\n".utf8)))
        // A records table written before its note column, and one with it.
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}编号,标题,类型,承办单位,决定日期,状态,错误,警告,已豁免,待办,违反的规则,文件\r\n".utf8)))
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}编号,标题,类型,承办单位,决定日期,状态,错误,警告,已豁免,待办,违反的规则,文件,说明\r\n".utf8)))
        #expect(ReportSniffer.isCSVReport(Array("\u{FEFF}id,title,kind,department,decision date,status,errors,warnings,waived,pending,rules broken,file\r\n".utf8)))
    }

    /// Inside a git repository SARIF names every file from the repository's root, however the run
    /// was called: run from `county/`, a finding in `county/a.yaml` was `a.yaml` (no such file for
    /// code scanning) and the configuration `../.legality.yaml`.
    @Test func sarifNamesFilesFromTheRepositoryRoot() throws {
        let waivers = "waivers:\n  - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: 2026-12-31}\n"
        let folder = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": waivers,
            "county/registry.yaml": Fixtures.registry, "county/a.yaml": Fixtures.lateReview,
        ])
        func uris(_ arguments: [String], in directory: URL) throws -> [String] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif"] + arguments, in: directory)
            let run = try #require((try CLIRunner.json(result.stdout)["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            let locations = results.flatMap { ($0["locations"] as? [[String: Any]]) ?? [] }
                + results.flatMap { ($0["suppressions"] as? [[String: Any]])?.compactMap { $0["location"] as? [String: Any] } ?? [] }
            return locations.compactMap { (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String }.sorted()
        }
        let fromRoot = try uris(["county"], in: folder)
        #expect(fromRoot == [".legality.yaml", "county/a.yaml"], "\(fromRoot)")
        #expect(try uris(["./county/"], in: folder) == fromRoot)
        #expect(try uris(["a.yaml"], in: folder.appendingPathComponent("county")) == fromRoot)
        #expect(try uris([folder.appendingPathComponent("county/a.yaml").path], in: folder) == fromRoot)
    }

    /// A pipe or a folder named `.legality.yaml` is no configuration, and not "none" either (a
    /// pipe read as no configuration, its waivers and disabled rules unsaid): the run stops.
    @Test func aConfigurationThatIsNoFileStopsTheRun() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, ".legality.yaml/x": "y"])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".legality.yaml: not a regular file"), "\(result.stderr)")
    }
}
