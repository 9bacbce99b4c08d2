/// What a key names, as a reader takes it from a key written in words of one's own.
enum KeyText {
    /// The key without the column label `legality import` writes for a ledger's column it did not
    /// read (`列 U：是否通过合法性审查`) and without what is in brackets (`是否重大案件（是/否）`,
    /// `审查日期(必填)`): a hint to whoever fills the column in, no part of its name.
    static func named(_ key: String) -> String {
        withoutBrackets(withoutColumnLabel(key))
    }

    /// A key as `legality import` writes a ledger's column it did not read: the column's header.
    private static func withoutColumnLabel(_ key: String) -> String {
        guard key.hasPrefix("列"), let colon = key.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return key }
        return String(key[key.index(after: colon)...])
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
