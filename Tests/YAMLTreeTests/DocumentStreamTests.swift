import Testing
import YAMLTree

/// Streams of zero, one or several documents, and roots of every kind.
@Suite("Document streams")
struct DocumentStreamTests {
    @Test func emptyFileHasNoDocuments() throws {
        #expect(try parse("").isEmpty)
    }

    @Test func commentsOnlyHaveNoDocuments() throws {
        #expect(try parse("# nothing here\n\n# still nothing\n").isEmpty)
    }

    @Test func severalDocuments() throws {
        let documents = try parse("""
            id: A
            ---
            id: B
            ---
            - 1
            - 2
            ...
            --- just text

            """)
        #expect(documents.count == 4)
        #expect(documents[0]["id"]?.scalar?.text == "A")
        #expect(documents[0].position == pos(1, 1))
        #expect(documents[1]["id"]?.scalar?.text == "B")
        #expect(documents[1].position == pos(3, 1))
        #expect(documents[2].sequence?.count == 2)
        #expect(documents[2].position == pos(5, 1))
        #expect(documents[3].scalar?.text == "just text")
        #expect(documents[3].position == pos(8, 5))
    }

    @Test func documentsAreHandedOverOneByOne() throws {
        var ids: [String] = []
        try YAMLParser.parse(Array("id: 1\n---\nid: 2\n---\nid: 3\n".utf8), file: "x.yaml") { document throws(YAMLError) in
            ids.append(document["id"]?.scalar?.text ?? "?")
        }
        #expect(ids == ["1", "2", "3"])
    }

    @Test(arguments: [("", 0), ("# only a comment\n", 0), ("---\n", 1), ("a: 1\n---\nb: 2\n...\n", 2)])
    func theParserSaysHowManyDocumentsItHandedOver(text: String, count: Int) throws {
        var handed = 0
        let bytes = Array(text.utf8)
        #expect(try YAMLParser.parse(bytes, file: "x.yaml") { _ throws(YAMLError) in handed += 1 } == count)
        #expect(handed == count)
        var offset = 0
        let read = { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int? in
            let length = min(buffer.count, bytes.count - offset)
            for index in 0..<length { buffer[index] = bytes[offset + index] }
            offset += length
            return length
        }
        #expect(try YAMLParser.parse(reading: read, file: "x.yaml") { _ throws(YAMLError) in } == count)
    }

    @Test func errorInALaterDocumentComesAfterEarlierDocuments() {
        var seen = 0
        var caught: YAMLError?
        do {
            try YAMLParser.parse(Array("a: 1\n---\na: [\n".utf8), file: "x.yaml") { _ throws(YAMLError) in seen += 1 }
        } catch {
            caught = error
        }
        #expect(seen == 1)
        #expect(caught?.kind == .syntax)
    }

    @Test func anchorsDoNotCrossDocuments() throws {
        let error = try #require(parseError("a: &x 1\n---\nb: *x\n"))
        #expect(error.kind == .undefinedAlias)
        #expect(error.position == pos(3, 4))
    }

    @Test func documentThatIsOnlyAScalar() throws {
        let root = try parseOne("hello world\n")
        #expect(root.scalar?.text == "hello world")
        #expect(root.mapping == nil)
        #expect(root.sequence == nil)
        #expect(root.kindDescription == "a scalar")
        #expect(root["anything"] == nil)
    }

    @Test func documentThatIsOnlyAList() throws {
        let root = try parseOne("- a\n- b\n- c\n")
        #expect(root.sequence?.compactMap { $0.scalar?.text } == ["a", "b", "c"])
        #expect(root.kindDescription == "a list")
        #expect(root.mapping == nil)
        #expect(root["a"] == nil)
    }

    @Test func explicitEmptyDocumentIsANullScalar() throws {
        let root = try parseOne("---\n")
        #expect(root.scalar?.text == "")
        #expect(root.coreValue == .null)
    }

    @Test func documentCountLimit() throws {
        let limits = YAMLLimits(maxDocuments: 2)
        let error = try #require(parseError("a: 1\n---\na: 2\n---\na: 3\n", limits: limits))
        #expect(error.kind == .size)
        // The third document's `---` is on line 4.
        #expect(error.position == pos(4, 1))
    }
}
