import ArgumentParser
import DecisionRecords
import Ledgers
import OfficePackage

/// `legality import`: turns each row of a ledger into a YAML record file, so an office can move
/// its 台账 under version control. Existing files are never overwritten without `--force`.
struct ImportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "import",
            abstract: Interface.text("把台账（.xlsx、.xlsm、.xltx、.xltm、.csv、.tsv）的每一行转换为一个 YAML 决策记录文件。", "Turn each row of a ledger (.xlsx, .xlsm, .xltx, .xltm, .csv, .tsv) into a YAML record file."),
            discussion: Interface.text(
                "文件名取自记录编号；已有的文件不会被覆盖，除非使用 --force。人员姓名按名册换成编号。转换后请用 legality check 检查。一行中同一栏目的两列内容不同时，无法确定以哪一格为准，此行不写入；有公式没有计算结果（文件未在 Excel 或 WPS 中保存过）的行也不写入。退出状态：0；有文件因已存在而跳过、或有行未写入时为 1；无法运行为 2。",
                """
                File names come from the record ids; an existing file is never overwritten unless --force is given. \
                People's names become registry ids where the registry knows them. A row whose two columns of one field \
                disagree is not written (which one holds is unknown), nor is a row with a formula whose value the file does not hold \
                (save it in Excel or WPS first). Check the result with legality check. \
                Exit status: 0; 1 when files were skipped because they exist or rows were not written; 2 when the run could not be made.
                """)
        )
    }

    @Argument(help: Interface.help("台账文件（.xlsx、.xlsm、.xltx、.xltm、.csv 或 .tsv）。", "Ledger files (.xlsx, .xlsm, .xltx, .xltm, .csv or .tsv).", valueName: "ledger"))
    var ledgers: [String]

    @Option(name: .customLong("out"), help: Interface.help("写入记录的文件夹（不存在时创建）。", "The folder to write records into (created when missing).", valueName: "folder"))
    var out: String

    @Flag(name: .customLong("force"), help: Interface.help("覆盖已有的文件。", "Overwrite existing files."))
    var force = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        for ledger in ledgers where !LedgerInput.isLedger(ledger) {
            if let format = LedgerInput.unreadableFormat(of: ledger) {
                throw RunError(
                    message: "\(ledger): this is \(format.en), which cannot be read; save it as .xlsx (Excel workbook) in Excel or WPS and import that",
                    chinese: "\(ledger)：此文件为\(format.zh)，无法读取；请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再导入")
            }
            throw RunError(
                message: "\(ledger): not a ledger (\(LedgerInput.extensions.joined(separator: ", ")))",
                chinese: "\(ledger)：不是台账文件（\(LedgerInput.extensions.joined(separator: "、"))）")
        }
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: ledgers, recordFiles: PathList(ledgers))
        if FileSystem.kind(of: out) == .missing { try FileSystem.makeDirectory(out) }
        var written = 0
        var plannedRows: [String] = []
        var skipped: [String] = []
        var refused = 0
        // The ids of rows not written, with where each row is: a later row of one of them is its duplicate.
        var refusedRows: [String: String] = [:]
        var emptyLedgers = 0
        var unreadLedgers: [String] = []
        var names: Set<String> = []
        // Read as check reads the records written, to tell which unread cells hold a row back.
        let format = RecordFormat(vocabulary: run.rules.vocabulary, ruleReads: run.rules.readFields, factReads: run.rules.factReads, checkedKinds: run.rules.checkedKinds, asOf: RunSetup.today())
        for ledger in ledgers {
            let registry = run.registries.registry(for: ledger)
            // Names stay names without a registry: said, since check then reports each person.
            if registry == nil {
                FileSystem.writeStandardError(run.language == .zh
                    ? "\(ledger)：未找到人员名册（registry.yaml 或 --registry），人员姓名未换成编号\n"
                    : "\(ledger): no registry of people (registry.yaml or --registry), so names were not turned into ids\n")
            }
            var rowsRead = 0
            let headerNames = LedgerHeaderNames(run.ledgerMappings)
            // A ledger that cannot be imported stops neither the others nor the report of them (of
            // several named, those after it went unimported, unsaid); the run then exits 2.
            let matched: [(LedgerTable, LedgerLayout)]
            do {
                matched = try tables(of: ledger, mappings: run.ledgerMappings)
            } catch {
                FileSystem.writeStandardError(run.language == .zh
                    ? "legality：\(error.chinese ?? error.message)（此台账未导入）\n" : "legality: \(error.message) (this ledger was not imported)\n")
                unreadLedgers.append(ledger)
                continue
            }
            for (table, firstLayout) in matched {
                for (layout, rows) in headerNames.segments(of: table, from: firstLayout) {
                    let records = LedgerConverter.records(LedgerTable(sheet: table.sheet, rows: rows), layout: layout, person: { registry?.person(named: $0)?.id })
                    rowsRead += records.count
                    warnOfUnreadColumns(records, layout: layout, ledger: ledger, sheet: table.sheet, language: run.language)
                    let spare = LedgerInput.spareColumns(of: layout, format: format)
                    for record in records {
                        let place = "\(ledger)\(table.sheet.map { "（工作表“\($0)”）" } ?? "")第 \(record.row) 行"
                        // A row whose two columns of one field disagree is not written: the record
                        // would hold the leftmost alone, and pass where the other said 不通过.
                        // Nor is a row with a formula whose value the file does not hold: its cell was
                        // left out of the record, which then passed where `check` refuses the row (a
                        // legal adviser's date of =V2+2, after the meeting, was a signoff with no date).
                        let rowProblems = LedgerProblems.rowProblems(record, layout: layout, notDone: LedgerProblems.rowNotImported).map(\.message)
                        // Nor is a row a cell of a column no layout reads holds back (`LedgerInput.hold`:
                        // `是否重大执法决定` = 是, `审查状态` = 未完成): written under the column's name, the
                        // record passed where the ledger's row is held back.
                        let held = record.unread.lazy.compactMap { column in
                            LedgerInput.hold(column, of: record, layout: layout, format: format, spare: spare).map { (column, $0) }
                        }.first
                        let problems = rowProblems
                            + (layout.fieldBeyondHeader(in: record, isCSV: table.sheet == nil).map { column in
                                [LedgerProblems.fieldsBeyondHeader(record, column: column, headerColumns: layout.headerColumnCount, notDone: LedgerProblems.rowNotImported)]
                            } ?? [])
                            + (held.map { column, hold in
                                [LedgerProblems.heldUnreadCell(
                                    LedgerProblems.unreadCell(cell: CellReference.cell(row: record.row, column: column), column: column, layout: layout, hold: hold))]
                            } ?? [])
                            // (And an adviser named without the date of the opinion.)
                            + LedgerInput.undatedSignoffs(of: record, layout: layout, noOne: format.codes.noOne).prefix(1).map { column, dateColumn in
                                LedgerProblems.heldUnreadCell(LedgerProblems.undatedSignoff(
                                    cell: CellReference.cell(row: record.row, column: column), header: layout.shownHeader(column) ?? "",
                                    dateHeader: layout.shownHeader(dateColumn) ?? ""))
                            }
                            // (And a remark saying the review is not done: `备注` = 合法性审查尚未完成.)
                            + LedgerInput.heldRemarks(of: record, layout: layout, format: format).prefix(1).map { column, text in
                                LedgerProblems.heldUnreadCell(LedgerProblems.heldRemark(
                                    cell: CellReference.cell(row: record.row, column: column), header: layout.shownHeader(column) ?? "", text: text))
                            }
                        let rowName = run.language == .zh ? place : "\(ledger)\(table.sheet.map { " (sheet \($0))" } ?? ""), row \(record.row)"
                        let id = record.node["id"]?.scalar?.text
                        guard problems.isEmpty else {
                            for message in problems {
                                FileSystem.writeStandardError("\(rowName)\(run.language == .zh ? "：" : ": ")\(message.text(run.language))\n")
                            }
                            // (A row whose fields shifted is no record where the ledger is checked, and has no id there.)
                            if let id, !rowProblems.isEmpty || held != nil, refusedRows[id] == nil { refusedRows[id] = rowName }
                            refused += 1
                            continue
                        }
                        // A later row of a refused row's id is its duplicate (as check says where the ledger is
                        // checked): written, it was the id's only record, and passed once imported.
                        if let id, let earlier = refusedRows[id] {
                            FileSystem.writeStandardError(run.language == .zh
                                ? "\(rowName)：编号“\(id)”与未写入的\(earlier)相同（编号重复），此行未写入记录；请先改正那一行，并为其中一行改用唯一编号\n"
                                : "\(rowName): the id '\(id)' is that of \(earlier), which was not written (a duplicate id), so the row was not written as a record; correct that row first, and give one of the two an id of its own\n")
                            refused += 1
                            continue
                        }
                        var name = RecordWriter.fileName(for: record.node["id"]?.scalar?.text ?? "row-\(record.row)")
                        // A repeated id's later records are numbered in the ledger's order, `A_002.yaml`
                        // after `A.yaml` (`_` sorts after `.`, three digits keep 2 before 10), so files
                        // are checked in the ledger's order and the same row is the duplicate (its row's
                        // number, `A-row2.yaml`, sorted before `A.yaml`: the first row became the
                        // duplicate). That name may be an id of the ledger's own, so a name is taken only
                        // once in a run, and a record written earlier in the run is never replaced, even
                        // with --force. Names are told apart as a file system that ignores case would
                        // (`A-1` and `a-1`).
                        if !names.insert(name.lowercased()).inserted {
                            let stem = String(name.dropLast(5))
                            var occurrence = 1
                            repeat {
                                occurrence += 1
                                let number = String(occurrence)
                                name = stem + "_" + String(repeating: "0", count: max(0, 3 - number.count)) + number + ".yaml"
                            } while !names.insert(name.lowercased()).inserted
                        }
                        let path = out.appendingComponent(name)
                        if !force, FileSystem.kind(of: path) != .missing {
                            skipped.append(path)
                            continue
                        }
                        let comment = "由 legality import 从 \(place)生成。\nImported by legality import from \(ledger)\(table.sheet.map { " (sheet \($0))" } ?? ""), row \(record.row)."
                        // (A step the row dates after today is written as planned, as check reads it,
                        // and the rows so written are said: once the step is done, its record says so.)
                        let (planned, plannedSteps) = record.planning(after: RunSetup.today())
                        try FileSystem.deliver(RecordWriter.yaml(planned.keepingUnreadCells(layout: layout), comment: comment), to: path)
                        if plannedSteps > 0 { plannedRows.append(id ?? "row-\(record.row)") }
                        written += 1
                    }
                }
            }
            // A ledger of its header alone: said, and the import fails (it "wrote 0 records", exit 0).
            if rowsRead == 0 {
                emptyLedgers += 1
                FileSystem.writeStandardError(run.language == .zh
                    ? "\(ledger)：台账中没有记录（只有表头，没有数据行）\n" : "\(ledger): the ledger holds no record (its header, and no row below it)\n")
            }
        }
        let zh = run.language == .zh
        for path in skipped {
            FileSystem.writeStandardError(zh ? "已存在，未覆盖（可用 --force）：\(path)\n" : "exists, not overwritten (use --force): \(path)\n")
        }
        let refusedNote = refused == 0 ? "" : zh ? "，\(refused) 行未写入（原因见上）" : "; \(refused) \(refused == 1 ? "row" : "rows") not written (the reasons are above)"
        if !plannedRows.isEmpty {
            let shown = plannedRows.prefix(10).joined(separator: zh ? "、" : ", ") + (plannedRows.count > 10 ? (zh ? " 等 \(plannedRows.count) 条" : " and \(plannedRows.count - 10) more") : "")
            FileSystem.writeStandardError(zh
                ? "legality：\(shown) 的步骤日期晚于今天（\(RunSetup.today())），已写为 status: planned（计划中）；该步骤完成后，请在记录中删去 status: planned 或重新导入\n"
                : "legality: \(shown) have steps dated after today (\(RunSetup.today())), written as status: planned; once such a step is done, remove its status: planned from the record, or import again\n")
        }
        print(zh ? "写出 \(written) 个记录到 \(out)，\(skipped.count) 个因已存在而跳过\(refusedNote)" : "wrote \(written) records to \(out); \(skipped.count) skipped because they exist\(refusedNote)")
        if !unreadLedgers.isEmpty {
            FileSystem.writeStandardError(zh
                ? "legality：\(unreadLedgers.count) 个台账未导入：\(unreadLedgers.joined(separator: "、"))\n"
                : "legality: \(unreadLedgers.count) \(unreadLedgers.count == 1 ? "ledger was" : "ledgers were") not imported: \(unreadLedgers.joined(separator: ", "))\n")
            throw ExitCode(2)
        }
        if !skipped.isEmpty || refused > 0 || emptyLedgers > 0 { throw ExitCode(1) }
    }

    /// A ledger's bytes, read as `check` reads it: not through a link that leaves the ledger's
    /// folder or points at a file a folder search never reads (a committed `台账.csv -> ../.env` was
    /// imported, its lines written into records to be committed, or quoted in the error of a
    /// header that matched no layout), nor from a FIFO or a device.
    private static func read(_ ledger: String) throws(RunError) -> [UInt8] {
        switch Discovery.admission(of: ledger, roots: Discovery.roots(of: [ledger])) {
        case .readable(let input): return try input.readAll(path: ledger, limit: .max)
        case .refused(let zh, let en): throw RunError(message: "\(ledger): \(en)", chinese: "\(ledger)：\(zh)")
        case .unopenable(let error): throw error
        }
    }

    /// How many unread columns of a sheet are named one by one.
    static let unreadColumnsListed = 20

    /// Says, once a column, which filled columns the records leave out (a misspelt header, a
    /// repeated or unlabeled column), with the first cell and how many rows fill it.
    private func warnOfUnreadColumns(_ records: [LedgerRecord], layout: LedgerLayout, ledger: String, sheet: String?, language: Language) {
        var filled: [Int: (firstRow: Int, rows: Int)] = [:]
        for record in records {
            for column in record.unread { filled[column, default: (record.row, 0)].rows += 1 }
        }
        let place = "\(ledger)\(sheet.map { language == .zh ? "（工作表“\($0)”）" : " (sheet \($0))" } ?? "")"
        let columns = filled.sorted(by: { $0.key < $1.key })
        for (column, cells) in columns.prefix(Self.unreadColumnsListed) {
            let message = LedgerProblems.unreadCell(cell: CellReference.cell(row: cells.firstRow, column: column), column: column, layout: layout)
            FileSystem.writeStandardError(language == .zh
                ? "\(place)：\(message.zh)（共 \(cells.rows) 行；以列名为键写入记录，检查时报告为格式之外的键）\n"
                : "\(place): \(message.en) (\(cells.rows) \(cells.rows == 1 ? "row" : "rows"); written to the records under the column's name, reported as a key of no record format when checked)\n")
        }
        if columns.count > Self.unreadColumnsListed {
            let more = columns.count - Self.unreadColumnsListed
            FileSystem.writeStandardError(language == .zh
                ? "\(place)：另有 \(more) 列未被读取，以列名为键写入记录\n"
                : "\(place): \(more) more columns were not read, and are written to the records under their names\n")
        }
    }

    /// The tables of a ledger that match a mapping; a table that cannot be matched stops the import.
    private func tables(of ledger: String, mappings: [LedgerMapping]) throws(RunError) -> [(LedgerTable, LedgerLayout)] {
        let bytes = try Self.read(ledger)
        let tables: [LedgerTable]
        do {
            tables = LedgerInput.isText(ledger) ? [try CSVTableReader.read(bytes, maxRows: .max)] : try WorkbookReader.read(bytes, maxRows: .max)
        } catch {
            throw RunError(message: "\(ledger): \(error.english)", chinese: "\(ledger)：\(error.chinese)")
        }
        var matched: [(LedgerTable, LedgerLayout)] = []
        let headerNames = LedgerHeaderNames(mappings)
        for table in tables {
            switch LedgerConverter.match(table, mappings: mappings) {
            case .matched(let layout): matched.append((table, layout))
            case .partial(let mapping, let row, let missing):
                let columns = missing.map(\.column).joined(separator: ", ")
                throw RunError(
                    message: "\(ledger)\(table.sheet.map { " (sheet \($0))" } ?? ""), row \(row): the header of the \(mapping.name.en) lacks \(columns)",
                    chinese: "\(ledger)\(table.sheet.map { "（工作表“\($0)”）" } ?? "")第 \(row) 行：\(mapping.name.zh)的表头缺少 \(columns)")
            case .none:
                // A layout's header below the rows a header is looked for in stops the import, as
                // where the ledger is checked (its rows were left out without a word).
                let below = table.rows.dropFirst(LedgerConverter.headerSearchRows).lazy.compactMap { row in headerNames.layoutNamed(by: row).map { (row.number, $0) } }.first
                guard let (row, mapping) = below else { continue }
                let message = LedgerProblems.headerBelowSearch(mapping, headerRow: row, sheet: table.sheet)
                throw RunError(message: "\(ledger): \(message.en)", chinese: "\(ledger)：\(message.zh)")
            }
        }
        guard !matched.isEmpty else {
            throw RunError(
                message: "\(ledger): no sheet has the header of a known ledger layout; give its columns with --mapping",
                chinese: "\(ledger)：没有一个工作表的表头符合已知的台账格式；请用 --mapping 给出列映射")
        }
        return matched
    }
}
