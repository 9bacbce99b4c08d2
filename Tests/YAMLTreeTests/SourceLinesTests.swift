import Testing
import YAMLTree

/// Lines found as they are asked for, ending where libyaml's lines end.
@Suite("Source lines")
struct SourceLinesTests {
    /// Every line of a text, split the simple way: at LF, CR LF and a lone CR, after a byte-order mark.
    static func split(_ text: String) -> [String] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        return body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    static func lines(_ text: String, upTo limit: Int = .max) -> [SourceLines.Line?] {
        let source = SourceLines(Array(text.utf8))
        return (0...split(text).count + 1).map { source.line($0, upTo: limit) }
    }

    @Test(arguments: ["", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\rc", "\u{FEFF}id: 1\n标题: 中文\n", "\n\n\n", "x\r\n\ry\n"])
    func linesEndAsLibyamlsDo(text: String) {
        let expected = Self.split(text)
        #expect(Self.lines(text) == [nil] + expected.map { .text($0) } + [nil])
        #expect(SourceLines(Array(text.utf8)).count == expected.count)
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func farLinesAreFoundPastTheMarks(separator: String) {
        // Lines of every length around the marks (every 64th line, and 64 KiB of bytes), some of
        // them longer than 64 KiB themselves.
        var lines: [String] = []
        for number in 0..<1_000 {
            lines.append(number % 97 == 0 ? String(repeating: "长", count: 30_000) : "line \(number) " + String(repeating: "x", count: number % 7))
        }
        let source = SourceLines(Array(lines.joined(separator: separator).utf8))
        for (index, line) in lines.enumerated() {
            #expect(source.line(index + 1, upTo: .max) == .text(line))
        }
        #expect(source.line(lines.count + 1, upTo: .max) == nil)
    }

    @Test func aLineLongerThanTheLimitIsNotRead() {
        let text = "short\n" + String(repeating: "a", count: 100) + "\nend"
        let source = SourceLines(Array(text.utf8))
        #expect(source.line(1, upTo: 5) == .text("short"))
        #expect(source.line(2, upTo: 99) == .tooLong)
        #expect(source.line(2, upTo: 100) == .text(String(repeating: "a", count: 100)))
        #expect(source.line(3, upTo: 3) == .text("end"))
        #expect(source.line(4, upTo: 3) == nil)
    }
}
