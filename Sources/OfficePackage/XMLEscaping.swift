/// Text written into hand-made XML: the Office packages here, and the JUnit and Word reports of
/// `Reporters`, which call the same functions.
public enum XMLEscaping {
    /// Whether XML 1.0 allows the character at all: tab, LF, CR, and U+0020–U+D7FF,
    /// U+E000–U+FFFD, U+10000–U+10FFFF (Swift scalars are never surrogates).
    public static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Text for XML character data or (with `attribute`) a double- or single-quoted attribute value.
    ///
    /// Escapes `&`, `<`, `>` and both quotes; drops characters XML 1.0 forbids. CR is written
    /// as `&#13;` so parsers keep it; in attributes, tab and LF are written as character
    /// references too, so attribute-value normalisation does not turn them into spaces.
    public static func text(_ text: String, attribute: Bool = false) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where isXMLCharacter(scalar) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\n" where attribute: result += "&#10;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
