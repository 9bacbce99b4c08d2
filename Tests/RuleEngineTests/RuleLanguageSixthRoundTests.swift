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

    /// A date constant, or a parameter whose value is a date, loads.
    @Test func aDateConstantOrDateParameterLoads() {
        #expect(RuleLanguageFifthRoundTests.loadError("violation: {gt: [$as_of, {add_days: [2025-01-01, 15]}]}") == nil)
        #expect(RuleLanguageFifthRoundTests.loadError("parameters: {since: 2025-01-01}\nviolation: {gt: [{days: [$param.since, $as_of]}, 3]}") == nil)
    }
}
