import DecisionRecords
public import RuleLanguage

/// A value `seen_before` asked about, answered later in file order.
struct SeenQuery: Sendable {
    var expression: Int
    var value: String
    /// Where the value is asked about: the record's id, file and line.
    var place: SeenPlace
}

/// A record that held a value first: named in the findings about later ones.
struct SeenPlace: Sendable {
    var record: String
    var file: String
    var line: Int
}

/// What the engine carries from one record to the next: the values seen for `seen_before`,
/// and the years the calendar did not cover.
public struct RunState: Sendable {
    /// For each `seen_before` expression, the values seen so far and where each was first seen.
    private var seen: [[String: SeenPlace]]
    /// Years outside the calendar that a working-day count touched.
    public private(set) var uncoveredYears: Set<Int> = []

    /// A fresh state for a rule set.
    public init(rules: RuleSet) {
        seen = Array(repeating: [:], count: rules.seenCounterCount)
    }

    /// Settles a record's evaluation, in file order: answers its `seen_before` questions and
    /// drops the findings that rested on a value not seen before.
    public mutating func settle(_ evaluation: inout RecordEvaluation) {
        uncoveredYears.formUnion(evaluation.uncoveredYears)
        guard !evaluation.seenQueries.isEmpty else { return }
        let earlier: [SeenPlace?] = evaluation.seenQueries.map { query in
            guard query.expression < seen.count else { return nil }
            if let first = seen[query.expression][query.value] { return first }
            seen[query.expression][query.value] = query.place
            return nil
        }
        evaluation.findings = zip(evaluation.findings, evaluation.findingQueries).compactMap { finding, query in
            guard let query else { return finding }
            guard let first = earlier[query] else { return nil }
            // The finding names the record that held the value first.
            var named = finding
            let place = "\(first.file):\(first.line)"
            named.message.zh += "（最早见于记录 \(first.record)，\(place)）"
            named.message.en += " (first in record \(first.record), \(place))"
            named.evidence.append(Evidence(
                key: "first_seen", label: LocalizedText(zh: "最早出现", en: "first seen"),
                value: LocalizedText(zh: "\(first.record)（\(place)）", en: "\(first.record) (\(place))")))
            return named
        }
        evaluation.findingQueries = Array(repeating: nil, count: evaluation.findings.count)
        evaluation.seenQueries = []
    }
}

/// What evaluating one document gave.
public struct RecordEvaluation: Sendable {
    /// The findings, in evaluation order.
    public var findings: [Finding]
    /// The ids of the rules that applied to the document.
    public var applicableRules: [String]
    /// The ids of the rules whose kinds and conditions fit the document but whose law was not yet
    /// (or no longer) in force on the day of the act.
    public var notInForceRules: [String] = []
    /// Years outside the calendar that a working-day count touched.
    public var uncoveredYears: Set<Int> = []
    /// `seen_before` questions not yet answered.
    var seenQueries: [SeenQuery] = []
    /// For each finding, the question it rests on, if any.
    var findingQueries: [Int?] = []

    init(findings: [Finding], applicableRules: [String]) {
        self.findings = findings
        self.applicableRules = applicableRules
        findingQueries = Array(repeating: nil, count: findings.count)
    }
}
