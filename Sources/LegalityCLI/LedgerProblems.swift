import DecisionRecords
import Ledgers
import OfficePackage

/// What is said, in both languages, when a ledger or a part of it cannot be checked.
enum LedgerProblems {
    static func unreadable(_ error: LedgerError) -> LocalizedText {
        LocalizedText(zh: "无法读取台账：\(error.chinese)", en: "cannot read the ledger: \(error.english)")
    }

    /// A cell longer than a scalar may be: the sheet is checked up to its row.
    static func oversizedCell(_ cell: String, bytes: Int, limit: Int, sheet: String?) -> LocalizedText {
        LocalizedText(
            zh: "\(sheet.map { "工作表“\($0)”的" } ?? "")单元格 \(cell) 有 \(bytes) 字节，超过上限 \(limit)（--max-scalar-bytes）；该行及其后的行未检查",
            en: "the cell \(cell)\(sheet.map { " of the sheet '\($0)'" } ?? "") holds \(bytes) bytes, more than the limit of \(limit) (--max-scalar-bytes); its row and the rows after it were not checked")
    }

    /// A header with most of a layout's required columns: each missing one, with the closest header found.
    static func missingColumns(_ mapping: LedgerMapping, headerRow: Int, missing: [(column: String, closest: String?)], sheet: String?) -> LocalizedText {
        let zh = missing.map { column, closest in closest.map { "\(column)（最接近的表头：\($0)）" } ?? column }
        let en = missing.map { column, closest in closest.map { "\(column) (closest header: \($0))" } ?? column }
        return LocalizedText(
            zh: "工作表\(sheet.map { "“\($0)”" } ?? "")第 \(headerRow) 行的表头像是\(mapping.name.zh)，但缺少必需的列：\(zh.joined(separator: "、"))；请改正表头，或用 --mapping 给出本单位台账的列映射",
            en: "the header in row \(headerRow)\(sheet.map { " of the sheet '\($0)'" } ?? "") looks like a \(mapping.name.en) but lacks required columns: \(en.joined(separator: ", ")); correct the header or give your ledger's columns with --mapping")
    }

    /// A layout's header in a row below those a header is looked for in, of a sheet with none in them.
    static func headerBelowSearch(_ mapping: LedgerMapping, headerRow: Int, sheet: String?) -> LocalizedText {
        let rows = LedgerConverter.headerSearchRows
        return LocalizedText(
            zh: "工作表\(sheet.map { "“\($0)”" } ?? "")第 \(headerRow) 行像是\(mapping.name.zh)的表头，但表头须在前 \(rows) 行内，此表中的记录未检查；请删去表头上方多余的行，或把此表移到单独的工作表",
            en: "row \(headerRow)\(sheet.map { " of the sheet '\($0)'" } ?? "") looks like the header of a \(mapping.name.en), but a header must be within the first \(rows) rows, so the records of this table were not checked; delete the extra rows above the header, or move the table to a sheet of its own")
    }

    static func noLayout(_ mappings: [LedgerMapping]) -> LocalizedText {
        LocalizedText(
            zh: "没有一个工作表的表头符合已知的台账格式（\(mappings.map(\.name.zh).joined(separator: "、"))）；用 --mapping 给出本单位台账的列映射，或用 legality init --ledger 生成模板",
            en: "no sheet has the header of a known ledger layout (\(mappings.map(\.name.en).joined(separator: ", "))); give your ledger's columns with --mapping, or start from legality init --ledger")
    }

    /// A cell of a one-person column that names several registered people.
    static func severalPeople(cell: String, header: String, text: String, notDone: LocalizedText? = nil) -> LocalizedText {
        LocalizedText(
            zh: "单元格 \(cell)（\(header)）只能填写一人，却写了“\(text.clipped(to: 60).onOneLine)”（其中每人都在人员名册中）；请只填一人，其他人员填入相应的栏目" + (notDone.map { "；" + $0.zh } ?? ""),
            en: "the cell \(cell) (\(header)) takes one person but names '\(text.clipped(to: 60).onOneLine)' (each of them registered); write one, and the others in their own columns" + (notDone.map { "; " + $0.en } ?? ""))
    }

    static func severalIDs(cell: String, header: String, text: String, notDone: LocalizedText? = nil) -> LocalizedText {
        LocalizedText(
            zh: "单元格 \(cell)（\(header)）写了不止一个编号“\(text.clipped(to: 60).onOneLine)”；每行只能是一个案件或事项，请分行填写" + (notDone.map { "；" + $0.zh } ?? ""),
            en: "the cell \(cell) (\(header)) names more than one id ('\(text.clipped(to: 60).onOneLine)'); a row is one case: write each on a row of its own" + (notDone.map { "; " + $0.en } ?? ""))
    }

    static func hiddenUnderMerge(cell: String, header: String, hidden: String, shown: String, notDone: LocalizedText? = nil) -> LocalizedText {
        let (hiddenText, shownText) = (hidden.clipped(to: 40).onOneLine, shown.isEmpty ? "" : shown.clipped(to: 40).onOneLine)
        return LocalizedText(
            zh: "单元格 \(cell)（\(header)）在合并单元格之下，自身仍存有“\(hiddenText)”，与显示的“\(shownText.isEmpty ? "（空）" : shownText)”不同，无从判断以哪个为准；请取消合并，逐行填写" + (notDone.map { "；" + $0.zh } ?? ""),
            en: "the cell \(cell) (\(header)) lies under a merged range and still holds '\(hiddenText)' of its own, not the '\(shownText.isEmpty ? "(empty)" : shownText)' shown, so which one holds is unknown; unmerge the cells and fill each row" + (notDone.map { "; " + $0.en } ?? ""))
    }

    static func struckThrough(cell: String, header: String, text: String, notDone: LocalizedText? = nil) -> LocalizedText {
        LocalizedText(
            zh: "单元格 \(cell)（\(header)）的“\(text.clipped(to: 60).onOneLine)”带删除线，是否作废无从判断；作废的请删除，仍有效的请去掉删除线" + (notDone.map { "；" + $0.zh } ?? ""),
            en: "the cell \(cell) (\(header)) is struck through ('\(text.clipped(to: 60).onOneLine)'), so whether it stands is not known; delete it if it was cancelled, or remove the strikethrough" + (notDone.map { "; " + $0.en } ?? ""))
    }

    static func uncomputedFormula(cell: String, header: String, notDone: LocalizedText? = nil) -> LocalizedText {
        LocalizedText(
            zh: "单元格 \(cell)（\(header)）是没有计算结果的公式；请在 Excel 或 WPS 中打开并保存后再检查" + (notDone.map { "；" + $0.zh } ?? ""),
            en: "the cell \(cell) (\(header)) holds a formula with no computed value; open and save it in Excel or WPS first" + (notDone.map { "; " + $0.en } ?? ""))
    }

    /// Two cells of a row in columns of one field that disagree (`LedgerLayout.conflicts(in:)`),
    /// and what was therefore not done with the row (`rowNotChecked`, `rowNotImported`).
    static func conflictingColumns(
        _ record: LedgerRecord, column: Int, readColumn: Int, layout: LedgerLayout, notDone: LocalizedText = rowNotChecked
    ) -> LocalizedText {
        let (cell, readCell) = (CellReference.cell(row: record.row, column: column), CellReference.cell(row: record.row, column: readColumn))
        let (header, readHeader) = ((layout.shownHeader(column) ?? ""), (layout.shownHeader(readColumn) ?? ""))
        let (written, read) = ((record.cells[column]?.text ?? "").clipped(to: 40).onOneLine, (record.cells[readColumn]?.text ?? "").clipped(to: 40).onOneLine)
        let sameHeader = layout.haveTheSameHeader(column, readColumn)
        let zhColumns = sameHeader ? " 同属“\(header)”栏目" : "（“\(header)”与“\(readHeader)”）是同一栏目"
        let enColumns = sameHeader ? "are both under '\(header)'" : "('\(header)' and '\(readHeader)') are one column"
        return LocalizedText(
            zh: "单元格 \(cell) 与 \(readCell)\(zhColumns)，内容却不同（“\(written)”与“\(read.isEmpty ? "（空）" : read)”），无法确定以哪一格为准，\(notDone.zh)；请把两列合并为一列",
            en: "the cells \(cell) and \(readCell) \(enColumns) but differ ('\(written)' and '\(read.isEmpty ? "(empty)" : read)'), so which one holds is unknown and \(notDone.en); merge the two columns into one")
    }

    /// What keeps a row from being read as it is written, each with its cell's column and its
    /// code: a formula with no computed value, two ids in the id cell, a cell struck through,
    /// several people in a cell of one, two columns of one field that disagree. One list for
    /// `check` and `import` (`notDone`: what import does not do with the row), so a problem added
    /// here refuses the row in both. Each kind is listed up to `unreadCellsListed` cells.
    static func rowProblems(
        _ record: LedgerRecord, layout: LedgerLayout, notDone: LocalizedText? = nil
    ) -> [(code: RecordProblem.Code, column: Int, message: LocalizedText)] {
        func cell(_ column: Int) -> (reference: String, header: String, text: String) {
            (CellReference.cell(row: record.row, column: column), layout.shownHeader(column) ?? "", record.cells[column]?.text ?? "")
        }
        var problems: [(code: RecordProblem.Code, column: Int, message: LocalizedText)] = []
        for column in record.uncomputed.prefix(unreadCellsListed) {
            problems.append((.yaml, column, uncomputedFormula(cell: cell(column).reference, header: cell(column).header, notDone: notDone)))
        }
        if let column = record.severalIDs {
            problems.append((.record, column, severalIDs(cell: cell(column).reference, header: cell(column).header, text: cell(column).text, notDone: notDone)))
        }
        for column in record.struck.prefix(unreadCellsListed) {
            problems.append((.yaml, column, struckThrough(cell: cell(column).reference, header: cell(column).header, text: cell(column).text, notDone: notDone)))
        }
        for (column, hidden) in record.hiddenUnderMerge.prefix(unreadCellsListed) {
            problems.append((.yaml, column, hiddenUnderMerge(cell: cell(column).reference, header: cell(column).header, hidden: hidden, shown: cell(column).text, notDone: notDone)))
        }
        for column in record.severalPeople.prefix(unreadCellsListed) {
            problems.append((.step, column, severalPeople(cell: cell(column).reference, header: cell(column).header, text: cell(column).text, notDone: notDone)))
        }
        // Two columns of one field that say different things (the same header twice, or two
        // names of it): which one the office meant is not known, so the row is not checked (the
        // leftmost alone was read, and a row whose other column said 不通过 passed). Two columns
        // that agree are read as one, and the other is a warning of `check`'s.
        for (column, read) in layout.conflicts(in: record).prefix(unreadCellsListed) {
            problems.append((.yaml, column, conflictingColumns(record, column: column, readColumn: read, layout: layout, notDone: notDone ?? rowNotChecked)))
        }
        return problems
    }

    /// What a conflict of columns keeps `check` from doing.
    static let rowNotChecked = LocalizedText(zh: "此行未检查", en: "the row was not checked")

    /// A row of a CSV file with more fields than its header (`LedgerLayout.fieldBeyondHeader`).
    static func fieldsBeyondHeader(_ record: LedgerRecord, column: Int, headerColumns: Int, notDone: LocalizedText = rowNotChecked) -> LocalizedText {
        let cell = CellReference.cell(row: record.row, column: column)
        return LocalizedText(
            zh: "本行从单元格 \(cell) 起比表头（\(headerColumns) 列）多出内容，很可能某格中有未加英文双引号的逗号，使其后各列错位，\(notDone.zh)；请给含逗号的内容加英文双引号，或改用全角逗号“，”，然后重新检查",
            en: "the row has more fields than the header's \(headerColumns) columns, from the cell \(cell): a comma left unquoted in a cell most likely moved every field after it one column on, so \(notDone.en); quote the text holding the comma, or write it as a full-width comma, and check again")
    }

    /// What a conflict of columns keeps `import` from doing.
    /// An unread cell that holds its row back (`LedgerInput.hold`), where `import` writes no record of the row.
    static func heldUnreadCell(_ message: LocalizedText) -> LocalizedText {
        LocalizedText(
            zh: message.zh + "；此行未写入记录：请先改正表头或读取的列，再导入",
            en: message.en + "; the row was not written as a record: correct the header or the columns read first, then import it")
    }

    static let rowNotImported = LocalizedText(zh: "此行未写入记录", en: "the row was not written as a record")

    /// How many unread cells of a row are reported one by one; the rest are one problem.
    static let unreadCellsListed = 8

    /// The unread cells of a row beyond those reported one by one.
    /// - Parameter doubtful: a cell among them that says of the review that it is not done,
    ///   passed or signed, and its text, which the message then names.
    static func moreUnreadCells(_ count: Int, from cell: String, doubtful: (cell: String, text: String)? = nil) -> LocalizedText {
        let doubt = doubtful.map { found in
            (zh: "；其中单元格 \(found.cell)（“\(found.text.clipped(to: 40).onOneLine)”）所说的审查或事实，与此行按读取的列所判断的不同，请据实改正读取的列",
             en: "; among them the cell \(found.cell) ('\(found.text.clipped(to: 40).onOneLine)') speaks of the review or of a fact otherwise than the row was read from the columns read: correct those columns as it is")
        } ?? (zh: "", en: "")
        return LocalizedText(
            zh: "此行从单元格 \(cell) 起另有 \(count) 个单元格所在的列未被读取（只逐一列出前 \(unreadCellsListed) 个）；请核对表头\(doubt.zh)",
            en: "\(count) more cells of this row, from \(cell) on, are in columns that were not read (only the first \(unreadCellsListed) are listed one by one); check the header\(doubt.en)")
    }

    /// A signoff's person given with its date column left blank (`LedgerInput.undatedSignoffs`).
    static func undatedSignoff(cell: String, header: String, dateHeader: String) -> LocalizedText {
        LocalizedText(
            zh: "“\(header)”一栏已填写（单元格 \(cell)），而“\(dateHeader)”为空：意见是否已经出具无法确定；已出具的，请填写日期；尚未出具的，请先清空“\(header)”一栏",
            en: "the column '\(header)' is filled in (cell \(cell)), but '\(dateHeader)' is empty: whether the opinion was given cannot be told; fill in its date if it was, or clear '\(header)' until it is")
    }

    /// A remark (a cell of a column the layout ignores) that says the review is not done, passed
    /// or signed (`LedgerInput.heldRemarks`).
    static func heldRemark(cell: String, header: String, text: String) -> LocalizedText {
        let doubt = reviewDoubt(text)
        return LocalizedText(
            zh: "列“\(header)”是不检查的列，单元格 \(cell) 的内容未被读取\(doubt.zh)",
            en: "the column '\(header)' is one not checked, so the cell \(cell) was not read\(doubt.en)")
    }

    /// What is said of a cell whose text (`text`) says something of the review other than the row
    /// was read as.
    private static func reviewDoubt(_ text: String) -> (zh: String, en: String) {
        let shown = text.clipped(to: 40).onOneLine
        return (zh: "；它（“\(shown)”）说的是审查，与此行按读取的列所判断的不同：请据实改正读取的列（如审查尚未完成的，清空审查完成日期和审查结论），不要只是删去或忽略此列",
                en: "; what it says of the review ('\(shown)') is not what the row was read as from the columns read: correct the columns read as it is (for a review not yet done, clear its date and outcome), and do not merely delete or ignore this column")
    }

    /// A cell the layout does not read: the column's header is none of the layout's, repeats a
    /// column already read, or is missing.
    /// - Parameter hold: why the cell holds its row back (`LedgerInput.hold`), when it does: what
    ///   it says of the review or of a fact, which the message then says.
    static func unreadCell(cell: String, column: Int, layout: LedgerLayout, hold: UnreadCellHold? = nil) -> LocalizedText {
        let header = layout.shownHeader(column) ?? ""
        let name = layout.mapping.name
        let doubt: (zh: String, en: String)
        switch hold {
        case .review(let text):
            doubt = reviewDoubt(text)
        case .fact(let code, let factName, let category):
            // The layout's own column of the fact, where one is.
            let column = layout.mapping.columns.first { $0.field.segments.map(\.key) == ["facts", code] }?.headers.first
            let named = factName.map { (zh: "“\($0.zh)”（\(code)）", en: "'\($0.en)' (\(code))") } ?? (zh: code, en: code)
            let says = category.map { text in
                let shown = text.clipped(to: 40).onOneLine
                return (zh: "它（“\(shown)”）说此事项属于\(named.zh)", en: "it ('\(shown)') says the fact \(named.en) holds")
            } ?? (zh: "它说此事项\(named.zh)为“是”", en: "it says yes of the fact \(named.en)")
            doubt = (zh: "；\(says.zh)，而此行没有按此读取，据此事实应做的程序（如法制审核、风险评估）没有检查\(column.map { "：请把它填入“\($0)”列" } ?? "")",
                     en: "; \(says.en), which the row was not read as, so what the fact requires (a legal review, a risk assessment) was not checked\(column.map { ": write it in the column '\($0)'" } ?? "")")
        case .misread, nil:
            doubt = (zh: "", en: "")
        }
        switch layout.whyUnread(column) {
        case .unknown(let closest):
            return LocalizedText(
                zh: "列“\(header)”不是\(name.zh)的列，单元格 \(cell) 的内容未被读取\(closest.map { "；是否应为“\($0)”？" } ?? "")\(doubt.zh)",
                en: "the column '\(header)' is not a column of a \(name.en), so the cell \(cell) was not read\(closest.map { "; did you mean '\($0)'?" } ?? "")\(doubt.en)")
        case .noted(let note):
            return LocalizedText(
                zh: "列“\(header)”不是\(name.zh)读取的列，单元格 \(cell) 的内容未被读取：\(note.zh)\(doubt.zh)",
                en: "the column '\(header)' is not one a \(name.en) reads, so the cell \(cell) was not read: \(note.en)\(doubt.en)")
        case .repeated(let read):
            let readHeader = layout.shownHeader(read) ?? ""
            let readLetters = CellReference.column(read)
            return LocalizedText(
                zh: "列“\(header)”与 \(readLetters) 列“\(readHeader)”是同一栏目，只读取了 \(readLetters) 列，单元格 \(cell) 的内容未被读取；请把两列合并为一列\(doubt.zh)",
                en: "the column '\(header)' is the same as column \(readLetters) ('\(readHeader)'), which is the one read, so the cell \(cell) was not read; merge the two columns into one\(doubt.en)")
        case .unlabeled:
            return LocalizedText(
                zh: "单元格 \(cell) 所在的列没有表头，其内容未被读取；请补上表头",
                en: "the cell \(cell) is in a column without a header, so it was not read; give the column its header")
        }
    }

    /// A boolean problem of the record format worded for a ledger's cell: fill in one of the texts
    /// the column reads as yes or no (是 or 否, or a mapping's own, `√` and `×`): the format's
    /// "write true or false; 是 is not a boolean" told the clerk the opposite. Any other problem,
    /// or a column that reads no yes and no, is as it was.
    static func yesOrNoCell(_ message: LocalizedText, yes: [String], no: [String]) -> LocalizedText {
        let (zhAdvice, enAdvice) = (RecordLoader.booleanAdvice.zh, RecordLoader.booleanAdvice.en)
        guard let yesText = yes.first, let noText = no.first, message.zh.hasSuffix(zhAdvice), message.en.hasSuffix(enAdvice) else { return message }
        return LocalizedText(
            zh: String(message.zh.dropLast(zhAdvice.count)) + "不是“\(yesText)”或“\(noText)”；台账中此列请填“\(yesText)”或“\(noText)”",
            en: String(message.en.dropLast(enAdvice.count)) + "which is neither '\(yesText)' nor '\(noText)' (yes or no); fill this column of the ledger with '\(yesText)' or '\(noText)'")
    }
}
