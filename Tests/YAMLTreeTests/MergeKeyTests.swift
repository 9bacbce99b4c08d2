import Testing
import YAMLTree

/// `<<` merge keys are applied while the tree is built, as PyYAML applies them.
@Suite("Merge keys")
struct MergeKeyTests {
    @Test func aMappingIsMergedAndWrittenKeysWin() throws {
        let root = try parseOne("base: &b {major: true, urgent: false}\nfacts:\n  <<: *b\n  urgent: true\n")
        let facts = try #require(root["facts"])
        #expect(facts.mapping?.map { $0.key.scalar?.text ?? "" } == ["urgent", "major"])
        #expect(facts["major"]?.coreValue == .bool(true))
        #expect(facts["urgent"]?.coreValue == .bool(true))
        // A merged node keeps the position where it is written.
        #expect(facts["major"]?.position == pos(1, 18))
        #expect(facts["<<"] == nil)
    }

    @Test func inAListOfMappingsTheEarlierWins() throws {
        let root = try parseOne("a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n")
        #expect(root["c"]?["x"]?.coreValue == .int(1))
        #expect(root["c"]?["y"]?.coreValue == .int(2))
    }

    @Test func aQuotedKeyIsNoMergeKey() throws {
        let root = try parseOne("a: &a {x: 1}\nc: {\"<<\": *a}\n")
        #expect(root["c"]?["<<"] != nil)
        #expect(root["c"]?["x"] == nil)
    }

    /// PyYAML merges under any key tagged as a merge key: a record written so read as PyYAML reads
    /// it (read as a key `note`, its facts were seen by no rule).
    @Test(arguments: ["!!merge note", "!<tag:yaml.org,2002:merge> note", "!!merge \"x\"", "!!merge <<"])
    func aKeyTaggedAsAMergeKeyIsOneWhateverItsText(key: String) throws {
        let root = try parseOne("facts:\n  \(key): {stability_risk: true}\n  urgent: false\n")
        #expect(root["facts"]?["stability_risk"]?.coreValue == .bool(true))
        #expect(root["facts"]?.mapping?.count == 2)
        let prefixed = try parseOne("%TAG !m! tag:yaml.org,2002:\n---\nfacts: {!m!merge x: {major: true}}\n")
        #expect(prefixed["facts"]?["major"]?.coreValue == .bool(true))
    }

    @Test func aCollectionTaggedAsAMergeKeyIsOne() throws {
        let root = try parseOne("facts: {!!merge [a]: {major: true}, urgent: false}\n")
        #expect(root["facts"]?["major"]?.coreValue == .bool(true))
        #expect(root["facts"]?.mapping?.count == 2)
    }

    /// Two merge keys in one mapping: PyYAML lets the later win, where one key's list lets the
    /// earlier win; read the other way, a review merged as failed passed. Refused.
    @Test func twoMergeKeysInOneMappingAreRefused() throws {
        let error = try #require(parseError("a: &a {outcome: passed}\nb: &b {outcome: failed}\nc:\n  <<: *a\n  !!merge x: *b\n"))
        #expect(error.message.contains("a mapping holds 2 merge keys"))
        #expect(error.position == pos(5, 3))
    }

    @Test func aKeyTaggedAsTextIsNoMergeKey() throws {
        let root = try parseOne("a: &a {x: 1}\nc: {!!str <<: *a}\n")
        #expect(root["c"]?["<<"] != nil)
        #expect(root["c"]?["x"] == nil)
    }

    @Test func mergingAScalarIsAnError() throws {
        let error = try #require(parseError("a: &a 5\nc: {<<: *a}\n"))
        #expect(error.message.contains("merge key"))
        #expect(error.position == pos(2, 5))
    }

    /// Mappings are searched for merge keys only in a document with a scalar `<<`: each document
    /// of a stream is judged alone, and a `<<` that is a value or comes after a mapping changes nothing.
    @Test func eachDocumentOfAStreamIsMergedOnItsOwn() throws {
        let documents = try parse("""
            a: &a {x: 1}
            c: {y: 2}
            ---
            a: &a {x: 1}
            c: {<<: *a, y: 2}
            ---
            c: {x: 1}
            d: "<<"
            e: {"<<": 3}
            """)
        #expect(documents.count == 3)
        #expect(documents[0]["c"]?["x"] == nil)
        #expect(documents[1]["c"]?["x"]?.coreValue == .int(1))
        #expect(documents[1]["c"]?["<<"] == nil)
        #expect(documents[2]["c"]?.mapping?.count == 1)
        #expect(documents[2]["e"]?["<<"]?.coreValue == .int(3))
    }

    @Test func theAliasBudgetIsCountedPerDocument() throws {
        // 40 documents each expanding an alias of 30 nodes: 1,200 nodes in the file, 30 a document.
        let document = "list: &l [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29]\ncopy: *l\n"
        let text = Array(repeating: document, count: 40).joined(separator: "---\n")
        let documents = try parse(text, limits: YAMLLimits(maxAliasExpansion: 100))
        #expect(documents.count == 40)
    }
}
