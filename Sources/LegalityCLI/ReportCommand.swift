import ArgumentParser
import OfficePackage
import DecisionRecords
import Reporters
import RuleEngine

/// Formats of the annual report's section.
enum AnnualReportFormat: String, ArgumentWords {
    case markdown, html, docx
}

/// `legality report --year`: drafts the legality-review section of the annual report on
/// building a law-based government (法治政府建设年度报告) from the records.
struct ReportCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "report",
            abstract: Interface.text("根据记录起草法治政府建设年度报告的合法性审查部分。", "Draft the legality-review section of the annual report on building a law-based government."),
            discussion: Interface.text(
                """
                每项表述（如“重大执法决定全部履行法制审核程序”）只有在当年的记录全部符合时才写成“全部”，否则写出真实数字和不符合的记录编号。\
                记录按决定日期（没有决定时为其最晚的已完成步骤的日期）归入年度；给出上一年的记录时写出与上年的对比。措辞在 rules/report/annual-report.yaml 中。\
                docx 是二进制文件，输出到终端时须用 --output 写入文件。退出状态：0，无法运行为 2。
                """,
                """
                Each claim (such as "every major enforcement decision passed a legal review") is stated as a whole only when \
                every record of the year bears it out; otherwise the true figure and the records that fall short are given. \
                A record belongs to the year of its decision (else its latest done step); when the year before's records are \
                given too, its figures are shown beside. The wording is data, in rules/report/annual-report.yaml. \
                docx is a binary file: name one with --output when output is a terminal. Exit status: 0, or 2 when the run could not be made.
                """)
        )
    }

    @Argument(help: Interface.help("记录文件或文件夹（默认：当前文件夹）。", "Record files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("year"), help: Interface.help("报告的年度。", "The year reported on.", valueName: "YYYY"))
    var year: Int

    @Option(name: .customLong("as-of"), help: Interface.help("检查基准日（默认：今天）。", "The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @Option(name: .customLong("format"), help: Interface.help("markdown、html 或 docx。", "markdown, html or docx."))
    var format: AnnualReportFormat = .markdown

    @Option(name: .customLong("output"), help: Interface.help("写入此文件（原子写入）。", "Write to this file (atomically).", valueName: "file"))
    var output: String?

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup(title: Interface.text("输入限制", "Limits")) var limitOptions: LimitOptions

    mutating func validate() throws {
        // `--output -` is standard output, as for other tools.
        if output == "-" { output = nil }
        guard (1900...2200).contains(year) else {
            throw ValidationError(Interface.text("--year 应为四位年份，如 2020", "--year is a year such as 2020"))
        }
        if format == .docx, output == nil, FileSystem.isTerminal(1) {
            throw ValidationError(BinaryReport.needsOutput)
        }
    }

    func run() throws {
        let paths = paths.isEmpty ? ["."] : paths
        let found = try Discovery.recordFiles(paths)
        let run = try PreparedRun.prepare(ruleOptions, recordPaths: paths, recordFiles: found, reportWording: true)
        let files = try run.records(among: found, named: paths)
        try OutputTarget.requireNotAnInput(output, records: files, run: run)
        guard !run.rules.annualReport.claims.isEmpty else {
            throw RunError(
                message: "no annual_report wording is loaded (the built-in rules/report/annual-report.yaml, or one beside your rules)",
                chinese: "没有载入年度报告的措辞（内置的 rules/report/annual-report.yaml，或自定义规则旁的同类文件）")
        }
        let asOf = asOf?.day ?? RunSetup.today()
        let limits = run.limits(limitOptions, paths: paths)
        let engine = Engine(context: run.context(asOf: asOf, limits: limits))
        var checked = RecordChecker.check(files, engine: engine, jobs: ruleOptions.workerCount, limits: limits)
        var ledger = run.ledger(asOf: asOf, paths: paths, files: files)
        for index in checked.records.indices { ledger.mark(&checked.records[index].findings) }
        // The rules that could not run on a record for want of a registry, record by record, as
        // the audit has them: the annex says 无法核查 of it, and a claim of those rules about its
        // kind is not stated; the others stand, and every violation found is listed.
        checked.markRulesNotRunWithoutRegistry(engine: engine, registries: run.registries)
        CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
        var report = AnnualReport(
            year: year, language: run.language, records: checked.records, rules: engine.rules,
            wording: run.rules.annualReport, kindNames: run.rules.kindNames, version: Legality.version,
            uncoveredYears: checked.uncoveredYears.sorted())
        // (The years the calendar lacks are said by the report itself, of its own year's records.)
        report.run = run.description(uncoveredYears: [])
        // (Every report is of one run's configuration; a fail-on level is no part of a draft's.)
        report.run.failLevel = nil
        switch format {
        case .markdown: try FileSystem.deliver(AnnualReportMarkdownReporter.render(report), to: output)
        case .html: try FileSystem.deliver(AnnualReportHTMLReporter.render(report), to: output)
        case .docx:
            try FileSystem.deliver(bytes: BinaryReport.bytes { () throws(OfficePackage.WriteError) in try AnnualReportDOCXReporter.render(report) }, to: output)
        }
    }
}
