import Foundation
import RuleEngine
import RuleLanguage
import Testing

/// Every built-in rule carries examples that must and must not trigger it; all must hold.
@Suite struct RuleExampleTests {
    static let catalogue: [String] = {
        // (REC-010, the question of a year, and REC-011, a key of the user's own saying the
        // review did not pass, are this project's beside the catalogue's record pack.)
        var ids = (0...9).map { "REC-00\($0)" } + ["REC-010", "REC-011"]
        ids += (1...13).map { String(format: "MAD-%03d", $0) }
        ids += (1...12).map { String(format: "PEN-%03d", $0) }
        ids += (1...8).map { String(format: "NOR-%03d", $0) }
        return ids
    }()

    @Test func everyCatalogueRuleIsBuiltIn() throws {
        let rules = try BuiltinRules.load()
        #expect(rules.rules.map(\.id) == Self.catalogue.sorted())
    }

    @Test(arguments: catalogue)
    func examplesHold(_ id: String) throws {
        let rules = try BuiltinRules.load()
        let rule = try #require(rules.rules.first { $0.id == id })
        #expect(rule.examples.contains { $0.triggers }, "\(id) has no triggering example")
        #expect(rule.examples.contains { !$0.triggers }, "\(id) has no non-triggering example")
        for outcome in ExampleRunner.run(rule, rules: rules, calendar: try BuiltinRules.calendar()) {
            #expect(outcome.failure == nil, "\(id) \(outcome.example.name): \(outcome.failure ?? "")")
        }
    }

    /// The catalogue's "Meeting gate": MAD-001 to MAD-009, PEN-001 to PEN-007, NOR-001 to NOR-003,
    /// NOR-007, NOR-008 and the record pack are the prerequisites of discussion.
    @Test func theGatePrerequisitesAreTheCatalogues() throws {
        var expected = Set((1...9).map { String(format: "MAD-%03d", $0) })
        expected.formUnion((1...7).map { String(format: "PEN-%03d", $0) })
        expected.formUnion(["NOR-001", "NOR-002", "NOR-003", "NOR-007", "NOR-008"])
        // The whole record pack: REC-007 too, a warning that leaves the item READY (unless
        // --fail-on warning) but tells the adviser that a misspelt key or column was not read;
        // REC-009 too, a signoff role the registry contradicts; and REC-011, a key of the user's
        // own saying the review did not pass, which holds the item.
        expected.formUnion((0...9).map { "REC-00\($0)" } + ["REC-011"])
        let rules = try BuiltinRules.load()
        #expect(Set(rules.rules.filter(\.prerequisite).map(\.id)) == expected)
    }

    @Test func aBrokenRuleFailsItsExamples() throws {
        // MAD-002 with "before" instead of "on or before": the same-day example must now fail.
        let rules = try BuiltinRules.load()
        let original = try #require(rules.rules.first { $0.id == "MAD-002" })
        let text = try String(contentsOfFile: original.file, encoding: .utf8)
            .replacingOccurrences(of: "on_or_before: $earliest_discussion_began}}}", with: "before: $earliest_discussion_began}}}")
            .replacingOccurrences(of: "id: MAD-002", with: "id: MAD-002-BROKEN")
        let broken = try BuiltinRules.load(extra: [("broken.yaml", text)])
        let rule = try #require(broken.rules.first { $0.id == "MAD-002-BROKEN" })
        let failures = ExampleRunner.run(rule, rules: broken, calendar: try BuiltinRules.calendar()).filter { $0.failure != nil }
        #expect(!failures.isEmpty)
    }
}
