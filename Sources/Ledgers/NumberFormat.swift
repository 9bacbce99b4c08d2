/// A cell's number format that shows a number as text a person reads: digits padded with zeros
/// (`000` shows 7 as `007`), literal text around them (`"SQ-JC-2025-"000` shows 7 as
/// `SQ-JC-2025-007`, `"第"0"号"` as `第7号`), thousands separators and decimals (`#,##0.00`). A
/// ledger's id typed as a number under such a format shows the office its ids; read as the bare
/// number (`7`), the record had another id than the one everybody sees, and a duplicate of it went
/// unnoticed. (`LedgerConverter` reads the shown text in fields of text only: an amount stays its
/// number.)
///
/// Colours, locales and conditions in brackets (`[Red]`, `[$-804]`, `[>=0]`) show nothing; `_x`
/// shows a space and `*x` nothing. A format with anything else (percent, exponents, fractions,
/// text placeholders, Chinese numerals `[DBNum1]`) is not read, and leaves the number as stored.
struct NumberFormat: Sendable, Equatable {
    /// A part of a section: text shown as it is, a digit placeholder, or the decimal point.
    enum Part: Sendable, Equatable {
        case literal(String)
        /// `0` shows a digit or a zero; `#` a digit or nothing.
        case digit(padsWithZero: Bool)
        case decimalPoint
    }

    /// One section of a format: its parts, and whether it groups thousands (`#,##0`).
    struct Section: Sendable, Equatable {
        var parts: [Part]
        var groupsThousands: Bool
    }

    /// The sections: positive numbers, negative ones, zero (the later two when the format has them).
    let positive: Section
    let negative: Section?
    let zero: Section?

    /// The format of a code, or nil when the code has anything it does not read, or shows no
    /// number at all, or shows a whole number as it is stored (`0`, `#`, `General`).
    init?(code: String) {
        // Excel keeps a format of at most 255 characters; a longer one is a hostile file's (one of
        // 500,000 thousands separators took minutes to read), and the number is left as stored.
        guard code.utf8.count <= Self.mostCodeBytes else { return nil }
        let sections = Self.sections(of: code)
        guard let first = sections.first, let positive = Self.section(first), positive.parts.contains(where: \.isDigit) else { return nil }
        self.positive = positive
        if sections.count >= 2 {
            guard let negative = Self.section(sections[1]) else { return nil }
            self.negative = negative
        } else {
            negative = nil
        }
        if sections.count >= 3 {
            guard let zero = Self.section(sections[2]) else { return nil }
            self.zero = zero
        } else {
            zero = nil
        }
        let hasLiteral = positive.parts.contains { if case .literal = $0 { true } else { false } }
        let padding = positive.parts.count { $0 == .digit(padsWithZero: true) }
        guard hasLiteral || padding > 1 || positive.groupsThousands || positive.parts.contains(.decimalPoint) else { return nil }
    }

    /// The most bytes of a format code read (255 characters, as Excel allows, of up to 4 bytes).
    static let mostCodeBytes = 1_020

    /// The text a number (below 10^15) shows under the format, or nil for any other value.
    func text(of stored: String) -> String? {
        guard let value = Double(stored), value.isFinite, abs(value) < 1e15 else { return nil }
        if value == 0, let zero { return Self.render(0, zero) }
        if value < 0 {
            if let negative { return Self.render(-value, negative) }
            return Self.render(-value, positive).map { "-" + $0 }
        }
        return Self.render(value, positive)
    }

    /// A number of 0 or more shown through a section.
    private static func render(_ value: Double, _ section: Section) -> String? {
        let parts = section.parts
        let point = parts.firstIndex(of: .decimalPoint) ?? parts.endIndex
        let integerPlaces = parts[..<point].count(where: \.isDigit)
        let fractionPlaces = parts[point...].count(where: \.isDigit)
        guard fractionPlaces <= 10 else { return nil }
        // Rounded half away from zero to the places shown, as a spreadsheet shows it.
        var scale = 1.0
        for _ in 0..<fractionPlaces { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return nil }
        let whole = Int(scaled) / Int(scale)
        let fraction = Int(scaled) % Int(scale)
        var digits = Array(String(whole))
        if whole == 0 { digits = [] }
        if section.groupsThousands {
            // The digits and their separators stand at the first placeholder; the others show nothing.
            let pad = parts[..<point].count { $0 == .digit(padsWithZero: true) }
            var padded = Array(repeating: Character("0"), count: max(0, pad - digits.count)) + digits
            var grouped: [Character] = []
            for (index, digit) in padded.enumerated() {
                if index > 0, (padded.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            padded = grouped
            digits = padded
        }
        let fractionDigits = fractionPlaces == 0 ? [] : Array(String(fraction).leftPadded(to: fractionPlaces))
        // Trailing zeros of the fraction under `#` show nothing.
        var shownFraction = fractionDigits
        for (place, part) in parts[point...].filter(\.isDigit).enumerated().reversed() {
            guard part == .digit(padsWithZero: false), place < shownFraction.count, shownFraction[place] == "0", place == shownFraction.count - 1 else { break }
            shownFraction.removeLast()
        }
        var text = ""
        var integerPlace = 0
        var fractionPlace = 0
        for (index, part) in parts.enumerated() {
            switch part {
            case .literal(let literal):
                text += literal
            case .decimalPoint:
                text += "."
            case .digit(let padsWithZero) where index < point:
                defer { integerPlace += 1 }
                if section.groupsThousands {
                    if integerPlace == 0 { text += String(digits) }
                    continue
                }
                // The digits fill the placeholders from the right; those beyond the placeholders
                // go to the first one, as a spreadsheet shows them.
                let offset = digits.count - integerPlaces
                if integerPlace == 0, offset > 0 {
                    text += String(digits[0...offset])
                } else if integerPlace + offset >= 0 {
                    text.append(digits[integerPlace + offset])
                } else if padsWithZero {
                    text += "0"
                }
            case .digit:
                if fractionPlace < shownFraction.count { text.append(shownFraction[fractionPlace]) }
                fractionPlace += 1
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

    /// A section's parts, or nil when it holds anything but placeholders, literal text, the
    /// decimal point, thousands separators and the brackets, spaces and fills that show nothing.
    private static func section(_ text: String) -> Section? {
        var parts: [Part] = []
        var literal = ""
        var groups = false
        var hasDecimalPoint = false
        let characters = Array(text)
        var index = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        func next() -> Character? {
            guard index < characters.count else { return nil }
            defer { index += 1 }
            return characters[index]
        }
        while let character = next() {
            switch character {
            case "\"":
                while let quoted = next(), quoted != "\"" { literal.append(quoted) }
            case "\\":
                if let escaped = next() { literal.append(escaped) }
            case "_":
                // The width of the next character, as a space.
                _ = next()
                literal.append(" ")
            case "*":
                // The next character repeated to fill the cell: nothing in a text.
                _ = next()
            case "[":
                var inside = ""
                while let bracketed = next(), bracketed != "]" { inside.append(bracketed) }
                // `[$¥-804]` shows its currency symbol; colours, conditions and locales show nothing.
                if inside.hasPrefix("$") {
                    literal += inside.dropFirst().prefix { $0 != "-" }
                } else if inside.uppercased().hasPrefix("DBNUM") {
                    return nil
                }
            case "0", "#":
                flush()
                parts.append(.digit(padsWithZero: character == "0"))
            case ".":
                guard !hasDecimalPoint else { return nil }
                hasDecimalPoint = true
                flush()
                parts.append(.decimalPoint)
            case ",":
                // Between placeholders, thousands are grouped; after the last one, a scaling this reader does not do.
                let before = parts.last?.isDigit == true && literal.isEmpty
                let after = index < characters.count && (characters[index] == "0" || characters[index] == "#")
                guard before, after, !hasDecimalPoint else { return nil }
                groups = true
            case _ where plainLiterals.contains(character) || !character.isASCII:
                literal.append(character)
            default:
                return nil
            }
        }
        flush()
        return Section(parts: parts, groupsThousands: groups)
    }
}

extension NumberFormat.Part {
    var isDigit: Bool {
        if case .digit = self { true } else { false }
    }
}
