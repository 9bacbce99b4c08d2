import DecisionRecords

/// Why a ledger's cell in a column no layout reads holds its row back (`LedgerInput.hold`): what
/// the row was read as may not be what the ledger says.
enum UnreadCellHold: Equatable {
    /// The cell says a review is not done, did not pass or is not signed, or is a review's status,
    /// form or outcome other than the row was read as; its text.
    case review(String)
    /// The cell says yes of a well-known fact (its code and name) the row was not read as, or,
    /// in a category's column, names it (`案件类型` = 重大: the cell's text).
    case fact(String, LocalizedText?, named: String?)
    /// The column's header looks meant as one of the layout's whose field decides.
    case misread
}
