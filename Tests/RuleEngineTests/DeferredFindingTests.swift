import DecisionRecords
import RuleEngine
import Testing

/// A finding that rests on `seen_before` is settled in file order, after its record was evaluated:
/// it keeps its place among the record's findings, and a rule that cannot judge the record still
/// says so on every record.
@Suite struct DeferredFindingTests {
    static func rule(_ id: String, message: String = "{zh: 见, en: seen}", _ violation: String) -> String {
        RuleLanguageTrapTests.rule("violation: \(violation)", id: id)
            .replacingOccurrences(of: "message: {zh: m, en: m}", with: "message: \(message)")
    }

    static let records = ["A": "甲县", "B": "甲县", "C": "乙县"].sorted { $0.key < $1.key }.map { name, organ in
        "id: L-\(name)\nkind: administrative_license\ntitle: t\norgan: \(organ)\nsteps: [{type: delivery, date: 2026-03-02}]\n"
    }.joined(separator: "---\n")

    static func findings(_ rules: [String]) throws -> [Finding] {
        let loaded = try BuiltinRules.load(extra: rules.enumerated().map { ("trap\($0.offset).yaml", $0.element) })
        return try BuiltinRules.check(records, rules: loaded, asOf: "2026-12-31", only: { $0.id.hasPrefix("TRAP-") })
    }

    @Test func aSettledFindingKeepsItsPlaceAmongTheRecordsFindings() throws {
        let findings = try Self.findings([
            Self.rule("TRAP-1", "true"),
            Self.rule("TRAP-2", message: "{zh: \"机关 {record.organ} 重复\", en: \"organ {record.organ} again\"}", "{seen_before: $record.organ}"),
            Self.rule("TRAP-3", "true"),
        ])
        #expect(findings.map { "\($0.record ?? "-") \($0.rule)" } == [
            "L-A TRAP-1", "L-A TRAP-3",
            "L-B TRAP-1", "L-B TRAP-2", "L-B TRAP-3",
            "L-C TRAP-1", "L-C TRAP-3",
        ])
        let repeated = try #require(findings.first { $0.rule == "TRAP-2" })
        #expect(repeated.message.zh == "机关 甲县 重复（最早见于记录 L-A，test.yaml:1）")
        #expect(repeated.message.en == "organ 甲县 again (first in record L-A, test.yaml:1)")
        #expect(repeated.position?.line == 7, "it points where the record starts: the rule has no `at`")
        #expect(repeated.evidence.map(\.key) == ["first_seen"])
        #expect(repeated.severity == .warning && repeated.title.en == "trap")
    }

    @Test func aRunLevelRuleAskingSeenBeforeReportsAsEvaluated() throws {
        // A run-level rule has no file order to settle its question in: its finding stands, as
        // it did when every finding was made at once.
        let rule = Self.rule("TRAP-RUN", message: "{zh: 运行, en: run}", "{seen_before: \"x\"}") + "\nscope: run\n"
        let rules = try BuiltinRules.load(extra: [("run.yaml", rule)])
        let context = EvaluationContext(
            rules: rules, calendar: try BuiltinRules.calendar(), registry: Registry(),
            asOf: Day(parsing: "2026-12-31") ?? Day(ordinal: 0), meeting: nil)
        let findings = Engine(context: context) { $0.id == "TRAP-RUN" }.runFindings()
        #expect(findings.map(\.rule) == ["TRAP-RUN"])
        #expect(findings.first?.message.en == "run")
    }

    @Test func aRuleThatCannotJudgeARecordSaysSoWhetherOrNotItsValueWasSeen() throws {
        // The comparison after `seen_before` fails on every record (a text against a number):
        // the rule's findings are replaced by one that says so, the deferred one included.
        let findings = try Self.findings([Self.rule("TRAP-4", "{all: [{seen_before: $record.organ}, {gt: [$record.title, 3]}]}")])
        #expect(findings.map { "\($0.record ?? "-") \($0.rule)" } == ["L-A rule-error", "L-B rule-error", "L-C rule-error"])
    }
}
