import DecisionRecords
@testable import Reporters
import RuleEngine
import Testing
import YAMLTree

/// The line quoted under a finding in the text report: whole when it is short, around the caret
/// when it is long, and not read at all when it is very long.
@Suite struct TextExcerptTests {
    /// The text report of one finding at `line`:`column` of a file holding `text`.
    func excerpt(_ text: String, line: Int, column: Int) -> [String] {
        let source = SourceLines(Array(text.utf8))
        let reporter = TextReporter(colour: false, sourceLines: { $0 == "a.yaml" ? source : nil })
        let finding = Sample.finding(
            "TST-001", record: "R-1", file: "a.yaml", at: SourcePosition(line: line, column: column),
            message: LocalizedText(zh: "消息", en: "message"))
        return reporter.render(finding, language: .en).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The quoted line and the caret's line of an excerpt (after the gutter).
    func quoted(_ lines: [String]) throws -> (line: String, caret: String) {
        let index = try #require(lines.firstIndex { $0.contains("--> a.yaml") })
        let line = lines[index + 2]
        let caret = lines[index + 3]
        let bar = try #require(line.firstIndex(of: "|"))
        let caretBar = try #require(caret.firstIndex(of: "|"))
        return (String(line[line.index(bar, offsetBy: 2)...]), String(caret[caret.index(caretBar, offsetBy: 2)...]))
    }

    @Test func aShortLineIsQuotedWhole() throws {
        let (line, caret) = try quoted(excerpt("id: 1\n  - type: 合法性审查\n", line: 2, column: 11))
        #expect(line == "  - type: 合法性审查")
        #expect(caret == String(repeating: " ", count: 10) + "^")
    }

    @Test func aLongLineIsQuotedAroundTheCaret() throws {
        let before = String(repeating: "a", count: 500)
        let text = "x: 1\nsteps: [" + before + "MARK" + String(repeating: "b", count: 500) + "]\n"
        let column = "steps: [".count + before.count + 1
        let (line, caret) = try quoted(excerpt(text, line: 2, column: column))
        #expect(line.hasPrefix("...") && line.hasSuffix("..."))
        #expect(line.count == TextReporter.excerptWidth + 6)
        // The caret stands under the first character of MARK.
        let offset = caret.count - 1
        #expect(caret.hasSuffix("^") && caret.dropLast().allSatisfy { $0 == " " })
        #expect(Array(line)[offset] == "M")
    }

    @Test func aLongLineOfWideCharactersKeepsTheCaretUnderItsCharacter() throws {
        let text = "steps: [" + String(repeating: "长", count: 300) + "错" + String(repeating: "短", count: 300) + "]"
        let column = "steps: [".count + 300 + 1
        let (line, caret) = try quoted(excerpt(text, line: 1, column: column))
        // Every character before the caret is wide except the "..." that starts the line.
        let shownBefore = Array(line.dropFirst(3)).prefix { $0 != "错" }
        #expect(line.hasPrefix("...") && line.hasSuffix("..."))
        #expect(caret == String(repeating: " ", count: 3 + 2 * shownBefore.count) + "^")
    }

    @Test func aVeryLongLineIsNotRead() {
        let text = "id: 1\nsteps: [" + String(repeating: "x", count: TextReporter.excerptBytes + 1) + "]\nend: 1\n"
        let lines = excerpt(text, line: 2, column: 9)
        #expect(lines.contains { $0.hasSuffix("| (a line of more than 16 KB, not shown)") })
        #expect(!lines.contains { $0.contains("xxxx") })
        let next = excerpt(text, line: 3, column: 1)
        #expect(next.contains { $0.hasSuffix("| end: 1") })
    }

    @Test func aPositionPastTheLastLineQuotesNothing() {
        let lines = excerpt("id: 1\n", line: 5, column: 1)
        #expect(lines.contains { $0.contains("--> a.yaml:5:1") })
        #expect(!lines.contains { $0.contains("| ^") })
    }
}
