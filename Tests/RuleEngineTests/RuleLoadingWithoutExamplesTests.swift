import DecisionRecords
@testable import RuleLanguage
import Testing
import YAMLTree

/// A check loads rules without their examples (two thirds of the built-in rules' bytes): the
/// rules themselves must come out the same.
@Suite struct RuleLoadingWithoutExamplesTests {
    @Test func leavingOutKeepsLinesColumnsAndTheKeysAfterTheExamples() {
        let text = "id: A\nexamples:\n  triggering:\n# a comment\n    - text: x\nabout: $anchor\n---\nid: B\nexamples: {}\n"
        let leftOut = String(decoding: RuleLoader.withoutExamples(Array(text.utf8)), as: UTF8.self)
        let lines = leftOut.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == text.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(lines[0] == "id: A")
        #expect(lines[1].isEmpty && lines[2].isEmpty && lines[3].isEmpty && lines[4].isEmpty && lines[8].isEmpty)
        #expect(lines[5] == "about: $anchor")
        #expect(lines[6] == "---" && lines[7] == "id: B")
        #expect(!leftOut.contains("examples"))
    }

    @Test func theBuiltInRulesAreTheSameWithoutTheirExamples() throws {
        let sources = try BuiltinRules.sources()
        let full = try RuleLoader.load(sources)
        let lean = try RuleLoader.load(sources, examples: false)
        #expect(lean.rules.map(\.id) == full.rules.map(\.id))
        #expect(lean.rules.map(\.position) == full.rules.map(\.position))
        #expect(lean.rules.allSatisfy { $0.examples.isEmpty })
        #expect(full.rules.allSatisfy { !$0.examples.isEmpty })
        #expect(lean.readFields == full.readFields)
        #expect(lean.definitions.count == full.definitions.count)
    }
}
