/// Texts as a reader tells them apart: full-width letters, digits and marks as their ASCII forms,
/// ASCII letters without regard to case (`Ｔ－００１`, `t-001` and `T-001` are one id to a
/// reader, and were three records to the duplicate check), dashes as `-` (`ZY–JC–108`), and
/// without the characters no reader sees: zero-width ones anywhere, spaces at either end
/// (`ZY-JC-108` and the same id with a full-width space after it, as a Chinese input method leaves
/// one, were two records, and the one on the agenda went READY beside the other's failed review).
public enum ReaderFolding {
    /// The text folded; a text of upper-case ASCII letters, digits and marks, with no space at
    /// either end, is returned as it is.
    public static func folded(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }
                && !(bytes.first.map(isASCIISpace) ?? false) && !(bytes.last.map(isASCIISpace) ?? false)
        }
        if plain { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if invisible.contains(scalar.value) { continue }
            var narrow = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
            if dashes.contains(narrow.value) { narrow = "-" }
            if spaces.contains(narrow.value) { narrow = " " }
            if ("a"..."z").contains(narrow), let upper = Unicode.Scalar(narrow.value - 0x20) {
                scalars.append(upper)
            } else {
                scalars.append(narrow)
            }
        }
        // (Spaces at the ends, as a reader sees none.)
        while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        return String(scalars)
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Characters of no width: zero-width space, non-joiner and joiner, word joiner, the byte-order
    /// mark, soft hyphen, and the direction marks.
    private static let invisible: Set<UInt32> = [0x00AD, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E]
    /// Dashes a reader takes for a hyphen: hyphen, non-breaking hyphen, figure dash, en and em
    /// dash, horizontal bar, minus sign, and the small forms.
    private static let dashes: Set<UInt32> = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63]
    /// Spaces a reader takes for a space: no-break, the ideographic space, and the others of width.
    private static let spaces: Set<UInt32> = [0x00A0, 0x3000, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x202F, 0x205F]
}
