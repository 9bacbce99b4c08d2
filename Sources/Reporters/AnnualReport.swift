public import DecisionRecords
import RuleEngine
public import RuleLanguage

/// The legality-review section of a year's annual report on building a law-based government
/// (法治政府建设年度报告), drafted from the records: every sentence worded by
/// `AnnualReportWording`, every figure traceable to the records listed.
///
/// A record belongs to the year of its decision date (else its latest done step), as in audits.
/// A claim is stated as a whole only when every record it speaks of bears it out: a finding of
/// one of its rules denies it even when waived (a waiver explains a deviation, it does not undo
/// it), as do a pending finding (not yet known) and a record that cannot be checked.
public struct AnnualReport: Sendable {
    /// How a claim stands.
    public enum Outcome: String, Sendable {
        /// Every record it speaks of bears it out.
        case holds
        /// Some do not: the true figure is stated.
        case partly
        /// No record of the year is one it speaks of.
        case empty
        /// A rule of the claim did not run (disabled, or the built-in packs left out): stating
        /// the claim would assert what nothing checked.
        case unchecked
    }

    /// One claim, worded.
    public struct Statement: Sendable {
        /// The claim's id.
        public var claim: String
        /// How it stands.
        public var outcome: Outcome
        /// The sentence for the report.
        public var sentence: String
        /// Records it speaks of.
        public var total: Int
        /// Those that bear it out.
        public var held: Int
        /// "依据记录：…", the records behind the figure; nil when there are none.
        public var records: String?
        /// The previous year's figure, when its records were given.
        public var previous: String?
    }

    /// A record behind the figures, for the annex.
    public struct Row: Sendable {
        /// id, title, kind, date, status and file, worded.
        public var cells: [String]
    }

    /// The tool's version.
    public var version: String
    /// The year reported on.
    public var year: Int
    /// The language it is worded in.
    public var language: Language
    /// The title.
    public var title: String
    /// How it was drafted.
    public var note: String
    /// How the run was set up (the configuration, rules it disabled, severities and parameters it
    /// changed): every report names them, and a claim may stand on a changed parameter.
    public var run: RunDescription = .plain
    /// The set-up as one line, shown under the note (`配置：.legality.yaml；调整参数：…`).
    public var setup: String { TextReporter.setup(run, language: language).trimmingNewline() }
    /// The headings of the overview, claims, problems and annex, in that order.
    public var headings: [String]
    /// The overview's sentences: counts per kind, then what was not counted.
    public var overview: [String]
    /// The claims, in the order of the wording.
    public var statements: [Statement]
    /// The main problems, one line per rule, most records first.
    public var problems: [String]
    /// The annex's column headings.
    public var columns: [String]
    /// The annex: the year's records, by id.
    public var rows: [Row]

    /// Drafts the report of a year from checked records (of that year, the year before, or any other).
    /// - Parameters:
    ///   - rules: the rules the run loaded; a record's `rulesNotRunWithoutRegistry` says which of
    ///     them did not run on it (no registry beside it): a claim of those rules about its kind is
    ///     not stated ("every officer held a valid certificate" was, with no certificate checked).
    ///   - uncoveredYears: years the working-day calendar lacks in which the run counted a
    ///     deadline; those a record the report counts reached (`CheckedRecord.uncoveredYears`) are
    ///     named in the note. (Not only the report's year: a deadline of the year's records may
    ///     fall in the next. The sentence is the report's own, not the wording file's, so that
    ///     users' wording files need no new text.)
    public init(
        year: Int, language: Language, records: [CheckedRecord], rules: [Rule], wording: AnnualReportWording,
        kindNames: [String: LocalizedText], version: String, uncoveredYears: [Int] = []
    ) {
        var draft = AnnualReportDraft(year: year, language: language, records: records, wording: wording, kindNames: kindNames)
        draft.rulesRun = Set(rules.map(\.id))
        self.version = version
        self.year = year
        self.language = language
        title = wording.text("title", language, ["year": "\(year)"])
        note = wording.text("note", language, ["year": "\(year)"])
        // A deadline counted in a year the calendar lacks ignored that year's holidays: said in the
        // report itself, which is printed and passed on (it was said on standard error alone).
        // The years of the records the report counts (of the year and the year before), among those
        // given: a record of another year reached years no figure rests on.
        let counted = Set((draft.current + draft.previous).flatMap(\.uncoveredYears))
        let uncoveredYears = uncoveredYears.filter(counted.contains)
        if !uncoveredYears.isEmpty {
            let years = uncoveredYears.map(String.init).joined(separator: language == .zh ? "、" : ", ")
            note += language == .zh
                ? "工作日历未涵盖 \(years) 年，这些年份的期限按周一至周五计算，节假日未计入，相关数字须另行核对。"
                : " The working-day calendar does not cover \(years): deadlines there were counted Monday to Friday, without holidays; check the figures that rest on them."
        }
        headings = ["overview", "claims", "problems", "records"].map { wording.text("headings.\($0)", language) }
        overview = draft.overview()
        statements = wording.claims.map(draft.statement)
        problems = draft.problems(rules: rules)
        columns = ["id", "title", "kind", "date", "status", "file"].map { wording.text("phrases.record_columns.\($0)", language) }
        rows = draft.rows()
    }
}
