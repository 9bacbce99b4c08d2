import DecisionRecords
public import RuleLanguage

/// A value `seen_before` asked about, answered later in file order.
struct SeenQuery: Sendable {
    var expression: Int
    var value: String
}

/// What the engine carries from one record to the next: the values seen for `seen_before`,
/// and the years the calendar did not cover.
public struct RunState: Sendable {
    private var seen: [Set<String>]
    /// Years outside the calendar that a working-day count touched.
    public private(set) var uncoveredYears: Set<Int> = []

    /// A fresh state for a rule set.
    public init(rules: RuleSet) {
        seen = Array(repeating: [], count: rules.seenCounterCount)
    }

    /// Settles a record's evaluation, in file order: answers its `seen_before` questions and
    /// drops the findings that rested on a value not seen before.
    public mutating func settle(_ evaluation: inout RecordEvaluation) {
        uncoveredYears.formUnion(evaluation.uncoveredYears)
        guard !evaluation.seenQueries.isEmpty else { return }
        let answers = evaluation.seenQueries.map { query in
            query.expression < seen.count && !seen[query.expression].insert(query.value).inserted
        }
        evaluation.findings = zip(evaluation.findings, evaluation.findingQueries).compactMap { finding, query in
            guard let query else { return finding }
            return answers[query] ? finding : nil
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
