import Testing
import YAMLTree

/// Syntax errors carry the file name, a 1-based line and column, and a useful message.
@Suite("Syntax errors")
struct SyntaxErrorTests {
    @Test func unclosedFlowSequence() throws {
        let error = try #require(parseError("id: X\noutcome: [passed\n", file: "records/a.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.file == "records/a.yaml")
        // The parser notices at the end of the input, after the opening bracket on line 2.
        #expect(error.position.line >= 2)
        #expect(error.position > pos(2, 10))
        // The message says where the unclosed sequence began: line 2, column 10.
        #expect(error.message.contains("flow sequence"))
        #expect(error.message.contains("line 2, column 10"))
        #expect(error.description.hasPrefix("records/a.yaml:\(error.position.line):\(error.position.column): "))
    }

    @Test func unclosedQuote() throws {
        let error = try #require(parseError("a: 1\nb: \"open\n", file: "q.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.message.contains("quoted scalar"))
        #expect(error.message.contains("line 2, column 4"))
    }

    /// A bad escape in double quotes (a Windows path) is told as one, at the backslash: it was
    /// told "the quote is never closed", pointing at the opening quote.
    @Test func aBadEscapeIsToldAtTheBackslash() throws {
        let error = try #require(parseError("a: 1\nref: \"D:\\公文\\决定.docx\"\n"))
        #expect(error.kind == .syntax)
        #expect(error.position == pos(2, 9), "\(error.position)")
        #expect(error.message.contains("single quotes") && !error.message.contains("never closed"), "\(error.message)")
        #expect(error.chineseMessage?.contains("单引号") == true && error.chineseMessage?.contains("没有闭合") == false)
        // A surrogate's escape too.
        let surrogate = try #require(parseError("a: \"x\\ud800\"\n"))
        #expect(surrogate.message.contains("this one is not valid") && !surrogate.message.contains("never closed"), "\(surrogate.message)")
        #expect(surrogate.position == pos(1, 6), "\(surrogate.position)")
        // After a valid escape on the line, at the bad one.
        #expect(try #require(parseError("a: \"p\\\\q\\x4G\"\n")).position == pos(1, 9))
        // A tag's bad escape is no quoted text's.
        #expect(try #require(parseError("ref: !e%zz x\n")).message.contains("single quotes") == false)
        // A quote that is never closed is still told so.
        #expect(try #require(parseError("a: \"open\n")).message.contains("is never closed"))
    }

    @Test func badIndentation() throws {
        let error = try #require(parseError("a:\n  b: 1\n c: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.position.line == 3)
    }

    @Test func tabUsedForIndentation() throws {
        let error = try #require(parseError("steps:\n\t- type: decision\n", file: "tab.yaml"))
        #expect(error.kind == .syntax)
        #expect(error.position == pos(2, 1))
        #expect(error.message.contains("tab"))
        #expect(error.message.contains("indent with spaces"))
    }

    @Test func tabAfterChineseTextIsFoundByColumn() throws {
        // The tab is column 1 of line 3; the Chinese text before it must not confuse the lookup.
        let error = try #require(parseError("标题: 决定\n机关: 镇政府\n\tx: 1\n"))
        #expect(error.kind == .syntax)
        #expect(error.position == pos(3, 1))
        #expect(error.message.contains("tab"))
    }

    @Test func otherBadCharacterDoesNotMentionTabs() throws {
        let error = try #require(parseError("a: 1\n@b: 2\n"))
        #expect(error.kind == .syntax)
        #expect(error.position == pos(2, 1))
        #expect(!error.message.contains("a tab is not allowed here"))
    }

    @Test func tabInsideAValueIsAllowed() throws {
        let root = try parseOne("a: \"x\\ty\"\nb: 'p\tq'\n")
        #expect(root["a"]?.scalar?.text == "x\ty")
        #expect(root["b"]?.scalar?.text == "p\tq")
    }
}
