import Testing
import YAMLTree

/// A document's nodes live in its own blocks of memory, handed over from the builder when the
/// document ends; new trees are written into one document by `YAMLTreeWriter`.
@Suite("Document storage")
struct DocumentStorageTests {
    /// The texts of a node and everything under it, in order, with each node's kind and start.
    private func outline(_ node: YAMLNode) -> [String] {
        var lines = ["\(node.kindDescription) \(node.position) \(node.tag ?? "-") \(node.scalar.map { "\($0.text) \($0.style)" } ?? "")"]
        if let items = node.items { for item in items { lines += outline(item) } }
        if let pairs = node.pairs { for pair in pairs { lines += outline(pair.key) + outline(pair.value) } }
        return lines
    }

    @Test func documentsOfOneStreamStayWholeWhileLaterOnesAreBuilt() throws {
        // The builder hands its memory to each document and starts again: an earlier document
        // must not see the later ones' nodes.
        var text = ""
        for number in 0..<5 {
            text += "---\nid: R-\(number)\nsteps:\n" + (0...(number * 40)).map { "  - {type: t\($0), n: \(number)}\n" }.joined()
        }
        let documents = try parse(text)
        #expect(documents.count == 5)
        for (number, document) in documents.enumerated() {
            #expect(document["id"]?.scalar?.text == "R-\(number)")
            let steps = try #require(document["steps"]?.items)
            #expect(steps.count == number * 40 + 1)
            for (index, step) in steps.enumerated() {
                #expect(step["type"]?.scalar?.text == "t\(index)")
                #expect(step["n"]?.scalar?.text == "\(number)")
            }
        }
    }

    @Test func eachDocumentHasItsOwnMemoryWhateverTheOneBeforeUsed() throws {
        // After a document, the builder makes no memory until the next adds a node: a document
        // with no long text, an empty one and a lone scalar come between documents with long texts.
        let long = String(repeating: "长", count: 12)
        let text = "---\na: \(long)1\n---\nb: short\n---\n---\nplain\n---\nc: [\(long)2, \(long)3]\nd: {e: \(long)4}\n"
        let documents = try parse(text)
        #expect(documents.count == 5)
        #expect(documents[0]["a"]?.scalar?.text == "\(long)1")
        #expect(documents[1]["b"]?.scalar?.text == "short")
        #expect(documents[2].scalar?.text == "")
        #expect(documents[3].scalar?.text == "plain")
        #expect(documents[4]["c"]?.items?.map { $0.scalar?.text } == ["\(long)2", "\(long)3"])
        #expect(documents[4]["d"]?["e"]?.scalar?.text == "\(long)4")
        #expect(documents[0]["a"]?.scalar?.text == "\(long)1", "an earlier document keeps its text")
    }

    @Test func aDocumentLargerThanItsFirstRoomGrows() throws {
        let count = 20_000
        let text = "items:\n" + (0..<count).map { "  - {key: \"value \($0)\"}\n" }.joined()
        let items = try #require(try parseOne(text)["items"]?.items)
        #expect(items.count == count)
        #expect(items[count - 1]["key"]?.scalar?.text == "value \(count - 1)")
        #expect(items[count - 1].position == SourcePosition(line: count + 1, column: 5))
    }

    @Test func itemsAndPairsReadInPlaceMatchTheCopiedContent() throws {
        let root = try parseOne("""
            a: [1, "two", {x: y}]
            b: !custom tagged
            c: {}
            """)
        let pairs = try #require(root.pairs)
        let copied = try #require(root.mapping)
        #expect(pairs.count == copied.count)
        for (pair, copy) in zip(pairs, copied) {
            #expect(outline(pair.key) == outline(copy.key))
            #expect(outline(pair.value) == outline(copy.value))
        }
        #expect(root["a"]?.items?.count == root["a"]?.sequence?.count)
        #expect(root["b"]?.tag == "!custom")
        #expect(root["c"]?.pairs?.isEmpty == true)
        #expect(root["a"]?.pairs == nil)
        #expect(root.items == nil)
    }

    @Test func keysOfOneLengthAreToldApart() throws {
        // `date` and `type` are of one length: the length alone must not decide.
        let root = try parseOne("date: 2021-02-20\ntype: decision\nbyte: 1\n")
        #expect(root["type"]?.scalar?.text == "decision")
        #expect(root["date"]?.scalar?.text == "2021-02-20")
        #expect(root["byte"]?.scalar?.text == "1")
        #expect(root["tipe"] == nil)
        #expect(root["typ"] == nil)
    }

    @Test func aNodeMadeOfContentCopiesItsChildrenWithTheirPositions() throws {
        let source = try parseOne("step: {type: decision, by: [P-1, P-2]}\nother: !tag x\n")
        let step = try #require(source["step"])
        let other = try #require(source["other"])
        let made = YAMLNode(.mapping([
            YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: "step")), range: SourceRange(at: .start)), value: step),
            YAMLPair(key: YAMLNode(.scalar(YAMLScalar(text: "other")), range: SourceRange(at: .start)), value: other),
        ]), range: SourceRange(at: .start), tag: "!record")
        #expect(made.tag == "!record")
        #expect(outline(try #require(made["step"])) == outline(step))
        #expect(outline(try #require(made["other"])) == outline(other))
    }

    @Test func aWriterBuildsOneTree() throws {
        let source = try parseOne("copied: [a, {b: c}]\n")
        var writer = YAMLTreeWriter()
        let here = SourceRange(at: SourcePosition(line: 3, column: 7))
        let name = writer.scalar(YAMLScalar(text: "name"), range: here)
        let value = writer.scalar(YAMLScalar(text: "值", style: .doubleQuoted), range: here, tag: "!!str")
        let list = writer.sequence([writer.scalar(YAMLScalar(text: "1"), range: here)], range: here)
        let copiedKey = writer.scalar(YAMLScalar(text: "copied"), range: here)
        let copied = writer.copy(try #require(source["copied"]))
        let listKey = writer.scalar(YAMLScalar(text: "list"), range: here)
        let root = writer.mapping([(name, value), (listKey, list), (copiedKey, copied)], range: here)
        let tree = writer.finish(root: root)
        #expect(tree.kind == .mapping)
        #expect(tree.position == SourcePosition(line: 3, column: 7))
        #expect(tree["name"]?.scalar == YAMLScalar(text: "值", style: .doubleQuoted))
        #expect(tree["name"]?.tag == "!!str")
        #expect(tree["list"]?.items?.first?.scalar?.text == "1")
        #expect(outline(try #require(tree["copied"])) == outline(try #require(source["copied"])))
    }

    @Test func anAliasIsTheNodeItNames() throws {
        let root = try parseOne("a: &x {k: v}\nb: *x\nc: [*x, *x]\n")
        let named = try #require(root["a"])
        for node in [root["b"], root["c"]?.items?[0], root["c"]?.items?[1]] {
            let node = try #require(node)
            #expect(outline(node) == outline(named))
        }
    }

    @Test func textsShortAndLongReadBackAsWritten() throws {
        // Texts of up to 15 bytes are kept as strings, longer ones as bytes: around the bound,
        // in ASCII and in Chinese, plain, quoted with escapes and folded, each reads as written.
        let texts = ["", "a", String(repeating: "x", count: 15), String(repeating: "x", count: 16),
                     "双河乡人民政", "双河乡人民政府", "泽阳县双河乡人民政府门户网站", "tab\there é"]
        var source = ""
        for (index, text) in texts.enumerated() {
            let escaped = text.replacingTabs
            source += "k\(index): \"\(escaped)\"\n"
        }
        source += "folded: >\n  one two\n  three four five six\n"
        let root = try parseOne(source)
        for (index, text) in texts.enumerated() {
            #expect(root["k\(index)"]?.scalar?.text == text)
        }
        #expect(root["folded"]?.scalar?.text == "one two three four five six\n")
        // A copy of the tree (as a record rewritten to codes is made) keeps every text.
        var writer = YAMLTreeWriter()
        let copy = writer.finish(root: writer.copy(root))
        #expect(outline(copy) == outline(root))
        let made = YAMLNode(.scalar(YAMLScalar(text: "泽阳县双河乡人民政府门户网站")), range: SourceRange(at: .start))
        #expect(made.scalar?.text == "泽阳县双河乡人民政府门户网站")
    }
}

private extension String {
    /// The text with its tabs written as YAML's `\t` escape.
    var replacingTabs: String {
        split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "\\t")
    }
}
