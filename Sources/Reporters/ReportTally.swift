public import RuleEngine
public import RuleLanguage
import YAMLTree

/// The counts a report's summary states, kept as findings stream past, so a report of a
/// million records need not hold them all.
public struct ReportTally: Sendable {
    /// The level at which a finding fails the run; nil for `never`.
    public var failOn: Severity?
    /// Years a working-day count reached that the calendar does not cover, sorted (set once the
    /// records are checked, for the set-up line of a streamed report).
    public var uncoveredYears: [Int] = []
    /// Records read: documents that are mappings, whatever their findings.
    public private(set) var records = 0
    /// Documents read that are no records (a list, a text, an empty document).
    public private(set) var notRecords = 0
    /// Files read.
    public private(set) var files = 0
    /// Files that could not be read or parsed.
    public private(set) var unreadable = 0
    /// Findings about work still ahead (planned steps after the as-of date); they never fail a run.
    public private(set) var pending = 0
    /// Records (and unreadable files) with a finding at the fail-on level (at error level for
    /// `never`), waived findings aside.
    public private(set) var failedRecords = 0
    /// Error findings, waived ones aside.
    public private(set) var errors = 0
    /// Warning findings, waived ones aside.
    public private(set) var warnings = 0
    /// Info findings, waived ones aside.
    public private(set) var infos = 0
    /// Findings excused by a waiver.
    public private(set) var waived = 0
    /// Whether some finding reaches the fail-on level.
    public private(set) var fails = false

    /// An empty tally.
    public init(failOn: Severity?) {
        self.failOn = failOn
    }

    /// Records read that no rule beyond the record format applied to (a kind no pack checks, acts
    /// before the law was in force), and that the record pack let through: nothing of substance
    /// was checked, and the summary says so (a report listing them as passed said nothing of it).
    public private(set) var formatOnly = 0
    /// The files of the first of them (up to `formatOnlyFilesNamed`), each once, to name them: one
    /// record of a year mistyped before the law (2015 for 2025) was checked for nothing, and the
    /// report counted it without saying which.
    public private(set) var formatOnlyFiles: [String] = []
    /// How many files of such records a report names.
    public static let formatOnlyFilesNamed = 20

    /// Counts one document of `file`; `formatOnly` when it is a record nothing of substance was
    /// checked in.
    public mutating func addDocument(_ standing: CheckedRecord.Standing, formatOnly: Bool = false, file: String? = nil) {
        if formatOnly, standing == .record {
            self.formatOnly += 1
            if let file, formatOnlyFiles.count < Self.formatOnlyFilesNamed, formatOnlyFiles.last != file { formatOnlyFiles.append(file) }
        }
        switch standing {
        case .record: records += 1
        case .notRecord: notRecords += 1
        case .unreadableFile: unreadable += 1
        }
    }

    /// Counts files read.
    public mutating func addFiles(_ count: Int) {
        files += count
    }

    /// Counts findings; a batch must hold all the findings of each record it names.
    public mutating func add(_ findings: [Finding]) {
        let level = failOn ?? .error
        var failed: Set<FindingOwner> = []
        for finding in findings {
            guard finding.waiver == nil else {
                waived += 1
                continue
            }
            guard !finding.pending else {
                pending += 1
                continue
            }
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if let failOn, finding.severity >= failOn { fails = true }
            // A record, or a file that could not be read as records; not the run, nor the configuration.
            if finding.severity >= level, !finding.file.isEmpty, finding.pack != "config" {
                failed.insert(FindingOwner(file: finding.file, record: finding.record, position: finding.recordPosition))
            }
        }
        failedRecords += failed.count
    }

    /// Findings of a severity.
    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }
}

/// The record a finding belongs to, told apart from other records with the same id by where it starts.
private struct FindingOwner: Hashable {
    var file: String
    var record: String?
    var position: SourcePosition?
}
