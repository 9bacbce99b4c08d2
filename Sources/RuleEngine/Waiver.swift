public import DecisionRecords
public import YAMLTree

/// A governed exception: one rule waived for one record, with a reason, an approver and an expiry.
public struct Waiver: Sendable, Hashable {
    /// The rule waived.
    public var rule: String
    /// The record it is waived for.
    public var record: String
    /// Why.
    public var reason: String
    /// The approving document or person.
    public var approvedBy: String
    /// The last day the waiver holds.
    public var expires: Day
    /// The configuration file.
    public var file: String
    /// Where the waiver is written.
    public var position: SourcePosition
    /// The record's file (resolved from the configuration's folder), when the waiver names one: it
    /// then holds only for the record of that id in that file, so a new record reusing the id does
    /// not inherit it.
    public var recordFile: String?
}
