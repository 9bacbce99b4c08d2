import Testing
import YAMLTree

/// The tree builder keeps the children of every open collection in one shared list and takes a
/// collection's children out when it ends: nested collections must each get exactly their own.
@Suite("Tree shape")
struct TreeShapeTests {
    /// A compact rendering of a node: scalars as text, sequences in [], mappings in {}.
    private func shape(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let scalar): scalar.text
        case .sequence(let items): "[" + items.map(shape).joined(separator: ",") + "]"
        case .mapping(let pairs): "{" + pairs.map { shape($0.key) + ":" + shape($0.value) }.joined(separator: ",") + "}"
        }
    }

    @Test func nestedCollectionsKeepTheirOwnChildren() throws {
        let root = try parseOne("""
            a: [1, {b: [2, 3], c: {}}, []]
            d:
              - e: f
                g: [h]
              - - i
                - {j: k}
            l: m

            """)
        #expect(shape(root) == "{a:[1,{b:[2,3],c:{}},[]],d:[{e:f,g:[h]},[i,{j:k}]],l:m}")
    }

    @Test func aliasesAndMergeKeysInsideNestedCollections() throws {
        let root = try parseOne("""
            base: &base {x: 1, y: [2]}
            list:
              - *base
              - {<<: *base, y: 3, z: [*base]}

            """)
        #expect(shape(root) == "{base:{x:1,y:[2]},list:[{x:1,y:[2]},{y:3,z:[{x:1,y:[2]}],x:1}]}")
    }

    @Test func documentsOfAStreamAreBuiltSeparately() throws {
        let documents = try parse("a: [1, 2]\n---\n- {b: c}\n- d\n---\nplain\n")
        #expect(documents.map(shape) == ["{a:[1,2]}", "[{b:c},d]", "plain"])
    }

    @Test func keyLookupFindsKeysOfEveryLength() throws {
        let root = try parseOne("by: 1\ndate: 2\ntype: 3\nsubmitted: 4\nx_custom_field_name: 5\n")
        #expect(root["date"]?.scalar?.text == "2")
        #expect(root["type"]?.scalar?.text == "3")
        #expect(root["by"]?.scalar?.text == "1")
        #expect(root["x_custom_field_name"]?.scalar?.text == "5")
        #expect(root["dat"] == nil && root["dates"] == nil && root[""] == nil)
        #expect(root.pair(for: "submitted")?.key.position == SourcePosition(line: 4, column: 1))
    }
}
