import Testing
import YAMLTree

/// The outline of a document's top: the root's keys, its scalars and one level below, read from
/// events without a tree.
@Suite("Document outlines")
struct DocumentOutlineTests {
    /// Outlines a text, handed to the parser in pieces of `piece` bytes.
    static func outline(_ text: String, piece: Int = 7) throws -> DocumentOutline {
        var bytes = Array(text.utf8)[...]
        return try YAMLParser.outline(reading: { buffer in
            let count = min(piece, buffer.count, bytes.count)
            for index in 0..<count { buffer[index] = bytes[bytes.startIndex + index] }
            bytes = bytes.dropFirst(count)
            return count
        }, file: "t.json")
    }

    @Test func aReportsTopIsOutlined() throws {
        let outline = try Self.outline("""
            {"tool": {"name": "legality", "version": "1.0.0", "rules": [1, 2]}, "asOf": "2026-01-01",
             "summary": {"records": 3}, "findings": [{"rule": "MAD-001", "nested": {"deep": [1]}}]}
            """)
        #expect(outline.keys == ["tool", "asOf", "summary", "findings"])
        #expect(outline.scalars["tool.name"] == "legality")
        #expect(outline.scalars["tool.version"] == "1.0.0")
        #expect(outline.scalars["tool.rules"] == nil)
        #expect(outline.scalars["asOf"] == "2026-01-01")
        #expect(outline.scalars["summary.records"] == "3")
        #expect(outline.sequences == ["findings"])
        // Deeper levels are passed over, not read.
        #expect(outline.scalars["findings.rule"] == nil)
    }

    @Test func keysWrittenWithEscapesAreReadAsTheyMean() throws {
        let outline = try Self.outline(#"{"\u006bind": "normative_document", "t\u006fol": {"n\u0061me": "legality"}}"#)
        #expect(outline.keys == ["kind", "tool"])
        #expect(outline.scalars["tool.name"] == "legality")
    }

    @Test func aRootThatIsNoMappingHasAnEmptyOutline() throws {
        #expect(try Self.outline("[1, 2, 3]") == DocumentOutline())
        #expect(try Self.outline("just text") == DocumentOutline())
        #expect(try Self.outline("") == DocumentOutline())
    }

    @Test func onlyTheFirstDocumentIsOutlined() throws {
        let outline = try Self.outline("a: 1\n---\nb: 2\n")
        #expect(outline.keys == ["a"])
    }

    @Test func keysThatAreCollectionsArePassedOver() throws {
        let outline = try Self.outline("? [x, y]\n: {z: 1}\nafter: 2\n")
        #expect(outline.keys == ["after"])
        #expect(outline.scalars == ["after": "2"])
    }

    @Test func badTextAndDeepNestingAreErrors() {
        #expect(throws: YAMLError.self) { try Self.outline("{\"a\": [1, 2}") }
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: YAMLError.self) { try Self.outline("{\"a\": \(deep)}") }
    }
}
