import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// The traps a rule author fell into (issue "Rule language, second round"): each gave a wrong
/// answer with no error; each is now a correct answer, or an error at load time or at run time.
@Suite struct RuleLanguageTrapTests {
    static func rule(_ body: String, id: String = "TRAP-1", kinds: String = "[administrative_license]") -> String {
        """
        id: \(id)
        severity: warning
        kinds: \(kinds)
        title: {zh: 陷阱, en: trap}
        message: {zh: m, en: m}
        basis: {instrument: 测试}
        \(body)
        """
    }

    static func findings(_ rule: String, _ record: String) throws -> [Finding] {
        let rules = try BuiltinRules.load(extra: [("trap.yaml", rule)])
        return try BuiltinRules.check(record, rules: rules, asOf: "2026-12-31", only: { $0.id == "TRAP-1" })
    }

    static func loadError(_ rule: String) -> String? {
        do {
            _ = try BuiltinRules.load(extra: [("trap.yaml", rule)])
            return nil
        } catch {
            return "\(error)"
        }
    }

    static let license = """
        id: L-1
        kind: administrative_license
        title: 某许可
        facts: {budget: %BUDGET%}
        steps:
          - {type: delivery, date: 2026-03-02, form: %FORM%}
        """

    static func record(budget: String = "1000", form: String = "written") -> String {
        license.replacingOccurrences(of: "%BUDGET%", with: budget).replacingOccurrences(of: "%FORM%", with: form)
    }

    @Test(arguments: [("written", true), ("electronic", true), ("post", false)])
    func aListFromAParameterMeansAnyOf(form: String, selected: Bool) throws {
        let rule = Self.rule("parameters: {forms: [written, electronic]}\nviolation: {exists: {steps: {type: delivery, form: $param.forms}}}")
        #expect(try Self.findings(rule, Self.record(form: form)).isEmpty == !selected)
    }

    @Test func nullInAParameterListMatchesAnAbsentField() throws {
        let rule = Self.rule("parameters: {forms: [written, null]}\nviolation: {exists: {steps: {type: delivery, form: $param.forms}}}")
        let record = Self.record().replacingOccurrences(of: ", form: written", with: "")
        #expect(try Self.findings(rule, record).count == 1)
    }

    @Test(arguments: ["gt: [true, 1000]", "gt: [false, 1000]", "gt: [[500], 1000]", "eq: [yes, 1]"])
    func constantsOfDifferentTypesAreALoadError(comparison: String) throws {
        let error = try #require(Self.loadError(Self.rule("violation: {\(comparison)}")))
        #expect(error.contains("never compare"), "\(error)")
    }

    @Test(arguments: ["\"1,500\"", "1500万元", "true", "[1500]"])
    func aRecordValueOfAnotherTypeIsARuleErrorAtTheValue(budget: String) throws {
        let rule = Self.rule("violation: {gt: [$facts.budget, 1000]}")
        let findings = try Self.findings(rule, Self.record(budget: budget))
        #expect(findings.map(\.rule) == ["rule-error"])
        #expect(findings.first?.position == SourcePosition(line: 4, column: 17), "\(findings.first?.position.map { "\($0)" } ?? "")")
        #expect(findings.first?.message.en.contains("TRAP-1") == true)
        if budget.contains(",") || budget.contains("万") { #expect(findings.first?.message.en.contains("not a number") == true) }
    }

    /// A rule without versions asks what its finding is about only once the violation holds: a
    /// value there it cannot compare makes the finding a rule error, and never judges a record
    /// that passed.
    @Test func theActAFindingIsAboutIsAskedOnlyOnceTheViolationHolds() throws {
        let rule = Self.rule("violation: {gt: [$facts.budget, 1000]}\nabout: {if: [{gt: [$facts.when, 5]}, {first: $steps}, {first: $steps}]}")
        func record(budget: String) -> String {
            Self.record(budget: budget).replacingOccurrences(of: "facts: {budget: \(budget)}", with: "facts: {budget: \(budget), when: 三月}")
        }
        let violated = try Self.findings(rule, record(budget: "1500"))
        #expect(violated.map(\.rule) == ["rule-error"])
        #expect(violated.first?.message.en.contains("TRAP-1") == true)
        #expect(try Self.findings(rule, record(budget: "800")).isEmpty)
        // Without the text the act is the first step, and the finding is an ordinary one.
        #expect(try Self.findings(rule, Self.record(budget: "1500")).map(\.rule) == ["TRAP-1"])
    }

    /// A day count out of date arithmetic's range (a century), not finite, or no number at all
    /// made the date missing: a rule adding `-60000` days from a record found nothing, silently.
    /// It is a rule error at the value; a count within range still counts.
    @Test(arguments: [("-60000", true), ("1e308", true), (".nan", true), ("三十", true), ("30", false)])
    func aDayCountOutOfRangeIsARuleError(count: String, error: Bool) throws {
        let rule = Self.rule("violation: {gt: [{add_days: [{first: $steps}, $facts.budget]}, 2000-01-01]}")
        let findings = try Self.findings(rule, Self.record(budget: count))
        #expect(findings.map(\.rule) == [error ? "rule-error" : "TRAP-1"], "\(count)")
        if error {
            #expect(findings.first?.position == SourcePosition(line: 4, column: 17))
            #expect(findings.first?.message.en.contains("is no number of days for date arithmetic (expected a number within ±36500)") == true)
        }
    }

    /// Lists doubled by a few `let`s took gigabytes, and `in` over a long list within a filter
    /// minutes, within a few dozen steps of the budget: an operation now spends a step for every
    /// item it makes or goes through, and such a rule stops as `rule-budget` (an error), in a moment.
    @Test(arguments: [
        "violation: {gt: [{count: $a26}, 0]}",
        "violation: {gt: [{count: {items: {in: $a14, where: {in: [3, $a14]}}}}, 0]}",
        "violation: {gt: [{count: {distinct: $a26}}, 0]}",
    ])
    func listsThatGrowWithoutBoundSpendTheBudget(violation: String) throws {
        let lets = (1...26).map { "  a\($0): {concat: [$a\($0 - 1), $a\($0 - 1)]}" }.joined(separator: "\n")
        let rule = Self.rule("let:\n  a0: {concat: [1, 1]}\n\(lets)\n\(violation)")
        let findings = try Self.findings(rule, Self.record())
        #expect(findings.map(\.rule) == ["rule-budget"])
        // Lists of ordinary size are no trouble.
        #expect(try Self.findings(Self.rule("let:\n  a0: {concat: [1, 1]}\n\(lets)\nviolation: {gt: [{count: $a10}, 0]}"), Self.record()).map(\.rule) == ["TRAP-1"])
    }

    /// A step selection inside another's filter went through every step for each step, spending one
    /// step of the budget each time: a record of 100,000 steps took minutes. Each candidate step
    /// a selection goes through now spends a step.
    @Test func nestedStepSelectionsSpendTheBudget() throws {
        let steps = (0..<2_000).map { _ in "  - {type: delivery, date: 2026-03-02, form: written}" }.joined(separator: "\n")
        let record = Self.record().replacingOccurrences(of: "  - {type: delivery, date: 2026-03-02, form: written}", with: steps)
        let rule = Self.rule("violation: {exists: {items: {in: {steps: {type: delivery}}, where: {exists: {steps: {type: delivery, on_or_after: $it}}}}}}")
        #expect(try Self.findings(rule, record).map(\.rule) == ["rule-budget"])
        #expect(try Self.findings(rule, Self.record()).map(\.rule) == ["TRAP-1"])
    }

    /// `in_force_on` picks a version of the law: on a rule without versions it would be ignored.
    @Test func inForceOnWithoutVersionsIsALoadError() throws {
        let error = try #require(Self.loadError(Self.rule("violation: true\nin_force_on: {first: $steps}")))
        #expect(error.contains("'in_force_on' names the act whose day picks a version of the law, and the rule has no 'versions'"), "\(error)")
        #expect(Self.loadError(Self.rule("violation: true\nin_force_on: {first: $steps}\nversions:\n  - from: 2020-01-01")) == nil)
    }

    @Test func aPlainNumberTextStillCompares() throws {
        let rule = Self.rule("violation: {gt: [$facts.budget, 1000]}")
        #expect(try Self.findings(rule, Self.record(budget: "\"1500\"")).count == 1)
        #expect(try Self.findings(rule, Self.record(budget: "800")).isEmpty)
    }

    @Test(arguments: ["1500", "true"])
    func numbersAndBooleansKeepTheirPosition(budget: String) throws {
        let rule = Self.rule("violation: {exists: $facts.budget}\nat: $facts.budget")
        #expect(try Self.findings(rule, Self.record(budget: budget)).first?.position == SourcePosition(line: 4, column: 17))
    }

    @Test func aParameterDefaultOfTheWrongTypeIsALoadError() throws {
        let rule = Self.rule("parameters: {days: 二十}\nviolation: {gt: [$as_of, {add_days: [{first: $steps}, $param.days]}]}")
        let error = try #require(Self.loadError(rule))
        #expect(error.contains("trap.yaml:7:") && error.contains("'days' is used as a number of days"), "\(error)")
    }

    @Test(arguments: [
        "parameters: {days: {default: 15}}\nversions:\n  - {from: 2016-06-01, parameters: {days: thirty}}\nviolation: {gt: [$as_of, {add_days: [{first: $steps}, $param.days]}]}",
        "parameters: {unit: {default: weeks}}\nviolation: {gt: [$as_of, {add_period: [{first: $steps}, 3, $param.unit]}]}",
        "violation: {in: [true, [1000, 2000]]}",
    ])
    func moreMistakesCaughtWhenRulesLoad(body: String) throws {
        #expect(Self.loadError(Self.rule(body)) != nil)
    }

    @Test func aListFieldInAStepSelectionMatchesByItem() throws {
        let rule = Self.rule("violation: {exists: {steps: {type: delivery, by: P-2}}}")
        let record = Self.record().replacingOccurrences(of: "form: written}", with: "form: written, by: [P-1, P-2]}")
        #expect(try Self.findings(rule, record).count == 1)
        #expect(try Self.findings(rule, record.replacingOccurrences(of: "P-2]", with: "P-3]")).isEmpty)
    }

    @Test func compositeKeysOfSeenBeforeNeverMatchOnAMissingPartAndNameTheEarlierRecord() throws {
        let rule = Self.rule("violation: {seen_before: [$record.organ, $facts.doc_no]}")
        let text = ["A", "B", "C", "D"].enumerated().map { index, name in
            let number = index < 2 ? "facts: {doc_no: \"2024-7\"}" : "facts: {}"
            return "id: L-\(name)\nkind: administrative_license\ntitle: t\norgan: 某县人民政府\n\(number)\nsteps: [{type: delivery, date: 2026-03-02}]\n"
        }.joined(separator: "---\n")
        let findings = try Self.findings(rule, text)
        #expect(findings.map(\.record) == ["L-B"], "records without a number are no duplicates")
        #expect(findings.first?.message.en.contains("first in record L-A, test.yaml:1") == true, "\(findings.first?.message.en ?? "")")
        #expect(findings.first?.evidence.contains { $0.key == "first_seen" } == true)
    }

    @Test func aMisspeltKindIsALoadError() throws {
        let error = try #require(Self.loadError(Self.rule("violation: true", kinds: "[administrative_licence]")))
        #expect(error.contains("did you mean 'administrative_license'"), "\(error)")
        // A kind written by its name is read as its code.
        _ = try BuiltinRules.load(extra: [("trap.yaml", Self.rule("violation: true", kinds: "[行政许可]"))])
    }
}
