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

    /// C0 and C1 controls, and what can reorder, break or hide what a reader sees: the
    /// bidirectional controls and every other format character (U+061C, U+200B–U+200F,
    /// U+202A–U+202E, U+2060–U+2069, the byte-order mark U+FEFF, soft hyphen U+00AD, the tag
    /// characters), the other default-ignorable characters (Hangul fillers U+115F, U+3164,
    /// U+034F...), and the line and paragraph separators (U+2028, U+2029). Variation selectors,
    /// which choose a character's glyph and hide nothing, and the joiners and Mongolian marks
    /// scripts are written with, are not. (`zw.yaml` and `zw` with a
    /// zero-width space, or two department names so told apart, read the same in every report.)
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return true
        // (Variation selectors choose a glyph; the joiners U+200C and U+200D, and Mongolian's
        // free variation selectors and vowel separator, shape the letters of Uyghur, Mongolian
        // and emoji text: shown as `�`, a bilingual record's names were garbled.)
        case 0x20..<0xA0, 0xFE00...0xFE0F, 0xE0100...0xE01EF, 0x200C, 0x200D, 0x180B...0x180F: return false
        // (Letters and ideographs, most of any record's text, are neither: asked without the
        // character's properties.)
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xAC00...0xD7A3: return false
        default:
            let properties = scalar.properties
            return properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
        }
    }

    /// Whether a character is hidden (`isHidden`) and no tab or line end, which a text keeps.
    public static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        default: isHidden(scalar)
        }
    }

    /// The text with each hidden character but tab and line ends (`isHiddenControl`) as `�`.
    public static func showingHidden(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHiddenControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isHiddenControl($0) ? "\u{FFFD}" : $0 }))
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
