/// What a legal adviser needs to put a YAML syntax error right: the common cause named in Chinese
/// and English, and the place of the mistake itself (a full-width colon at the end of line 15 is
/// reported on line 15, where libyaml only notices on line 16).
struct SyntaxAdvice {
    /// Where the mistake is, when it is not where the parser stopped.
    var position: SourcePosition?
    var zh: String
    var en: String

    /// Advice for a syntax error at `position`; `problem` is libyaml's text and `opened` where the
    /// construct it was reading started.
    static func advise(problem: String, position: SourcePosition, opened: SourcePosition?, bytes: [UInt8]) -> SyntaxAdvice {
        // Only the lines read are made (a list of every line cost some ten times a large file),
        // and none of more than 16 KiB: what is looked for is near a line's start or at the error.
        let lines = SourceLines(bytes)
        func line(_ number: Int) -> [Unicode.Scalar] {
            guard case .text(let text)? = lines.line(number, upTo: 16 << 10) else { return [] }
            return Array(text.unicodeScalars)
        }
        // A full-width colon used as a key's colon, on the error's line or just before it.
        for number in stride(from: position.line, through: max(1, position.line - 2), by: -1) {
            if let column = fullWidthColon(in: line(number)) {
                return SyntaxAdvice(
                    position: SourcePosition(line: number, column: column),
                    zh: "第 \(number) 行第 \(column) 列用了全角冒号“：”；键和值之间要用半角冒号“:”再加一个空格（如 type: decision）",
                    en: "line \(number) uses a full-width colon '：' at column \(column); a key and its value are separated by ':' and a space (type: decision)")
            }
        }
        // A bad escape inside double quotes (`"D:\公文"`, `"\ud800"`): the quote is closed, the
        // backslash is the mistake (it was told "the quote is never closed").
        // (libyaml names a tag's bad escape too: "did not find URI escaped octet while parsing a tag".)
        if problem.contains("quoted scalar"), problem.contains("escape") || problem.contains("hexdecimal") {
            // At the backslash: libyaml stops inside `\x4G` or `\ud800`, after it.
            let text = line(position.line)
            // (Up to and with the character libyaml stopped at, which may be the backslash itself.)
            let stop = min(max(position.column, 0), text.count)
            let column = text[..<stop].lastIndex(of: "\\").map { $0 + 1 } ?? position.column
            let place = SourcePosition(line: position.line, column: column)
            return SyntaxAdvice(
                position: place,
                zh: "第 \(place.line) 行第 \(place.column) 列：双引号中的反斜杠“\\”开始一个转义（如 \\n），这里的不是有效的转义；含反斜杠的值（如 Windows 路径 D:\\公文）请改用单引号 '…'，或把每个 \\ 写成 \\\\",
                en: "line \(place.line), column \(place.column): a backslash inside double quotes starts an escape (such as \\n), and this one is not valid; write a value holding backslashes (a Windows path such as D:\\docs) in single quotes '…', or write each \\ as \\\\")
        }
        if problem.contains("quoted scalar"), let opened {
            return SyntaxAdvice(
                position: opened,
                zh: "第 \(opened.line) 行第 \(opened.column) 列开始的引号没有闭合；请补上结尾的引号（中文引号“”不算 YAML 的引号）",
                en: "the quote opened at line \(opened.line), column \(opened.column) is never closed; add the closing quote")
        }
        // A full-width space or a no-break space in the indentation, or after a key's colon: to
        // YAML neither is a space (the error was told on the next line, at a harmless key).
        for number in stride(from: position.line, through: max(1, position.line - 2), by: -1) {
            if let (column, scalar) = oddSpace(in: line(number)) {
                let (zh, en) = scalar == "\u{3000}" ? ("全角空格", "a full-width space (U+3000)") : ("不换行空格（U+00A0）", "a no-break space (U+00A0)")
                return SyntaxAdvice(
                    position: SourcePosition(line: number, column: column),
                    zh: "第 \(number) 行第 \(column) 列是\(zh)；YAML 的缩进和冒号后只能用半角空格，请换成半角空格",
                    en: "line \(number) holds \(en) at column \(column); YAML indents, and separates a key's colon from its value, with ASCII spaces only")
            }
        }
        if line(position.line).prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") || (problem.contains("cannot start any token") && line(position.line).dropFirst(max(0, position.column - 1)).first == "\t") {
            return SyntaxAdvice(
                position: nil,
                zh: "第 \(position.line) 行用了制表符（Tab）；YAML 只能用空格缩进，请把 Tab 换成空格",
                en: "line \(position.line) holds a tab; YAML is indented with spaces only")
        }
        if problem.contains("flow sequence") || problem.contains("flow mapping"), let opened {
            let bracket = problem.contains("flow sequence") ? "方括号 [" : "花括号 {"
            return SyntaxAdvice(
                position: nil,
                zh: "第 \(opened.line) 行第 \(opened.column) 列开始的\(bracket) 没有闭合",
                en: "the \(problem.contains("flow sequence") ? "[" : "{") opened at line \(opened.line), column \(opened.column) is never closed")
        }
        return SyntaxAdvice(
            position: nil,
            zh: "YAML 格式有误；常见原因：全角冒号“：”、用 Tab 缩进、引号未闭合、同一层的缩进不一致、冒号后缺少空格",
            en: "common causes: a full-width colon '：', a tab in the indentation, an unclosed quote, uneven indentation, no space after ':'")
    }

    /// The column of a full-width or no-break space in a line's indentation, or just after a key's
    /// colon (outside quotes and comments), with the character.
    private static func oddSpace(in line: [Unicode.Scalar]) -> (Int, Unicode.Scalar)? {
        let odd: (Unicode.Scalar) -> Bool = { $0 == "\u{3000}" || $0 == "\u{A0}" }
        var index = 0
        var firstOdd: Int?
        while index < line.count, line[index] == " " || odd(line[index]) || line[index] == "-" {
            if firstOdd == nil, odd(line[index]) { firstOdd = index }
            index += 1
        }
        // In the indentation only of a key's line (`　　outcome: failed`): a paragraph of a block
        // text indented with full-width spaces (`　　第一条…`) is the text's own.
        if let firstOdd {
            let rest = line[index...]
            let isKeyLine = rest.firstIndex(of: ":").map { colon in
                colon > index && rest[..<colon].allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
            } ?? false
            return isKeyLine ? (firstOdd + 1, line[firstOdd]) : nil
        }
        guard index < line.count, !["\"", "'", "#"].contains(line[index]) else { return nil }
        while index + 1 < line.count {
            switch line[index] {
            case ":" where odd(line[index + 1]): return (index + 2, line[index + 1])
            case "\"", "'", "#": return nil
            default: index += 1
            }
        }
        return nil
    }

    /// The column of a full-width colon that stands where a key's colon should: after a key at
    /// the start of the line (or after `- `), outside quotes and comments.
    private static func fullWidthColon(in line: [Unicode.Scalar]) -> Int? {
        var index = 0
        while index < line.count, line[index] == " " { index += 1 }
        if index + 1 < line.count, line[index] == "-", line[index + 1] == " " {
            index += 2
            while index < line.count, line[index] == " " { index += 1 }
        }
        if index < line.count, line[index] == "{" { index += 1 }
        guard index < line.count, !["\"", "'", "#", "[", "{"].contains(line[index]) else { return nil }
        while index < line.count {
            switch line[index] {
            case "：": return index + 1
            case ":", "\"", "'", "#": return nil
            default: index += 1
            }
        }
        return nil
    }
}
