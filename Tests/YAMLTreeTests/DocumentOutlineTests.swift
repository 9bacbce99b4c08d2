import Testing
import YAMLTree

/// The outline of a document's top: the root's keys, its scalars and one level below, read from
/// events without a tree.
@Suite("Document outlines")
struct DocumentOutlineTests {
    /// Outlines a text, handed to the parser in pieces of `piece` bytes.
    static func outline(_ text: String, piece: Int = 7) -> DocumentOutline {
        var bytes = Array(text.utf8)[...]
        return YAMLParser.outline(reading: { buffer in
            let count = min(piece, buffer.count, bytes.count)
            for index in 0..<count { buffer[index] = bytes[bytes.startIndex + index] }
            bytes = bytes.dropFirst(count)
            return count
        }, file: "t.json")
    }

    @Test func aReportsTopIsOutlined() throws {
        let outline = Self.outline("""
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
        let outline = Self.outline(#"{"\u006bind": "normative_document", "t\u006fol": {"n\u0061me": "legality"}}"#)
        #expect(outline.keys == ["kind", "tool"])
        #expect(outline.scalars["tool.name"] == "legality")
    }

    @Test func aRootThatIsNoMappingHasAnEmptyOutline() throws {
        #expect(Self.outline("[1, 2, 3]") == DocumentOutline())
        #expect(Self.outline("just text") == DocumentOutline())
        #expect(Self.outline("") == DocumentOutline())
    }

    /// The first document is outlined, and another one after it is said to be there (a record
    /// behind a report's first document was skipped with it).
    @Test func onlyTheFirstDocumentIsOutlinedAndAnotherIsNoted() throws {
        let outline = Self.outline("a: 1\n---\nb: 2\n")
        #expect(outline.keys == ["a"])
        #expect(outline.hasMoreDocuments && outline.isComplete)
        #expect(!Self.outline("a: 1\n...\n# only a comment\n").hasMoreDocuments)
    }

    /// What the record reader reads otherwise than the outline shows is marked: a key that is no
    /// scalar, an alias as a key or a value, at any depth.
    @Test func complexKeysAndAliasesAreMarked() throws {
        let outline = Self.outline("? [x, y]\n: {z: 1}\nafter: 2\n")
        #expect(outline.keys == ["after"])
        #expect(outline.scalars == ["after": "2"])
        #expect(outline.hasAliasesOrComplexKeys)
        for text in ["a: &k id\n*k : 1\n", "a: &v 1\nb: *v\n", "a: {b: &v 1, c: *v}\n", "a: [&v 1, [*v]]\n"] {
            #expect(Self.outline(text).hasAliasesOrComplexKeys, "\(text)")
        }
        #expect(!Self.outline("a: {b: 1, c: [2, {d: 3}]}\n").hasAliasesOrComplexKeys)
    }

    /// Text that is no YAML, a scalar too long or nesting too deep ends the outline there; what
    /// came before is kept (a report cut short by a killed run is still told by its start).
    @Test func badTextEndsTheOutlineWithWhatCameBefore() {
        let cut = Self.outline("{\"tool\": {\"name\": \"legality\"}, \"findings\": [1, 2")
        #expect(!cut.isComplete)
        #expect(cut.keys == ["tool", "findings"] && cut.scalars["tool.name"] == "legality")
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(!Self.outline("{\"a\": \(deep)}").isComplete)
        #expect(!Self.outline("{\"a\": [1, 2}").isComplete)
    }
}
