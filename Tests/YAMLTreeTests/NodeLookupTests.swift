import Testing
import YAMLTree

/// A mapping's value is found by its key, copied out (the subscript) or lent to a closure
/// (`withValue`, which rules use on every field they read); both find the same node.
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

    @Test(arguments: ["type", "date", "by", "quoted", "step"])
    func aValueLentIsTheValueTheSubscriptGives(key: String) throws {
        let copied = try #require(root[key])
        let lent = try #require(root.withValue(for: key) { ($0.position, $0.kindDescription, $0.scalar) })
        #expect(lent.0 == copied.position)
        #expect(lent.1 == copied.kindDescription)
        #expect(lent.2 == copied.scalar)
    }

    @Test func anAbsentKeyOrANodeThatIsNoMappingLendsNothing() throws {
        #expect(root.withValue(for: "missing") { _ in true } == nil)
        #expect(root.withValue(for: "Type") { _ in true } == nil)
        let list = try #require(root["by"])
        #expect(list.withValue(for: "0") { _ in true } == nil)
        let scalar = try #require(root["type"])
        #expect(scalar.withValue(for: "type") { _ in true } == nil)
    }

    @Test func aMergedKeyIsFoundLikeAWrittenOne() throws {
        let step = try #require(root["step"])
        #expect(step.withValue(for: "status") { $0.scalar?.text } == "planned")
        #expect(step.withValue(for: "type") { $0.scalar?.text } == "decision")
        #expect(step.withValue(for: "<<") { _ in true } == nil)
    }
}
