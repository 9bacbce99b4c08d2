#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Positions as editors, git and code scanning count lines, where libyaml counts more: it ends a
/// line at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) too (YAML 1.1),
/// so every finding after such a character (pasted from a web page or a word processor into a
/// comment or a quoted title) pointed a line too low, and the report quoted the wrong line. Lines
/// end at LF, CR LF and a lone CR; the separator is one more column of its line.
///
/// Made only for a text that holds such a character (found with `memchr` for the two lead bytes
/// they start with, checking what follows each: “ ” — … start with one of them too), so other
/// texts cost one search each. A file read piece by piece (over 8 MiB, for a report that quotes
/// no lines) keeps libyaml's count.
struct LineBreakCorrection {
    /// For each separator, in order: the libyaml line that begins after it, and where that line
    /// begins as lines are counted here.
    private var breaks: [(libyamlLine: Int, line: Int, column: Int)] = []
    /// Each separator, in order, as an editor shows it: its place, the character, and whether
    /// text follows it on its line that libyaml reads as the start of a line of its own — the
    /// first character after it other than a space, unless that is `#` (a comment to libyaml too):
    /// one ending its line, or followed by a comment (`# 注释<LS># 第二段`), hides nothing.
    private(set) var separators: [(place: SourcePosition, character: Unicode.Scalar, hidesText: Bool)] = []

    /// The correction of a text's positions; nil when libyaml counts its lines as they are counted here.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard Self.mayHoldSeparator(bytes) else { return nil }
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var libyamlLine = 1
        var line = 1
        var column = 1
        // The first of the line's separators whose first character after it is not read yet.
        var awaiting: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                // CR LF is one line end.
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                awaiting = nil
                libyamlLine += 1
                line += 1
                column = 1
            } else if let width = Self.separatorWidth(bytes, at: index) {
                let character: Unicode.Scalar = width == 2 ? "\u{85}" : bytes[index + 2] == 0xA8 ? "\u{2028}" : "\u{2029}"
                awaiting = awaiting ?? separators.count
                separators.append((SourcePosition(line: line, column: column), character, false))
                libyamlLine += 1
                column += 1
                breaks.append((libyamlLine, line, column))
                index += width
                continue
            } else if byte & 0xC0 != 0x80 {
                if byte != 0x20, byte != 0x09, let first = awaiting {
                    for place in first..<separators.count { separators[place].hidesText = byte != UInt8(ascii: "#") }
                    awaiting = nil
                }
                column += 1
            }
            index += 1
        }
        guard !breaks.isEmpty else { return nil }
    }

    /// A libyaml position (1-based) as lines are counted here.
    func position(line libyamlLine: Int, column: Int) -> SourcePosition {
        // The last separator before the position's line begins, by binary search (a file of 200,000
        // separators searched them all for every event, for 23 s).
        var (low, high) = (0, breaks.count)
        while low < high {
            let middle = (low + high) / 2
            if breaks[middle].libyamlLine <= libyamlLine { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return SourcePosition(line: libyamlLine, column: column) }
        let separator = breaks[low - 1]
        if separator.libyamlLine == libyamlLine {
            return SourcePosition(line: separator.line, column: separator.column + column - 1)
        }
        return SourcePosition(line: separator.line + libyamlLine - separator.libyamlLine, column: column)
    }

    /// The bytes of NEL (C2 85), LINE SEPARATOR (E2 80 A8) or PARAGRAPH SEPARATOR (E2 80 A9) at a place.
    private static func separatorWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: 2
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9): 3
        default: nil
        }
    }

    /// Whether a separator is anywhere in the text: each of the two lead bytes is looked for with
    /// `memchr`, and what follows it checked.
    private static func mayHoldSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        for lead in [UInt8(0xC2), UInt8(0xE2)] {
            var offset = 0
            while offset < bytes.count, let found = memchr(base + offset, Int32(lead), bytes.count - offset) {
                let place = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if separatorWidth(bytes, at: place) != nil { return true }
                offset = place + 1
            }
        }
        return false
    }
}
