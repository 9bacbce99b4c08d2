import Foundation
import Testing

/// Audit tables that read well: keys once, packs by name, every month of the period.
@Suite struct AuditTableTests {
    static func table(_ name: String) throws -> [[Substring]] {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": Fixtures.lateReview])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-12-31", "--table", name, "."], in: folder)
        #expect(result.status == 0)
        return result.stdout.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    }

    /// Waivers read the same in every table: a record whose only finding is a waived warning is
    /// 已豁免 (it was 有警告 with 警告 0) and without errors; one with a waived error is 已豁免 and
    /// fails the rates, which say how many of their failures waivers explain (the tables read
    /// "未通过 1, 错误 0, 警告 0"), as the headline does.
    @Test func waivedFindingsAreSaidAsWaivedInEveryTable() throws {
        let waivers = """
            waivers:
              - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: 2030-12-31}
              - {rule: MAD-012, record: T-2024-003, reason: 纪要另行归档, approved_by: 县政府办公室, expires: 2030-12-31}
            """
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": Fixtures.lateReview,
            "c.yaml": Fixtures.noMinutes, ".legality.yaml": waivers,
        ])
        let period = ["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-12-31"]
        func rows(_ table: String) throws -> [[Substring]] {
            let result = try CLIRunner.run(period + ["--table", table, "."], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        let records = try rows("records")
        #expect(records.first { $0[0] == "T-2024-002" }?[5] == "已豁免")
        #expect(records.first { $0[0] == "T-2024-003" }?[5] == "已豁免")
        let rules = try rows("rules")
        #expect(rules.first?[3...6] == ["通过", "未通过", "其中已豁免", "其中无法核查"])
        #expect(rules.first { $0[0] == "MAD-002" }?[2...9] == ["3", "2", "1", "1", "0", "66.7%", "0", "0"])
        // Without errors: the waived warning; not the waived error.
        let months = try rows("months")
        #expect(months.first { $0[0] == "2024-03" }?[1...5] == ["3", "2", "1", "1", "66.7%"])
        let markdown = try CLIRunner.run(period + ["--format", "markdown", "."], in: folder)
        #expect(markdown.stdout.contains("3 条记录，无错误的 2/3 (66.7%)，另 1 条的错误已说明理由豁免（仍计为未通过）；0 个错误，0 个警告；另有不属于任何记录的问题 2 项（如未找到人员名册、豁免过期），不计入上述数字，见问题清单。"), "\(markdown.stdout)")
        let html = try CLIRunner.run(period + ["--format", "html", "."], in: folder)
        #expect(html.stdout.contains("已豁免：会后补充审查（批准：县政府办公室，有效期至 2030-12-31）"))
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: folder).stdout)
        #expect((json["summary"] as? [String: Any])?["failedByWaivedErrors"] as? Int == 1)
    }

    /// A record whose rules needing a registry did not run (no registry beside it) is 无法核查,
    /// not 合规: a case with an expired certificate was called compliant in a folder without one.
    @Test func aRecordWhoseRegistryRulesDidNotRunIsNotCompliant() throws {
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/gas-station-expired-certificate.yaml"), encoding: .utf8)
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let arguments = ["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-01-31", "--table", "records", "."]
        let without = try CLIRunner.run(arguments, in: try CLIRunner.folder(["a.yaml": penalty]))
        #expect(without.stdout.contains(",无法核查,"), "\(without.stdout)")
        let with = try CLIRunner.run(arguments, in: try CLIRunner.folder(["a.yaml": penalty, "registry.yaml": registry]))
        #expect(with.stdout.contains(",不合规,") && with.stdout.contains("PEN-002"), "\(with.stdout)")
    }

    @Test func monthsWithNoRecordsAreShownAndTheirKeyOnce() throws {
        let rows = try Self.table("months")
        #expect(rows.first?.prefix(2) == ["月份", "记录数"])
        #expect(rows.dropFirst().map { String($0[0]) } == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"])
        #expect(rows.first { $0[0] == "2024-02" }?[1] == "0")
        #expect(rows.first { $0[0] == "2024-03" }?[1] == "2")
    }

    /// Every month of a long period is listed (its months past the 200th were left out unsaid);
    /// a period of more than a hundred years lists the months with records only.
    @Test func everyMonthOfALongPeriodIsListed() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        func months(from: String, to: String) throws -> [String] {
            let result = try CLIRunner.run(["audit", "--from", from, "--to", to, "--as-of", "2024-12-31", "--table", "months", "."], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        }
        let eighteenYears = try months(from: "2009-01-01", to: "2026-12-31")
        #expect(eighteenYears.count == 216 && eighteenYears.first == "2009-01" && eighteenYears.last == "2026-12", "\(eighteenYears.count)")
        #expect(eighteenYears.contains("2026-01") && eighteenYears.contains("2025-02"))
        let mistyped = try months(from: "0202-01-01", to: "2024-12-31")
        #expect(mistyped == ["2024-03"], "\(mistyped)")
    }

    /// A record belongs to the period of its decision, else of its latest done step: a planned
    /// decision put a discussion held without review in the next year's audit. Only a record with
    /// nothing done is placed by its plan (its first planned step). Work still ahead is "pending"
    /// in the records table and neither passes nor fails a rule.
    @Test func periodsGoByWhatWasDoneAndPendingWorkIsNoFailure() throws {
        let heldWithoutReview = """
            id: AU-6
            kind: major_administrative_decision
            title: 决定计划在 2025，未审查已讨论
            steps:
              - {type: collective_discussion, date: 2024-10-08, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2025-03-03, status: planned}
            """
        let onlyPlanned = """
            id: AU-1
            kind: major_administrative_decision
            title: 全部计划中
            steps:
              - {type: legality_review, date: 2025-06-02, status: planned}
              - {type: collective_discussion, date: 2025-06-10, status: planned, meeting: {type: executive}}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": heldWithoutReview, "b.yaml": onlyPlanned])
        func audit(_ from: String, _ to: String) throws -> [String: Any] {
            try CLIRunner.json(try CLIRunner.run(["audit", "--from", from, "--to", to, "--as-of", "2024-12-31", "--format", "json", "."], in: folder).stdout)
        }
        let year = try audit("2024-01-01", "2024-12-31")
        let records = try #require(year["records"] as? [[String: Any]])
        #expect(records.map { $0["record"] as? String } == ["AU-6"])
        #expect(records.first?["status"] as? String == "noncompliant")
        // Nothing done: placed by its first planned step, and its work still ahead is pending.
        let next = try audit("2025-01-01", "2025-12-31")
        let planned = try #require(next["records"] as? [[String: Any]])
        #expect(planned.map { $0["record"] as? String } == ["AU-1"])
        #expect(planned.first?["status"] as? String == "pending")
        let rules = try #require(next["rules"] as? [[String: Any]])
        let review = try #require(rules.first { $0["key"] as? String == "MAD-001" })
        #expect(review["pending"] as? Int == 1 && review["failed"] as? Int == 0 && review["passed"] as? Int == 0)
        // The tables count the pending finding apart, never as an error, and mark it.
        let csv = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2024-12-31", "."], in: folder).stdout
        #expect(csv.contains("编号,标题,类型,承办单位,决定日期,状态,错误,警告,已豁免,待办,违反的规则,文件,说明"))
        // The note says what is ahead (the row said 有待办 and no rule).
        #expect(csv.contains("AU-1,全部计划中,重大行政决策,,,有待办,0,0,0,1,,b.yaml,待办：MAD-001"), "\(csv)")
        // Without a registry, a record naming people cannot be checked, and its note says why.
        let bare = try CLIRunner.folder(["a.yaml": Fixtures.compliant])
        let unchecked = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "."], in: bare).stdout
        #expect(unchecked.contains(",无法核查,") && unchecked.contains("未找到人员名册，未执行："), "\(unchecked)")
        let findings = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2024-12-31", "--table", "findings", "."], in: folder).stdout
        #expect(findings.split(separator: "\r\n").contains { $0.contains("AU-1") && $0.hasSuffix(",待办") }, "\(findings)")
    }

    /// A step "done" after the as-of date (REC-008, a mistyped year) places nothing (a decision so
    /// dated leaves the record undated), and a record
    /// with a step that could not be read (REC-003, 2024-02-30) is undated: both were left out of
    /// their year's audit (the first went to 2042), unsaid; now they are in it, 无法核查.
    @Test func recordsWithMistypedDatesStayInTheAudit() throws {
        let future = """
            id: F-3
            kind: major_administrative_decision
            title: 决定日期误写
            steps:
              - {type: collective_discussion, date: 2024-03-11, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2042-03-11}
            """
        let impossible = future.replacingOccurrences(of: "F-3", with: "F-2").replacingOccurrences(of: "2042-03-11", with: "2024-02-30")
            .replacingOccurrences(of: "2024-03-11, meeting", with: "2023-12-11, meeting")
        // Its only step a decision "done" in 2042: undated, so in the audit of 2024 too.
        let onlyFuture = "id: F-4\nkind: major_administrative_decision\ntitle: 只有将来的决定\nsteps:\n  - {type: decision, date: 2042-03-11}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": future, "b.yaml": impossible, "c.yaml": onlyFuture])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let records = try #require(try CLIRunner.json(result.stdout)["records"] as? [[String: Any]])
        #expect(Set(records.compactMap { $0["record"] as? String }) == ["F-2", "F-3", "F-4"], "\(records)")
        #expect(records.allSatisfy { $0["status"] as? String == "unverifiable" })
        // A decision "done" in 2042 (its year mistyped for 2025) is undated: in the audit of the
        // year it was decided in too, as every other unreadable decision date (placed by its
        // discussion, it was in 2024's alone).
        let later = try CLIRunner.run(["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2025-12-31", "--format", "json", "."], in: folder)
        let laterRecords = try #require(try CLIRunner.json(later.stdout)["records"] as? [[String: Any]])
        #expect(laterRecords.contains { $0["record"] as? String == "F-3" }, "\(laterRecords)")
    }

    /// A rule the engine could not finish may hide a finding: the record cannot be checked (it
    /// was "non-compliant" in the audit, "cannot be checked" in the annual report).
    @Test func aRuleOutOfItsBudgetLeavesTheRecordUncheckable() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--max-rule-steps", "3", "--format", "json", "."], in: folder)
        let report = try CLIRunner.json(result.stdout)
        let records = try #require(report["records"] as? [[String: Any]])
        #expect(records.first?["status"] as? String == "unverifiable", "\(records)")
        // Its rules' results are unknown: counted as passed by none of them, each as a check it
        // could not make.
        let rules = try #require(report["rules"] as? [[String: Any]])
        #expect(!rules.contains { ($0["passed"] as? Int ?? 0) > 0 }, "\(rules)")
        #expect(rules.allSatisfy { $0["unverifiable"] as? Int == $0["applicable"] as? Int && $0["failed"] as? Int == $0["applicable"] as? Int }, "\(rules)")
    }

    /// A record the record pack found unreadable (a review dated 2025-06-31, a step type
    /// misspelt) is a check every rule of its kind could not make: counted as applicable and
    /// failed, "of which could not be checked". Left out, MAD-001 read 1/1 (100 %) beside two
    /// decisions nobody checked, and PEN-004 17/17 of 18 cases, where the annual report said
    /// "记录有误，无法核查".
    @Test func aRecordThatCouldNotBeCheckedFailsTheRatesOfItsKindsRules() throws {
        let typo = Fixtures.compliant.replacingOccurrences(of: "type: legality_review", with: "type: legality_reveiw")
        let badDate = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-003").replacingOccurrences(of: "    date: 2024-03-15", with: "    date: 2024-06-31")
        #expect(typo != Fixtures.compliant && badDate.contains("2024-06-31"))
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": typo.replacingOccurrences(of: "T-2024-001", with: "T-2024-002"), "c.yaml": badDate,
        ])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let report = try CLIRunner.json(result.stdout)
        let rules = try #require(report["rules"] as? [[String: Any]])
        let first = try #require(rules.first { $0["key"] as? String == "MAD-001" }, "\(rules)")
        #expect(first["applicable"] as? Int == 3 && first["passed"] as? Int == 1 && first["unverifiable"] as? Int == 2, "\(first)")
        #expect(first["rate"] as? String == "33.3%", "\(first)")
        let pack = try #require((report["packs"] as? [[String: Any]])?.first { $0["key"] as? String == "mad" })
        #expect((pack["unverifiable"] as? Int ?? 0) > 0, "\(pack)")
        // A rule whose condition the record rules out, as far as it could be read (no fact of
        // public interest: MAD-006), is no check that could not be made.
        #expect(!rules.contains { $0["key"] as? String == "MAD-006" && ($0["unverifiable"] as? Int ?? 0) > 0 }, "\(rules)")
        // The record pack's own rules ran on the two: counted as they found.
        let format = try #require(rules.first { $0["key"] as? String == "REC-003" })
        #expect(format["unverifiable"] as? Int == 0 && format["applicable"] as? Int == 3, "\(format)")
    }

    @Test func packsAreNamedFromTheVocabulary() throws {
        let rows = try Self.table("packs")
        #expect(rows.contains { $0[0] == "mad" && $0[1] == "重大行政决策" })
        #expect(try Self.table("departments").first?.prefix(2) == ["承办单位", "记录数"])
    }
}

/// The printable records table names kinds briefly, from the vocabulary, so it fits an A4 page.
@Suite struct AuditRecordsTableTests {
    @Test func recordsTableUsesShortKindNamesAndOneCountsColumn() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-12-31", "--format", "html", "--lang", "zh", "."], in: folder)
        #expect(result.status == 0)
        let records = try #require(result.stdout.range(of: "<table class=\"records\">").map { result.stdout[$0.lowerBound...] })
        let firstRow = try #require(records.range(of: "<td>").map { records[$0.lowerBound...].prefix(600) })
        #expect(firstRow.contains("<td>重大决策</td>"))
        #expect(!firstRow.contains("重大行政决策"))
        #expect(records.contains("错误/<wbr>警告/<wbr>豁免/<wbr>待办"))
    }

    /// The chart of rules is drawn in pieces of ten bars, so it goes on over a page break (drawn
    /// whole, the English chart left the first printed page empty), with the scale under the
    /// last; a rate of none is a stub of its colour, not an empty track.
    @Test func theChartOfRulesIsDrawnInPiecesAndARateOfNoneShows() throws {
        let result = try CLIRunner.run(["audit", "--from", "2019-01-01", "--to", "2026-12-31", "--as-of", "2026-11-27", "--format", "html", "--lang", "en", "cases"])
        let chart = try #require(result.stdout.range(of: "<figure class=\"bars\">").map { result.stdout[$0.lowerBound...] }?.prefix { $0 != "§" })
        let figure = try #require(chart.range(of: "</figure>").map { chart[..<$0.lowerBound] })
        let pieces = figure.components(separatedBy: "<svg ").count - 1
        let bars = figure.components(separatedBy: "class=\"track\"").count - 1
        #expect(pieces == (bars + 9) / 10 && pieces > 1, "\(pieces) pieces for \(bars) bars")
        #expect(figure.components(separatedBy: ">100%</text>").count == 2, "the scale once")
        #expect(result.stdout.contains("width=\"3\" height=\"12\" class=\"bar bad\""), "a department of none")
    }

    /// An audit says how the run was set up: with "no legality review" switched off, an
    /// unreviewed decision is compliant, and the auditor must see why.
    @Test func theAuditNamesWhatTheConfigurationSwitchedOffOrChanged() throws {
        let folder = try CLIRunner.folder([
            ".legality.yaml": "disable: [MAD-001]\nseverity: {MAD-006: info}\nparameters:\n  NOR-006: {days: 90}\n",
            "a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry,
        ])
        let period = ["audit", "--from", "2019-01-01", "--to", "2026-12-31", "--as-of", "2026-12-31"]
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: folder).stdout)
        #expect(json["config"] as? String == ".legality.yaml")
        #expect(json["disabled"] as? [String] == ["MAD-001"])
        #expect(json["severityChanged"] as? [String: String] == ["MAD-006": "info"])
        #expect(json["parametersChanged"] as? [String] == ["NOR-006 days = 90"])
        #expect(json["builtinPacks"] as? Bool == true)
        #expect(json["calendars"] as? [String] == [])
        let line = "配置：.legality.yaml；停用规则：MAD-001；调整级别：MAD-006（提示）；调整参数：NOR-006 days = 90"
        #expect(try CLIRunner.run(period + ["--format", "markdown", "."], in: folder).stdout.contains(line))
        #expect(try CLIRunner.run(period + ["--format", "html", "."], in: folder).stdout.contains(line))
    }

    /// Without a registry of people the certificate, qualification and registration rules do not
    /// run: a penalty record whose officers nobody checked was 合规 at 100 %, with not a word in
    /// the audit. The audit (and the check's set-up line) names the rules that did not run.
    @Test func theAuditNamesTheRulesARunWithoutARegistryCouldNotRun() throws {
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/restaurant-fine-compliant.yaml"), encoding: .utf8)
        let folder = try CLIRunner.folder(["p.yaml": penalty])
        let period = ["audit", "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-12-31"]
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: folder).stdout)
        #expect(json["notRunWithoutRegistry"] as? [String] == ["PEN-002", "PEN-007", "REC-004", "REC-009"])
        let line = "配置：无（内置默认）；未找到人员名册，未执行：PEN-002、PEN-007、REC-004、REC-009"
        #expect(try CLIRunner.run(period + ["--format", "markdown", "."], in: folder).stdout.contains(line))
        #expect(try CLIRunner.run(period + ["--format", "html", "."], in: folder).stdout.contains(line))
        #expect(try CLIRunner.run(["check", "--as-of", "2026-12-31", "."], in: folder).stdout.contains(line))
        let checkJSON = try CLIRunner.json(try CLIRunner.run(["check", "--format", "json", "--as-of", "2026-12-31", "."], in: folder).stdout)
        #expect(checkJSON["notRunWithoutRegistry"] as? [String] == ["PEN-002", "PEN-007", "REC-004", "REC-009"])
        let sarif = try CLIRunner.json(try CLIRunner.run(["check", "--format", "sarif", "--as-of", "2026-12-31", "."], in: folder).stdout)
        let properties = ((sarif["runs"] as? [[String: Any]])?.first?["properties"] as? [String: Any]) ?? [:]
        #expect(properties["notRunWithoutRegistry"] as? [String] == ["PEN-002", "PEN-007", "REC-004", "REC-009"])
        // With the registry, nothing is said.
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let covered = try CLIRunner.folder(["p.yaml": penalty, "registry.yaml": registry])
        let checked = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: covered).stdout)
        #expect(checked["notRunWithoutRegistry"] as? [String] == [])
    }

    /// A record no rule beyond the record format applies to (a kind no pack checks) was 合规 in
    /// the audit, as if its procedure had been checked: it is now "no rule applies (format only)".
    @Test func aRecordNoRuleAppliesToIsNotCalledCompliant() throws {
        let license = "id: L-1\nkind: administrative_license\ntitle: 某饭店食品经营许可\nsteps:\n  - {type: decision, date: 2024-03-20, by: [P-1]}\n"
        let folder = try CLIRunner.folder(["l.yaml": license, "a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry])
        let period = ["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31"]
        let markdown = try CLIRunner.run(period + ["--format", "markdown", "."], in: folder).stdout
        #expect(markdown.contains("| L-1 | 某饭店食品经营许可 | 行政许可 |  | 2024-03-20 | 无适用规则 |"), "\(markdown)")
        #expect(markdown.contains("| T-2024-001 | 某镇老旧小区改造方案 | 重大行政决策 |  | 2024-03-20 | 合规 |"), "\(markdown)")
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: folder).stdout)
        let statuses = ((json["records"] as? [[String: Any]]) ?? []).map { "\($0["record"] ?? "")=\($0["status"] ?? "")" }
        #expect(statuses.sorted() == ["L-1=formatOnly", "T-2024-001=compliant"], "\(statuses)")
    }

    /// A record whose every step predates the law, with no discussion and no decision, was
    /// "compliant" with the regulations (the rules with no act of their own dated took the newest
    /// text): no rule of them applies to it. One with a step under the law is checked.
    @Test func aRecordWhoseStepsAllPredateTheLawIsNoRulesCase() throws {
        let old = "id: M-3\nkind: major_administrative_decision\ntitle: 某方案\nsteps:\n  - {type: legality_review, form: opinion_solicitation, date: 2019-06-02, outcome: passed}\n"
        let later = old.replacingOccurrences(of: "id: M-3", with: "id: M-4").replacingOccurrences(of: "2019-06-02", with: "2019-09-02")
        let folder = try CLIRunner.folder(["m3.yaml": old, "m4.yaml": later, "registry.yaml": Fixtures.registry])
        let json = try CLIRunner.json(try CLIRunner.run(["audit", "--from", "2019-01-01", "--to", "2019-12-31", "--as-of", "2026-06-01", "--format", "json", "."], in: folder).stdout)
        let statuses = ((json["records"] as? [[String: Any]]) ?? []).map { "\($0["file"] ?? "")=\($0["status"] ?? "")" }
        #expect(statuses.contains("m3.yaml=formatOnly"), "\(statuses)")
        #expect(!statuses.contains("m4.yaml=formatOnly"), "\(statuses)")
    }
}

/// What a second user-style review of the audit found contradicting itself.
@Suite struct AuditConsistencyTests {
    static func run(_ files: [String: String], format: String = "csv", table: String = "records", extra: [String] = []) throws -> CLIRunner.Result {
        let folder = try CLIRunner.folder(files.merging(["registry.yaml": Fixtures.registry]) { first, _ in first })
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-06-30", "--format", format] + (format == "csv" ? ["--table", table] : []) + extra + ["."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        return result
    }

    /// A decision "done" after the as-of date is no decision made: its record is listed as undated
    /// (in every period), and its day was shown as the decision date, outside the period.
    @Test func aDecisionAfterTheAsOfDateIsNoDecisionDate() throws {
        let future = Fixtures.compliant.replacingOccurrences(of: "-03-", with: "-10-")
        #expect(future.contains("{type: decision, date: 2024-10-20"), "\(future)")
        let records = try Self.run(["a.yaml": future]).stdout
        let row = try #require(records.split(separator: "\r\n").first { $0.hasPrefix("T-2024-001,") })
        #expect(row.split(separator: ",", omittingEmptySubsequences: false)[4] == "", "\(row)")
        #expect(row.contains("无法核查"), "\(row)")
        let months = try Self.run(["a.yaml": future], table: "months").stdout
        #expect(months.contains("未注明日期,1,"), "\(months)")
    }

    /// A record no rule beyond the record format applied to is neither compliant nor not: it was
    /// counted as a department's record without errors (1/1, 100 %).
    @Test func aRecordNoRuleAppliedToIsInNoRate() throws {
        let licence = """
            id: L-1
            kind: administrative_license
            title: 某许可
            department: 行政审批局
            steps:
              - {type: decision, date: 2024-03-02}
            """
        let departments = try Self.run(["a.yaml": Fixtures.compliant, "b.yaml": licence], table: "departments").stdout
        #expect(!departments.contains("行政审批局"), "\(departments)")
        let records = try Self.run(["a.yaml": Fixtures.compliant, "b.yaml": licence]).stdout
        #expect(records.contains("L-1,某许可,行政许可,行政审批局,2024-03-02,无适用规则"), "\(records)")
        let markdown = try Self.run(["a.yaml": Fixtures.compliant, "b.yaml": licence], format: "markdown").stdout
        #expect(markdown.contains("2 条记录，无错误的 1/1 (100.0%)"), "\(markdown)")
    }

    /// The workbook says which period and as-of day it covers and how the run was set up (which
    /// rules did not run), on a first sheet, as the HTML report does.
    @Test func theWorkbookOpensWithAnOverview() throws {
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-06-30", "--format", "xlsx", "--output", "a.xlsx", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let read = try CLIRunner.shell("""
            python3 -c "import zipfile; z = zipfile.ZipFile('a.xlsx'); print(z.read('xl/workbook.xml').decode()); print(z.read('xl/worksheets/sheet1.xml').decode())"
            """, in: folder)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("<sheet name=\"概况\""), "\(read.stdout.prefix(600))")
        for text in ["审计期间", "2024-01-01 至 2024-06-30", "截至", "运行设置", "未找到人员名册，未执行：PEN-002、PEN-007、REC-004"] {
            #expect(read.stdout.contains(text), "\(text)")
        }
    }

    /// What `check` says of the configuration (an expired waiver, one unused) the audit says too,
    /// apart from the rates: the auditor never learned that a waiver the office relied on had lapsed.
    @Test func theAuditListsAnExpiredWaiver() throws {
        let waivers = "waivers:\n  - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: 2024-10-01}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Fixtures.lateReview, ".legality.yaml": waivers])
        let period = ["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-12-31"]
        let json = try CLIRunner.json(try CLIRunner.run(period + ["--format", "json", "."], in: folder).stdout)
        let listed = try #require(json["runFindings"] as? [[String: Any]])
        #expect(listed.map { $0["rule"] as? String } == ["waiver-expired"], "\(listed)")
        #expect((json["summary"] as? [String: Any])?["warnings"] as? Int == 0)
        let csv = try CLIRunner.run(period + ["--table", "findings", "."], in: folder).stdout
        #expect(csv.contains("waiver-expired,警告,T-2024-002,.legality.yaml,2,5,豁免已过期"), "\(csv)")
        let markdown = try CLIRunner.run(period + ["--format", "markdown", "."], in: folder).stdout
        #expect(markdown.contains("；另有不属于任何记录的问题 1 项（如未找到人员名册、豁免过期），不计入上述数字，见问题清单。"), "\(markdown)")
        let html = try CLIRunner.run(period + ["--format", "html", "--lang", "en", "."], in: folder).stdout
        #expect(html.contains("<p class=\"run-findings\">1 more finding concerns no record"), "\(html)")
    }

    /// A department is read as written, without the spaces around it: ` 城建办` and `城建办` were
    /// two rows alike, `""` a row of no name, and a list or a number was dropped without a word,
    /// the record counted under 未注明.
    @Test func departmentsAreReadAsWrittenWithoutTheirSpaces() throws {
        func record(_ id: String, department: String) -> String {
            Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: id)
                .replacingOccurrences(of: "title: 某镇老旧小区改造方案\n", with: "title: 某镇老旧小区改造方案\ndepartment: \(department)\n")
        }
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": record("D-1", department: "城建办"), "b.yaml": record("D-2", department: "\" 城建办　\""),
            "c.yaml": record("D-3", department: "\"\""), "d.yaml": record("D-4", department: "[城建办, 法制科]"), "e.yaml": record("D-5", department: "110"),
        ])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-06-30", "--as-of", "2024-12-31", "--table", "departments", "."], in: folder)
        let rows = result.stdout.dropFirst().split(separator: "\r\n").dropFirst().map { $0.split(separator: ",").first ?? "" }
        #expect(rows == ["110", "城建办", "城建办、法制科", "（未注明）"], "\(result.stdout)")
        #expect(result.stdout.contains("城建办,2,2,0"), "\(result.stdout)")
        let check = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        #expect(try CLIRunner.json(check.stdout)["findings"].map { ($0 as? [Any])?.isEmpty } == true, "\(check.stdout)")
    }
}
