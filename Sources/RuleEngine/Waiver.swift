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
        return Self.names(text, in: finding.message.zh) || Self.names(text, in: finding.message.en)
    }

    /// Whether `message` holds `text` whole: where the text begins or ends with an ASCII letter or
    /// digit (an id such as `P-1`, a day), the message has no letter, digit, `-` or `_` of ASCII
    /// beside it there. A waiver approved for officer P-1 waived P-12's finding too, and P-123's.
    static func names(_ text: String, in message: String) -> Bool {
        let needle = Array(text.utf8)
        guard let first = needle.first, let last = needle.last else { return false }
        let checksBefore = continuesAWord(first)
        let checksAfter = continuesAWord(last)
        let haystack = Array(message.utf8)
        guard haystack.count >= needle.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) {
                let end = start + needle.count
                let wholeBefore = !checksBefore || start == 0 || !continuesAWord(haystack[start - 1])
                let wholeAfter = !checksAfter || end == haystack.count || !continuesAWord(haystack[end])
                if wholeBefore, wholeAfter { return true }
            }
            start += 1
        }
        return false
    }

    /// An ASCII letter, digit, `-` or `_`: a byte that goes on with an id.
    private static func continuesAWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
