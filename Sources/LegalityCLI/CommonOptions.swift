import ArgumentParser
import Ledgers
import DecisionRecords
import RuleEngine
import RuleLanguage
import YAMLTree

/// An option that takes one of a few words: the words are its cases' raw values, given to the
/// argument parser as they are. (The parser's own defaults describe each case with `"\(self)"`,
/// and finding how to describe a value searched the program's conformances: some 2 million
/// instructions on every run, of the 64 million a one-record check takes.)
protocol ArgumentWords: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ArgumentWords {
    static var allValueStrings: [String] { allCases.map(\.rawValue) }
    /// No word has a description of its own.
    static var allValueDescriptions: [String: String] { [:] }
    static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
    var defaultValueDescription: String { rawValue }
}

/// Report formats `check` can write.
enum ReportFormat: String, ArgumentWords {
    case text, json, sarif, junit, csv, markdown, html, xlsx
}

/// Formats of the gate's checklist.
enum GateFormat: String, ArgumentWords {
    case text, json, html
}

/// When findings fail the run.
enum FailLevel: String, ArgumentWords {
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
enum LanguageOption: String, ArgumentWords {
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
    @Option(name: .customLong("registry"), help: Interface.help("人员名册（默认：记录所在文件夹或其上层的 registry.yaml 或 registry/）。", "The registry of people (default: registry.yaml or registry/ beside the records).", valueName: "file"))
    var registry: String?

    @Option(name: .customLong("rules"), help: Interface.help("追加的规则文件或文件夹，与内置规则一起使用（可重复）。", "Extra rule files or folders, added to the built-in packs (repeatable).", valueName: "path"))
    var rules: [String] = []

    @Flag(name: .customLong("no-builtin"), help: Interface.help("只用 --rules 给出的规则（记录格式规则始终启用）。", "Use only the rules given with --rules (and the record pack, which checks every record can be read)."))
    var noBuiltin = false

    @Option(name: .customLong("calendar"), help: Interface.help("追加的工作日历文件，覆盖内置日历中的日期（可重复）。", "Extra working-day calendar files; their days override the built-in calendar (repeatable).", valueName: "file"))
    var calendars: [String] = []

    @Option(name: .customLong("mapping"), help: Interface.help("台账（.xlsx、.csv 等）的列映射文件，与 rules/ledgers/ 中的内置映射一起使用（可重复）。", "A ledger mapping file (columns of .xlsx, .csv and other ledgers to record fields), added to the built-in ones in rules/ledgers/ (repeatable).", valueName: "file"))
    var mappings: [String] = []

    @Option(name: .customLong("lang"), help: Interface.help("标题和说明的语言：zh（默认）或 en。", "Language of titles and messages: zh (default) or en."))
    var languageOption: LanguageOption?

    @Option(name: .customLong("jobs"), help: Interface.help("并行检查的文件数（默认：CPU 核数，最多为核数的 4 倍）；报告与并行数无关。", "Files checked in parallel (default: the number of cores; at most four times that); the report is the same for any number.", valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError(Interface.text("--jobs 应为不小于 1 的整数，实际是 \(jobs)", "--jobs takes a whole number of 1 or more, found \(jobs)")) }
    }

    /// The number of workers: `--jobs`, else the number of online cores; at most four a core
    /// (`--jobs 1000000` started a thread a file, and 20,000 files took 25 s instead of 0.2 s).
    var workerCount: Int { max(1, min(jobs ?? FileSystem.coreCount(), Self.mostWorkersPerCore * FileSystem.coreCount())) }

    /// The most workers a core runs, whatever `--jobs` asks for.
    static let mostWorkersPerCore = 4

    @Option(name: .customLong("config"), help: Interface.help("配置文件（默认：当前文件夹或最近的上层文件夹中的 .legality.yaml，不超出仓库根目录）。", "The configuration file (default: .legality.yaml in this folder or the nearest folder above, not above the repository root).", valueName: "file"))
    var config: String?
}

/// Options for where and how a report is written.
struct OutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: Interface.help("报告格式：text、json、sarif、junit、csv、markdown、html 或 xlsx（二进制文件，输出到终端时须用 --output）。", "Report format: text, json, sarif, junit, csv, markdown, html or xlsx (a binary file: name one with --output when output is a terminal)."))
    var format: ReportFormat = .text

    @Option(name: .customLong("output"), help: Interface.help("把报告写入此文件（原子写入），而不是标准输出。", "Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    mutating func validate() throws {
        // `--output -` is standard output, as for other tools.
        if output == "-" { output = nil }
        if format == .xlsx, output == nil, FileSystem.isTerminal(1) { throw ValidationError(BinaryReport.needsOutput) }
    }

    @Option(name: .customLong("fail-on"), help: Interface.help("使本次运行失败的最低级别：error（默认）、warning、info 或 never。", "Lowest severity that fails the run: error (default), warning, info or never."))
    var failOn: FailLevel?
}

/// Options for where and how the gate's checklist is written: `OutputOptions` with the gate's
/// own formats (its help listed all eight of `check`'s, of which it writes three).
struct GateOutputOptions: ParsableArguments {
    @Option(name: .customLong("format"), help: Interface.help("清单格式：text、json 或 html（可打印的清单）。", "Checklist format: text, json or html (a printable checklist)."))
    var format: GateFormat = .text

    @Option(name: .customLong("output"), help: Interface.help("把清单写入此文件（原子写入），而不是标准输出。", "Write the checklist to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    mutating func validate() throws {
        // `--output -` is standard output, as for other tools.
        if output == "-" { output = nil }
    }

    @Option(name: .customLong("fail-on"), help: Interface.help("使议题暂缓上会的最低级别：error（默认）、warning、info 或 never。", "Lowest severity that blocks an item: error (default), warning, info or never."))
    var failOn: FailLevel?
}

/// Limits that keep hostile or broken input from exhausting time or memory. A file that breaks
/// one is a finding for that file (naming the limit and how to raise it); the run goes on.
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-file-bytes"), help: Interface.help("可读取的最大记录文件（默认 67108864 字节，64 MiB）。", "Largest record file read (default 67108864, 64 MiB).", valueName: "n"))
    var maxFileBytes: Int?

    @Option(name: .customLong("max-depth"), help: Interface.help("列表和映射的最大嵌套层数（默认 256）。", "Deepest nesting of lists and mappings (default 256).", valueName: "n"))
    var maxDepth: Int?

    @Option(name: .customLong("max-alias-expansion"), help: Interface.help("每个文档中别名最多展开的节点数（默认 100000）。", "Most nodes aliases may add to one document (default 100000).", valueName: "n"))
    var maxAliasExpansion: Int?

    @Option(name: .customLong("max-scalar-bytes"), help: Interface.help("单个标量（或台账单元格）的最大字节数（默认 1048576）。", "Longest scalar, or ledger cell (default 1048576).", valueName: "n"))
    var maxScalarBytes: Int?

    @Option(name: .customLong("max-documents"), help: Interface.help("一个文件中最多的文档数（默认 1000000）。", "Most documents in one file (default 1000000).", valueName: "n"))
    var maxDocuments: Int?

    @Option(name: .customLong("max-nodes"), help: Interface.help("一个文档中最多的节点数（键、值和列表项，默认 2000000）。", "Most nodes (keys, values and items) in one document (default 2000000).", valueName: "n"))
    var maxNodes: Int?

    @Option(name: .customLong("max-records"), help: Interface.help("一次运行最多检查的记录数（默认 10000000）。", "Most records in one run (default 10000000).", valueName: "n"))
    var maxRecords: Int?

    @Option(name: .customLong("max-rule-steps"), help: Interface.help("一条规则在一条记录上最多的计算步数（默认 2000000）；超出的报告为 rule-budget。", "Most evaluation steps one rule may take on one record (default 2000000); a rule that needs more is reported as rule-budget.", valueName: "n"))
    var maxRuleSteps: Int?

    /// Refuses a limit below 1, as a configuration's `limits` are: `--max-records 0` read one record
    /// as `--max-records 1` does, unsaid.
    func validate() throws {
        let given: [(String, Int?)] = [
            ("--max-file-bytes", maxFileBytes), ("--max-depth", maxDepth), ("--max-alias-expansion", maxAliasExpansion),
            ("--max-scalar-bytes", maxScalarBytes), ("--max-documents", maxDocuments), ("--max-nodes", maxNodes),
            ("--max-records", maxRecords), ("--max-rule-steps", maxRuleSteps),
        ]
        for case let (option, value?) in given where value < 1 {
            throw ValidationError(Interface.text("\(option) 应为不小于 1 的整数，实际是 \(value)", "\(option) takes a whole number of 1 or more, found \(value)"))
        }
    }

    /// The limits in force: these options, else the configuration's `limits`, else the defaults.
    func resolved(_ configured: [String: Int], paths: [String]) -> RecordLimits {
        func pick(_ option: Int?, _ key: String, _ fallback: Int) -> Int { max(1, option ?? configured[key] ?? fallback) }
        return RecordLimits(
            maxFileBytes: pick(maxFileBytes, "max_file_bytes", 64 << 20),
            yaml: YAMLLimits(
                maxDepth: pick(maxDepth, "max_depth", 256),
                maxAliasExpansion: pick(maxAliasExpansion, "max_alias_expansion", 100_000),
                maxScalarBytes: pick(maxScalarBytes, "max_scalar_bytes", 1 << 20),
                maxDocuments: pick(maxDocuments, "max_documents", 1_000_000),
                maxNodes: pick(maxNodes, "max_nodes", 2_000_000)),
            maxRecords: pick(maxRecords, "max_records", 10_000_000),
            maxRuleSteps: pick(maxRuleSteps, "max_rule_steps", EvaluationContext.defaultRuleStepBudget),
            roots: Discovery.roots(of: paths))
    }
}

/// The limits a run applies to record files, and where they may be read from.
struct RecordLimits {
    var maxFileBytes: Int
    var yaml: YAMLLimits
    var maxRecords: Int
    /// The most evaluation steps one rule may take on one record.
    var maxRuleSteps: Int
    /// The real paths of the folders given on the command line (a file's own folder for a file):
    /// a link to anything outside them is never followed.
    var roots: [String] = []
    /// How ledgers (.xlsx and .csv) become records: the built-in mappings and `--mapping` files.
    var ledgerMappings: [LedgerMapping] = []
}
