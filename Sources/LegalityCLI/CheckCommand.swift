import ArgumentParser
import OfficePackage
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage

/// `legality check`: checks decision records and reports every finding.
struct CheckCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "check",
            abstract: Interface.text("按规则检查决策记录。", "Check decision records against the rules."),
            discussion: Interface.text("退出状态：没有问题达到 --fail-on 级别为 0，有则为 1，无法运行为 2。", "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when the run could not be made.")
        )
    }

    @Argument(help: Interface.help("记录文件或文件夹（默认：当前文件夹）。", "Record files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("as-of"), help: Interface.help("检查基准日（默认：今天）。", "The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup(title: Interface.text("输入限制", "Limits")) var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let paths = paths.isEmpty ? ["."] : paths
        let found = try Discovery.recordFiles(paths)
        let run = try PreparedRun.prepare(ruleOptions, failOn: outputOptions.failOn, recordPaths: paths, recordFiles: found)
        let files = try run.records(among: found, named: paths, noneNamedIsFine: true)
        try OutputTarget.requireNotAnInput(outputOptions.output, records: files, run: run)
        let asOf = asOf?.day ?? RunSetup.today()
        let limits = run.limits(limitOptions, paths: paths)
        let engine = Engine(context: run.context(asOf: asOf, limits: limits))
        if outputOptions.format == .csv { SetupNotice.printForCSV(run.description, language: run.language) }
        if outputOptions.format == .html || outputOptions.format == .xlsx {
            // The HTML page lists every record in a table, and a workbook is written whole: the
            // formats made from the whole run.
            let checked = RecordChecker.check(files, engine: engine, jobs: ruleOptions.workerCount, limits: limits)
            // Waivers mark the findings where every format reads them: in each record and in the run's list.
            var ledger = run.ledger(asOf: asOf, paths: paths, files: files)
            var records = checked.records
            for index in records.indices { ledger.mark(&records[index].findings) }
            // A check left with nothing to check (only the run's own files named) says nothing of the run.
            var runFindings = files.isEmpty ? [] : engine.runFindings()
            ledger.mark(&runFindings)
            let report = Report(
                version: Legality.version, asOf: asOf, records: records, rules: engine.rules,
                findings: records.flatMap(\.findings) + runFindings + ledger.diagnostics(), failOn: run.failOn,
                language: run.language, fileCount: files.count, run: run.description(uncoveredYears: checked.uncoveredYears))
            CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
            if outputOptions.format == .xlsx {
                try FileSystem.deliver(bytes: BinaryReport.bytes { () throws(OfficePackage.WriteError) in try WorkbookReporter.render(report) }, to: outputOptions.output)
            } else {
                try FileSystem.deliver(HTMLReporter.render(report), to: outputOptions.output)
            }
            if report.fails { throw ExitCode(1) }
            return
        }
        try stream(files, engine: engine, run: run, asOf: asOf, limits: limits)
    }

    /// The report in its format, written as the run goes.
    private func reportStream(_ engine: Engine, run: PreparedRun, asOf: Day) -> any ReportStream {
        let language = run.language
        let heading = ReportHeading(version: Legality.version, asOf: asOf, failOn: run.failOn, language: language, run: run.description)
        switch outputOptions.format {
        case .json: return JSONReporter.Stream(version: Legality.version, asOf: asOf, run: run.description, language: language)
        case .sarif: return SARIFReporter.Stream(heading, rules: engine.rules)
        case .junit: return JUnitReporter.Stream(heading)
        case .csv: return CSVReporter.Stream(language: language)
        case .markdown: return MarkdownReporter.Stream(heading)
        case .text, .html, .xlsx:
            let colour = outputOptions.output == nil && FileSystem.isTerminal(1) && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
            return TextReporter.Stream(colour: colour, asOf: asOf, run: run.description, language: language)
        }
    }

    /// Reports are written document by document as the run goes, so memory stays flat however many
    /// records or files there are: run-level findings first, then each file's findings in file
    /// order, then the findings about waivers, then the summary.
    private func stream(_ files: PathList, engine: Engine, run: PreparedRun, asOf: Day, limits: RecordLimits) throws {
        var sink = WriterSink(writer: try ReportWriter(path: outputOptions.output))
        var stream = reportStream(engine, run: run, asOf: asOf)
        var ledger = run.ledger(asOf: asOf, paths: paths, files: files)
        var tally = ReportTally(failOn: run.failOn)
        stream.begin(into: &sink)
        // A check left with nothing to check (only the run's own files named) says nothing of the
        // run: "no registry", a warning, failed a commit of a rule pack under fail_on: warning.
        var runFindings = files.isEmpty ? [] : engine.runFindings()
        ledger.mark(&runFindings)
        tally.add(runFindings)
        stream.runFindings(runFindings, into: &sink)
        let format = outputOptions.format
        let uncovered = RecordChecker.run(
            files, engine: engine, keepSources: format == .text, keepRecords: format == .junit, jobs: ruleOptions.workerCount, limits: limits
        ) { event in
            switch event {
            case .started(let file, let source):
                stream.startFile(file, source: source, into: &sink)
            case .document(let document):
                var findings = document.findings
                ledger.mark(&findings)
                tally.addDocument(document.standing, formatOnly: document.formatOnly, file: document.file)
                tally.add(findings)
                stream.document(document.record, findings: findings, into: &sink)
            case .finished(let file):
                tally.addFiles(1)
                stream.endFile(file, into: &sink)
            }
        }
        let diagnostics = ledger.diagnostics()
        tally.add(diagnostics)
        tally.uncoveredYears = uncovered.sorted()
        stream.trailingFindings(diagnostics, into: &sink)
        stream.end(tally, into: &sink)
        if let failure = sink.failure { throw failure }
        try sink.writer.commit()
        CalendarWarning.print(uncovered, calendar: run.calendar, language: run.language)
        if tally.fails { throw ExitCode(1) }
    }
}

/// A report writer as the sink of a stream; the first write error is kept and ends the run.
struct WriterSink: TextSink {
    let writer: ReportWriter
    var failure: RunError?

    mutating func write(_ text: String) {
        guard failure == nil else { return }
        do {
            try writer.write(text)
        } catch {
            failure = error
        }
    }

    mutating func write(utf8 bytes: [UInt8]) {
        guard failure == nil else { return }
        do {
            try writer.write(bytes: bytes)
        } catch {
            failure = error
        }
    }
}
