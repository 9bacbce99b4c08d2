import Foundation
import Testing

/// What an auditor's export lost or miscounted without a word (the third review of the audit and
/// the annual report as auditors use them): each is now counted, named or marked.
@Suite struct AuditThirdRoundTests {
    static let asOf = ["--as-of", "2024-12-31"]

    /// The compliant decision with its review taken out: MAD-001.
    static var unreviewed: String {
        Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-009")
            .replacingOccurrences(of: "  - type: legality_review\n    submitted: 2024-03-01\n    date: 2024-03-15\n    outcome: passed\n    by: [P-2]\n    signoffs:\n      - {person: P-2, role: legal_adviser, date: 2024-03-15}\n", with: "")
    }

    static func audit(_ files: [String: String], _ arguments: [String]) throws -> CLIRunner.Result {
        let period = arguments.contains("--from") ? [] : ["--from", "2024-01-01", "--to", "2024-12-31"]
        return try CLIRunner.run(["audit", "."] + asOf + period + arguments, in: try CLIRunner.folder(files))
    }

    static func report(_ files: [String: String], year: String = "2024", _ arguments: [String] = []) throws -> CLIRunner.Result {
        try CLIRunner.run(["report", "--year", year, "."] + asOf + arguments, in: try CLIRunner.folder(files))
    }

    /// A decision file with a YAML slip dropped out of every rate and claim: "MAD-001 100 %" and
    /// "全部履行合法性审查程序". Its file now counts as not checkable in each rule's rate, and no claim
    /// is stated as a whole while it is unread.
    @Test func anUnreadableFileKeepsEveryRateAndClaimFromWhole() throws {
        let broken = Self.unreviewed.replacingOccurrences(of: "meeting: {type: executive, minutes: true}", with: "meeting: {type: executive, minutes: true")
        #expect(broken != Self.unreviewed)
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "bad.yaml": broken]
        let rules = try Self.audit(files, ["--table", "rules", "--lang", "en"])
        let row = rules.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("MAD-001,") }.map(String.init)
        #expect(row?.hasPrefix("MAD-001,No legality review,2,1,1,0,1,50.0%") == true, "\(rules.stdout)")
        // A record whose kind could not be read (left out) counts so too, as the report counts it.
        let kindless = Self.unreviewed.replacingOccurrences(of: "kind: major_administrative_decision\n", with: "")
        #expect(kindless != Self.unreviewed)
        let kindRates = try Self.audit(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "k.yaml": kindless], ["--table", "rules", "--lang", "en"])
        let kindRow = kindRates.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("MAD-001,") }.map(String.init)
        #expect(kindRow?.hasPrefix("MAD-001,No legality review,2,1,1,0,1,50.0%") == true, "\(kindRates.stdout)")
        let report = try Self.report(files)
        #expect(!report.stdout.contains("全部履行合法性审查程序"), "\(report.stdout)")
        #expect(report.stdout.contains("1 项重大行政决策中 1 项在集体讨论前完成合法性审查；另有 1 个文件或记录无法读取或无法确定年度（bad.yaml），其中可能有本项所涉事项，未能核查"), "\(report.stdout)")
        // Nor does the main problems section say only 未发现问题.
        #expect(report.stdout.contains("另有 1 个文件或记录无法读取或无法确定年度（bad.yaml），其中的问题未能查明，须另行核对。"), "\(report.stdout)")
        let whole = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        #expect(whole.stdout.contains("全部履行合法性审查程序（共 1 项）"), "\(whole.stdout)")
        // A list of records is read as none, and may hold one: no claim is stated as a whole.
        let list = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "x.yaml": "- {id: X-1, kind: major_administrative_decision}\n"])
        #expect(!list.stdout.contains("全部履行合法性审查程序"), "\(list.stdout)")
        // A file with no document (empty, or comments alone) holds no record, and denies no claim.
        let empty = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "empty.yaml": "", "_template.yaml": "# id: \n# kind: \n"])
        #expect(empty.stdout.contains("全部履行合法性审查程序（共 1 项）"), "\(empty.stdout)")
    }

    /// A decision dated with a past year mistyped (2020 for 2024, its review and meeting of 2024)
    /// went to the audit of 2020, unsaid: it is listed in every period, as undated.
    @Test func aDecisionDatedYearsBeforeItsReviewIsUndated() throws {
        let typo = Self.unreviewed.replacingOccurrences(of: "{type: decision, date: 2024-03-20", with: "{type: decision, date: 2020-03-20")
        #expect(typo != Self.unreviewed)
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": typo]
        for (from, to) in [("2024-01-01", "2024-12-31"), ("2020-01-01", "2020-12-31")] {
            let result = try Self.audit(files, ["--from", from, "--to", to])
            #expect(result.stdout.contains("T-2024-009"), "\(from): \(result.stdout)")
        }
        // A review a few days after a decision of late December (reviewed late, across the new year)
        // is the late review its rules report, in the decision's year: placed by the decision.
        let late = Fixtures.compliant.replacingOccurrences(of: "submitted: 2024-03-01\n    date: 2024-03-15", with: "date: 2025-01-06")
            .replacingOccurrences(of: "date: 2024-03-15}", with: "date: 2025-01-06}")
            .replacingOccurrences(of: "date: 2024-03-20", with: "date: 2024-12-27")
        #expect(late != Fixtures.compliant)
        let lateFiles = ["registry.yaml": Fixtures.registry, "a.yaml": late]
        let inYear = try CLIRunner.run(["audit", ".", "--as-of", "2025-12-31", "--from", "2024-01-01", "--to", "2024-12-31"], in: try CLIRunner.folder(lateFiles))
        #expect(inYear.stdout.contains("T-2024-001"), "\(inYear.stdout)")
        let otherYear = try CLIRunner.run(["audit", ".", "--as-of", "2025-12-31", "--from", "2025-01-01", "--to", "2025-12-31"], in: try CLIRunner.folder(lateFiles))
        #expect(!otherYear.stdout.contains("T-2024-001"), "\(otherYear.stdout)")
        // A first decision kept with its amendment years later (a review, a discussion, a second
        // decision) is no slip: placed by the first decision.
        let amended = Fixtures.compliant.replacingOccurrences(of: "  - {type: publication, date: 2024-03-25}", with: "  - {type: publication, date: 2024-03-25}\n  - {type: legality_review, date: 2026-05-10, outcome: passed}\n  - {type: collective_discussion, date: 2026-05-20, meeting: {type: executive, minutes: true}}\n  - {type: decision, date: 2026-05-20, by: [P-1]}")
            .replacingOccurrences(of: "  - type: legality_review\n    submitted: 2024-03-01\n    date: 2024-03-15\n    outcome: passed\n    by: [P-2]\n    signoffs:\n      - {person: P-2, role: legal_adviser, date: 2024-03-15}\n  - type: collective_discussion\n    date: 2024-03-20\n    meeting: {type: executive, minutes: true}\n", with: "")
        #expect(amended.contains("2026-05-20") && !amended.contains("2024-03-15"))
        let first = try CLIRunner.run(["audit", ".", "--as-of", "2026-12-31", "--from", "2024-01-01", "--to", "2024-12-31"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": amended]))
        #expect(first.stdout.contains("T-2024-001"), "\(first.stdout)")
        let before = try CLIRunner.run(["audit", ".", "--as-of", "2026-12-31", "--from", "2019-01-01", "--to", "2019-12-31"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": amended]))
        #expect(!before.stdout.contains("T-2024-001"), "\(before.stdout)")
        // An inspection after the decision is follow-up work, no step the decision could be mistyped before.
        let followed = Fixtures.compliant.replacingOccurrences(of: "  - {type: publication, date: 2024-03-25}", with: "  - {type: publication, date: 2024-03-25}\n  - {type: inspection, date: 2025-06-15}")
        #expect(followed != Fixtures.compliant)
        let kept = try CLIRunner.run(["audit", ".", "--as-of", "2025-12-31", "--from", "2025-01-01", "--to", "2025-12-31"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": followed]))
        #expect(!kept.stdout.contains("T-2024-001"), "\(kept.stdout)")
        // A decision of a year after its review (made in January, reviewed in December) is placed as before.
        let later = Fixtures.compliant.replacingOccurrences(of: "{type: decision, date: 2024-03-20", with: "{type: decision, date: 2025-01-06")
            .replacingOccurrences(of: "{type: publication, date: 2024-03-25}", with: "{type: publication, date: 2025-01-08}")
        let placed = try CLIRunner.run(["audit", ".", "--as-of", "2025-12-31", "--from", "2024-01-01", "--to", "2024-12-31"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": later]))
        #expect(!placed.stdout.contains("T-2024-001"), "\(placed.stdout)")
    }

    /// A record with only a discussion planned for a day gone by, and no review, was set aside by
    /// the annual report as "only planned" while the audit of the year counted its MAD-001 error:
    /// it denies the claim.
    @Test func aPlanWhoseDayHasPassedDeniesTheClaim() throws {
        let stale = """
            id: T-2024-010
            kind: major_administrative_decision
            title: 计划上会、未经审查的决策
            steps:
              - {type: collective_discussion, status: planned, date: 2024-06-10, meeting: {type: executive}}
            """
        let report = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": stale])
        #expect(!report.stdout.contains("全部履行合法性审查程序"), "\(report.stdout)")
        #expect(report.stdout.contains("1 项（T-2024-010）未经合法性审查"), "\(report.stdout)")
        // A plan still ahead is set aside, as before.
        let ahead = stale.replacingOccurrences(of: "2024-06-10", with: "2025-06-10")
        let aside = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": ahead])
        #expect(aside.stdout.contains("全部履行合法性审查程序（共 1 项）"), "\(aside.stdout)")
    }

    /// The annual report's overview says when records counted share an id (a ledger read with the
    /// records imported from it): each was counted.
    @Test func recordsSharingAnIdAreSaidInTheOverview() throws {
        let report = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "copy/a.yaml": Fixtures.compliant])
        #expect(report.stdout.contains("上述数字中有 2 条记录的编号与其他记录相同（涉及 1 个编号：T-2024-001）"), "\(report.stdout)")
        let single = try Self.report(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        #expect(!single.stdout.contains("共用"), "\(single.stdout)")
    }

    /// Files the folder search passed over (hidden, in `rules/`, a `.bak` copy) are
    /// named in the export itself, not only on standard error.
    @Test func filesPassedOverAreNamedInTheExport() throws {
        let files = [
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, ".archive/b.yaml": Self.unreviewed,
            "rules/c.yaml": Self.unreviewed, "d.yaml.bak": Self.unreviewed,
        ]
        // (JSON records too: a backup copy, and a record saved under a schema's name.)
        let record = "{\"id\": \"J-1\", \"kind\": \"major_administrative_decision\", \"title\": \"某决策\", \"steps\": []}"
        let copies = try Self.audit(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.json.bak": record, "c.schema.json": record, "d.json~": record], ["--format", "json"])
        let named = (try JSONSerialization.jsonObject(with: Data(copies.stdout.utf8)) as? [String: Any])?["passedOver"] as? [String]
        #expect(named == ["b.json.bak", "c.schema.json", "d.json~"], "\(copies.stdout.prefix(600))")
        // A copy of a schema, or a JSON file of another tool, holds no record: not named.
        let schema = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", \"properties\": {\"id\": {}, \"kind\": {}, \"title\": {}, \"steps\": {}}}"
        let others = try Self.audit(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "r.schema.json.bak": schema, "package.json.lock": "{\"name\": \"x\"}"], ["--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(others.stdout.utf8)) as? [String: Any])?["passedOver"] as? [String] == [], "\(others.stdout.prefix(600))")
        let json = try Self.audit(files, ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["passedOver"] as? [String] == [".archive/b.yaml", "d.yaml.bak", "rules/c.yaml"], "\(json.stdout.prefix(800))")
        let html = try Self.audit(files, ["--format", "html"])
        #expect(html.stdout.contains("未检查的疑似记录文件") && html.stdout.contains("rules/c.yaml"), "\(html.stdout.prefix(2000))")
        #expect(html.stdout.contains("另有 3 个疑似记录的文件未检查，未计入以上各项"), "\(html.stdout.prefix(2000))")
        let report = try Self.report(files)
        #expect(report.stdout.contains("未检查的疑似记录文件（隐藏文件、位于隐藏文件夹或 rules/、registry/ 中的文件，或名称像副本、备份、schema 的文件）：.archive/b.yaml、d.yaml.bak、rules/c.yaml"), "\(report.stdout)")
    }

    /// A waived error's 级别 reads 错误（已豁免）, so a filter on 错误 counts what the summary counts;
    /// infos are counted beside the errors and warnings.
    @Test func waivedErrorsAndInfosAreCountedApart() throws {
        let configuration = """
            severity: {MAD-002: info}
            waivers:
              - {rule: MAD-001, record: T-2024-009, reason: 紧急情况经批准, approved_by: P-1, expires: 2030-12-31}
            """
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, "b.yaml": Self.unreviewed, ".legality.yaml": configuration]
        let findings = try Self.audit(files, ["--table", "findings"])
        #expect(findings.stdout.contains("MAD-001,错误（已豁免）,T-2024-009"), "\(findings.stdout)")
        let json = try Self.audit(files, ["--format", "json"])
        let summary = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any]
        #expect(summary?["infos"] as? Int == 1, "\(summary ?? [:])")
        let markdown = try Self.audit(files, ["--format", "markdown"])
        #expect(markdown.stdout.contains("0 个错误，0 个警告，1 个提示"), "\(markdown.stdout.prefix(600))")
        // The row of a record whose status rests on an info names it.
        let records = try Self.audit(files, [])
        #expect(records.stdout.contains("提示：MAD-002"), "\(records.stdout)")
    }
}
