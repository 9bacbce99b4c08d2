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
    /// The day that places the record in an audit period (see `RecordChecker.periodDate`); nil
    /// for one listed in every period, undated.
    public var periodDate: Day?
    /// Whether nothing of the record is done, only planned: the audit places it by its plan, the
    /// annual report counts it as nothing made.
    public var isPlannedOnly = false
    /// Whether a document that is no record is a list (`- {id: …, kind: …}`): it may hold records,
    /// none of them checked, as a file that could not be read may. (An empty document holds none.)
    public var mayHoldRecords = false
    /// Whether this file or record, not counted in a year, may hide what was not checked: a file
    /// that could not be read, a list of records, a record that could not be dated (not one with
    /// nothing done yet, which is no figure of any year).
    public var mayHideUnchecked: Bool {
        switch standing {
        case .unreadableFile: true
        case .notRecord: mayHoldRecords
        case .record: !isPlannedOnly
        }
    }
    /// Whether a rule could not be finished on the record (an engine finding): what it would have
    /// said is unknown, so the record cannot be checked.
    public var hasEngineFinding: Bool { findings.contains(where: \.isEngineFinding) }
    /// Where the record starts.
    public var line: Int
    /// The findings on this record.
    public var findings: [Finding]
    /// The ids of the rules that applied to it.
    public var applicableRules: [String]
    /// Whether a rule beyond the record pack applied to it (else only its format was checked).
    public var checkedBeyondFormat = true

    /// A record read and let through by the record pack that no other rule applied to: nothing of
    /// substance was checked (JUnit's `<skipped/>`, the HTML's 未作实质检查, the summary's count).
    public var isFormatOnly: Bool { standing == .record && !blocked && !checkedBeyondFormat }
    /// The ids of the rules whose law was not in force on the day of its act (not applicable).
    public var notInForceRules: [String] = []
    /// The ids of the rules that applied to it with nothing to check (an empty `for_each`).
    public var rulesWithNothingToCheck: [String] = []
    /// For a record the record pack blocked, the rules of its kind that may apply to it and did
    /// not run (see `RecordEvaluation.rulesNotCheckable`).
    public var rulesNotCheckable: [String] = []
    /// What the document is: a record, a document that is no mapping, or a file that could not be read.
    public var standing: Standing = .record
    /// Whether a problem kept every pack but the record pack from it (a missing or mistyped key,
    /// a bad step, an unknown code, a done step in the future): it can be neither passed nor failed, so audits count it as "cannot be checked".
    public var blocked = false
    /// The days of its collective discussions, done or planned (for the meeting gate's agenda); a
    /// step whose type cannot be read (none, or one the loader refused) counts as one (it may be).
    public var discussionDays: [Day] = []
    /// The days its collective discussions take, from the first to the last (one day, or
    /// `start` to `end` for a meeting over several days): the meeting gate's agenda holds a record
    /// whose discussion takes the meeting day.
    public var discussionSpans: [ClosedRange<Day>] = []
    /// The days of its planned collective discussions (for the gate's question of a mistyped meeting day).
    public var plannedDiscussionDays: [Day] = []
    /// The days of the record's held (done) collective discussions.
    public var heldDiscussionDays: [Day] = []
    /// Whether the record names a person (`by`, `officers`, `attendees`, a signoff's `person`),
    /// whom the registry of people tells: without one, the gate cannot say who signed.
    public var namesPeople = false
    /// The rules that apply to its kind and need a registry of people, which did not run for it
    /// (no registry beside it): it cannot be called compliant (the audit's status).
    public var rulesNotRunWithoutRegistry: [String] = []
    /// Years outside the working-day calendar that a count of the record reached, sorted: an
    /// audit or annual report names those of its own records, not those of records outside its
    /// period.
    public var uncoveredYears: [Int] = []
    /// The highest severity of a rule whose count reached such a year.
    public var uncoveredSeverity: Severity?
    /// For a record its rules could not run on (`blocked`): what can still be read of it, to
    /// tell whether a claim of the annual report speaks of it (`AnnualReportWording.Claim.aboutFacts`
    /// and `aboutSteps`); nil for any other.
    public var uncheckedTraits: UncheckedTraits?
    /// Whether it may be discussed on a day that cannot be told: a collective discussion (or a
    /// step whose type cannot be read) without a valid date, or a ledger row whose cells of one
    /// column disagree (which day its discussion is on is unknown).
    public var hasUndatedDiscussion = false
    /// Whether a key of it looks meant as one the rules read and was not read
    /// (`LoadedDocument.hasMisreadKey`): what it says is in doubt, and the gate holds it back.
    public var hasMisreadKey = false
    /// Whether such a key may be a well-known fact (`LoadedDocument.hasMisreadFact`).
    public var hasMisreadFact = false
    /// In an audit, the places of records outside its period with the same id (the record pack marks the
    /// later one, which may be in another period's audit).
    public var sameIdOutsidePeriod: [String] = []
    /// For a row of a ledger: its sheet and first cell (`行政处罚!A14`, or `A14` in a CSV file).
    public var row: String?

    /// The file, and for a ledger row its sheet and row: where a person finds the record.
    public var place: String { row.map { "\(file):\($0)" } ?? file }

    /// What a checked document is.
    public enum Standing: Sendable {
        /// A record (a mapping), whatever its problems.
        case record
        /// A document that is not a mapping.
        case notRecord
        /// A file that could not be read or parsed (it stands for the whole file).
        case unreadableFile
    }

    /// Creates a checked record.
    public init(
        file: String, id: String?, title: String?, kind: String?, department: String?, decisionDate: Day?, line: Int,
        findings: [Finding], applicableRules: [String] = []
    ) {
        self.applicableRules = applicableRules
        // Placed by its decision until told otherwise (`RecordChecker.periodDate` sets the day a
        // checked record is placed by, nil too).
        self.periodDate = decisionDate
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
    /// How many files were read.
    public var fileCount: Int
    /// The configuration, disabled rules and registries of the run.
    public var run: RunDescription
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
        version: String, asOf: Day, records: [CheckedRecord], rules: [Rule], findings: [Finding], failOn: Severity?, language: Language,
        fileCount: Int? = nil, run: RunDescription = .plain
    ) {
        self.run = run
        self.fileCount = fileCount ?? Set(records.map(\.file)).count
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
        for record in records { tally.addDocument(record.standing, formatOnly: record.isFormatOnly, file: record.file) }
        tally.addFiles(fileCount)
        tally.add(findings)
        return tally
    }

    /// How many records were checked.
    public var recordCount: Int { records.count { $0.standing == .record } }

    /// Findings counted by severity (waived findings are counted apart).
    public func count(_ severity: Severity) -> Int { tally.count(severity) }

    /// Findings excused by a waiver.
    public var waivedCount: Int { tally.waived }

    /// Records with at least one finding that reaches the fail-on level (or any error, for `never`).
    public var failedRecordCount: Int { tally.failedRecords }

    /// Whether the run fails: some finding reaches the fail-on level.
    public var fails: Bool { tally.fails }
}

/// What can be read of a record its rules could not run on, to tell whether a claim of the annual
/// report speaks of it: an ordinary case with a mistyped date is no major case, while one whose
/// facts cannot be read, or that holds a hearing, may be.
public struct UncheckedTraits: Sendable {
    /// The facts under `facts` that are neither false nor null.
    public var factsNotFalse: Set<String> = []
    /// Whether `facts` is there but no mapping.
    public var factsUnreadable = false
    /// The step types written and read.
    public var stepTypes: Set<String> = []
    /// Whether a step's type is missing or was refused.
    public var someStepTypeUnreadable = false

    /// Creates empty traits.
    public init() {}

    /// Whether the record may be one a claim speaks of: one of the facts true (or the facts
    /// unreadable, when the claim names facts), or a step of one of the types (or one whose type
    /// is unknown).
    public func mayBe(facts: [String], steps: [String]) -> Bool {
        if !facts.isEmpty, factsUnreadable || facts.contains(where: factsNotFalse.contains) { return true }
        return !steps.isEmpty && (someStepTypeUnreadable || steps.contains(where: stepTypes.contains))
    }
}
