import DecisionRecords
import Foundation
import RuleEngine
@testable import RuleLanguage
import Testing

/// Rules a county clerk wrote that loaded without a word and never fired (the sixth review of
/// the rule language as its users write it): date arithmetic on what is no date.
@Suite struct RuleLanguageSixthRoundTests {
    static let body = """
        let:
          p: {first: {steps: {type: publication}}}
          due: {add_working_days: [$p.x_received_on, 5]}
        when: {exists: $p}
        violation: {gt: [$p.date, $due]}
        """

    static func record(received: String) -> String {
        RuleLanguageFifthRoundTests.record().replacingOccurrences(
            of: "  - {type: publication, date: 2025-03-20}", with: "  - {type: publication, date: 2025-03-20, x_received_on: \(received)}")
    }

    /// A date written as no date (`2025年3月3日`, `2025-3-3`) where date arithmetic needs one was a
    /// silent "no date": the rule never fired, and the run passed. It is a rule error on the
    /// record; a date, or none written, is judged as before.
    @Test(arguments: [("2025年3月3日", ["rule-error"]), ("\"2025-3-3\"", ["rule-error"]), ("2025-03-03", ["TRAP-1"]), ("2025-03-18", [])])
    func dateArithmeticOnNoDateIsARuleError(received: String, rules: [String]) throws {
        let record = Self.record(received: received)
        #expect(record != RuleLanguageFifthRoundTests.record())
        let findings = try RuleLanguageFifthRoundTests.findings(Self.body, record)
        #expect(findings.map(\.rule) == rules, "\(findings.map(\.message.en))")
        if rules == ["rule-error"] { #expect(findings.first?.message.en.contains("is not a date") == true, "\(findings.map(\.message.en))") }
    }

    /// So do `days` and `working_days` between two values one of which is no date.
    @Test(arguments: ["days", "working_days"])
    func aCountOfDaysFromNoDateIsARuleError(operation: String) throws {
        let body = """
            let:
              p: {first: {steps: {type: publication}}}
            when: {exists: $p}
            violation: {gt: [{\(operation): [$p.x_received_on, $p]}, 3]}
            """
        let findings = try RuleLanguageFifthRoundTests.findings(body, Self.record(received: "2025年3月3日"))
        #expect(findings.map(\.rule) == ["rule-error"], "\(findings.map(\.message.en))")
    }

    /// A constant where a date is needed that is none — a number, arguments swapped, a count of
    /// days given as the date — is refused when the rule loads, as is a parameter whose value is
    /// no date given there.
    @Test(arguments: [
        ("violation: {gt: [$as_of, {add_days: [15, 15]}]}", "'add_days' takes a date where '15' is written, which is none"),
        ("violation: {gt: [{working_days: [$as_of, 15]}, 3]}", "'working_days' takes a date where '15' is written, which is none"),
        ("violation: {gt: [{days: [某日, $as_of]}, 3]}", "'days' takes a date where '某日' is written, which is none"),
        ("violation: {gt: [$as_of, {add_period: [true, 5, days]}]}", "'add_period' takes a date where 'true' is written, which is none"),
        ("parameters: {working_days: 15}\nviolation: {gt: [{days: [$as_of, $param.working_days]}, 3]}", "parameter 'working_days' is used as a date, a date (YYYY-MM-DD), and its default is 15"),
    ])
    func aConstantOfNoDateWhereADateIsNeededIsRefused(body: String, message: String) {
        let error = RuleLanguageFifthRoundTests.loadError(body)
        #expect(error?.contains(message) == true, "\(error ?? "loaded")")
    }

    /// `exists` or `missing` of a constant — the `$` forgotten — is always true or always false:
    /// the rule fired on every record, or never. It is refused, with the value meant.
    @Test(arguments: [
        ("when: {exists: facts.major}\nviolation: true", "'exists' of the constant 'facts.major' is always true", "did you mean $facts.major?"),
        ("violation: {missing: publication}", "'missing' of the constant 'publication' is always false", "did you mean $publication?"),
        ("violation: {not: {exists: 12}}", "'exists' of the constant '12' is always true", "(such as $decision)"),
    ])
    func existsOfAConstantIsRefused(body: String, message: String, meant: String) {
        let error = RuleLanguageFifthRoundTests.loadError(body)
        #expect(error?.contains(message) == true && error?.contains(meant) == true, "\(error ?? "loaded")")
    }

    /// A date constant, or a parameter whose value is a date, loads.
    @Test func aDateConstantOrDateParameterLoads() {
        #expect(RuleLanguageFifthRoundTests.loadError("violation: {gt: [$as_of, {add_days: [2025-01-01, 15]}]}") == nil)
        #expect(RuleLanguageFifthRoundTests.loadError("parameters: {since: 2025-01-01}\nviolation: {gt: [{days: [$param.since, $as_of]}, 3]}") == nil)
    }

    /// A non-triggering example of a kind the rule does not apply to was never judged, and passed
    /// whatever the rule says (a normative document's under a penalty rule): it fails, unless the
    /// rule would fire on it but for its `kinds` — then it shows the kinds at work, and stands.
    @Test(arguments: [("false", true), ("true", false)])
    func aNonTriggeringExampleOfAnotherKindMustShowTheKindsAtWork(major: String, fails: Bool) throws {
        let rule = """
            id: TRAP-1
            severity: error
            kinds: [administrative_penalty]
            title: {zh: 重大未讨论, en: Major not discussed}
            message: {zh: m, en: m}
            basis: {instrument: 测试}
            when: {is_true: $facts.major}
            violation: {missing: {steps: {type: collective_discussion}}}
            examples:
              triggering:
                - name: 重大未讨论
                  record: {id: EX-1, kind: administrative_penalty, title: t, facts: {major: true}, steps: [{type: decision, date: 2025-05-06}]}
              non_triggering:
                - name: 另一类型
                  record: {id: EX-2, kind: normative_document, title: t, facts: {major: \(major)}, steps: [{type: decision, date: 2025-05-06}]}
            """
        let rules = try BuiltinRules.load(extra: [("trap.yaml", rule)])
        let trap = try #require(rules.rules.first { $0.id == "TRAP-1" })
        let outcomes = ExampleRunner.run(trap, rules: rules, calendar: try BuiltinRules.calendar())
        let other = try #require(outcomes.first { !$0.example.triggers })
        #expect((other.failure != nil) == fails, "\(other.failure ?? "passed")")
        if fails { #expect(other.failure?.contains("which the rule does not apply to") == true, "\(other.failure ?? "")") }
        #expect(outcomes.filter(\.example.triggers).allSatisfy { $0.failure == nil })
    }
}
