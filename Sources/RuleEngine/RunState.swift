import DecisionRecords
public import RuleLanguage

/// A value `seen_before` asked about, answered later in file order.
struct SeenQuery: Sendable {
    var expression: Int
    var value: String
    /// The id of the record that asks, and the line it starts on.
    var record: String
    var line: Int
}

/// What the engine carries from one record to the next: the values seen for `seen_before`,
/// and the years the calendar did not cover.
public struct RunState: Sendable {
    /// For each `seen_before` expression, the values seen so far and where each was first seen.
    private var seen: [SeenTable]
    /// The files named to `settle(_:file:)`, each once, in order.
    private var namedFiles: [String] = []
    /// Years outside the calendar that a working-day count touched.
    public private(set) var uncoveredYears: Set<Int> = []

    /// A fresh state for a rule set.
    public init(rules: RuleSet) {
        seen = Array(repeating: SeenTable(), count: rules.seenCounterCount)
    }

    /// Settles a record's evaluation from the file named `file`; every document of a run must be
    /// settled this way or every one by number (`settle(_:file:fileName:)`), not some of each.
    public mutating func settle(_ evaluation: inout RecordEvaluation, file: String) {
        if namedFiles.last != file { namedFiles.append(file) }
        let files = namedFiles
        settle(&evaluation, file: files.count - 1) { files[$0] }
    }

    /// Settles a record's evaluation, in file order: answers its `seen_before` questions and
    /// drops the findings that rested on a value not seen before. `file` is the number of the
    /// record's file in the run; `fileName` names the file of an earlier number (a run of a million
    /// files keeps their names once, in the caller's list, not again here).
    public mutating func settle(_ evaluation: inout RecordEvaluation, file: Int, fileName: (Int) -> String) {
        uncoveredYears.formUnion(evaluation.uncoveredYears)
        guard !evaluation.seenQueries.isEmpty else { return }
        let earlier: [SeenTable.Place?] = evaluation.seenQueries.map { query in
            guard query.expression < seen.count else { return nil }
            return seen[query.expression].firstPlace(of: query.value, else: SeenTable.Place(record: query.record, file: file, line: query.line))
        }
        // The findings are kept in place, in order (most records drop one, and keep the rest).
        var kept = 0
        for index in evaluation.findings.indices {
            if let query = evaluation.findingQueries[index] {
                guard let first = earlier[query] else { continue }
                // The finding names the record that held the value first.
                let place = "\(fileName(first.file)):\(first.line)"
                evaluation.findings[index].message.zh += "（最早见于记录 \(first.record)，\(place)）"
                evaluation.findings[index].message.en += " (first in record \(first.record), \(place))"
                evaluation.findings[index].evidence.append(Evidence(
                    key: "first_seen", label: LocalizedText(zh: "最早出现", en: "first seen"),
                    value: LocalizedText(zh: "\(first.record)（\(place)）", en: "\(first.record) (\(place))")))
            }
            if kept != index { evaluation.findings.swapAt(kept, index) }
            kept += 1
        }
        evaluation.findings.removeLast(evaluation.findings.count - kept)
        evaluation.findingQueries.removeLast(evaluation.findingQueries.count - kept)
        for index in evaluation.findingQueries.indices { evaluation.findingQueries[index] = nil }
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
