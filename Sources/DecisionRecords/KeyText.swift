/// What a key names, as a reader takes it from a key written in words of one's own.
enum KeyText {
    /// A key or a word as keys are compared: letters plain and in lower case (`HintReading`),
    /// without white space, `_` and `-` (`Review_Passed`, `legal opinion` are `reviewpassed`,
    /// `legalopinion`).
    static func folded(_ text: String) -> String {
        HintReading.plain(text).filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
    }

    /// The key without the column label `legality import` writes for a ledger's column it did not
    /// read (`列 U：是否通过合法性审查`) and without what is in brackets (`是否重大案件（是/否）`,
    /// `审查日期(必填)`): a hint to whoever fills the column in, no part of its name.
    ///
    /// Read as one word: without invisible characters, and, in a Chinese key, without spaces
    /// (`重大\u{3000}案件`, `重大\u{200B}案件`, `已完 成` were no name of a fact or a question, and
    /// the record said nothing, where `重大案件` held the item).
    static func named(_ key: String) -> String {
        withoutBrackets(withoutColumnLabel(asOneWord(key)))
    }

    /// A text without invisible characters, and without the spaces between two Chinese
    /// characters (`不通 过` is 不通过). (Most texts have neither, and are returned as they are.)
    static func asOneWord(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { invisible($0) || isSpace($0) }) else { return text }
        let visible = Array(scalars.filter { !invisible($0) })
        var kept = String.UnicodeScalarView()
        for (place, scalar) in visible.enumerated() {
            if isSpace(scalar) {
                let before = visible[..<place].last { !isSpace($0) }
                let after = visible[(place + 1)...].first { !isSpace($0) }
                if let before, let after, isChinese(before), isChinese(after) { continue }
            }
            kept.append(scalar)
        }
        return String(kept)
    }

    /// A space of any width (a thin or an en space, as text copied from a PDF or Word carries).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F: true
        default: false
        }
    }

    private static func isChinese(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// A key as `legality import` writes a ledger's column it did not read: the column's header.
    private static func withoutColumnLabel(_ key: String) -> String {
        guard key.hasPrefix("列"), let colon = key.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return key }
        return String(key[key.index(after: colon)...])
    }

    /// A value as a reader takes it through the marks a clerk puts around it: without invisible
    /// characters (a byte-order mark, a zero-width space), quotation marks or brackets around the
    /// whole (`“不通过”`, `【不通过】`, `（否）`, `'"否"'`), a remark in brackets after it
    /// (`2026-12-11（补）`) and marks ending it (`否！`). Each so written was read as no answer,
    /// and the key that said a review failed or was not done held nothing.
    static func unwrapped(_ value: String) -> String {
        var text = asOneWord(value)
        while true {
            text = Vocabulary.trimmed(text)
            guard let first = text.first, let last = text.last else { return text }
            if text.count >= 2, let closing = pairs[first], closing == last {
                text = String(text.dropFirst().dropLast())
                continue
            }
            if endingMarks.contains(last) {
                text = String(text.dropLast())
                continue
            }
            // A remark in brackets after the value (`2026-12-11（补）`, `否（尚在审查）`).
            if let opening = pairs.first(where: { $0.value == last })?.key, let start = text.lastIndex(of: opening), start != text.startIndex {
                text = String(text[..<start])
                continue
            }
            return text
        }
    }

    /// Whether a value may read otherwise through `unwrapped`: it starts or ends with a mark, a
    /// space or an invisible character. (Most values do not, and are not walked.)
    static func mayBeWrapped(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        func marked(_ scalar: Unicode.Scalar) -> Bool {
            // (Letters, digits and Chinese characters, most ends of values, are told at once.)
            if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || (0x4E00...0x9FFF).contains(scalar.value) { return false }
            let character = Character(scalar)
            return pairs[character] != nil || pairs.values.contains(character) || endingMarks.contains(character) || invisible(scalar) || character.isWhitespace
        }
        return marked(first) || marked(last)
    }

    /// Marks that open a quotation or a bracket, with the mark closing it.
    private static let pairs: [Character: Character] = [
        "“": "”", "‘": "’", "\"": "\"", "'": "'", "「": "」", "『": "』", "【": "】", "〔": "〕", "（": "）", "(": ")",
        "[": "]", "《": "》", "〈": "〉", "<": ">", "［": "］", "〖": "〗",
    ]

    /// Marks a value may end in that say nothing of it.
    private static let endingMarks: Set<Character> = ["！", "!", "。", ".", "；", ";", "，", ",", "、", "～", "~", "…"]

    /// Characters that make a text read otherwise than it shows: bidirectional controls, zero-width
    /// spaces, a byte-order mark, a soft hyphen, tags (not an emoji's joiner or variation selector,
    /// which `已核实✔️` holds as phones type it).
    static func hidesText(_ scalar: Unicode.Scalar) -> Bool {
        invisible(scalar) && scalar.value != 0x200D && !(0xFE00...0xFE0F).contains(scalar.value) && !(0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Characters a reader does not see (variation selectors, which change the glyph before them,
    /// and Hangul fillers, which print as nothing, among them).
    static func invisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFEFF, 0x00AD, 0x034F, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069,
             0xFE00...0xFE0F, 0xE0000...0xE007F, 0xE0100...0xE01EF, 0x115F, 0x1160, 0x3164, 0xFFA0: true
        default: false
        }
    }

    /// A key without what is in brackets.
    private static func withoutBrackets(_ key: String) -> String {
        var kept = ""
        var depth = 0
        for character in key {
            switch character {
            case "（", "(": depth += 1
            case "）", ")": depth = max(0, depth - 1)
            default: if depth == 0 { kept.append(character) }
            }
        }
        return kept
    }
}
