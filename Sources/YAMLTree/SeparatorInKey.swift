/// A key with no value whose text holds what was meant as the separator of a key and its value:
/// `{stability_risk：true}` (a full-width colon) or `{status:planned}` (no space after the colon)
/// is, in a flow mapping, one key `stability_risk：true` with no value; a fact set true, or a step
/// planned, was read as nothing at all, where the same line in block style is refused.
enum SeparatorInKey {
    /// The place of the colon, in characters from the key's start, when a key's text reads as a
    /// key and a value run together: the part before the colon a key's name (letters of any
    /// script and `_`, not a URI's scheme: `mailto:`, `tel:`; spaces before the colon allowed,
    /// `status :planned`), the part after it a value that is no path, time or number (`D:\材料`,
    /// `https://…`, `10:30`, `上午9:30`, `2025-09-26T09:30` are a path, an address and times).
    static func colonOffset(in key: String) -> Int? {
        let scalars = Array(key.unicodeScalars)
        guard let colon = scalars.firstIndex(where: { $0 == ":" || $0 == "：" }), colon > 0, colon + 1 < scalars.count else { return nil }
        var name = scalars[..<colon]
        while let last = name.last, isSpace(last) { name = name.dropLast() }
        guard !name.isEmpty, name.allSatisfy(isNameCharacter),
              !uriSchemes.contains(String(String.UnicodeScalarView(name)).lowercased()) else { return nil }
        let rest = scalars[(colon + 1)...].drop(while: isSpace)
        guard let first = rest.first, first != "/", first != "\\", !("0"..."9").contains(first), !("０"..."９").contains(first) else { return nil }
        return colon
    }

    /// Schemes of addresses written with a colon and no slashes.
    private static let uriSchemes: Set<String> = ["mailto", "tel", "urn", "data", "sms", "geo", "fax", "callto", "skype", "weixin", "magnet", "news"]

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\u{A0}" || scalar == "\t"
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar.properties.isAlphabetic && !("0"..."9").contains(scalar))
    }

    /// The error for such a key, at its colon.
    static func error(key: String, colonOffset: Int, at position: SourcePosition, file: String) -> YAMLError {
        let shown = String(key.unicodeScalars.prefix(60).map(Character.init))
        var named = Array(key.unicodeScalars.prefix(colonOffset))
        while let last = named.last, isSpace(last) { named.removeLast() }
        while let first = named.first, isSpace(first) { named.removeFirst() }
        let name = String(String.UnicodeScalarView(named))
        let fullWidth = key.unicodeScalars.dropFirst(colonOffset).first == "："
        let column = SourcePosition(line: position.line, column: position.column + colonOffset)
        var error = YAMLError(
            kind: .syntax,
            message: fullWidth
                ? "'\(shown)' is read as one key with no value: a full-width colon '：' does not separate a key from its value; write '\(name): ' with an ASCII colon and a space"
                : "'\(shown)' is read as one key with no value: a colon separates a key from its value only when a space follows it; write '\(name): ' with a space after the colon",
            file: file, position: column)
        error.chineseMessage = fullWidth
            ? "“\(shown)”被读作一个没有值的键：全角冒号“：”不能分隔键和值；请写作“\(name): ”（半角冒号后加一个空格）"
            : "“\(shown)”被读作一个没有值的键：冒号后要有空格才分隔键和值；请写作“\(name): ”（冒号后加一个空格）"
        return error
    }
}
