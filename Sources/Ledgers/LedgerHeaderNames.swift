/// The headers of layouts' columns as compared (`LedgerConverter.normalized`), made once for the
/// rows of a sheet no layout was found in (`layoutNamed(by:)`).
public struct LedgerHeaderNames: Sendable {
    let mappings: [LedgerMapping]
    /// Each mapping's headers, all of them, those of its id's column, those of a review's act and
    /// those of its title.
    let names: [(all: Set<String>, id: Set<String>, review: Set<String>, title: Set<String>)]
    /// Every header of every layout, as written and as compared: a row none of whose cells is one
    /// of them exactly is no header, told without making each cell a header's form (which, asked
    /// of every row, doubled the time a ledger took).
    let written: Set<String>

    public init(_ mappings: [LedgerMapping]) {
        self.mappings = mappings
        let headers = mappings.flatMap { $0.columns.flatMap(\.headers) }
        written = Set(headers + headers.map(LedgerConverter.normalized))
        names = mappings.map { mapping in
            (Set(mapping.columns.flatMap(\.headers).map(LedgerConverter.normalized)),
             Set(mapping.columns.filter(\.isID).flatMap(\.headers).map(LedgerConverter.normalized)),
             Set(mapping.columns.filter(\.isOfAReview).flatMap(\.headers).map(LedgerConverter.normalized)),
             Set(mapping.columns.filter(\.isTitle).flatMap(\.headers).map(LedgerConverter.normalized)))
        }
    }

    /// The layout a row below the rows a header is looked for in holds the header of: three of its
    /// columns naming a record (`LedgerConverter.namesARecord`), or five (a sheet whose header lay below its first ten
    /// rows was passed over without a word when another sheet of the file was read); nil when none.
    public func layoutNamed(by row: LedgerRow) -> LedgerMapping? {
        guard row.cells.values.contains(where: { written.contains($0.text) }) else { return nil }
        // (Each cell made a header's form once, for all the layouts.)
        let cells = row.cells.values.map { LedgerConverter.normalized($0.text) }
        var best: (mapping: LedgerMapping, count: Int)?
        for (index, names) in names.enumerated() {
            let count = cells.count(where: names.all.contains)
            let namesARecord = LedgerConverter.namesARecord(
                count, id: cells.contains(where: names.id.contains), title: cells.contains(where: names.title.contains), review: cells.contains(where: names.review.contains))
            guard namesARecord || count >= 5, count > (best?.count ?? 0) else { continue }
            best = (mappings[index], count)
        }
        return best?.mapping
    }

    /// The layout a row within a table's records starts anew with, when it is a layout's header
    /// (a second table stacked below the first, its columns in another order, was read with the
    /// first table's columns, and a header repeated above each page was a record of its own).
    public func restartedLayout(at row: LedgerRow, sheet: String?) -> LedgerLayout? {
        guard layoutNamed(by: row) != nil,
              case .matched(let layout) = LedgerConverter.match(LedgerTable(sheet: sheet, rows: [row]), mappings: mappings) else { return nil }
        return layout
    }

    /// A table's rows below its header, in the layouts they are read with: the header's, then
    /// each header repeated below it (`restartedLayout(at:sheet:)`).
    public func segments(of table: LedgerTable, from layout: LedgerLayout) -> [(layout: LedgerLayout, rows: [LedgerRow])] {
        var segments: [(layout: LedgerLayout, rows: [LedgerRow])] = [(layout, [])]
        for row in table.rows where row.number > layout.headerRow {
            if let restarted = restartedLayout(at: row, sheet: table.sheet) {
                segments.append((restarted, []))
            } else {
                segments[segments.count - 1].rows.append(row)
            }
        }
        return segments
    }
}
