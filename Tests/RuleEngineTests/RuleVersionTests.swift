import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import Testing

/// Rules with versions of the law: a local rule declares its own, with no Swift; versions are
/// checked when rules load; the version in force on the day of the act decides basis, parameters
/// and whether the rule applies at all.
@Suite struct RuleVersionTests {
    /// A provincial filing rule replaced on 2023-03-01: 30 calendar days (rolled forward) under the
    /// old regulation, 15 working days under the new one, and nothing before 2016-06-01.
    static let provincial = """
        id: PROV-001
        severity: warning
        kinds: [normative_document]
        title: {zh: 未按期报送备案, en: Filed late}
        message: {zh: "{publication.date} 公布，最迟应于 {deadline} 备案", en: "published on {publication.date}; due for filing by {deadline}"}
        basis: {instrument: 《某省行政规范性文件管理办法》（2023年）, article: 第二十条}
        parameters:
          days: {default: 15}
          unit: {default: working_days}
        versions:
          - from: 2016-06-01
            basis: {instrument: 《某省规范性文件备案规定》（2016年）, article: 第九条}
            parameters: {days: 30, unit: calendar_days}
          - from: 2023-03-01
        let:
          publication: {first: {steps: {type: publication}}}
          deadline: {add_period: [$publication, $param.days, $param.unit]}
        when: {exists: $publication}
        violation: {missing: {steps: {type: filing, on_or_after: $publication, on_or_before: $deadline}}}
        at: $publication
        """

    static func record(published: String, filed: String) -> String {
        """
        id: N-1
        kind: normative_document
        title: 示例规范性文件
        steps:
          - {type: publication, date: \(published)}
          - {type: filing, date: \(filed)}
        """
    }

    func check(_ published: String, _ filed: String) throws -> [Finding] {
        let rules = try BuiltinRules.load(extra: [("prov.yaml", Self.provincial)])
        return try BuiltinRules.check(Self.record(published: published, filed: filed), rules: rules, asOf: "2026-12-31", only: { $0.id == "PROV-001" })
    }

    @Test func aLocalRuleDeclaresItsOwnVersions() throws {
        // Published 2023-02-28 under the old rule: 30 calendar days, to 2023-03-30: filed in time.
        #expect(try check("2023-02-28", "2023-03-30").isEmpty)
        // Published 2023-03-01 under the new rule: 15 working days, to 2023-03-22: late.
        let late = try check("2023-03-01", "2023-03-30")
        #expect(late.map(\.rule) == ["PROV-001"])
        #expect(late.first?.basis.text(.zh) == "《某省行政规范性文件管理办法》（2023年）第二十条")
        // The old rule's basis for an old act.
        let old = try check("2020-01-02", "2020-03-02")
        #expect(old.first?.basis.text(.zh) == "《某省规范性文件备案规定》（2016年）第九条")
        // Before the first version the rule says nothing.
        #expect(try check("2015-01-05", "2015-12-31").isEmpty)
    }

    /// A rule of the record pack (`pack: record`, or a folder named `record`) is judged by its
    /// versions as any other: it cited a law for an act done before the law was in force.
    @Test func aRecordPackRuleKeepsItsVersions() throws {
        let inRecordPack = Self.provincial.replacingOccurrences(of: "severity: warning\n", with: "severity: warning\npack: record\n")
        let rules = try BuiltinRules.load(extra: [("prov.yaml", inRecordPack)])
        func findings(_ published: String, _ filed: String) throws -> [Finding] {
            try BuiltinRules.check(Self.record(published: published, filed: filed), rules: rules, asOf: "2026-12-31", only: { $0.id == "PROV-001" })
        }
        #expect(try findings("2015-01-05", "2015-12-31").isEmpty)
        let old = try findings("2020-01-02", "2020-03-02")
        #expect(old.first?.basis.text(.zh) == "《某省规范性文件备案规定》（2016年）第九条")
        #expect(old.first?.pending == false)
    }

    @Test func calendarDayPeriodsRollForwardOverHolidays() throws {
        // Old rule, published 2020-09-01: day 30 is 2020-10-01 (National Day); the period ends on
        // the first working day after the holiday, 2020-10-09.
        #expect(try check("2020-09-01", "2020-10-09").isEmpty)
        #expect(try check("2020-09-01", "2020-10-10").map(\.rule) == ["PROV-001"])
    }

    @Test(arguments: [
        ("  - from: 2023-03-01\n  - from: 2016-06-01\n", "must be in order"),
        ("  - {from: 2016-06-01, until: 2023-06-30}\n  - from: 2023-03-01\n", "overlaps"),
        ("  - {from: 2016-06-01, until: 2015-01-01}\n", "is before 'from'"),
        ("  - {from: 2016-06-01, parameters: {dayz: 3}}\n", "did you mean 'days'"),
        ("  - {from: 2016-06-01, parameters: {days: [1, 2]}}\n", "takes one value"),
        ("  - {since: 2016-06-01}\n", "unknown key 'since'"),
        ("  - {from: 2016-06-01, help: 及时备案}\n", "'help' is a mapping {zh: ..., en: ...}"),
    ])
    func versionsAreCheckedWhenRulesLoad(versions: String, message: String) throws {
        let text = Self.provincial.replacingOccurrences(
            of: "  - from: 2016-06-01\n    basis: {instrument: 《某省规范性文件备案规定》（2016年）, article: 第九条}\n    parameters: {days: 30, unit: calendar_days}\n  - from: 2023-03-01\n",
            with: versions)
        #expect(text != Self.provincial)
        let error = #expect(throws: RuleLoadError.self) { try BuiltinRules.load(extra: [("prov.yaml", text)]) }
        #expect(error?.description.contains(message) == true, "\(error?.description ?? "")")
    }

    @Test func theBuiltInPenaltyRulesCiteTheTextInForce() throws {
        let rules = try BuiltinRules.load()
        let oneOfficer = { (day: String) in
            """
            id: P-1
            kind: administrative_penalty
            title: 某商店销售过期食品案
            facts: {party_present_at_decision: true}
            steps:
              - {type: investigation, date: \(day), officers: [P-1], credentials_shown: true}
            """
        }
        let registry = Registry(people: [Person(id: "P-1", certificates: [Certificate(type: "enforcement")])])
        for (day, citation) in [("2017-12-29", "（2009年修正）第三十七条"), ("2021-07-14", "（2017年修正）第三十七条"), ("2021-07-15", "》第四十二条")] {
            let findings = try BuiltinRules.check(oneOfficer(day), rules: rules, asOf: "2026-12-31", registry: registry, only: { $0.id == "PEN-001" })
            #expect(findings.first?.basis.text(.zh).hasSuffix(citation) == true, "\(day): \(findings.first?.basis.text(.zh) ?? "none")")
        }
    }

    /// An investigation written as a period across 2021-07-15 takes the law of its first day
    /// (PEN-001, PEN-003), and an officer's day without a certificate the law of that day
    /// (PEN-002): by the period's last day, a lapse on 2021-07-01 cited the 2021 text's 第四十二条,
    /// not yet in force.
    @Test func aPeriodAcrossTheChangeOfTheLawTakesTheLawOfItsDay() throws {
        let rules = try BuiltinRules.load()
        let record = """
            id: P-1
            kind: administrative_penalty
            title: 某企业违法排污案
            facts: {party_present_at_decision: true}
            steps:
              - {type: investigation, start: 2021-07-01, end: 2021-07-20, officers: [P-1]}
            """
        let registry = Registry(people: [Person(id: "P-1", certificates: [Certificate(type: "enforcement", validFrom: Day(parsing: "2021-07-05"))])])
        for rule in ["PEN-001", "PEN-002", "PEN-003"] {
            let findings = try BuiltinRules.check(record, rules: rules, asOf: "2026-12-31", registry: registry, only: { $0.id == rule })
            #expect(findings.first?.basis.text(.zh).hasSuffix("（2017年修正）第三十七条") == true, "\(rule): \(findings.first?.basis.text(.zh) ?? "none")")
        }
        // Begun on the day the 2021 text came into force, it is judged by that text.
        let later = record.replacingOccurrences(of: "start: 2021-07-01", with: "start: 2021-07-15")
        let findings = try BuiltinRules.check(later, rules: rules, asOf: "2026-12-31", registry: registry, only: { $0.id == "PEN-001" })
        #expect(findings.first?.basis.text(.zh).hasSuffix("》第四十二条") == true, "\(findings.first?.basis.text(.zh) ?? "none")")
    }

    /// A version may give its own fix where the old text's differs from the new one's (PEN-010: a
    /// notice of 7 calendar days before 2021-07-15; the fix told the clerk 7 working days); a
    /// version without one gives the rule's.
    @Test func aVersionGivesItsOwnHelp() throws {
        let text = Self.provincial
            .replacingOccurrences(
                of: "    parameters: {days: 30, unit: calendar_days}\n",
                with: "    help: {zh: 公布后 30 日内备案, en: File within 30 days}\n    parameters: {days: 30, unit: calendar_days}\n")
            .replacingOccurrences(of: "basis: {instrument: 《某省行政规范性文件管理办法》（2023年）, article: 第二十条}\n", with: "basis: {instrument: 《某省行政规范性文件管理办法》（2023年）, article: 第二十条}\nhelp: {zh: 公布后 15 个工作日内备案, en: File within 15 working days}\n")
        let rules = try BuiltinRules.load(extra: [("prov.yaml", text)])
        #expect(rules.rules.first { $0.id == "PROV-001" }?.versions.first?.help?.zh == "公布后 30 日内备案")
        func help(_ published: String, _ filed: String) throws -> String? {
            try BuiltinRules.check(Self.record(published: published, filed: filed), rules: rules, asOf: "2026-12-31", only: { $0.id == "PROV-001" }).first?.help?.zh
        }
        #expect(try help("2020-01-02", "2020-03-02") == "公布后 30 日内备案")
        #expect(try help("2023-03-01", "2023-03-30") == "公布后 15 个工作日内备案")
    }

    /// `in_force_on_label` says in words which act picks the version (for `rules show`); a rule
    /// without versions has none to pick, and says so when it loads.
    @Test func theDayThatPicksTheVersionIsNamedInWords() throws {
        let labelled = Self.provincial + "\nin_force_on_label: {zh: 公布之日, en: the day of publication}"
        let rules = try BuiltinRules.load(extra: [("prov.yaml", labelled)])
        #expect(rules.rules.first { $0.id == "PROV-001" }?.inForceOnLabel?.zh == "公布之日")
        let unversioned = labelled.replacingOccurrences(
            of: "versions:\n  - from: 2016-06-01\n    basis: {instrument: 《某省规范性文件备案规定》（2016年）, article: 第九条}\n    parameters: {days: 30, unit: calendar_days}\n  - from: 2023-03-01\n",
            with: "")
        #expect(unversioned != labelled)
        let error = #expect(throws: RuleLoadError.self) { try BuiltinRules.load(extra: [("prov.yaml", unversioned)]) }
        #expect(error?.description.contains("the rule has no 'versions'") == true, "\(error?.description ?? "")")
    }

    /// Under the 2017 text PEN-010 counts calendar days, and its fix says so.
    @Test func theHearingNoticeFixFollowsTheTextInForce() throws {
        let rules = try BuiltinRules.load()
        let hearing = { (notice: String, held: String) in
            """
            id: P-1
            kind: administrative_penalty
            title: 某商店销售过期食品案
            steps:
              - {type: hearing_notice, date: \(notice)}
              - {type: hearing, date: \(held)}
            """
        }
        let old = try BuiltinRules.check(hearing("2021-07-08", "2021-07-14"), rules: rules, asOf: "2026-12-31", only: { $0.id == "PEN-010" })
        #expect(old.first?.help?.zh.contains("日历日") == true, "\(old.first?.help?.zh ?? "none")")
        let new = try BuiltinRules.check(hearing("2024-09-27", "2024-10-11"), rules: rules, asOf: "2026-12-31", only: { $0.id == "PEN-010" })
        #expect(new.first?.help?.zh.contains("工作日") == true, "\(new.first?.help?.zh ?? "none")")
    }

    /// A rule whose act has no day (it points at an officer, a person id) is judged by the
    /// record's latest step under some version: a 2020 inspection was judged by the text of 2022
    /// (the newest), and a record with steps of 2019 under a law repealed at the end of 2019 and a
    /// decision of 2020 was "not under the law" when nothing was found.
    @Test func anActWithNoDayIsJudgedByTheLatestStepUnderTheLaw() throws {
        let rule = """
            id: LOC-001
            severity: error
            kinds: [administrative_penalty]
            title: {zh: 执法人员不足, en: Too few officers}
            message: {zh: "执法人员不足 {param.min}", en: "fewer than {param.min}"}
            basis: {instrument: 《某省规定》（2022年）, article: 第一条}
            parameters:
              min: {default: 2}
            let:
              count: {count: {distinct: $record.steps.officers}}
            violation: {lt: [$count, $param.min]}
            versions:
              - {from: 2010-01-01, basis: {instrument: 《某省规定》（2010年）, article: 第三条}, parameters: {min: 3}}
              - from: 2022-01-01
            """
        let rules = try BuiltinRules.load(extra: [("loc.yaml", rule)])
        let record = { (inspected: String, decided: String) in
            "id: P-1\nkind: administrative_penalty\ntitle: 某案\nsteps:\n  - {type: inspection, date: \(inspected), officers: [P-1, P-2]}\n  - {type: decision, date: \(decided)}\n"
        }
        let old = try BuiltinRules.check(record("2020-05-02", "2020-06-01"), rules: rules, asOf: "2026-12-31", only: { $0.id == "LOC-001" })
        #expect(old.map(\.rule) == ["LOC-001"] && old.first?.basis.text(.zh) == "《某省规定》（2010年）第三条", "\(old.map(\.basis))")
        #expect(try BuiltinRules.check(record("2023-05-02", "2023-06-01"), rules: rules, asOf: "2026-12-31", only: { $0.id == "LOC-001" }).isEmpty)
        // With every step before the first version, the rule does not apply.
        #expect(try BuiltinRules.check(record("2009-05-02", "2009-06-01"), rules: rules, asOf: "2026-12-31", only: { $0.id == "LOC-001" }).isEmpty)
    }
}
