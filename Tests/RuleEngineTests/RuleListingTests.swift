import DecisionRecords
import RuleEngine
import Testing
import YAMLTree

/// An evaluation lists the rules that applied to a record, and those whose law was not in force on
/// the day of its act, only when asked: reports that stream findings never read the lists. Either
/// way the findings are the same.
@Suite struct RuleListingTests {
    /// A major decision discussed in 2018, before the regulation of 2019-09-01 (the `mad` rules are
    /// not in force), and one discussed in 2026 without a legality review.
    static let records = """
        id: L-2018
        kind: major_administrative_decision
        title: 旧决策
        steps:
          - {type: collective_discussion, date: 2018-05-02}
        ---
        id: L-2026
        kind: major_administrative_decision
        title: 新决策
        steps:
          - {type: collective_discussion, date: 2026-05-06}
        """

    static func evaluations(listingRules: Bool) throws -> [RecordEvaluation] {
        let rules = try BuiltinRules.load()
        let context = EvaluationContext(
            rules: rules, calendar: try BuiltinRules.calendar(), registry: Registry(),
            asOf: Day(parsing: "2026-12-31") ?? Day(ordinal: 0), meeting: nil)
        let engine = Engine(context: context)
        return try YAMLParser.parse(Array(records.utf8), file: "test.yaml").map { document in
            engine.evaluate(engine.load(document, file: "test.yaml"), file: "test.yaml", listingRules: listingRules)
        }
    }

    @Test func theListsAreMadeOnlyWhenAskedAndTheFindingsAreTheSame() throws {
        let listed = try Self.evaluations(listingRules: true)
        let unlisted = try Self.evaluations(listingRules: false)
        #expect(listed.map { $0.findings.map(\.rule) } == unlisted.map { $0.findings.map(\.rule) })
        #expect(listed[1].findings.map(\.rule).contains("MAD-001"), "the 2026 decision has no legality review")
        #expect(listed[0].notInForceRules.contains("MAD-001"), "the regulation was not in force in 2018")
        #expect(!listed[0].applicableRules.contains("MAD-001"))
        #expect(listed[1].applicableRules.contains("MAD-001"))
        #expect(listed.allSatisfy { $0.applicableRules.contains("REC-002") }, "the record pack applies to every record")
        for evaluation in unlisted {
            #expect(evaluation.applicableRules.isEmpty)
            #expect(evaluation.notInForceRules.isEmpty)
        }
    }
}
