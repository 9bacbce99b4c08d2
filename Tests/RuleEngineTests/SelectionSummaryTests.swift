import RuleEngine
import Testing

/// `first`, `last`, `count`, `exists` and `missing` of a step selection are evaluated without a
/// list of the selected steps; they must answer exactly as the same expression over the list
/// (written through `items`, which keeps the list), and spend the same steps of the budget.
@Suite struct SelectionSummaryTests {
    static func rule(_ body: String) -> String {
        """
        id: SUM-1
        severity: warning
        kinds: [administrative_license]
        title: {zh: 汇总, en: summary}
        basis: {instrument: 测试}
        \(body)
        """
    }

    /// Steps written out of date order, with a tie on 2026-03-05 and a planned one.
    static let record = """
        id: L-1
        kind: administrative_license
        title: 某许可
        steps:
          - {type: delivery, date: 2026-03-05, form: written}
          - {type: hearing, date: 2026-03-01}
          - {type: delivery, date: 2026-03-02, form: electronic}
          - {type: delivery, date: 2026-03-05, form: post}
          - {type: delivery, date: 2026-03-09, status: planned}
        """

    static func findings(_ rule: String, budget: Int? = nil) throws -> [Finding] {
        let rules = try BuiltinRules.load(extra: [("summary.yaml", rule)])
        return try BuiltinRules.check(Self.record, rules: rules, asOf: "2026-03-31", only: { $0.id == "SUM-1" }, budget: budget)
    }

    @Test(arguments: ["first", "last", "count", "exists", "missing"], [
        "{type: delivery}",
        "{type: [delivery, hearing], status: any}",
        "{type: delivery, on_or_after: 2026-03-03}",
        "{type: delivery, form: [written, post]}",
        "{type: inspection}",
    ])
    func aSummaryAnswersAsTheSameExpressionOverTheList(operation: String, selection: String) throws {
        let rule = Self.rule("""
            message: {zh: "{summary}|{over_list}", en: "{summary}|{over_list}"}
            let:
              summary: {\(operation): {steps: \(selection)}}
              over_list: {\(operation): {items: {in: {steps: \(selection)}}}}
            violation: true
            """)
        let message = try #require(try Self.findings(rule).first?.message.en)
        let halves = message.split(separator: "|", omittingEmptySubsequences: false)
        #expect(halves.count == 2 && halves[0] == halves[1], "\(message)")
    }

    /// Ties on a day go to the first listed for `first`, the last listed for `last` (told apart by `form`).
    @Test(arguments: [
        ("first", "{type: delivery}", "delivery (2026-03-02)/electronic"),
        ("last", "{type: delivery}", "delivery (2026-03-05)/post"),
        ("first", "{type: delivery, on_or_after: 2026-03-03}", "delivery (2026-03-05)/written"),
        ("last", "{type: delivery, status: any}", "delivery (2026-03-09)/—"),
        ("count", "{type: delivery}", "3/—"),
        ("count", "{type: delivery, status: any}", "4/—"),
        ("exists", "{type: inspection}", "false/—"),
        ("missing", "{type: inspection}", "true/—"),
        ("first", "{type: inspection}", "—/—"),
    ])
    func aSummaryGivesTheExpectedValue(operation: String, selection: String, expected: String) throws {
        let rule = Self.rule("""
            message: {zh: "{value}/{value.form}", en: "{value}/{value.form}"}
            let:
              value: {\(operation): {steps: \(selection)}}
            violation: true
            """)
        #expect(try Self.findings(rule).first?.message.en == expected)
    }

    /// Date bounds keep the steps within all of them; a bound that is no date keeps none.
    @Test(arguments: [
        ("on_or_before: 2026-03-05", 3), ("before: 2026-03-05", 1), ("after: 2026-03-02", 3),
        ("on_or_after: 2026-03-05, on_or_before: 2026-03-05", 2), ("after: 2026-03-05, before: 2026-03-09", 0),
        ("on_or_after: 2026-03-02, before: 2026-03-10", 4), ("on_or_before: {first: {steps: {type: inspection}}}", 0),
    ])
    func dateBoundsKeepTheStepsWithinAllOfThem(bounds: String, expected: Int) throws {
        let rule = Self.rule("""
            message: {zh: "{value}", en: "{value}"}
            let:
              value: {count: {steps: {type: delivery, status: any, \(bounds)}}}
            violation: true
            """)
        #expect(try Self.findings(rule).first?.message.en == "\(expected)")
    }

    /// `exists` of a selection spends two steps (its own and the selection's) and one for each of
    /// the four delivery steps the selection goes through: a budget of six runs out, seven does
    /// not; written over `items` it spends one more.
    @Test func aSummarySpendsTheStepsOfTheExpressionsItStandsFor() throws {
        let summary = Self.rule("message: {zh: m, en: m}\nviolation: {exists: {steps: {type: delivery}}}")
        #expect(try Self.findings(summary, budget: 6).map(\.rule) == ["rule-budget"])
        #expect(try Self.findings(summary, budget: 7).map(\.rule) == ["SUM-1"])
        let overList = Self.rule("message: {zh: m, en: m}\nviolation: {exists: {items: {in: {steps: {type: delivery}}}}}")
        #expect(try Self.findings(overList, budget: 7).map(\.rule) == ["rule-budget"])
        #expect(try Self.findings(overList, budget: 8).map(\.rule) == ["SUM-1"])
    }
}
