import Testing
import YAMLTree

/// Each scalar keeps how it was written, and its text is unescaped and folded.
@Suite("Scalar styles")
struct ScalarStyleTests {
    let root: YAMLNode

    init() throws {
        root = try parseOne("""
            plain: a plain text
            single: 'it''s'
            double: "line\\none \\u540D"
            literal: |
              first
               indented
              last
            folded: >
              one
              two

              three
            strip: |-
              no newline
            keep: |+
              kept

            multi: a
              b

            """)
    }

    @Test func plain() {
        #expect(root["plain"]?.scalar == YAMLScalar(text: "a plain text", style: .plain))
    }

    @Test func singleQuoted() {
        #expect(root["single"]?.scalar == YAMLScalar(text: "it's", style: .singleQuoted))
    }

    @Test func doubleQuotedIsUnescaped() {
        #expect(root["double"]?.scalar == YAMLScalar(text: "line\none 名", style: .doubleQuoted))
    }

    @Test func literalKeepsLineBreaks() {
        #expect(root["literal"]?.scalar == YAMLScalar(text: "first\n indented\nlast\n", style: .literal))
    }

    @Test func foldedJoinsLines() {
        #expect(root["folded"]?.scalar == YAMLScalar(text: "one two\nthree\n", style: .folded))
    }

    @Test func chompingIndicators() {
        #expect(root["strip"]?.scalar?.text == "no newline")
        #expect(root["strip"]?.scalar?.style == .literal)
        #expect(root["keep"]?.scalar?.text == "kept\n\n")
    }

    @Test func multiLinePlainScalarIsFolded() {
        #expect(root["multi"]?.scalar == YAMLScalar(text: "a b", style: .plain))
    }

    @Test func keysHaveStylesToo() throws {
        let node = try parseOne("'quoted key': 1\n")
        #expect(node.mapping?.first?.key.scalar?.style == .singleQuoted)
        #expect(node["quoted key"]?.coreValue == .int(1))
    }

    @Test func scalarDefaultsToPlain() {
        #expect(YAMLScalar(text: "x").style == .plain)
    }
}
