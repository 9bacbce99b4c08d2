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
        let run = try PreparedRun.prepare(ruleOptions, failOn: outputOptions.failOn, recordPaths: paths)
        let asOf = asOf?.day ?? RunSetup.today()
        let engine = Engine(context: run.context(asOf: asOf))
        let checked = RecordChecker.check(files, engine: engine, keepSources: outputOptions.format == .text, jobs: ruleOptions.workerCount, limits: limitOptions.resolved(run.configuration.limits))
        let report = Report(
            version: Legality.version, asOf: asOf, records: checked.records, rules: engine.rules,
            findings: run.waive(checked.findings + engine.runFindings(), asOf: asOf), failOn: run.failOn,
            language: run.language)
        CalendarWarning.print(checked.uncoveredYears, calendar: run.calendar, language: run.language)
        try ReportOutput.write(report, options: outputOptions, sources: checked.sources)
        if report.fails { throw ExitCode(1) }
    }
}

/// The one warning a run gives when a working-day count left the calendar's years.
enum CalendarWarning {
    static func print(_ years: Set<Int>, calendar: WorkingCalendar, language: Language) {
        guard !years.isEmpty else { return }
        let list = years.sorted().map(String.init).joined(separator: ", ")
        let covered = calendar.years.sorted()
        let range = covered.isEmpty ? "none" : "\(covered.first ?? 0)-\(covered.last ?? 0)"
        let text = language == .zh
            ? "legality: 警告：工作日历未涵盖 \(list) 年（已涵盖 \(range)），这些年份按周一至周五计算工作日；可用 --calendar 补充\n"
            : "legality: warning: the working-day calendar does not cover \(list) (it covers \(range)); Monday to Friday were counted as working days there; add a calendar with --calendar\n"
        FileSystem.writeStandardError(text)
    }
}

