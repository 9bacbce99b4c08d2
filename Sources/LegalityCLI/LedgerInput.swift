import DecisionRecords
import Ledgers
import OfficePackage
import Reporters
import RuleEngine
import YAMLTree

/// Reads a ledger (a workbook, or a CSV or TSV file: `extensions`) as records: each sheet is matched to a mapping by its header
/// row, each row below becomes a record, and every finding is pointed at its sheet and cell.
/// A workbook that cannot be read, or a sheet whose header lacks a required column, is one
/// finding that the file cannot be read; the other sheets and files are still checked.
enum LedgerInput {
    /// Ledgers legality reads: workbooks of Office Open XML (a macro-enabled `.xlsm` and the
    /// templates `.xltx`, `.xltm` are too), and CSV and TSV files.
    static let extensions = [".xlsx", ".xlsm", ".xltx", ".xltm", ".csv", ".tsv"]

    /// Whether a ledger is a text file of fields (CSV, or TSV: separated by tabs), not a workbook.
    static func isText(_ file: String) -> Bool {
        file.hasSuffixIgnoringCase(".csv") || file.hasSuffixIgnoringCase(".tsv")
    }

    /// Spreadsheets of formats legality cannot read, each with what it is: found in a folder or
    /// named, each is one finding saying how to save it, never passed over unsaid (a folder of
    /// `.xls` ledgers checked "0 records", and a named one was advised to be saved as UTF-8).
    static let unreadableFormats: [(extension: String, zh: String, en: String)] = [
        (".xls", "旧的 Excel 97-2003 工作簿（.xls）", "an old Excel 97-2003 workbook (.xls)"),
        (".xlsb", "二进制 Excel 工作簿（.xlsb）", "an Excel binary workbook (.xlsb)"),
        (".ods", "开放文档格式（OpenDocument）电子表格（.ods）", "an OpenDocument spreadsheet (.ods)"),
        (".et", "金山 WPS 表格文件（.et）", "a WPS spreadsheet (.et)"),
        (".numbers", "苹果 Numbers 电子表格（.numbers）", "a Numbers spreadsheet (.numbers)"),
        (".ett", "金山 WPS 表格模板（.ett）", "a WPS spreadsheet template (.ett)"),
        (".fods", "开放文档格式（OpenDocument）平面电子表格（.fods）", "a flat OpenDocument spreadsheet (.fods)"),
    ]

    /// The last bytes of `extensions`, and of `unreadableFormats`' extensions.
    private static let extensionEnds = extensions.compactMap(\.lastByteIgnoringCase)
    private static let unreadableEnds = unreadableFormats.compactMap(\.extension.lastByteIgnoringCase)

    static func isLedger(_ file: String) -> Bool {
        // Asked of every file: only a name ending in one of the extensions' last letters is
        // compared with them (a record's name, `.yaml`, ends in none of theirs).
        guard let last = file.lastByteIgnoringCase, extensionEnds.contains(last) else { return false }
        return extensions.contains { file.hasSuffixIgnoringCase($0) }
    }

    /// What a spreadsheet of a format legality cannot read is, or nil for any other file.
    static func unreadableFormat(of file: String) -> (zh: String, en: String)? {
        guard let last = file.lastByteIgnoringCase, unreadableEnds.contains(last) else { return nil }
        return unreadableFormats.first { file.hasSuffixIgnoringCase($0.extension) }.map { ($0.zh, $0.en) }
    }

    /// Whether a file is a spreadsheet, read or not: never a registry.
    static func isSpreadsheet(_ file: String) -> Bool {
        isLedger(file) || unreadableFormat(of: file) != nil
    }

    /// The one finding of a spreadsheet legality cannot read.
    static func unreadableFormatProblem(_ format: (zh: String, en: String)) -> RecordProblem {
        RecordProblem(
            code: .yaml,
            message: LocalizedText(
                zh: "此文件为\(format.zh)，无法读取，其中的记录未检查；请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿），并把原文件移出检查的文件夹，然后重新检查",
                en: "this is \(format.en), which cannot be read, so its records were not checked; save it as .xlsx (Excel workbook) in Excel or WPS, move the original out of the checked folder, and check again"),
            position: .start)
    }

    /// Whether a cell (or the column it repeats) is a collective discussion's day.
    private static func isDiscussionDay(_ column: Int, layout: LedgerLayout) -> Bool {
        let read = if case .repeated(let other) = layout.whyUnread(column) { other } else { column }
        guard let field = layout.columns[read]?.field, let last = field.segments.last else { return false }
        return ["date", "start", "end"].contains(last.key)
            && field.segments.contains { $0.select?.value == "collective_discussion" }
    }

    /// Whether a cell of a column no layout reads says of a review that it is not done, did not
    /// pass or is not signed (`是否通过合法性审查` = 否, `审查状态` = 未完成; `YesNoKey`), or is a
    /// review's status, form or outcome other than a row is read as without it (`审查状态` = 计划中,
    /// `复核结论` = 不通过, `复核方式` = 征求意见). Its header must name the review: a row is the
    /// whole matter, and `是否办结` = 否 or `公众参与方式` = 征求意见 speak of something else (as
    /// `是否经法律顾问审核` = 否 of a penalty case, which needs no adviser).
    /// One asking of the adviser or the public lawyer alone (`顾问签字` = 未签) holds only a row read
    /// as signed by such a one (`signoffRoles`): a row whose public lawyer gave the opinion, its
    /// adviser's column empty, says the same of the adviser.
    static func saysReviewIsNot(header: String, text: String, format: RecordFormat, signoffRoles: Set<String> = []) -> Bool {
        // The adviser's opinion in words of its own beside an adviser's signoff, read as the same
        // key of an imported record is (`RecordFormat.saysPassed`): `原则同意，但须修改后上会` went
        // READY in the ledger and was held once imported.
        if !signoffRoles.isEmpty, RecordFormat.namesAdvisersOpinion(header) {
            return !RecordFormat.saysNothingHere(text) && !RecordFormat.saysPassed(text)
        }
        let words = format.yesNoWords
        if let asked = format.readYesOrNo(key: header, value: text) {
            if asked.namesReview { return !asked.answer }
            // (The adviser's too: a row holds the review's signoffs.)
            guard asked.namesPerson, !asked.answer else { return false }
            let said = header + text
            let role = said.contains("公职律师") ? "public_lawyer" : said.contains("顾问") ? "legal_adviser" : nil
            return role.map(signoffRoles.contains) ?? !signoffRoles.isEmpty
        }
        guard words.namesReview(key: header) else { return false }
        let codes = format.codes
        return codes.statuses.code(for: text).map({ $0 != RecordFormat.defaultCodes["status"] }) == true
            || codes.forms.code(for: text).map({ $0 != RecordFormat.defaultCodes["form"] }) == true
            || codes.outcomes.code(for: text).map({ !RecordFormat.passingOutcomes.contains($0) }) == true
    }

    /// `saysReviewIsNot(header:text:format:)` of a row's cell; a cell of one of `conclusions`
    /// (`SpareColumns`) is read as the review's conclusion.
    private static func saysReviewIsNot(_ column: Int, of record: LedgerRecord, layout: LedgerLayout, format: RecordFormat, conclusions: Set<Int>) -> Bool {
        guard let text = record.cells[column]?.text, let written = layout.headers[column] else { return false }
        guard conclusions.contains(column) else {
            return saysReviewIsNot(header: written, text: text, format: format, signoffRoles: signoffRoles(of: record))
        }
        // (A conclusion of more than 640 bytes is not read word by word, a hundred cells of 400 KB
        // took minutes: it says no plain passing, and holds the row.)
        guard text.utf8.count <= 640 else { return Self.namesConclusion(written) }
        // (Read as the review's conclusion; under a header naming a conclusion or result, one that
        // does not say it passed holds the row, as it holds a record beside `outcome: passed`:
        // `暂缓`, `否` under `最终审查结论` went READY. A name under `审查人员` says nothing of it.)
        return saysReviewIsNot(header: YesNoWords.reviewConclusionKey, text: text, format: format, signoffRoles: signoffRoles(of: record))
            || (Self.namesConclusion(written) && text.contains { !$0.isWhitespace } && !Self.saysNoneHere(text, format: format)
                && (format.codes.outcomes.code(for: text).map { !RecordFormat.passingOutcomes.contains($0) } ?? !RecordFormat.saysPassed(text)))
    }

    /// The roles of the signoffs a row was read with (`legal_adviser`, `public_lawyer`).
    static func signoffRoles(of record: LedgerRecord) -> Set<String> {
        var roles: Set<String> = []
        guard let steps = record.node["steps"]?.items else { return roles }
        for step in steps {
            guard let signoffs = step["signoffs"]?.items else { continue }
            for signoff in signoffs {
                if let role = signoff["role"]?.scalar?.text { roles.insert(role) }
            }
        }
        return roles
    }

    /// The well-known fact an unread cell's header names in words of its own (`是否重大执法决定`,
    /// `社会稳定风险`, `RecordFormat.factMeant`) when the cell says yes and the row was not read as
    /// so from a column of the layout: the rule the fact switches on passed the row unsaid.
    /// A category's cell naming the fact counts too (`案件类型（一般/重大）` = 重大). Only facts a
    /// rule of the layout's kind reads count: another kind's fact changes nothing.
    private static func factSaidYes(_ column: Int, of record: LedgerRecord, layout: LedgerLayout, format: RecordFormat) -> String? {
        guard let text = record.cells[column]?.text, let header = layout.headers[column] else { return nil }
        let known = format.codes.booleanFacts.numbering.codes.filter { format.factMatters($0, toKind: layout.mapping.kind) }
        let saysYes = RecordFormat.saysYesOrNo(text) && !RecordFormat.saysNo(text)
        guard let fact = saysYes ? format.factMeant(byKey: header, valueSaysYesOrNo: true, among: known, typos: false)
                : format.factMeant(byCategory: header, value: text, among: known)
        else { return nil }
        if case .bool(true) = record.node["facts"]?[fact]?.coreValue { return nil }
        return fact
    }

    /// The remarks of a row (a cell of a column the layout ignores, 备注) that say the review is
    /// not done, passed or signed (`saysReviewIsNot`: `合法性审查尚未完成`, `法律顾问尚未出具意见`),
    /// with their text: nothing else of them is read or said, but such a row went READY, where the
    /// same remark in a record holds it back.
    static func heldRemarks(of record: LedgerRecord, layout: LedgerLayout, format: RecordFormat) -> [(column: Int, text: String)] {
        record.remarks.compactMap { column in
            guard let text = record.cells[column]?.text, let header = layout.headers[column],
                  saysReviewIsNot(header: header, text: text, format: format, signoffRoles: signoffRoles(of: record)) else { return nil }
            return (column, text)
        }
    }

    /// The cells of a row naming a signoff's person (`法律顾问`) whose date column (`法律顾问意见日期`)
    /// the sheet has and leaves blank, with that column: a ledger whose adviser has not yet given
    /// an opinion names the adviser and leaves the date blank, as legality's own messages say of
    /// what is not yet done, and the signoff without a date counted as an opinion given (READY).
    /// A cell saying no one (`无`, `/`, `未聘请`: `noOne`) names no signoff, and no date is missing.
    static func undatedSignoffs(of record: LedgerRecord, layout: LedgerLayout, noOne: NoOneWords? = nil) -> [(column: Int, dateColumn: Int)] {
        func blank(_ column: Int) -> Bool {
            guard let text = record.cells[column]?.text, !text.allSatisfy(\.isWhitespace) else { return true }
            return noOne?.holds(text) == true
        }
        return layout.columns.compactMap { column, spec -> (column: Int, dateColumn: Int)? in
            let segments = spec.field.segments
            guard segments.count >= 2, segments[segments.count - 1].key == "person", segments[segments.count - 2].key == "signoffs", !blank(column),
                  let dateColumn = layout.columns.first(where: { _, other in
                      other.field.segments.last?.key == "date" && Array(other.field.segments.dropLast()) == Array(segments.dropLast())
                  })?.key, blank(dateColumn) else { return nil }
            return (column, dateColumn)
        }.sorted { $0.column < $1.column }
    }

    /// Why a row's unread cell holds the row back, when it does: it says a review is not done,
    /// passed or signed (`saysReviewIsNot`), says yes of a fact in words of its own
    /// (`factSaidYes`), or its header looks meant as one of the layout's whose field decides
    /// (`isMisread`); nil when it does not.
    /// - Parameter spare: the header row's spare columns, worked out once for it (`spareColumns`).
    static func hold(_ column: Int, of record: LedgerRecord, layout: LedgerLayout, format: RecordFormat, spare: SpareColumns) -> UnreadCellHold? {
        guard !spare.quiet.contains(column) else { return isMisread(column, of: record, layout: layout) ? .misread : nil }
        if saysReviewIsNot(column, of: record, layout: layout, format: format, conclusions: spare.conclusions) { return .review(record.cells[column]?.text ?? "") }
        if let fact = factSaidYes(column, of: record, layout: layout, format: format) {
            let text = record.cells[column]?.text ?? ""
            return .fact(fact, format.vocabulary.name(of: fact, preferring: [RecordFormat.Section.booleanFacts]), named: RecordFormat.saysYesOrNo(text) ? nil : text)
        }
        return isMisread(column, of: record, layout: layout) ? .misread : nil
    }

    /// What the headers of a row of headers say of the columns the layout does not read, worked
    /// out once for the row (each cell under a spare column had its header read again for the
    /// words of a review and a fact: 1,000 rows of 64 spare columns took 5.3 s).
    struct SpareColumns: Sendable {
        /// Columns whose header can say nothing of a review or of a fact, whatever a cell under it
        /// holds (`YesNoWords.mayAsk`, `mentionsReview`, `RecordFormat.mayNameFact`): only whether
        /// the header looks misread is asked of their cells.
        var quiet: Set<Int> = []
        /// Columns whose header names the review among words of its own, a second or final
        /// review's (`最终审查结论`, `复审结论`, `县司法局审查结论`, `YesNoWords.mentionsReview`):
        /// their cells are read as the review's conclusion (`不通过` under one was unread, the row READY).
        var conclusions: Set<Int> = []
    }

    /// Whether a cell says there is nothing here (`/`, `无`, `不涉及`): no second review, say.
    private static func saysNoneHere(_ text: String, format: RecordFormat) -> Bool {
        let trimmed = Vocabulary.trimmed(text)
        return format.standsForNoOne(text) || ["不涉及", "不适用", "无需", "不需要", "未涉及"].contains(trimmed)
            // (No second review: `未复审`, `无需复核`.)
            || (["未", "无", "没有", "不需", "无需", "不"].contains { trimmed.hasPrefix($0) } && ["复审", "复核", "进行", "再审"].contains { trimmed.contains($0) })
    }

    /// Whether a header names a conclusion or a result (`最终审查结论`, `复审结果`), and not its day,
    /// its number or who gave it (`审核结果通知日期`, `审核结论文号`).
    private static func namesConclusion(_ header: String) -> Bool {
        let lowered = header.lowercased()
        return ["结论", "结果", "conclusion", "result", "outcome"].contains { lowered.contains($0) }
            && !["日期", "时间", "文号", "编号", "号", "人", "单位", "机关", "部门", "次数", "date", "number", "by"].contains { lowered.contains($0) }
    }

    static func spareColumns(of layout: LedgerLayout, format: RecordFormat) -> SpareColumns {
        let known = format.codes.booleanFacts.numbering.codes.filter { format.factMatters($0, toKind: layout.mapping.kind) }
        var spare = SpareColumns()
        for (column, header) in layout.headers where layout.columns[column] == nil {
            guard !format.yesNoWords.mayAsk(key: header) else { continue }
            if format.yesNoWords.mentionsReview(key: header) {
                spare.conclusions.insert(column)
            } else if !format.mayNameFact(key: header, among: known) {
                spare.quiet.insert(column)
            }
        }
        return spare
    }

    /// Whether an unread cell's header looks meant as one of the layout's whose field decides.
    private static func isMisread(_ column: Int, of record: LedgerRecord, layout: LedgerLayout) -> Bool {
        guard case .unknown(closest: let closest?) = layout.whyUnread(column),
              let field = layout.mapping.columns.first(where: { $0.headers.contains(closest) })?.field else { return false }
        if field.segments.first?.key == "facts" { return !RecordFormat.saysNo(record.cells[column]?.text ?? "") }
        return field.segments.last.map { RecordFormat.decisiveKeys.contains($0.key) } ?? false
    }

    static func read(
        _ file: String, from input: FileInput, engine: Engine, keepRecords: Bool, limits: RecordLimits,
        emit: (consuming RecordChecker.Piece) -> Void
    ) {
        func fail(_ message: LocalizedText, at position: SourcePosition = .start, cell: CellLocation? = nil) {
            var outcome = RecordChecker.unreadable(file, RecordProblem(code: .yaml, message: message, position: position), engine)
            if let cell { for index in outcome.evaluation.findings.indices { outcome.evaluation.findings[index].cell = cell } }
            emit(.document(outcome))
        }
        let bytes: [UInt8]
        do {
            bytes = try input.readAll(path: file, limit: limits.maxFileBytes)
        } catch {
            fail(LocalizedText(zh: "无法读取文件：\(error.chinese ?? error.message)", en: "cannot read the file: \(error.message)"))
            return
        }
        let isCSV = isText(file)
        // More rows than the run's record
        // limit (and the header rows above the records) are read, so that the limit is reached and
        // said, never silently cut.
        let maxRows = limits.maxRecords < Int.max - 100 ? limits.maxRecords + LedgerConverter.headerSearchRows + 1 : Int.max
        let tables: [Table]
        // A report legality wrote (an audit or check export) is no ledger: passed over unsaid when
        // none of its tables has a ledger's header. (Passed over whatever it held, a ledger whose
        // workbook claimed legality as its program, or below a report's header line, was never read.)
        let isOwnReport: Bool
        do {
            (tables, isOwnReport) = try self.tables(of: bytes, isCSV: isCSV, maxRows: maxRows)
        } catch {
            fail(LedgerProblems.unreadable(error))
            return
        }
        let registry = engine.context.registries.registry(for: file)
        // The columns' headers of every layout, for a file that looks like a report of legality's:
        // one with a row naming such a column was a ledger below a report's header line, and is
        // said when no layout takes it (it was passed over as a report).
        let ledgerHeaders: Set<String> = isOwnReport ? Set(limits.ledgerMappings.flatMap { $0.columns.flatMap(\.headers) }.map(LedgerConverter.normalized)) : []
        var namesLedgerColumn = false
        var matchedAny = false
        // Whether a table could not be read to its end: its finding says so, and the ledger is not
        // also said to hold no record.
        var failedAny = false
        var rowsRead = 0
        // The layouts' headers, made when a sheet has no header in its first rows.
        var headerNames: LedgerHeaderNames?
        for (sheet, rows) in tables {
            // The first rows are held until the header is found; the rest are checked as they are read.
            var head: [LedgerRow] = []
            var match: LedgerMatch?
            // A layout's header in a row below those a header is looked for in, of a sheet with none in them.
            var headerBelow: (row: Int, mapping: LedgerMapping)?
            // The spare columns of the header row in force (`spareColumns`), by its row.
            var spare: (headerRow: Int, columns: SpareColumns)?
            func check(_ row: LedgerRow, _ layout: LedgerLayout) {
                guard LedgerConverter.isRecord(row, layout: layout) else { return }
                rowsRead += 1
                let record = LedgerConverter.record(row, layout: layout, person: { registry?.person(named: $0)?.id })
                if spare?.headerRow != layout.headerRow { spare = (layout.headerRow, spareColumns(of: layout, format: engine.format)) }
                emit(.document(outcome(
                    of: record, sheet: sheet, layout: layout, isCSV: isCSV, file: file, engine: engine, keepRecords: keepRecords, spare: spare?.columns ?? SpareColumns())))
            }
            // A row below the header: a record, or a layout's header that starts a table anew.
            func take(_ row: LedgerRow, _ layout: LedgerLayout) {
                guard row.number > layout.headerRow else { return }
                let names = headerNames ?? LedgerHeaderNames(limits.ledgerMappings)
                headerNames = names
                if let restarted = names.restartedLayout(at: row, sheet: sheet) {
                    match = .matched(restarted)
                } else {
                    check(row, layout)
                }
            }
            func decide() -> LedgerMatch {
                let decided = LedgerConverter.match(LedgerTable(sheet: sheet, rows: head), mappings: limits.ledgerMappings)
                match = decided
                for row in head {
                    guard case .matched(let layout) = match else { break }
                    take(row, layout)
                }
                return decided
            }
            // A cell longer than a scalar may be (`--max-scalar-bytes`) stops the sheet there: a
            // cell of 60 MB took 750 MB to check, and the limit said nothing of ledgers.
            var oversized: (row: Int, column: Int, bytes: Int)?
            do {
                try rows { row in
                    // (The leftmost, so the message is the same from run to run; looked for only
                    // when some cell is too long, so no row makes a list.)
                    if row.cells.values.contains(where: { $0.text.utf8.count > limits.yaml.maxScalarBytes }),
                       let (column, cell) = row.cells.filter({ $0.value.text.utf8.count > limits.yaml.maxScalarBytes }).min(by: { $0.key < $1.key }) {
                        oversized = (row.number, column, cell.text.utf8.count)
                        return false
                    }
                    if case .matched(let layout) = match {
                        take(row, layout)
                        return true
                    }
                    // A report's own header row is no ledger's, whatever layout would take it; a
                    // row naming a ledger's column (决策事项名称) is none of a report's.
                    if isOwnReport {
                        if ReportSniffer.isOwnHeader(row) { return true }
                        if !namesLedgerColumn, row.cells.values.contains(where: { ledgerHeaders.contains(LedgerConverter.normalized($0.text)) }) { namesLedgerColumn = true }
                    }
                    // Below the first rows of a sheet with no header in them, a row holding a
                    // layout's header is looked for: said, its table was passed over unsaid.
                    if case .none? = match {
                        let names = headerNames ?? LedgerHeaderNames(limits.ledgerMappings)
                        headerNames = names
                        guard let mapping = names.layoutNamed(by: row) else { return true }
                        headerBelow = (row.number, mapping)
                        return false
                    }
                    head.append(row)
                    guard head.count >= LedgerConverter.headerSearchRows else { return true }
                    switch decide() {
                    case .matched, .none: return true
                    case .partial: return false
                    }
                }
            } catch {
                // The rows above the trouble are checked, as the message says (in the first rows,
                // still waiting for the header to be decided, they were dropped: a stray quote in
                // row 8 of a CSV ledger left its errors in rows 4 to 7 unsaid).
                if match == nil { _ = decide() }
                fail(LedgerProblems.unreadable(error))
                matchedAny = true
                failedAny = true
                continue
            }
            if let oversized {
                // The rows above it are checked (they waited for the header to be decided).
                if match == nil { _ = decide() }
                matchedAny = true
                failedAny = true
                let reference = CellReference.cell(row: oversized.row, column: oversized.column)
                fail(
                    LedgerProblems.oversizedCell(reference, bytes: oversized.bytes, limit: limits.yaml.maxScalarBytes, sheet: sheet),
                    at: SourcePosition(line: oversized.row, column: oversized.column),
                    cell: CellLocation(sheet: sheet, reference: reference, header: nil, value: nil))
                continue
            }
            switch match ?? decide() {
            case .matched:
                matchedAny = true
            case .partial(let mapping, let headerRow, let missing):
                matchedAny = true
                failedAny = true
                fail(
                    LedgerProblems.missingColumns(mapping, headerRow: headerRow, missing: missing, sheet: sheet),
                    at: SourcePosition(line: headerRow, column: 1),
                    cell: CellLocation(sheet: sheet, reference: CellReference.cell(row: headerRow, column: 1), header: nil, value: nil))
            case .none:
                // A sheet with no ledger header (instructions, a summary) is not a ledger.
                guard let headerBelow else { continue }
                matchedAny = true
                failedAny = true
                fail(
                    LedgerProblems.headerBelowSearch(headerBelow.mapping, headerRow: headerBelow.row, sheet: sheet),
                    at: SourcePosition(line: headerBelow.row, column: 1),
                    cell: CellLocation(sheet: sheet, reference: CellReference.cell(row: headerBelow.row, column: 1), header: nil, value: nil))
            }
        }
        if !matchedAny {
            guard !isOwnReport || namesLedgerColumn else {
                // Said, not a finding: named on the command line (a hook naming every changed
                // CSV file), a report was checked as "0 records" without a word.
                emit(.note(Interface.text(
                    "legality：\(file)：此文件是 legality 生成的报告，不含台账，已跳过\n",
                    "legality: \(file): a report legality wrote, holding no ledger; not checked as records\n")))
                return
            }
            fail(LedgerProblems.noLayout(limits.ledgerMappings))
        } else if rowsRead == 0, !failedAny {
            // A ledger of its header alone holds no record: said, not a finding (an emptied ledger
            // passed as "0 records checked" without a word; as a finding, the template `init
            // --ledger` writes blocked every gate of the folder).
            emit(.note(Interface.text(
                "legality：\(file)：台账中没有记录（只有表头，没有数据行）\n", "legality: \(file): the ledger holds no record (its header, and no row below it)\n")))
        }
    }

    /// A table of a ledger (a sheet, or the CSV file) as a stream of its rows.
    typealias Table = (sheet: String?, rows: ((LedgerRow) -> Bool) throws(LedgerError) -> Void)

    /// The tables of a ledger, and whether it looks like a report legality wrote (a workbook
    /// naming legality as its program, a CSV file starting with the header of a report or audit table).
    private static func tables(of bytes: [UInt8], isCSV: Bool, maxRows: Int) throws(LedgerError) -> (tables: [Table], isOwnReport: Bool) {
        if isCSV {
            return ([(nil, { each throws(LedgerError) in try CSVTableReader.rows(bytes, maxRows: maxRows, each: each) })],
                    ReportSniffer.isCSVReport(Array(bytes.prefix(4096))))
        }
        let workbook = try WorkbookReader.open(bytes)
        let tables = workbook.sheets.indices.map { index -> Table in
            (workbook.sheets[index].name, { each throws(LedgerError) in try workbook.rows(ofSheet: index, maxRows: maxRows, each: each) })
        }
        return (tables, workbook.application == WorkbookReporter.application)
    }

    /// One row checked: loaded, with uncomputed formulas as problems, evaluated, its findings pointed at cells.
    private static func outcome(
        of row: LedgerRecord, sheet: String?, layout: LedgerLayout, isCSV: Bool, file: String, engine: Engine, keepRecords: Bool, spare: SpareColumns
    ) -> RecordChecker.DocumentOutcome {
        // (Steps the row dates after the as-of date are planned: a ledger says no status.)
        let record = row.planning(after: engine.context.asOf).record
        // A row whose fields shifted is no record yet: said once, at its first field beyond the
        // header (checked as it stands, its shifted values made findings of their own, which
        // went once the comma was quoted).
        if let column = layout.fieldBeyondHeader(in: record, isCSV: isCSV) {
            let problem = RecordProblem(
                code: .yaml, message: LedgerProblems.fieldsBeyondHeader(record, column: column, headerColumns: layout.headerColumnCount),
                position: SourcePosition(line: record.row, column: column))
            var outcome = RecordChecker.unreadable(file, problem, engine)
            let cell = CellLocation(sheet: sheet, reference: CellReference.cell(row: record.row, column: column), header: nil, value: record.cells[column]?.text)
            for index in outcome.evaluation.findings.indices { outcome.evaluation.findings[index].cell = cell }
            return outcome
        }
        var loaded = engine.load(record.node, file: file)
        // A yes-or-no cell is filled in with 是 or 否: the record format's "write true or false
        // (是 is not a boolean)" told a clerk the opposite of the column's note.
        // (In the words the column's mapping reads, `√` and `×` for an office's own.)
        for index in loaded.problems.indices where loaded.problems[index].code == .value {
            let values = layout.columns[loaded.problems[index].position.column]?.values ?? [:]
            let yes = values.filter { $0.value == "true" }.keys.sorted { $0.precedesInUTF8($1) }
            let no = values.filter { $0.value == "false" }.keys.sorted { $0.precedesInUTF8($1) }
            loaded.problems[index].message = LedgerProblems.yesOrNoCell(loaded.problems[index].message, yes: yes, no: no)
        }
        for problem in LedgerProblems.rowProblems(record, layout: layout) {
            var found = RecordProblem(code: problem.code, message: problem.message, position: SourcePosition(line: record.row, column: problem.column))
            found.concernsDiscussionDay = problem.code == .yaml && Self.isDiscussionDay(problem.column, layout: layout)
            loaded.problems.append(found)
        }
        let conflicting = Set(layout.conflicts(in: record).prefix(LedgerProblems.unreadCellsListed).map(\.0))
        // Each unread cell of a row up to a few, then one problem for the rest: a hostile sheet of
        // thousands of filled columns would otherwise make a finding of every one of its cells.
        // (A conflicting cell is said once, above.)
        let unread = conflicting.isEmpty ? record.unread : record.unread.filter { !conflicting.contains($0) }
        for column in unread.prefix(LedgerProblems.unreadCellsListed) {
            // A header that looks meant as one of the mapping's (审核方式 for 审查方式) whose field
            // decides (`RecordFormat.decisiveKeys`; a fact, unless the cell says no): its cell was
            // meant to be read, as a misspelt key of a record is.
            // (So is one whose cell says the review is not done, passed or signed.)
            // (So is one naming a fact in words of its own whose cell says yes: `重大执法决定` = 是.)
            let hold = Self.hold(column, of: record, layout: layout, format: engine.format, spare: spare)
            var problem = RecordProblem(
                code: .key,
                message: LedgerProblems.unreadCell(cell: CellReference.cell(row: record.row, column: column), column: column, layout: layout, hold: hold),
                position: SourcePosition(line: record.row, column: column),
                isMisreadKey: hold != nil)
            if case .fact? = hold { problem.concernsFact = true }
            loaded.problems.append(problem)
        }
        if unread.count > LedgerProblems.unreadCellsListed {
            let column = unread[LedgerProblems.unreadCellsListed]
            // (The cells not listed one by one are looked at all the same: a ninth extra column
            // saying the review failed went READY.)
            let rest = unread.dropFirst(LedgerProblems.unreadCellsListed)
            let held = rest.lazy.compactMap { column in Self.hold(column, of: record, layout: layout, format: engine.format, spare: spare).map { (column, $0) } }.first
            // (A doubtful cell is named: one that says something of the review or of a fact.)
            let doubtful = held.flatMap { column, hold in hold == .misread ? nil : column }
            loaded.problems.append(RecordProblem(
                code: .key,
                message: LedgerProblems.moreUnreadCells(
                    unread.count - LedgerProblems.unreadCellsListed, from: CellReference.cell(row: record.row, column: column),
                    doubtful: doubtful.map { (CellReference.cell(row: record.row, column: $0), record.cells[$0]?.text ?? "") }),
                position: SourcePosition(line: record.row, column: column),
                isMisreadKey: held != nil))
        }
        for (column, dateColumn) in Self.undatedSignoffs(of: record, layout: layout, noOne: engine.format.codes.noOne) {
            loaded.problems.append(RecordProblem(
                code: .key,
                message: LedgerProblems.undatedSignoff(
                    cell: CellReference.cell(row: record.row, column: column), header: layout.shownHeader(column) ?? "", dateHeader: layout.shownHeader(dateColumn) ?? ""),
                position: SourcePosition(line: record.row, column: dateColumn),
                isMisreadKey: true))
        }
        for (column, text) in Self.heldRemarks(of: record, layout: layout, format: engine.format) {
            loaded.problems.append(RecordProblem(
                code: .key,
                message: LedgerProblems.heldRemark(cell: CellReference.cell(row: record.row, column: column), header: layout.shownHeader(column) ?? "", text: text),
                position: SourcePosition(line: record.row, column: column),
                isMisreadKey: true))
        }
        var evaluation = engine.evaluate(loaded, file: file, listingRules: keepRecords)
        let start = record.node.position
        evaluation.startsAt(cell: CellLocation(sheet: sheet, reference: CellReference.cell(row: start.line, column: start.column), header: nil, value: nil))
        let cells = record.cells
        evaluation.locateFindings { position in
            guard position.line == record.row else { return nil }
            return CellLocation(
                sheet: sheet, reference: CellReference.cell(row: position.line, column: position.column),
                header: layout.shownHeader(position.column), value: cells[position.column]?.text)
        }
        var summary = keepRecords ? RecordChecker.summary(of: loaded, document: record.node, file: file, asOf: engine.context.asOf) : nil
        summary?.row = CellLocation(sheet: sheet, reference: CellReference.cell(row: record.row, column: 1), header: nil, value: nil).description
        return RecordChecker.DocumentOutcome(standing: loaded.record == nil ? .notRecord : .record, record: summary, evaluation: evaluation)
    }
}
