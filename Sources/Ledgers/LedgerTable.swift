/// One cell of a ledger: its text as a person sees it (a date cell as `YYYY-MM-DD`).
public struct LedgerCell: Sendable, Hashable {
    /// The value as text.
    public var text: String
    /// The cell holds a formula whose value was never computed (saved by a program that does not
    /// calculate), so its value is unknown.
    public var formulaWithoutValue = false

    /// Creates a cell.
    public init(_ text: String, formulaWithoutValue: Bool = false) {
        self.text = text
        self.formulaWithoutValue = formulaWithoutValue
    }
}

/// A row of a ledger: its number in the sheet (1-based) and its non-empty cells by column (1-based).
public struct LedgerRow: Sendable {
    /// The row's number, as the spreadsheet shows it.
    public var number: Int
    /// Its cells by column number (A = 1).
    public var cells: [Int: LedgerCell]

    /// Creates a row.
    public init(number: Int, cells: [Int: LedgerCell]) {
        self.number = number
        self.cells = cells
    }
}

/// A sheet of a workbook, or a CSV file: its rows with content, in order.
public struct LedgerTable: Sendable {
    /// The sheet's name; nil for a CSV file.
    public var sheet: String?
    /// The rows that hold at least one non-empty cell.
    public var rows: [LedgerRow]

    /// Creates a table.
    public init(sheet: String?, rows: [LedgerRow]) {
        self.sheet = sheet
        self.rows = rows
    }
}

/// A1-style cell references.
public enum CellReference {
    /// `A`, `B`, …, `Z`, `AA`, … for a column number (1-based).
    public static func column(_ number: Int) -> String {
        var number = number
        var letters: [Character] = []
        while number > 0 {
            let remainder = (number - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            number = (number - 1) / 26
        }
        return String(letters.reversed())
    }

    /// `F14`.
    public static func cell(row: Int, column: Int) -> String {
        "\(Self.column(column))\(row)"
    }

    /// The column and row of `F14`; nil when it is not a reference.
    public static func parse(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var sawDigit = false
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                column = column * 26 + Int(byte - 64)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                column = column * 26 + Int(byte - 96)
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(byte - 48)
            default: return nil
            }
            if column > 16_384 || row > 1_048_576 { return nil }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }
}

/// A ledger that cannot be read, or a part of it; in Chinese and English.
public struct LedgerError: Error, Sendable {
    /// The reason in Chinese.
    public var chinese: String
    /// The reason in English.
    public var english: String

    /// Creates an error.
    public init(chinese: String, english: String) {
        self.chinese = chinese
        self.english = english
    }
}
