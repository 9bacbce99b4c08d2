import Foundation
import Testing

/// The figures of the audit and the annual report against a count made by hand (the figures
/// review): each record counted where it belongs, and no figure at odds with another.
@Suite struct ReportFigureTests {
    static let decided = """
        id: M-B1
        kind: major_administrative_decision
        title: 已决定
        steps:
          - {type: legality_review, date: 2025-12-10, outcome: passed, by: [P-2], signoffs: [{person: P-2, role: legal_adviser, date: 2025-12-10}]}
          - {type: collective_discussion, date: 2025-12-20, meeting: {type: executive, minutes: true}}
          - {type: decision, date: 2025-12-31, by: [P-1]}
        """

    /// A record in error is counted in a claim only when what can be read of it may make it one
    /// the claim speaks of: a decision with no decision step (its meeting type mistyped) was one of
    /// "2 decisions, 1 made after collective discussion, 1 in error" beside "1 decision made".
    @Test func aRecordInErrorCountsOnlyInTheClaimsItMayBelongTo() throws {
        let undecided = """
            id: M-UV
            kind: major_administrative_decision
            title: 会议类型写错、尚未决定
            steps:
              - {type: legality_review, date: 2025-11-01, outcome: passed, by: [P-2], signoffs: [{person: P-2, role: legal_adviser, date: 2025-11-01}]}
              - {type: collective_discussion, date: 2025-11-05, meeting: {type: executiv, minutes: true}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b1.yaml": Self.decided, "uv.yaml": undecided])
        let result = try CLIRunner.run(["report", ".", "--year", "2025", "--as-of", "2026-06-30"], in: folder)
        #expect(result.stdout.contains("重大行政决策全部经集体讨论决定。"), "\(result.stdout)")
        // Reviewed and discussed, it may be one of those reviewed before their discussion: in error there.
        #expect(result.stdout.contains("2 项重大行政决策中 1 项在集体讨论前完成合法性审查"), "\(result.stdout)")
    }

    /// A decision discussed before the Regulations took effect is said to be outside the claims
    /// whose law did not apply to it: "1 decision was made" stood beside "no decision was made".
    @Test func aRecordBeforeTheLawIsNamedInTheClaims() throws {
        let before = """
            id: Z-2020
            kind: major_administrative_decision
            title: 跨施行日
            steps:
              - {type: collective_discussion, date: 2019-08-28, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2020-01-10, by: [P-1]}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "old.yaml": before])
        let chinese = try CLIRunner.run(["report", ".", "--year", "2020", "--as-of", "2025-12-31"], in: folder).stdout
        #expect(chinese.contains("2020 年度，作出重大行政决策 1 项。"), "\(chinese)")
        #expect(chinese.contains("（该条例自 2019 年 9 月 1 日起施行）。另有 1 项（Z-2020）在所依据的法律法规施行前启动，不适用本项，未计入。"), "\(chinese)")
        #expect(!chinese.contains("本年度没有作出决定的重大行政决策"), "\(chinese)")
        let english = try CLIRunner.run(["report", ".", "--year", "2020", "--as-of", "2025-12-31", "--lang", "en"], in: folder).stdout
        #expect(english.contains("(they apply from 2019-09-01). 1 more record (Z-2020) began before the law it rests on applied, and is not counted here."), "\(english)")
        #expect(!english.contains("No major administrative decision was made in the year"), "\(english)")
        // Beside records the claim counts, it is said after the claim's sentence.
        let both = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "old.yaml": before, "b1.yaml": Self.decided.replacingOccurrences(of: "2025-", with: "2020-")])
        let mixed = try CLIRunner.run(["report", ".", "--year", "2020", "--as-of", "2025-12-31"], in: both).stdout
        #expect(mixed.contains("重大行政决策全部经集体讨论决定。另有 1 项（Z-2020）在所依据的法律法规施行前启动"), "\(mixed)")
    }

    /// A kind of the year before with no record this year is said as none, beside its figure then.
    @Test func aKindThatFellToNoneKeepsItsPreviousFigure() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "b1.yaml": Self.decided,
            "p.yaml": try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8),
        ])
        let result = try CLIRunner.run(["report", ".", "--year", "2026", "--as-of", "2026-06-30"], in: folder)
        #expect(result.stdout.contains("作出重大行政决策 0 项（上年 1）"), "\(result.stdout)")
        #expect(result.stdout.contains("办理行政处罚案件 0 件（上年 1）"), "\(result.stdout)")
    }

    /// Without a registry, a claim of a kind no record of the year has is said empty, not "not checked".
    @Test func aClaimOfAKindWithNoRecordIsEmptyWithoutARegistry() throws {
        let folder = try CLIRunner.folder(["b1.yaml": Self.decided])
        let result = try CLIRunner.run(["report", ".", "--year", "2025", "--as-of", "2026-06-30"], in: folder)
        #expect(result.stdout.contains("本年度没有办理行政处罚案件。"), "\(result.stdout)")
        #expect(!result.stdout.contains("本项未核查：PEN-002"), "\(result.stdout)")
        // With a case the year before, whose figure would rest on the rules that did not run, the
        // claim is not checked.
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let before = try CLIRunner.folder(["b1.yaml": Self.decided, "p.yaml": penalty])
        let next = try CLIRunner.run(["report", ".", "--year", "2026", "--as-of", "2026-06-30"], in: before)
        #expect(next.stdout.contains("本项未核查：PEN-002"), "\(next.stdout)")
        #expect(!next.stdout.contains("本年度没有办理行政处罚案件。"), "\(next.stdout)")
    }

    /// Without a registry, a decision naming people is not called compliant in the audit: no
    /// registry confirmed its legal adviser, and the gate holds it back.
    @Test func anAuditWithoutARegistryDoesNotCallADecisionNamingPeopleCompliant() throws {
        let folder = try CLIRunner.folder(["b1.yaml": Self.decided])
        let result = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-06-30", "."], in: folder)
        let row = try #require(result.stdout.split(separator: "\r\n").first { $0.hasPrefix("M-B1,") })
        #expect(row.contains(",无法核查,") && !row.contains(",合规,"), "\(row)")
        // A record no pack checks stays 无适用规则, in no rate, with a registry or without.
        let other = try CLIRunner.folder(["o.yaml": "id: O-1\nkind: other\ntitle: t\ndepartment: 甲队\nsteps:\n  - {type: decision, date: 2025-05-01, by: [P-1]}\n"])
        let audit = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-06-30", "."], in: other)
        #expect(audit.stdout.contains(",无适用规则,"), "\(audit.stdout)")
    }

    /// A pack's checks not yet due, and those under no law in force, are its rules' (they were 0).
    @Test func aPacksPendingAndNotInForceAreItsRules() throws {
        let pending = """
            id: M-PEND
            kind: major_administrative_decision
            title: 待讨论
            steps:
              - {type: public_comment, start: 2025-09-01, end: 2025-10-15}
              - {type: collective_discussion, status: planned, date: 2027-03-01, meeting: {type: executive, minutes: true}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "pending.yaml": pending, "old.yaml": Self.decided.replacingOccurrences(of: "2025-12-", with: "2019-06-").replacingOccurrences(of: "06-31", with: "06-30")])
        let result = try CLIRunner.run(["audit", "--from", "2017-01-01", "--to", "2025-12-31", "--as-of", "2026-06-30", "--format", "json", "."], in: folder)
        let json = try CLIRunner.json(result.stdout)
        let rules = try #require(json["rules"] as? [[String: Any]])
        let packs = try #require(json["packs"] as? [[String: Any]])
        let mad = try #require(packs.first { $0["key"] as? String == "mad" })
        let pendingSum = rules.filter { ($0["key"] as? String)?.hasPrefix("MAD-") == true }.reduce(0) { $0 + ($1["pending"] as? Int ?? 0) }
        let notInForceSum = rules.filter { ($0["key"] as? String)?.hasPrefix("MAD-") == true }.reduce(0) { $0 + ($1["notInForce"] as? Int ?? 0) }
        #expect(pendingSum > 0 && notInForceSum > 0, "\(rules)")
        #expect(mad["pending"] as? Int == pendingSum && mad["notInForce"] as? Int == notInForceSum, "\(mad)")
    }

    /// An imported ledger checks as the ledger did: the rows of a repeated id are written in the
    /// ledger's order, so REC-002 names the same row (the later rows' files, `X-row3.yaml`, sorted
    /// before `X.yaml`, the first row became the duplicate and the month figures swapped).
    @Test func importedDuplicatesKeepTheLedgersOrder() throws {
        let rows = (1...11).map { "X,第\($0)件,某镇\n" }.joined()
        let folder = try CLIRunner.folder(["登记表.csv": "文件编号,文件名称,制定机关\n" + rows])
        let ledger = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "登记表.csv"], in: folder)
        let ledgerDuplicates = (try CLIRunner.json(ledger.stdout)["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "REC-002" }
        #expect(ledgerDuplicates.count == 10 && !ledgerDuplicates.contains { $0["line"] as? Int == 2 }, "\(ledgerDuplicates)")
        let imported = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(names.first == "X.yaml" && names.last == "X_011.yaml" && names.count == 11, "\(names)")
        // Each file holds the rows in order: the first the first row's.
        for (index, name) in names.enumerated() {
            let text = try String(contentsOf: folder.appendingPathComponent("records/\(name)"), encoding: .utf8)
            #expect(text.contains("第\(index + 1)件"), "\(name): \(text)")
        }
        let check = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "records"], in: folder)
        let duplicates = (try CLIRunner.json(check.stdout)["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "REC-002" }
        #expect(duplicates.count == 10 && !duplicates.contains { ($0["file"] as? String)?.hasSuffix("/X.yaml") == true }, "\(duplicates)")
    }

    /// A department is read without the line breaks around it: `department: |` ends in one, and
    /// `甲队⏎` was a department of its own in the audit.
    @Test func departmentsAreReadWithoutLineBreaksAroundThem() throws {
        func record(_ id: String, _ department: String) -> String {
            Self.decided.replacingOccurrences(of: "id: M-B1", with: "id: \(id)").replacingOccurrences(of: "title: 已决定", with: "title: 已决定\ndepartment: \(department)")
        }
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": record("D-1", "甲队"), "b.yaml": record("D-2", "\"甲队\\n\""),
            "c.yaml": record("D-3", "\"\\n甲队\\r\\n\""), "d.yaml": record("D-4", "[\"甲队\\n\", \" 乙队\"]"),
        ])
        let result = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-06-30", "--table", "departments", "."], in: folder)
        let rows = result.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.map { String($0[0]) }.sorted() == ["甲队", "甲队、乙队"], "\(result.stdout)")
        #expect(rows.first { $0[0] == "甲队" }?[1] == "3", "\(result.stdout)")
    }

    /// An opinion signed "as legal adviser" by one the registry lists as head (REC-009), or by one
    /// it does not list (REC-004), is no legal adviser's opinion: the annual report said "every
    /// legality review heard a legal adviser" of two such records, while check failed both.
    @Test func anAdvisersOpinionTheRegistryDoesNotBearOutDeniesTheClaim() throws {
        let signedBy = { (id: String, person: String) in
            Self.decided.replacingOccurrences(of: "M-B1", with: id)
                .replacingOccurrences(of: "signoffs: [{person: P-2, role: legal_adviser", with: "signoffs: [{person: \(person), role: legal_adviser")
        }
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "head.yaml": signedBy("M-H", "P-1"), "stranger.yaml": signedBy("M-S", "P-9")])
        let check = try CLIRunner.run(["check", ".", "--as-of", "2026-06-30", "--format", "json"], in: folder)
        #expect(check.stdout.contains("\"REC-009\"") && check.stdout.contains("\"REC-004\""), "\(check.stdout)")
        let report = try CLIRunner.run(["report", ".", "--year", "2025", "--as-of", "2026-06-30"], in: folder).stdout
        #expect(!report.contains("合法性审查全部听取法律顾问、公职律师意见。"), "\(report)")
        #expect(report.contains("2 项重大行政决策中 0 项的合法性审查听取了法律顾问、公职律师意见，1 项（M-H）签署意见的人员在人员名册中不是法律顾问或公职律师，1 项（M-S）有人员未在人员名册中登记，其身份无从核对。"), "\(report)")
    }

    /// Pending findings are counted apart in the audit's summary, as in check's: a failed review
    /// heading to a meeting read "0 errors, 0 warnings" and nothing more.
    @Test func theAuditCountsPendingFindingsApart() throws {
        let pending = """
            id: M-P
            kind: major_administrative_decision
            title: 审查未通过仍排上会议
            steps:
              - {type: legality_review, date: 2025-09-01, outcome: failed, by: [P-2], signoffs: [{person: P-2, role: legal_adviser, date: 2025-09-01}]}
              - {type: collective_discussion, date: 2025-09-19, status: planned, meeting: {type: executive}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "p.yaml": pending])
        let period = ["audit", ".", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2025-09-10"]
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json"], in: folder).stdout)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["pending"] as? Int == 1, "\(summary)")
        #expect(summary["errors"] as? Int == 0, "\(summary)")
        let markdown = try CLIRunner.run(period + ["--format", "markdown"], in: folder).stdout
        #expect(markdown.contains("0 个错误，0 个警告，1 个待办。"), "\(markdown)")
        let english = try CLIRunner.run(period + ["--format", "markdown", "--lang", "en"], in: folder).stdout
        #expect(english.contains("0 errors, 0 warnings, 1 pending."), "\(english)")
        let html = try CLIRunner.run(period + ["--format", "html"], in: folder).stdout
        #expect(html.contains("<div class=\"label\">待办</div><div class=\"value\">1</div>"), "\(html)")
    }
}
