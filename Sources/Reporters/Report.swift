public import DecisionRecords
public import RuleEngine
public import RuleLanguage

/// One document a run checked: a record, or a file that could not be read as records.
public struct CheckedRecord: Sendable {
    /// The file, as given or found.
    public var file: String
    /// The record id; nil when the document could not be read as a record.
    public var id: String?
    /// The decision's title.
    public var title: String?
    /// The record kind.
    public var kind: String?
    /// The sponsoring department.
    public var department: String?
    /// The date of the decision (the earliest done `decision` step), if made.
    public var decisionDate: Day?
    /// The day that places the record in an audit period: the decision date, else its latest step.
    public var periodDate: Day?
    /// Where the record starts.
    public var line: Int
    /// The findings on this record.
    public var findings: [Finding]
    /// The ids of the rules that applied to it.
    public var applicableRules: [String]

    /// Creates a checked record.
    public init(
        file: String, id: String?, title: String?, kind: String?, department: String?, decisionDate: Day?, line: Int,
        findings: [Finding], applicableRules: [String] = [], periodDate: Day? = nil
    ) {
        self.applicableRules = applicableRules
        self.periodDate = periodDate ?? decisionDate
        self.file = file
        self.id = id
        self.title = title
        self.kind = kind
        self.department = department
        self.decisionDate = decisionDate
        self.line = line
        self.findings = findings
    }
}

/// What a reporter renders: the findings of a run and what it covered.
public struct Report: Sendable {
    /// The tool's version.
    public var version: String
    /// The as-of date.
    public var asOf: Day
    /// The records checked, in file order (a file that could not be read counts as one).
    public var records: [CheckedRecord]
    /// The rules that ran, by id.
    public var rules: [Rule]
    /// The findings, sorted by file, line, column and rule.
    public var findings: [Finding]
    /// The level at which a finding fails the run; nil for `never`.
    public var failOn: Severity?
    /// The language of titles and messages.
    public var language: Language

    /// Creates a report; sorts the findings.
    public init(
        version: String, asOf: Day, records: [CheckedRecord], rules: [Rule], findings: [Finding], failOn: Severity?, language: Language
    ) {
        self.version = version
        self.asOf = asOf
        self.records = records
        self.rules = rules
        self.findings = findings.sorted(by: Finding.precedes)
        self.failOn = failOn
        self.language = language
    }

    /// The summary's counts.
    public var tally: ReportTally {
        var tally = ReportTally(failOn: failOn)
        tally.addRecords(records.count)
        tally.add(findings)
        return tally
    }

    /// How many records were checked.
    public var recordCount: Int { records.count }

    /// Findings counted by severity (waived findings are counted apart).
    public func count(_ severity: Severity) -> Int { tally.count(severity) }

    /// Findings excused by a waiver.
    public var waivedCount: Int { tally.waived }

    /// Records with at least one finding that reaches the fail-on level (or any error, for `never`).
    public var failedRecordCount: Int { tally.failedRecords }

    /// Whether the run fails: some finding reaches the fail-on level.
    public var fails: Bool { tally.fails }
}
