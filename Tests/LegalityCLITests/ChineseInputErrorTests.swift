import Foundation
import Testing

/// Problems in the files an office keeps beside its records — rules, the configuration, the
/// registry of people, a working-day calendar, a ledger mapping — are told in Chinese when the
/// interface is Chinese, as every finding is: a clerk who keeps the registry got
/// "file:3:5: 'people' must be a list, found a mapping" under `LANG=zh_CN.UTF-8`.
@Suite struct ChineseInputErrorTests {
    /// The lines of `stderr` that point at a place in a file (`file:line:column…`).
    static func placeLines(_ stderr: String, file: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(file + ":") && $0.range(of: #":\d+:\d+"#, options: .regularExpression) != nil }
    }

    /// Whether a line is told in Chinese: the place, a full-width colon, then Chinese words.
    static func isChinese(_ line: String) -> Bool {
        guard let colon = line.range(of: #":\d+:\d+："#, options: .regularExpression) else { return false }
        return line[colon.upperBound...].unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// Runs `arguments` in a folder of `files`, in Chinese and in English; the problems in `file`
    /// must be Chinese in the first and keep `english` in the second.
    static func expectBothLanguages(_ files: [String: String], _ arguments: [String], file: String, header: String, english: String) throws {
        let folder = try CLIRunner.folder(files)
        let chinese = try CLIRunner.run(arguments + ["--lang", "zh"], in: folder)
        #expect(chinese.status == 2, "\(chinese.stderr)")
        #expect(chinese.stderr.contains(header), "\(chinese.stderr)")
        let lines = placeLines(chinese.stderr, file: file)
        #expect(!lines.isEmpty && lines.allSatisfy(isChinese), "\(chinese.stderr)")
        #expect(!chinese.stderr.contains(english), "\(chinese.stderr)")
        let plain = try CLIRunner.run(arguments + ["--lang", "en"], in: folder)
        #expect(plain.status == 2 && plain.stderr.contains(english), "\(plain.stderr)")
    }

    static let record = """
        id: ZH-1
        kind: normative_document
        title: 示例
        steps: []

        """

    @Test func ruleFileProblems() throws {
        let rule = """
            id: LOCAL-001
            severity: fatal
            title: {zh: 示例, en: Example}
            message: {zh: 示例, en: Example}
            violation: {eq: [$record.title, ""]}
            basis: {instrument: 示例, article: 一}

            """
        try Self.expectBothLanguages(["a.yaml": Self.record, "local/LOCAL-001.yaml": rule], ["check", "--rules", "local", "a.yaml"], file: "LOCAL-001.yaml", header: "规则文件有误", english: "unknown severity")
    }

    @Test func expressionProblems() throws {
        let rule = """
            id: LOCAL-002
            severity: warning
            title: {zh: 示例, en: Example}
            message: {zh: 示例, en: Example}
            violation: {eq: [$record.title]}
            basis: {instrument: 示例, article: 一}

            """
        try Self.expectBothLanguages(["a.yaml": Self.record, "local/LOCAL-002.yaml": rule], ["check", "--rules", "local", "a.yaml"], file: "LOCAL-002.yaml", header: "规则文件有误", english: "takes a list of two values")
    }

    @Test func configurationProblems() throws {
        try Self.expectBothLanguages([".legality.yaml": "lang: fr\n", "a.yaml": Self.record], ["check", "a.yaml"], file: ".legality.yaml", header: "配置文件有误", english: "'lang' is zh or en")
    }

    @Test func registryProblems() throws {
        try Self.expectBothLanguages(["registry.yaml": "people: {P-1: 张三}\n", "a.yaml": Self.record], ["check", "a.yaml"], file: "registry.yaml", header: "人员名册有误", english: "must be a list")
    }

    @Test func calendarProblems() throws {
        try Self.expectBothLanguages(["days.yaml": "calendar: local\nyears: 2024\n", "a.yaml": Self.record], ["check", "--calendar", "days.yaml", "a.yaml"], file: "days.yaml", header: "工作日历有误", english: "a calendar is a mapping with")
    }

    @Test func ledgerMappingProblems() throws {
        try Self.expectBothLanguages(["map.yaml": "ledger: 5\n", "a.yaml": Self.record], ["check", "--mapping", "map.yaml", "a.yaml"], file: "map.yaml", header: "台账映射文件有误", english: "a mapping file holds")
    }

    /// A YAML problem of a rule file, found by the parser legality wraps: told in Chinese, with the
    /// parser's own words beside it.
    @Test func yamlProblemsOfSetupFiles() throws {
        let folder = try CLIRunner.folder([".legality.yaml": "disable: [MAD-001]\ndisable: [MAD-002]\n", "a.yaml": Self.record])
        let chinese = try CLIRunner.run(["check", "a.yaml", "--lang", "zh"], in: folder)
        #expect(chinese.status == 2)
        #expect(chinese.stderr.contains("配置文件有误") && chinese.stderr.contains("键 disable 出现了两次"), "\(chinese.stderr)")
    }

    /// A record's own duplicate key is REC-000 in Chinese too (it read "无法解析为 YAML（解析器原文：the key…）").
    @Test func duplicateKeysOfRecords() throws {
        let folder = try CLIRunner.folder(["a.yaml": "id: ZH-2\nid: ZH-3\nkind: normative_document\ntitle: 示例\nsteps: []\n"])
        let json = try CLIRunner.json(try CLIRunner.run(["check", "a.yaml", "--format", "json", "--lang", "zh"], in: folder).stdout)
        let findings = json["findings"] as? [[String: Any]] ?? []
        let message = findings.first { $0["rule"] as? String == "REC-000" }?["message"] as? String ?? ""
        #expect(message.contains("同一映射中键 id 出现了两次（第一次在第 1 行第 1 列）"), "\(findings)")
    }

    /// Usage mistakes found after the command line was read are told in Chinese too.
    @Test func validationProblems() throws {
        let folder = try CLIRunner.folder(["a.yaml": Self.record])
        let jobs = try CLIRunner.run(["check", "a.yaml", "--jobs", "0", "--lang", "zh"], in: folder)
        #expect(jobs.status == 2 && jobs.stderr.contains("--jobs 应为不小于 1 的整数"), "\(jobs.stderr)")
        // (A limit of 0 was read as 1: `--max-records 0` checked one record, unsaid.)
        let records = try CLIRunner.run(["check", "a.yaml", "--max-records", "0", "--lang", "zh"], in: folder)
        #expect(records.status == 2 && records.stderr.contains("--max-records 应为不小于 1 的整数，实际是 0"), "\(records.stderr)")
        let audit = try CLIRunner.run(["audit", ".", "--from", "2024-05-01", "--to", "2024-04-01", "--lang", "zh"], in: folder)
        #expect(audit.status == 2 && audit.stderr.contains("晚于"), "\(audit.stderr)")
    }

    /// `rules lint`'s warnings follow the interface's language too; its closing count stays as it is.
    @Test func lintWarnings() throws {
        let rule = """
            id: LOCAL-009
            severity: warning
            title: {zh: 示例, en: Example}
            message: {zh: 示例, en: Example}
            basis: {instrument: 示例, article: 一}
            parameters:
              days: {default: 5}
            violation: {is_true: $record.facts.affects_public_intrest}

            """
        let folder = try CLIRunner.folder(["q/LOCAL-009.yaml": rule])
        let chinese = try CLIRunner.run(["rules", "lint", "q", "--lang", "zh"], in: folder)
        #expect(chinese.stdout.contains("q/LOCAL-009.yaml:1:1: 警告：LOCAL-009 没有触发示例"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("是否应为 affects_public_interest？"), "\(chinese.stdout)")
        #expect(chinese.stdout.contains("q/LOCAL-009.yaml:7:19: 警告：LOCAL-009：参数 days 已声明但从未读取"), "\(chinese.stdout)")
        #expect(!chinese.stdout.contains("warning:") && chinese.stdout.hasSuffix("1 rules checked, 0 errors, 6 warnings\n"), "\(chinese.stdout)")
        let english = try CLIRunner.run(["rules", "lint", "q", "--lang", "en"], in: folder)
        #expect(english.stdout.contains("q/LOCAL-009.yaml:1:1: warning: LOCAL-009 has no triggering example"), "\(english.stdout)")
    }
}
