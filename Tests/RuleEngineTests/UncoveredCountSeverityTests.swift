import DecisionRecords
import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// Which rules relied on a working-day count in a year the calendar does not cover: the gate holds
/// an item back only when such a rule could block it.
@Suite struct UncoveredCountSeverityTests {
    static let record = """
        id: U-1
        kind: major_administrative_decision
        title: 春节后上会的议题
        steps:
          - {type: legality_review, submitted: 2027-02-03, date: 2027-02-04, outcome: passed}
          - {type: collective_discussion, date: 2027-02-15, status: planned}
        """

    static func rule(_ id: String, _ severity: String, reads days: String) -> String {
        """
        id: \(id)
        severity: \(severity)
        kinds: [major_administrative_decision]
        title: {zh: 送审时间, en: Lead time}
        description: {zh: 送审到上会的工作日。, en: Working days from submission to the meeting.}
        message: {zh: "只有 {days} 个工作日", en: "only {days} working days"}
        basis: {instrument: 《某县规定》, article: 第十条}
        let:
          days: \(days)
        violation: {lt: [$days, 2]}
        """
    }

    /// The record's review and its discussion, as definitions the rules' counts read.
    static let steps = """
        definitions:
          u_review: {first: {steps: {type: legality_review}}}
          u_meeting: {first: {steps: {type: collective_discussion, status: any}}}
        """

    static func evaluation(_ extra: [(String, String)]) throws -> RecordEvaluation {
        let rules = try BuiltinRules.load(extra: [("steps.yaml", Self.steps)] + extra)
        let context = EvaluationContext(
            rules: rules, calendar: try BuiltinRules.calendar(), registry: Registry(), asOf: Day(parsing: "2027-02-15") ?? Day(ordinal: 0))
        let engine = Engine(context: context, include: { $0.pack == "local" })
        let document = try #require(try YAMLParser.parse(Array(Self.record.utf8), file: "a.yaml").first)
        return engine.evaluate(engine.load(document, file: "a.yaml"), file: "a.yaml")
    }

    static let count = "{working_days: [$u_review.submitted, $u_meeting]}"

    @Test func theHighestSeverityOfARuleCountingThereIsKept() throws {
        let evaluation = try Self.evaluation([
            ("a.yaml", Self.rule("LOC-001", "info", reads: Self.count)),
            ("b.yaml", Self.rule("LOC-002", "error", reads: Self.count)),
            ("c.yaml", Self.rule("LOC-003", "warning", reads: Self.count)),
        ])
        #expect(evaluation.uncoveredYears == [2027])
        #expect(evaluation.uncoveredSeverity == .error)
    }

    @Test func aCountInCoveredYearsNotesNoSeverity() throws {
        let covered = "{working_days: [2026-02-03, 2026-02-15]}"
        let evaluation = try Self.evaluation([("a.yaml", Self.rule("LOC-001", "error", reads: covered))])
        #expect(evaluation.uncoveredYears.isEmpty)
        #expect(evaluation.uncoveredSeverity == nil)
    }

    /// A shared definition is computed once a record: a rule reading it later, from the cache,
    /// relies on its count as much as the first one (an error rule after an info rule was noted
    /// as info, and the gate let the item through).
    @Test func aRuleReadingACountedDefinitionFromTheCacheReliesOnItToo() throws {
        let definitions = "definitions:\n  lead_days: \(Self.count)\n  lead_days_again: {add: [$lead_days, 0]}\n"
        let evaluation = try Self.evaluation([
            ("defs.yaml", definitions),
            ("a.yaml", Self.rule("LOC-001", "info", reads: "$lead_days_again")),
            ("b.yaml", Self.rule("LOC-002", "error", reads: "$lead_days")),
        ])
        #expect(evaluation.uncoveredYears == [2027])
        #expect(evaluation.uncoveredSeverity == .error)
        // And through a definition that reads the counted one.
        let through = try Self.evaluation([
            ("defs.yaml", definitions),
            ("a.yaml", Self.rule("LOC-001", "info", reads: "$lead_days")),
            ("b.yaml", Self.rule("LOC-002", "error", reads: "$lead_days_again")),
        ])
        #expect(through.uncoveredSeverity == .error)
    }
}
