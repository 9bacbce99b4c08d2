/// One cell of a ledger: its text as a person sees it (a date cell as `YYYY-MM-DD`).
public struct LedgerCell: Sendable, Hashable {
    /// The value as text.
    public var text: String
    /// The cell holds a formula whose value was never computed (saved by a program that does not
    /// calculate), so its value is unknown.
    public var formulaWithoutValue = false
    /// The number the cell stores, when its format shows it as other text (`7` shown as
    /// `SQ-JC-2025-007`, `50000` as `50000元`): a text field (an id) reads what is shown, any
    /// other field (an amount) the number.
    public var stored: String?
    /// The cell's font strikes its text through (a meeting called off, a review withdrawn, as
    /// offices mark them): what it says is not known to stand.
    public var struckThrough = false

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
    /// How many fields a line of a CSV file has, empty ones included; nil for a workbook's row.
    public var fieldCount: Int?
    /// Cells under a merged range that hold a value of their own other than the one the range
    /// shows (kept unseen, as LibreOffice's "keep the contents of hidden cells" keeps it), by
    /// column: the row is read as shown, but which of the two the office meant is not known.
    public var hiddenUnderMerge: [Int: String] = [:]

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
