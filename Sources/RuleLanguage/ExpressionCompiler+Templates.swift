import YAMLTree

/// Message templates: literal text with `{reference}`s.
extension ExpressionCompiler {
    /// Parses `text {reference} text`; `{{` and `}}` stand for braces.
    ///
    /// The braces are found in the text's bytes (each is one byte of UTF-8, never part of another
    /// character's), and the text between them is taken whole: read character by character, the
    /// 84 messages of the built-in rules cost some 5 M instructions at every start-up.
    mutating func template(_ text: String, at node: YAMLNode) -> [TemplatePart] {
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        let bytes = text.utf8
        var parts: [TemplatePart] = []
        var literal = ""
        // The text from `pending` up to `index` is literal, not yet added to `literal`.
        var pending = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == open || byte == close else {
                index = bytes.index(after: index)
                continue
            }
            literal.append(contentsOf: text[pending..<index])
            let next = bytes.index(after: index)
            if next < bytes.endIndex, bytes[next] == byte {
                // `{{` or `}}`: one brace of the text.
                literal.append(byte == open ? "{" : "}")
                index = bytes.index(after: next)
            } else if byte == close {
                // A lone `}` is text.
                literal.append("}")
                index = next
            } else {
                guard let end = bytes[next...].firstIndex(of: close) else {
                    error(node, "a '{' in the message is not closed; write {{ for a brace", zh: "消息中的 { 没有闭合；花括号本身请写成 {{")
                    return parts + [.text(literal)]
                }
                if !literal.isEmpty { parts.append(.text(literal)) }
                literal = ""
                let name = String(text[next..<end]).trimmingSpaces()
                parts.append(.value(reference("$" + name, at: node).0))
                index = bytes.index(after: end)
            }
            pending = index
        }
        literal.append(contentsOf: text[pending..<bytes.endIndex])
        if !literal.isEmpty { parts.append(.text(literal)) }
        return parts
    }
}

private extension String {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
