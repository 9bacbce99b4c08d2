import ArgumentParser
import OfficePackage
import DecisionRecords
import Reporters
import RuleEngine

/// Formats of the audit export.
enum AuditFormat: String, ArgumentWords {
    case csv, json, markdown, html, xlsx
}

/// `--table`: which audit table a CSV holds.
enum AuditTableOption: String, ArgumentWords {
    case records, rules, packs, departments, months, findings

    var table: AuditTable { AuditTable(rawValue: rawValue) ?? .records }
}

/// `legality audit`: a period's decisions, their compliance, and the rates, for auditors.
struct AuditCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "audit",
            abstract: Interface.text("导出一个期间的合规审计：各记录及其状态，按规则、规则包、承办单位和月份的合规率。", "Export a compliance audit of a period: records, status, and rates per rule, pack, department and month."),
            discussion: Interface.text(
                "记录的决定日期（没有决定时为其最晚的已完成步骤的日期；尚无已完成步骤的，为最早的计划日期）在 --from 与 --to 之间即属于本期间；有无法读取的日期的记录和无法读取的文件总会列出。csv 每次输出一张表（--table），UTF-8 带 BOM 供 Excel 打开；json、markdown 和 html 包含全部表。退出状态：0，无法运行为 2。",
                """
                A record is in the period when its decision date (else its latest done step; with nothing done, its \
                first planned step) is within --from and --to; records with a date that cannot be read, and files \
                that cannot be read, are always listed. CSV holds one table (--table), UTF-8 with a byte-order mark \
                for Excel; json, markdown and html hold them all. Exit status: 0, or 2 when the run could not be made.
                """)
        )
    }

    @Argument(help: Interface.help("记录文件或文件夹（默认：当前文件夹）。", "Record files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("from"), help: Interface.help("期间的第一天。", "First day of the period.", valueName: "YYYY-MM-DD"))
    var from: DayArgument

    @Option(name: .customLong("to"), help: Interface.help("期间的最后一天。", "Last day of the period.", valueName: "YYYY-MM-DD"))
    var to: DayArgument

    @Option(name: .customLong("as-of"), help: Interface.help("检查基准日（默认：今天）。", "The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @Option(name: .customLong("format"), help: Interface.help("csv、json、markdown、html 或 xlsx（每张表一个工作表；二进制文件，输出到终端时须用 --output）。", "csv, json, markdown, html or xlsx (a sheet per table; a binary file: name one with --output when output is a terminal)."))
    var format: AuditFormat = .csv

    @Option(name: .customLong("table"), help: Interface.help("csv 格式输出哪张表：records、rules、packs、departments、months 或 findings。", "For csv: records, rules, packs, departments, months or findings."))
    var table: AuditTableOption = .records

    @Option(name: .customLong("output"), help: Interface.help("把导出写入此文件（原子写入）。", "Write the export to this file (atomically).", valueName: "file"))
    var output: String?

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup(title: Interface.text("输入限制", "Limits")) var limitOptions: LimitOptions

    mutating func validate() throws {
        // `--output -` is standard output, as for other tools.
        if output == "-" { output = nil }
        guard from.day <= to.day else { throw ValidationError(Interface.text("--from \(from.day) 晚于 --to \(to.day)", "--from \(from.day) is after --to \(to.day)")) }
        if format == .xlsx, output == nil, FileSystem.isTerminal(1) { throw ValidationError(BinaryReport.needsOutput) }
    }

    func run() throws {
        let paths = paths.isEmpty ? ["."] : paths
        let found = try Discovery.recordFiles(paths)
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: paths, recordFiles: found)
        let files = try run.records(among: found, named: paths)
        try OutputTarget.requireNotAnInput(output, records: files, run: run)
        let asOf = asOf?.day ?? RunSetup.today()
        let limits = run.limits(limitOptions, paths: paths)
        let engine = Engine(context: run.context(asOf: asOf, limits: limits))
        var checked = RecordChecker.check(files, engine: engine, jobs: ruleOptions.workerCount, limits: limits)
        var ledger = run.ledger(asOf: asOf, paths: paths, files: files)
        for index in checked.records.indices { ledger.mark(&checked.records[index].findings) }
        // (A decision whose legal adviser's signature no registry confirmed, which the gate holds
        // back, is not known to comply either.)
        checked.markRulesNotRunWithoutRegistry(engine: engine, registries: run.registries)
        var audit = AuditReport(
            version: Legality.version, from: from.day, to: to.day, asOf: asOf, language: run.language,
            records: checked.records, rules: engine.rules, kindNames: run.rules.kindNames,
            shortKindNames: run.rules.shortKindNames, packNames: run.rules.packNames)
        var runFindings = engine.runFindings()
        ledger.mark(&runFindings)
        audit.runFindings = runFindings + ledger.diagnostics()
        // The years of the period's own records: one outside it reached years no figure rests on.
        audit.run = run.description(uncoveredYears: Set(audit.records.flatMap(\.uncoveredYears)))
        // An audit fails no run: the fail level is not its to name.
        audit.run.failLevel = nil
        CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
        switch format {
        case .csv:
            SetupNotice.printForCSV(audit.run, language: run.language)
            // A table other than the findings' shows none of them: said where the table is made.
            if table != .findings, let sentence = audit.runFindingsSentence(run.language) {
                FileSystem.writeStandardError(run.language == .zh ? "legality：注意：\(sentence)（--table findings）\n" : "legality: note: \(sentence) (--table findings)\n")
            }
            try FileSystem.deliver(AuditCSVReporter.render(audit, table: table.table), to: output)
        case .json: try FileSystem.deliver(AuditJSONReporter.render(audit), to: output)
        case .markdown: try FileSystem.deliver(AuditMarkdownReporter.render(audit), to: output)
        case .html: try FileSystem.deliver(AuditHTMLReporter.render(audit), to: output)
        case .xlsx:
            try FileSystem.deliver(bytes: BinaryReport.bytes { () throws(OfficePackage.WriteError) in try WorkbookReporter.render(audit) }, to: output)
        }
    }
}
