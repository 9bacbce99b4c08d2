import Testing
import YAMLTree

/// A mapping's value is found by its key (rules read every field this way): the value written
/// under it, where it is written; nothing for an absent key, a key of other case, or a node that is
/// no mapping; a merged key like a written one.
@Suite("Looking up a mapping's values")
struct NodeLookupTests {
    let root: YAMLNode

    init() throws {
        root = try parseOne("""
            defaults: &defaults {status: planned}
            type: legality_review
            date: 2021-02-20
            by: [P-1, P-2]
            "quoted": 1
            step:
              <<: *defaults
              type: decision

            """)
    }

    @Test(arguments: [
        ("type", 2, "a scalar", "legality_review"), ("date", 3, "a scalar", "2021-02-20"), ("by", 4, "a list", nil),
        ("quoted", 5, "a scalar", "1"), ("step", 7, "a mapping", nil),
    ] as [(String, Int, String, String?)])
    func aKeyGivesTheValueWrittenUnderIt(key: String, line: Int, kind: String, text: String?) throws {
        let value = try #require(root[key])
        #expect(value.position.line == line)
        #expect(value.kindDescription == kind)
        #expect(value.scalar?.text == text)
    }

    @Test func anAbsentKeyOrANodeThatIsNoMappingGivesNothing() throws {
        #expect(root["missing"] == nil)
        #expect(root["Type"] == nil)
        let list = try #require(root["by"])
        #expect(list["0"] == nil)
        let scalar = try #require(root["type"])
        #expect(scalar["type"] == nil)
    }

    @Test func aMergedKeyIsFoundLikeAWrittenOne() throws {
        let step = try #require(root["step"])
        #expect(step["status"]?.scalar?.text == "planned")
        #expect(step["type"]?.scalar?.text == "decision")
        #expect(step["<<"] == nil)
    }

    /// A sequence's items give their values for a key as `item[key]` does, without a node made of
    /// each item: mappings without the key, scalars and a key of another length give nothing; an
    /// item that is a sequence is handed over whole; a node that is no sequence gives nothing.
    @Test func eachItemsValueForAKeyIsWhatItsLookupGives() throws {
        let root = try parseOne("""
            steps:
              - {type: a, by: [P-1, P-2]}
              - {type: b}
              - plain
              - [{by: P-3}, {by: P-4}]
              - {bye: x, by: P-5, b: y}
              - {"by": P-6}
            facts: {by: P-7}
            """)
        let steps = try #require(root["steps"])
        var values: [String] = []
        var places: [SourcePosition] = []
        var sequences = 0
        steps.withBorrowed { steps in
            steps.forEachItem(key: "by", value: { node in
                values.append(node.scalar?.text ?? "list of \(node.itemCount ?? 0)")
                places.append(node.position)
            }, sequence: { _ in sequences += 1 })
        }
        #expect(values == ["list of 2", "P-5", "P-6"])
        #expect(sequences == 1)
        // The same nodes as looking the key up in each item that is a mapping.
        let looked = (steps.items.map(Array.init) ?? []).filter { $0.kind == .mapping }.compactMap { $0["by"] }
        #expect(places == looked.map(\.position))
        var none = 0
        try #require(root["facts"]).withBorrowed { $0.forEachItem(key: "by", value: { _ in none += 1 }, sequence: { _ in none += 1 }) }
        #expect(none == 0)
    }
}
