import DecisionRecords
import RuleEngine
import RuleLanguage
import Testing

/// A year mistyped that moved a record's act of a law before the law came into force (a
/// discussion of 2016 for 2026, a case filed in 2015 for 2025): by the date as written none of the
/// law's rules applied, and the record passed with exit 0, counted "not applicable", unsaid. Now
/// REC-010 asks it, a warning (the record may be dated right), and an inspection still planned
/// before the decision is REC-003.
@Suite struct YearMistypedBeforeTheLawTests {
    static let rules = Result { try BuiltinRules.load() }

    /// The findings on a record, but those of people missing from the (empty) registry.
    func findings(_ text: String, asOf: String = "2026-11-27") throws -> [Finding] {
        try BuiltinRules.check(text, rules: try Self.rules.get(), asOf: asOf).filter { $0.rule != "REC-004" }
    }

    /// A decision reviewed (and failed) in 2026, its discussion typed 2016.
    static func decision(discussed: String, reviewed: String = "2026-04-20", extraStep: String = "") -> String {
        """
        id: T-1
        kind: major_administrative_decision
        title: 测试决策
        steps:
          - {type: legality_review, submitted: 2026-04-01, date: \(reviewed), outcome: failed, by: [P-2]}
          - {type: collective_discussion, date: \(discussed), meeting: {type: executive, minutes: true}}\(extraStep)
          - {type: decision, date: 2026-04-28, by: [P-1]}
        """
    }

    @Test func aDiscussionAloneBeforeTheRegulationsIsAskedOfItsYear() throws {
        let found = try findings(Self.decision(discussed: "2016-04-28"))
        #expect(found.map(\.rule) == ["REC-010"], "\(found.map(\.rule))")
        let message = try #require(found.first?.message.zh)
        #expect(message.contains("2016-04-28") && message.contains("2019-09-01") && message.contains("年份是否写错了"), "\(message)")
        #expect(found.first?.position?.line == 6)
        // Dated right, the failed review is what the rules say.
        #expect(try findings(Self.decision(discussed: "2026-04-28")).contains { $0.rule == "MAD-003" })
    }

    @Test func aDecisionAloneBeforeTheRegulationsIsAskedOfItsYear() throws {
        let record = """
            id: T-4
            kind: major_administrative_decision
            title: 决定早于审查
            steps:
              - {type: legality_review, date: 2026-04-20, outcome: failed, by: [P-2]}
              - {type: decision, date: 2019-04-28}
            """
        #expect(try findings(record).map(\.rule) == ["REC-010"])
    }

    @Test func aCaseFiledAloneBeforeThe2021TextIsAskedOfItsYear() throws {
        let record = """
            id: PT-1
            kind: administrative_penalty
            title: 立案日期年份笔误
            facts: {party_present_at_decision: true}
            steps:
              - {type: case_filing, date: 2015-03-02}
              - {type: investigation, date: 2025-03-05, officers: [P-3, P-4], credentials_shown: true}
              - {type: notice_of_rights, date: 2025-07-20}
              - {type: decision, date: 2025-08-01}
              - {type: publication, date: 2025-08-05}
            """
        let found = try findings(record)
        #expect(found.map(\.rule) == ["REC-010"], "\(found.map(\.rule))")
        #expect(found.first?.message.zh.contains("PEN-009") == true)
        #expect(found.first?.message.zh.contains("第六十条") == true)
        // Filed in 2025, the 90 days of the 2021 text are what it is judged by.
        #expect(try findings(record.replacingOccurrences(of: "2015-03-02", with: "2025-03-02")).map(\.rule) == ["PEN-009"])
    }

    /// Acts dated before their law that are no slip: a first discussion before the regulations
    /// and a second after them (two rounds: the first picks the law, by the catalogue); a case
    /// filed under the 2017 text and decided 200 days later; a discussion before the regulations
    /// with its review days before it.
    @Test func actsBeforeTheLawThatAreNoSlipStand() throws {
        let twoRounds = Self.decision(discussed: "2019-08-20", extraStep: "\n  - {type: collective_discussion, date: 2021-03-10, meeting: {type: executive, minutes: true}}")
        #expect(!(try findings(twoRounds)).contains { $0.rule == "REC-010" })
        let oldCase = """
            id: PT-2
            kind: administrative_penalty
            title: 2017 年文本下的案件
            facts: {party_present_at_decision: true}
            steps:
              - {type: case_filing, date: 2021-07-14}
              - {type: decision, date: 2022-01-30}
            """
        #expect(!(try findings(oldCase)).contains { $0.rule == "REC-010" })
        // Nor is a year mistyped in the commonest way missed: a discussion of 2019 typed 2018, a
        // year and a day before the decision.
        let typo = """
            id: T-9
            kind: major_administrative_decision
            title: 年份笔误
            steps:
              - {type: collective_discussion, date: 2018-10-10, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2019-10-11}
            """
        #expect(try findings(typo).map(\.rule) == ["REC-010"])
        let reviewedFirst = Self.decision(discussed: "2019-06-10", reviewed: "2019-06-01").replacingOccurrences(of: "2026-04-01", with: "2019-05-20")
        #expect(!(try findings(reviewedFirst)).contains { $0.rule == "REC-010" })
    }

    /// A discussion written as a period is dated by its end, as the catalogue dates a period
    /// step: a two-day meeting ending the day the regulations came into force is judged by them
    /// (judged by its first day, a decision of the next day with no review passed).
    @Test func aPeriodIsDatedByItsEnd() throws {
        let record = """
            id: PD-1
            kind: major_administrative_decision
            title: 跨施行日的两天会议
            steps:
              - {type: risk_assessment, date: 2019-08-20, outcome: passed}
              - {type: collective_discussion, start: 2019-08-31, end: 2019-09-01, meeting: {type: executive, minutes: true}}
            """
        #expect(try findings(record).contains { $0.rule == "MAD-001" })
        #expect(try findings(record.replacingOccurrences(of: "end: 2019-09-01", with: "end: 2019-08-31")).isEmpty)
    }

    /// The question of a year stands beside the rules' findings, which are made as the record is
    /// dated: a case filed in 2021 and resumed in 2022 may be dated right, and its officer's
    /// missing certificate was no longer reported.
    @Test func theQuestionOfAYearHidesNoOtherFinding() throws {
        let record = """
            id: PS-1
            kind: administrative_penalty
            title: 中止后恢复的案件
            facts: {party_present_at_decision: true}
            steps:
              - {type: case_filing, date: 2021-06-21}
              - {type: investigation, date: 2022-07-05, officers: [P-3], credentials_shown: true}
              - {type: notice_of_rights, date: 2022-07-20}
              - {type: decision, date: 2022-08-10}
            """
        let found = try findings(record).map(\.rule)
        #expect(found.contains("REC-010") && found.contains("PEN-001"), "\(found)")
    }

    /// An inspection still `planned` on a day before the decision made: the rules of officers
    /// judge done steps alone, and a case inspected by one auxiliary officer passed.
    @Test func anInspectionPlannedBeforeTheDecisionIsAStepProblem() throws {
        let record = """
            id: PC-1
            kind: administrative_penalty
            title: 计划中的检查
            facts: {party_present_at_decision: true}
            steps:
              - {type: case_filing, date: 2026-06-01}
              - {type: inspection, status: planned, date: 2026-06-02, officers: [P-5]}
              - {type: notice_of_rights, date: 2026-06-05}
              - {type: decision, date: 2026-06-10}
              - {type: publication, date: 2026-06-12}
            """
        let found = try findings(record)
        #expect(found.map(\.rule) == ["REC-003"], "\(found.map(\.rule))")
        #expect(found.first?.position?.line == 7)
        // Planned after the decision (follow-up work), it is no problem of the record.
        #expect(!(try findings(record.replacingOccurrences(of: "date: 2026-06-02", with: "date: 2026-06-20"))).contains { $0.rule == "REC-003" })
        // Done, the rules of officers judge it.
        #expect(try findings(record.replacingOccurrences(of: "status: planned, ", with: "")).contains { $0.rule == "PEN-001" })
    }
}
