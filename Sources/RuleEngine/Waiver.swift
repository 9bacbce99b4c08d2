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
    /// A text the finding's message holds (in either language), when the waiver names one: it then
    /// holds for that finding alone — the officer, the step approved —, not for every finding of its
    /// rule on the record (a waiver approved for one officer's certificate waived a second
    /// officer's, uncertified, too).
    public var findingText: String?

    /// Whether the waiver, by its `finding`, holds for a finding of its rule and record.
    func holds(for finding: Finding) -> Bool {
        guard let text = findingText else { return true }
        return finding.message.zh.contains(text) || finding.message.en.contains(text)
    }
}
