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
        #expect(lean.factReads == full.factReads)
        #expect(lean.definitions.count == full.definitions.count)
    }

    /// The facts rules read are known by the kinds of record the rules apply to: a penalty case's
    /// `major` matters to penalty cases only, and a record of a kind no rule reads a fact of is
    /// told of none.
    @Test func theFactsRulesReadAreKnownByKind() throws {
        let reads = try BuiltinRules.load().factReads
        #expect(reads.isRead("major", forKind: "administrative_penalty"))
        #expect(!reads.isRead("major", forKind: "major_administrative_decision"))
        #expect(reads.isRead("stability_risk", forKind: "major_administrative_decision"))
        #expect(!reads.isRead("stability_risk", forKind: "administrative_penalty"))
        #expect(reads.isRead("affects_public_interest", forKind: "administrative_penalty") && reads.isRead("affects_public_interest", forKind: "major_administrative_decision"))
        #expect(!reads.isRead("major", forKind: "contract"))
        // A kind not known: any rule's fact.
        #expect(reads.isRead("major", forKind: nil) && !reads.isRead("no_such_fact", forKind: nil))
        // A rule of every kind reads its facts for every kind.
        var every = RecordFormat.FactReads()
        every.add(["x_flag"], kinds: nil)
        #expect(every.isRead("x_flag", forKind: "contract"))
    }
}
