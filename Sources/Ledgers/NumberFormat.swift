/// A cell's number format that shows a whole number as text a person reads: digits padded with
/// zeros (`000` shows 7 as `007`) and literal text around them (`"SQ-JC-2025-"000` shows 7 as
/// `SQ-JC-2025-007`, `"第"0"号"` as `第7号`). A ledger's id or number column typed as numbers
/// under such a format shows the office its ids; read as the bare number (`7`), the record had
/// another id than the one everybody sees, and a duplicate of it went unnoticed.
///
/// Only formats of whole-number placeholders (`0`, `#`) and literal text are read; a format with
/// anything else (decimals, thousands, percent, exponents, colours, conditions) leaves the
/// number as it is stored, which is what those formats' cells hold in a ledger (counts, amounts).
struct NumberFormat: Sendable, Equatable {
    /// A part of a format: text shown as it is, or a digit placeholder.
    enum Part: Sendable, Equatable {
        case literal(String)
        /// `0` shows a digit or a zero; `#` a digit or nothing.
        case digit(padsWithZero: Bool)
    }

    /// The parts of the format's first section (positive numbers).
    let positive: [Part]
    /// The parts of the third section (zero), when the format has one.
    let zero: [Part]?

    /// The format of a code, or nil when the code has anything but placeholders and literal text,
    /// or shows no number at all.
    init?(code: String) {
        let sections = Self.sections(of: code)
        guard let first = sections.first, let positive = Self.parts(of: first), positive.contains(where: \.isDigit) else { return nil }
        self.positive = positive
        // A zero section may show no digit (`"无"`); one that cannot be read leaves the format unread.
        if sections.count >= 3 {
            guard let zero = Self.parts(of: sections[2]) else { return nil }
            self.zero = zero
        } else {
            zero = nil
        }
        // A format without literal text that pads to no more than one digit (`0`, `#`) shows a
        // number as it is stored.
        let hasLiteral = positive.contains { if case .literal = $0 { true } else { false } }
        guard hasLiteral || positive.count(where: { $0 == .digit(padsWithZero: true) }) > 1 else { return nil }
    }

    /// The text a whole number from 0 to 10^15 shows under the format, or nil for any other
    /// number (negative, with decimals, or written otherwise than as a number).
    func text(of stored: String) -> String? {
        guard let value = Double(stored), value.isFinite, value >= 0, value < 1e15, value.rounded(.towardZero) == value else { return nil }
        let parts = value == 0 ? (zero ?? positive) : positive
        let digits = Array(String(Int(value)))
        let placeholders = parts.filter(\.isDigit).count
        var text = ""
        var placeholder = 0
        for part in parts {
            switch part {
            case .literal(let literal):
                text += literal
            case .digit(let padsWithZero):
                // The digits fill the placeholders from the right; those beyond the placeholders
                // go to the first one, as a spreadsheet shows them.
                let offset = digits.count - placeholders
                if placeholder == 0, offset > 0 {
                    text += String(digits[0...offset])
                } else if placeholder + offset >= 0 {
                    // A lone `#` placeholder of zero shows nothing, as a spreadsheet shows it.
                    if !(value == 0 && !padsWithZero) { text.append(digits[placeholder + offset]) }
                } else if padsWithZero {
                    text += "0"
                }
                placeholder += 1
            }
        }
        return text
    }

    /// The sections of a code, split at `;` outside quotes and escapes.
    private static func sections(of code: String) -> [String] {
        var sections: [String] = []
        var current = ""
        var inQuote = false
        var escaped = false
        for character in code {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "\"" {
                inQuote.toggle()
            } else if character == ";", !inQuote {
                sections.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        sections.append(current)
        return sections
    }

    /// Characters a format shows as themselves without quotes.
    private static let plainLiterals: Set<Character> = ["$", "-", "+", "/", "(", ")", ":", "!", "^", "&", "'", "~", "{", "}", "<", ">", "=", " "]

    /// A section's parts, or nil when it holds anything but placeholders and literal text.
    private static func parts(of section: String) -> [Part]? {
        var parts: [Part] = []
        var literal = ""
        var characters = section.makeIterator()
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while let character = characters.next() {
            switch character {
            case "\"":
                while let quoted = characters.next(), quoted != "\"" { literal.append(quoted) }
            case "\\":
                if let escaped = characters.next() { literal.append(escaped) }
            case "0", "#":
                flush()
                parts.append(.digit(padsWithZero: character == "0"))
            case _ where plainLiterals.contains(character) || !character.isASCII:
                literal.append(character)
            default:
                return nil
            }
        }
        flush()
        return parts
    }
}

extension NumberFormat.Part {
    var isDigit: Bool {
        if case .digit = self { true } else { false }
    }
}
