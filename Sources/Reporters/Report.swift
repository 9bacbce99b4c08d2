public import DecisionRecords
public import RuleEngine
public import RuleLanguage

/// What a reporter renders: the findings of a run and what it covered.
public struct Report: Sendable {
    /// The tool's version.
    public var version: String
    /// The as-of date.
    public var asOf: Day
    /// How many records were checked (including those that could not be read).
    public var recordCount: Int
    /// The findings, sorted by file, line, column and rule.
    public var findings: [Finding]
    /// The level at which a finding fails the run; nil for `never`.
    public var failOn: Severity?
    /// The language of titles and messages.
    public var language: Language

    /// Creates a report; sorts the findings.
    public init(version: String, asOf: Day, recordCount: Int, findings: [Finding], failOn: Severity?, language: Language) {
        self.version = version
        self.asOf = asOf
        self.recordCount = recordCount
        self.findings = findings.sorted(by: Finding.precedes)
        self.failOn = failOn
        self.language = language
    }

    /// Findings counted by severity.
    public func count(_ severity: Severity) -> Int { findings.count { $0.severity == severity } }

    /// Records with at least one finding that reaches the fail-on level (or any error, for `never`).
    public var failedRecordCount: Int {
        let level = failOn ?? .error
        var failed: Set<String> = []
        for finding in findings where finding.severity >= level {
            failed.insert(finding.file + "\u{0}" + (finding.record ?? ""))
        }
        return failed.count
    }

    /// Whether the run fails: some finding reaches the fail-on level.
    public var fails: Bool {
        guard let failOn else { return false }
        return findings.contains { $0.severity >= failOn }
    }
}
