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
}
