import ArgumentParser
import DecisionRecords
import RuleLanguage

/// Report formats `check` and `gate` can write.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, csv, markdown, html
}

/// When findings fail the run.
enum FailLevel: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var severity: Severity? {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        case .never: nil
        }
    }
}

/// `--lang`: the language of titles and messages.
enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    var language: Language { self == .zh ? .zh : .en }
}

/// A `YYYY-MM-DD` argument.
struct DayArgument: ExpressibleByArgument {
    var day: Day

    init?(argument: String) {
        guard argument.utf8.count == 10, let day = Day(parsing: argument) else { return nil }
        self.day = day
    }
}

/// Options shared by the commands that evaluate records.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("registry"), help: ArgumentHelp("The registry of people (default: registry.yaml or registry/ beside the records).", valueName: "file"))
    var registry: String?

    @Option(name: .customLong("rules"), help: ArgumentHelp("Extra rule files or folders, added to the built-in packs (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin"), help: "Use only the rules given with --rules.")
    var noBuiltin = false

    @Option(name: .customLong("calendar"), help: ArgumentHelp("Extra working-day calendar files; their days override the built-in calendar (repeatable).", valueName: "file"))
    var calendars: [String] = []

    @Option(name: .customLong("lang"), help: "Language of titles and messages: zh (default) or en.")
    var languageOption: LanguageOption?

    @Option(name: .customLong("jobs"), help: ArgumentHelp("Files checked in parallel (default: the number of cores); the report is the same for any number.", valueName: "n"))
    var jobs: Int?

    /// The number of workers: `--jobs`, else the number of online cores.
    var workerCount: Int { max(1, jobs ?? FileSystem.coreCount()) }

    @Option(name: .customLong("config"), help: ArgumentHelp("The configuration file (default: .legality.yaml in this folder or the nearest folder above).", valueName: "file"))
    var config: String?
}

/// Options for where and how a report is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: "Report format: text, json, sarif, junit, csv, markdown or html.")
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run: error (default), warning, info or never.")
    var failOn: FailLevel?
}
