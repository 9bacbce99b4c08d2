import DecisionRecords
import RuleLanguage
import YAMLTree

/// What a finding says of one case, evaluated where its rule's violation held: where it points,
/// what it weighed, the texts of its message's values, and the record it is about. A rule's plan
/// makes the finding of it (`RulePlan.finding`).
struct FindingParts: Sendable {
    var position: SourcePosition
    var evidence: [Evidence]
    /// The texts of the message's values (see `Evaluator.valueTexts`).
    var messageValues: [String]
    /// The record's id (nil when it has none), its file and where it starts (nil for a file that
    /// could not be read as a record).
    var record: String?
    var file: String
    var recordPosition: SourcePosition?
    /// The basis of the version of the rule's law in use, for a rule with versions.
    var basis: Basis?
    /// How to put the violation right under that version, where it says so (else the rule's).
    var help: LocalizedText?
    /// Whether the finding is about a planned step still ahead of the as-of date.
    var pending = false
    /// The ledger cell the finding points at, for a record read from a ledger's row.
    var cell: CellLocation?
}

/// A finding that rests on a `seen_before` question, kept in parts until the run settles the
/// question in file order (`RunState.settle`). Most records' values are new, and such a finding
/// is then dropped: it is made only when it stands (made and dropped for every record, the
/// duplicate-id finding cost some 10,000 instructions a record, and most of a record's memory
/// while it waited to be settled).
struct DeferredFinding: Sendable {
    /// Where the finding stands among the record's other findings: before the one of this index
    /// (after the last when there is none).
    let place: Int
    let plan: RulePlan
    var parts: FindingParts
    /// The question it rests on: its index in the evaluation's `seenQueries`.
    let query: Int
}
