import Foundation
import Testing

/// The interface follows `--lang`, else `LANG` (issue "Ready for the office", part 3).
@Suite struct InterfaceTests {
    @Test func helpFollowsLangAndTheLangOption() throws {
        let chinese = try CLIRunner.run(["check", "--help"], environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(chinese.stdout.contains("按规则检查决策记录") && chinese.stdout.contains("记录文件或文件夹"))
        let english = try CLIRunner.run(["check", "--help", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(english.stdout.contains("Check decision records against the rules."))
        let plain = try CLIRunner.run(["check", "--help"], environment: ["LANG": "C.UTF-8"])
        #expect(plain.stdout.contains("Record files or folders"))
    }

    /// `--lang` written before the command is the command's: `legality --lang zh gate --help` was
    /// read as `check` of a path `gate` and printed check's help, `legality --lang zh --help` too
    /// (not the overview), and `legality help gate --lang zh` stopped at "Unknown option '--lang'".
    @Test func theLanguageOptionMayComeBeforeTheCommand() throws {
        let english = ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]
        let overview = try CLIRunner.run(["--lang", "zh", "--help"], environment: english)
        #expect(overview.status == 0 && overview.stdout.hasPrefix("OVERVIEW: 按合法性审查规则检查决策记录"), "\(overview.stdout)")
        let dangling = try CLIRunner.run(["help", "gate", "--lang"], environment: english)
        #expect(dangling.status == 0 && dangling.stdout.hasPrefix("OVERVIEW: Check a meeting's agenda"), "\(dangling.stdout)\(dangling.stderr)")
        for arguments in [["--lang", "zh", "gate", "--help"], ["help", "gate", "--lang", "zh"], ["--lang", "zh", "help", "gate"], ["--lang=zh", "gate", "--help"]] {
            let help = try CLIRunner.run(arguments, environment: english)
            #expect(help.status == 0 && help.stdout.hasPrefix("OVERVIEW: 会前审查"), "\(arguments): \(help.stdout)\(help.stderr)")
        }
        let list = try CLIRunner.run(["--lang", "zh", "rules", "list"], environment: english)
        #expect(list.status == 0 && list.stdout.contains("MAD-001  错误"), "\(list.stderr)")
        let group = try CLIRunner.run(["--lang", "zh", "rules", "--help"], environment: english)
        #expect(group.status == 0 && group.stdout.hasPrefix("OVERVIEW: 列出、解释和检查规则"), "\(group.stdout)\(group.stderr)")
        let typo = try CLIRunner.run(["--lang", "zh", "gat"], environment: english)
        #expect(typo.status == 2 && typo.stderr.contains("是否应为 legality gate"), "\(typo.stderr)")
        // Before a path, the option is still check's.
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let check = try CLIRunner.run(["--lang", "zh", "a.yaml", "--as-of", "2024-12-31"], in: folder, environment: english)
        #expect(check.status == 0 && check.stdout.contains("检查了 1 条记录"), "\(check.stdout)\(check.stderr)")
    }

    @Test func usageAndRunErrorsInChinese() throws {
        let usage = try CLIRunner.run(["check", "--bogus", "--lang", "zh"])
        #expect(usage.status == 2)
        #expect(usage.stderr.contains("用法错误") && usage.stderr.contains("legality help"))
        let missing = try CLIRunner.run(["check", "no-such-folder", "--lang", "zh"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("没有这个文件或文件夹"), "\(missing.stderr)")
    }

    @Test func rulesListAndShowSpeakChineseAndIdsIgnoreCase() throws {
        let list = try CLIRunner.run(["rules", "list", "--lang", "zh"])
        #expect(list.stdout.contains("MAD-001  错误") && list.stdout.contains("警告"))
        let show = try CLIRunner.run(["rules", "show", "mad-007", "--lang", "zh"])
        #expect(show.status == 0 && show.stdout.hasPrefix("MAD-007"))
    }

    /// legality's own findings are named like rules in reports (`registry-missing` in the gate,
    /// `rule-error`, `waiver-expired`): `rules show` explains them and `rules list` names them
    /// (a first reader found them in no list).
    @Test func legalitysOwnFindingsAreExplained() throws {
        let show = try CLIRunner.run(["rules", "show", "registry-missing", "--lang", "zh"])
        #expect(show.status == 0 && show.stdout.hasPrefix("registry-missing  未找到人员名册，无法核查"), "\(show.stdout)\(show.stderr)")
        #expect(show.stdout.contains("如何改正: 用 --registry 指定人员名册"))
        let english = try CLIRunner.run(["rules", "show", "Waiver-Expired", "--lang", "en"])
        #expect(english.status == 0 && english.stdout.contains("legality's own finding, of no rule pack (config in reports)"), "\(english.stdout)")
        let typo = try CLIRunner.run(["rules", "show", "rule-eror", "--lang", "en"])
        #expect(typo.status == 2 && typo.stderr.contains("did you mean 'rule-error'?"), "\(typo.stderr)")
        let list = try CLIRunner.run(["rules", "list", "--lang", "zh"])
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.last?.hasSuffix("条规则") == true)
        #expect(lines.dropLast().last?.contains("rule-budget、rule-error、registry-missing、waiver-expired、waiver-too-long、waiver-unused") == true, "\(list.stdout)")
        let filtered = try CLIRunner.run(["rules", "list", "--pack", "mad"])
        #expect(!filtered.stdout.contains("registry-missing"))
    }

    /// `rules show` says which act's day picks the version of the law (a legal adviser read "by
    /// the day of the act" for a rule that goes by the first collective discussion), and a
    /// version's own fix (PEN-010 under the 2017 text: calendar days).
    @Test func rulesShowNamesTheDayThatPicksTheVersion() throws {
        let mad = try CLIRunner.run(["rules", "show", "MAD-010", "--lang", "zh"])
        #expect(mad.stdout.contains("法律版本:\n  按哪一天适用：首次集体讨论之日"), "\(mad.stdout)")
        let hearing = try CLIRunner.run(["rules", "show", "PEN-010", "--lang", "en"])
        #expect(hearing.stdout.contains("picked by: the day of the hearing"), "\(hearing.stdout)")
        #expect(hearing.stdout.contains("art. 42 (unit = days)\n    how to fix: Reschedule the hearing to give at least 7 calendar days' notice."), "\(hearing.stdout)")
        let officers = try CLIRunner.run(["rules", "show", "PEN-001", "--lang", "zh"])
        #expect(officers.stdout.contains("按哪一天适用：调查或检查之日（写成期间的，为第一天）"), "\(officers.stdout)")
        let publication = try CLIRunner.run(["rules", "show", "PEN-012", "--lang", "zh"])
        #expect(publication.stdout.contains("法律版本（按行为发生之日适用）"), "\(publication.stdout)")
    }

    @Test func theFileLineLinesUpUnderEitherMark() throws {
        let ready = Fixtures.compliant.replacingOccurrences(of: "date: 2024-03-20\n    meeting", with: "date: 2024-03-20\n    status: planned\n    meeting")
            .replacingOccurrences(of: "  - {type: decision, date: 2024-03-20, by: [P-1]}\n  - {type: publication, date: 2024-03-25}", with: "")
        let blocked = "id: B-1\nkind: major_administrative_decision\ntitle: 未审查\nsteps:\n  - {type: collective_discussion, date: 2024-03-20, status: planned}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": ready, "b.yaml": blocked])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "."], in: folder)
        let lines = gate.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let fileLines = lines.filter { $0.hasSuffix("a.yaml") || $0.hasSuffix("b.yaml") }
        #expect(fileLines.count == 2)
        #expect(Set(fileLines.map { $0.prefix { $0 == " " }.count }).count == 1, "\(fileLines)")
        #expect(gate.stdout.contains("[可以上会]") && gate.stdout.contains("[暂缓上会]"))
    }

    /// A mistyped command is said to be one (`gat` was read as a path for `check`, which offered
    /// `--mapping` for `--meeting`); a path of that name is still a path.
    @Test func aMistypedCommandIsNamed() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "gat/a.yaml": Fixtures.compliant])
        let typo = try CLIRunner.run(["gat", "--meeting", "2024-03-20", "."], in: folder.appendingPathComponent("gat"), environment: ["LANG": "C.UTF-8"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("'gat' is no command, and no file or folder of that name exists; did you mean 'legality gate'?"), "\(typo.stderr)")
        let chinese = try CLIRunner.run(["chek", "."], in: folder, environment: ["LANG": "zh_CN.UTF-8"])
        #expect(chinese.stderr.contains("“chek”不是命令，也没有这个名称的文件或文件夹；是否应为 legality check？"), "\(chinese.stderr)")
        let path = try CLIRunner.run(["gat", "--as-of", "2024-12-31"], in: folder)
        #expect(path.status == 0, "\(path.stdout)\(path.stderr)")
    }

    /// `schema` takes the options it reads: it took every option of a check (`--registry`,
    /// `--calendar`, `--jobs`) and let a missing file pass unsaid.
    @Test func schemaTakesOnlyWhatItReads() throws {
        let folder = try CLIRunner.folder([:])
        let calendar = try CLIRunner.run(["schema", "--calendar", "nowhere.yaml"], in: folder, environment: ["LANG": "C.UTF-8"])
        #expect(calendar.status == 2 && calendar.stderr.contains("Unknown option '--calendar'"), "\(calendar.stderr)")
        let rules = try CLIRunner.run(["schema", "--rules", "nowhere", "--lang", "en"], in: folder)
        #expect(rules.status == 2 && rules.stderr.contains("nowhere: no such file or folder"), "\(rules.stderr)")
        let schema = try CLIRunner.run(["schema"], in: folder)
        #expect(schema.status == 0 && schema.stdout.contains("json-schema.org"))
    }
}
