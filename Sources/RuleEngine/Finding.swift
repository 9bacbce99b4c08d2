public import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// One value a finding weighed, such as a step, a date or a deadline.
public struct Evidence: Sendable, Hashable {
    /// Creates evidence.
    public init(key: String, label: LocalizedText, value: LocalizedText) {
        self.key = key
        self.label = label
        self.value = value
    }

    /// The name the rule gives it, stable for programs.
    public var key: String
    /// The label people read.
    public var label: LocalizedText
    /// The value, in both languages.
    public var value: LocalizedText
}

/// A violation of a rule, or a problem with an input, at a place in a file.
public struct Finding: Sendable {
    /// The pack of the engine's own findings: a rule out of its budget (`rule-budget`) or unable
    /// to compare (`rule-error`), a registry missing (`registry-missing`).
    public static let enginePack = "engine"

    /// Whether the finding is the engine's own (see `enginePack`): what a rule would have said is unknown.
    public var isEngineFinding: Bool { pack == Self.enginePack }

    /// The rule id.
    public var rule: String
    /// The rule's pack.
    public var pack: String
    /// The severity.
    public var severity: Severity
    /// The record's id; nil for run-level findings and for files that could not be read as records.
    public var record: String?
    /// The file, as given or found; empty for run-level findings.
    public var file: String
    /// Where the finding points; nil for run-level findings.
    public var position: SourcePosition?
    /// The rule's title.
    public var title: LocalizedText
    /// The message, with the values of this case.
    public var message: LocalizedText
    /// The legal basis.
    public var basis: Basis
    /// How to put it right.
    public var help: LocalizedText?
    /// What the rule weighed.
    public var evidence: [Evidence]
    /// The waiver that excuses this finding, if one does; a waived finding does not fail a run.
    public var waiver: Waiver?
    /// Whether the finding is about a planned step still ahead of the as-of date: work to do, not
    /// yet a violation; counted apart and never failing a run.
    public var pending = false
    /// Where the record the finding is about starts, which tells apart records that share an id;
    /// nil for run-level findings and files that could not be read.
    public var recordPosition: SourcePosition?
    /// For a finding about a ledger row: the sheet and cell it points at, and what the cell holds.
    public var cell: CellLocation?

    /// Creates a finding.
    public init(
        rule: String, pack: String, severity: Severity, record: String?, file: String, position: SourcePosition?,
        title: LocalizedText, message: LocalizedText, basis: Basis, help: LocalizedText?, evidence: [Evidence], waiver: Waiver? = nil,
        pending: Bool = false, recordPosition: SourcePosition? = nil, cell: CellLocation? = nil
    ) {
        self.rule = rule
        self.pack = pack
        self.severity = severity
        self.record = record
        self.file = file
        self.position = position
        self.title = title
        self.message = message
        self.basis = basis
        self.help = help
        self.evidence = evidence
        self.waiver = waiver
        self.pending = pending
        self.recordPosition = recordPosition
        self.cell = cell
    }

    /// Orders findings by file, line, column, rule (run-level findings first).
    public static func precedes(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.file != rhs.file { return lhs.file.precedesInUTF8(rhs.file) }
        let left = lhs.position ?? SourcePosition(line: 0, column: 0)
        let right = rhs.position ?? SourcePosition(line: 0, column: 0)
        if left != right { return left < right }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        let (leftCounts, rightCounts) = (lhs.countsUnlisted, rhs.countsUnlisted)
        if leftCounts != rightCounts { return rightCounts }
        return lhs.message.en < rhs.message.en
    }
}

/// Where a finding about a row of a ledger (a workbook or CSV file) points: its sheet and cell.
public struct CellLocation: Sendable, Hashable, CustomStringConvertible {
    /// The sheet's name; nil for a CSV file.
    public var sheet: String?
    /// The cell, such as `F14`.
    public var reference: String
    /// The column's header, when the cell is under one.
    public var header: String?
    /// The cell's text, when it has one.
    public var value: String?

    /// Creates a location.
    public init(sheet: String?, reference: String, header: String?, value: String?) {
        self.sheet = sheet
        self.reference = reference
        self.header = header
        self.value = value
    }

    /// `行政处罚!F14`, or `F14` in a CSV file.
    public var description: String {
        sheet.map { "\($0)!\(reference)" } ?? reference
    }
}
