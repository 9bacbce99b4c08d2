import DecisionRecords
import RuleEngine
import RuleLanguage
import Testing

/// A major decision or a penalty recorded as published with no decision step: every rule of the
/// decision passed it over, and a decision with no review, discussion or decision was compliant.
@Suite struct PublicationWithoutDecisionTests {
    static let rules = Result { try BuiltinRules.load() }

    func rules(_ text: String) throws -> [String] {
        try BuiltinRules.check(text, rules: try Self.rules.get(), asOf: "2026-11-27").map(\.rule).filter { $0 != "REC-004" }
    }

    static let published = """
        id: P-1
        kind: major_administrative_decision
        title: 只记录了公开
        steps:
          - type: publication
            date: 2026-10-20
            documents: [{type: decision, ref: 某政发〔2026〕18号}]
        """

    @Test func aPublicationWithNoDecisionIsAStepProblem() throws {
        #expect(try rules(Self.published).contains("REC-003"))
        let penalty = Self.published.replacingOccurrences(of: "major_administrative_decision", with: "administrative_penalty")
        #expect(try rules(penalty).contains("REC-003"))
    }

    /// With the decision recorded, its rules judge it; a planned publication alone is no decision
    /// published; a normative document's publication is judged by its own rules (NOR-001).
    @Test func aRecordWithItsDecisionOrNoPublicationDoneIsNot() throws {
        let decided = Self.published.replacingOccurrences(of: "steps:\n", with: "steps:\n  - {type: decision, date: 2026-10-15}\n")
        let found = try rules(decided)
        #expect(!found.contains("REC-003") && found.contains("MAD-001"), "\(found)")
        let planned = Self.published.replacingOccurrences(of: "date: 2026-10-20", with: "date: 2026-12-20\n    status: planned")
        #expect(!(try rules(planned)).contains("REC-003"))
        // A decision still planned is none made: the publication of it is the same question.
        let stale = Self.published.replacingOccurrences(of: "steps:\n", with: "steps:\n  - {type: decision, date: 2026-10-15, status: planned}\n")
        #expect(try rules(stale).contains("REC-003"))
        let normative = Self.published.replacingOccurrences(of: "major_administrative_decision", with: "normative_document")
        #expect(!(try rules(normative)).contains("REC-003"))
        // A discussion made the decision the publication publishes: its rules judge the record.
        let discussed = Self.published.replacingOccurrences(of: "steps:\n", with: "steps:\n  - {type: collective_discussion, date: 2026-10-15, meeting: {type: executive, minutes: true}}\n")
        let fromTheDiscussion = try rules(discussed)
        #expect(!fromTheDiscussion.contains("REC-003") && fromTheDiscussion.contains("MAD-001"), "\(fromTheDiscussion)")
    }
}
