import ArgumentParser
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage

/// `legality check`: checks decision records and reports every finding.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check decision records against the rules.",
        discussion: "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 when the run could not be made."
    )

    @Argument(help: ArgumentHelp("Record files or folders (default: the current folder).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The as-of date (default: today).", valueName: "YYYY-MM-DD"))
    var asOf: DayArgument?

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup(title: "Limits") var limitOptions: LimitOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        let paths = paths.isEmpty ? ["."] : paths
        let files = try Discovery.recordFiles(paths)
        let run = try PreparedRun.prepare(ruleOptions, failOn: outputOptions.failOn, recordPaths: paths, recordFiles: files)
        let asOf = asOf?.day ?? RunSetup.today()
        let limits = limitOptions.resolved(run.configuration.limits, paths: paths)
        let engine = Engine(context: run.context(asOf: asOf, limits: limits))
        switch outputOptions.format {
        case .json, .text:
            try stream(files, engine: engine, run: run, asOf: asOf, limits: limits)
        default:
            let checked = RecordChecker.check(files, engine: engine, keepSources: false, jobs: ruleOptions.workerCount, limits: limits)
            // Waivers mark the findings where every format reads them: in each record and in the run's list.
            var ledger = run.ledger(asOf: asOf)
            var records = checked.records
            for index in records.indices { ledger.mark(&records[index].findings) }
            var runFindings = engine.runFindings()
            ledger.mark(&runFindings)
            let report = Report(
                version: Legality.version, asOf: asOf, records: records, rules: engine.rules,
                findings: records.flatMap(\.findings) + runFindings + ledger.diagnostics(), failOn: run.failOn,
                language: run.language, fileCount: files.count, run: run.description)
            CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
            try ReportOutput.write(report, options: outputOptions, sources: [:])
            if report.fails { throw ExitCode(1) }
        }
    }

    /// Text and JSON reports are written file by file as the run goes, so memory stays flat however
    /// many records there are: run-level findings first, then each file's findings in file order,
    /// then the findings about waivers, then the summary.
    private func stream(_ files: [String], engine: Engine, run: PreparedRun, asOf: Day, limits: RecordLimits) throws {
        let writer = try ReportWriter(path: outputOptions.output)
        let language = run.language
        let json = outputOptions.format == .json
        let colour = outputOptions.output == nil && FileSystem.isTerminal(1) && (FileSystem.environment("NO_COLOR") ?? "").isEmpty
        let text = TextReporter(colour: colour, sourceLines: { _ in nil })
        var ledger = run.ledger(asOf: asOf)
        var tally = ReportTally(failOn: run.failOn)
        var written = 0
        var failure: RunError?
        func emit(_ findings: [Finding], source: [UInt8]? = nil) {
            guard !findings.isEmpty, failure == nil else { return }
            tally.add(findings)
            do {
                if json {
                    try writer.write(JSONReporter.findings(findings, language: language, first: written == 0))
                } else {
                    let lines = source.map(ReportOutput.lines)
                    let reporter = TextReporter(colour: text.colour, sourceLines: { _ in lines })
                    for finding in findings { try writer.write(reporter.render(finding, language: language)) }
                }
            } catch {
                failure = error
            }
            written += findings.count
        }
        if json { try writer.write(JSONReporter.header(version: Legality.version, asOf: asOf, run: run.description)) }
        var runFindings = engine.runFindings()
        ledger.mark(&runFindings)
        emit(runFindings)
        let uncovered = RecordChecker.run(files, engine: engine, keepSources: !json, keepRecords: false, jobs: ruleOptions.workerCount, limits: limits) { file in
            var findings = file.findings
            ledger.mark(&findings)
            for standing in file.standings { tally.addDocument(standing) }
            tally.addFiles(1)
            emit(findings, source: file.source)
        }
        if let failure { throw failure }
        emit(ledger.diagnostics())
        if let failure { throw failure }
        if !json { try writer.write(TextReporter.setup(run.description, language: language)) }
        try writer.write(json ? JSONReporter.footer(tally, hadFindings: written > 0) : text.summary(tally, asOf: asOf, language: language))
        try writer.commit()
        CalendarWarning.print(uncovered, calendar: run.calendar, language: language)
        if tally.fails { throw ExitCode(1) }
    }
}
