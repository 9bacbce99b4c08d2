import Testing
import YAMLTree

/// Anchors and aliases are resolved into copies; expansion is bounded.
@Suite("Anchors and aliases")
struct AliasTests {
    @Test func aliasesAreResolvedToTheAnchoredNode() throws {
        let root = try parseOne("""
            base: &reviewer {role: legal_adviser, person: P-007}
            name: &n 张三
            steps:
              - by: *reviewer
              - who: *n

            """)
        let copied = try #require(root["steps"]?.sequence?[0]["by"])
        #expect(copied.mapping?.count == 2)
        #expect(copied["role"]?.scalar?.text == "legal_adviser")
        #expect(copied["person"]?.scalar?.text == "P-007")
        #expect(root["steps"]?.sequence?[1]["who"]?.scalar?.text == "张三")
        // The copy keeps the anchored node's position (where its content is written).
        #expect(copied.position == root["base"]?.position)
    }

    @Test func tagsAndAnchorsOfNestedCollectionsStayWithTheirOwn() throws {
        // Only some collections have a tag or an anchor: each keeps its own, whatever the
        // collections around it have.
        let root = try parseOne("""
            outer: &o !!map
              plain: {a: 1}
              tagged: !!seq [x, y]
              anchored: &in {b: 2}
              both: &s !!seq [&z z]
            copies: [*o, *in, *s, *z]

            """)
        #expect(root["outer"]?.tag == "tag:yaml.org,2002:map")
        #expect(root["outer"]?["plain"]?.tag == nil)
        #expect(root["outer"]?["tagged"]?.tag == "tag:yaml.org,2002:seq")
        #expect(root["outer"]?["anchored"]?.tag == nil)
        let copies = try #require(root["copies"]?.sequence)
        #expect(copies.count == 4)
        #expect(copies[0]["anchored"]?["b"]?.scalar?.text == "2")
        #expect(copies[0].tag == "tag:yaml.org,2002:map")
        #expect(copies[1]["b"]?.scalar?.text == "2")
        #expect(copies[2].sequence?.count == 1)
        #expect(copies[2].tag == "tag:yaml.org,2002:seq")
        #expect(copies[3].scalar?.text == "z")
    }

    @Test func laterAnchorWithTheSameNameWins() throws {
        let root = try parseOne("a: &x 1\nb: &x 2\nc: *x\n")
        #expect(root["c"]?.scalar?.text == "2")
    }

    @Test func undefinedAliasIsAnError() throws {
        let error = try #require(parseError("a: 1\nb: *nowhere\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(error.message.contains("nowhere"))
        #expect(error.position == pos(2, 4))
    }

    /// Nine levels, each a list of nine aliases of the level before: 9^9 leaves if expanded.
    static func billionLaughs() -> String {
        var lines = ["l0: &l0 [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]"]
        for level in 1...8 {
            lines.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func billionLaughsIsRefused() throws {
        let text = Self.billionLaughs()
        #expect(text.split(separator: "\n").count == 9)
        let error = try #require(parseError(text, file: "lol.yaml"))
        #expect(error.kind == .aliasExpansion)
        #expect(error.file == "lol.yaml")
        #expect(error.message.contains("100000"))
        // Refused at an alias on one of the deeper levels, not at the first line.
        #expect(error.position.line > 1)
        #expect(error.position.line <= 9)
    }

    @Test func modestAliasUseIsAllowedAndLimitIsConfigurable() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        let root = try #require(try parse(text).first)
        #expect(root["b"]?.sequence?.map { $0.sequence?.count } == [3, 3])
        // Each alias of `a` adds four nodes (the list and its three items): eight in all.
        let tight = try #require(parseError(text, limits: YAMLLimits(maxAliasExpansion: 7)))
        #expect(tight.kind == .aliasExpansion)
        #expect(tight.position == pos(2, 9))
        #expect(parseError(text, limits: YAMLLimits(maxAliasExpansion: 8)) == nil)
    }

    /// An alias of a long text is one node: the text it repeats counts too (160 bytes for each
    /// node the limit allows, 16,000,000 by default), nested in a collection as well.
    @Test func aLongTextRepeatedByAliasesIsRefused() throws {
        let long = String(repeating: "长", count: 33_000)  // 99,000 bytes
        func text(_ aliases: Int, nested: Bool) -> String {
            let anchor = nested ? "a: &t {note: \"\(long)\", n: 1}\n" : "a: &t \"\(long)\"\n"
            return anchor + "b: [" + Array(repeating: "*t", count: aliases).joined(separator: ", ") + "]\n"
        }
        #expect(parseError(text(160, nested: false)) == nil)
        let error = try #require(parseError(text(170, nested: false), file: "alias.yaml"))
        #expect(error.kind == .aliasExpansion)
        #expect(error.message.contains("more than 16000000 bytes of text"))
        #expect(error.position.line == 2)
        #expect(parseError(text(170, nested: true))?.kind == .aliasExpansion)
        // The limit follows --max-alias-expansion.
        #expect(parseError(text(170, nested: false), limits: YAMLLimits(maxAliasExpansion: 200_000)) == nil)
    }
}
