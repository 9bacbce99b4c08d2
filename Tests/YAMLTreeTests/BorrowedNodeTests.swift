import Testing
import YAMLTree

/// A borrowed node reads exactly what its `YAMLNode` reads, and the node it makes to keep
/// (`owned`) holds the document after the borrow and the tree it came from are gone.
@Suite("Borrowed nodes")
struct BorrowedNodeTests {
    static let text = """
        id: R-1
        title: 一个超过十五个字节的中文标题
        defaults: &defaults {status: planned, when: 2026-03-10}
        tagged: !!str 2026
        custom: !mine {a: 1}
        numbers: [1, 2.5, -3, null, true, "quoted", 'single']
        block: |
          two
          lines
        step:
          <<: *defaults
          type: legality_review
          by: [P-1, 人员-2]
        again: *defaults

        """

    @Test func everyNodeReadsAsItsYAMLNodeReads() throws {
        let root = try parseOne(Self.text)
        var compared = 0
        root.withBorrowed { borrowed in
            compare(borrowed, root, count: &compared)
        }
        // Every node of the tree was reached (aliases once for each place they stand).
        #expect(compared == 46)
    }

    /// Compares a borrowed node with the same node read through `YAMLNode`, and their children.
    private func compare(_ borrowed: BorrowedNode, _ node: YAMLNode, count: inout Int) {
        count += 1
        #expect(borrowed.kind == node.kind)
        #expect(borrowed.position == node.position)
        #expect(borrowed.range == node.range)
        #expect(borrowed.tag == node.tag)
        #expect(borrowed.scalar == node.scalar)
        #expect(borrowed.coreValue == node.coreValue)
        #expect(borrowed.itemCount == node.itemCount)
        #expect(Array(borrowed.pairPlaces) == Array(node.pairPlaces))
        if let items = node.items {
            for index in items.indices { compare(borrowed.item(index), items[index], count: &count) }
        }
        for place in node.pairPlaces {
            let key = try? #require(node.keyText(at: place))
            #expect(borrowed.keyText(at: place) == key)
            compare(borrowed.key(at: place), node.key(at: place), count: &count)
            compare(borrowed.value(at: place), node.value(at: place), count: &count)
            if let key { #expect(borrowed[key]?.position == node[key]?.position) }
        }
    }

    @Test func lookupsFindNothingWhereYAMLNodeFindsNothing() throws {
        let root = try parseOne(Self.text)
        root.withBorrowed { borrowed in
            #expect(borrowed["missing"] == nil)
            #expect(borrowed["ID"] == nil)
            #expect(borrowed["id"]?["x"] == nil)
            #expect(borrowed["numbers"]?["0"] == nil)
            #expect(borrowed["id"]?.itemCount == nil)
            #expect(borrowed["numbers"].map { Array($0.pairPlaces) } == [])
            #expect(borrowed["step"]?["status"]?.scalar?.text == "planned")
            #expect(borrowed["step"]?["by"]?.item(1).scalar?.text == "人员-2")
        }
    }

    @Test func anOwnedNodeOutlivesTheBorrowAndTheTree() throws {
        var root: YAMLNode? = try parseOne(Self.text)
        let kept = root?.withBorrowed { $0["step"]?["by"]?.owned }
        let title = root?.withBorrowed { $0["title"]?.owned }
        root = nil
        #expect(kept?.items?.map { $0.scalar?.text } == ["P-1", "人员-2"])
        #expect(kept?.position == pos(13, 7))
        #expect(title?.scalar?.text == "一个超过十五个字节的中文标题")
    }
}
