/// Texts as a reader tells them apart: full-width letters, digits and marks as their ASCII forms,
/// and ASCII letters without regard to case (`Ｔ－００１`, `t-001` and `T-001` are one id to a
/// reader, and were three records to the duplicate check).
public enum ReaderFolding {
    /// The text folded; a text of upper-case ASCII letters, digits and marks is returned as it is.
    public static func folded(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 && !(UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } }
        if plain { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let narrow = (0xFF01...0xFF5E).contains(scalar.value) ? Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar : scalar
            if ("a"..."z").contains(narrow), let upper = Unicode.Scalar(narrow.value - 0x20) {
                scalars.append(upper)
            } else {
                scalars.append(narrow)
            }
        }
        return String(scalars)
    }
}
