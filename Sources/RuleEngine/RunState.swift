import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// A value `seen_before` asked about, answered later in file order.
struct SeenQuery: Sendable {
    var expression: Int
    var value: String
    /// The id of the record that asks, and the line it starts on.
    var record: String
    var line: Int
    /// The cell the record starts at, with its sheet (`台账!A2`), for a row of a ledger: said in
    /// place of the line (a row's number alone named no sheet, and pointed at a row of another).
    var cell: String? = nil
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
            return seen[query.expression].firstPlace(of: query.value, else: SeenTable.Place(record: query.record, file: file, line: query.line, cell: query.cell))
        }
        evaluation.seenQueries = []
        let deferred = evaluation.deferred
        evaluation.deferred = []
        // Most records' values are new: their deferred findings are dropped, the others stay as they are.
        guard deferred.contains(where: { earlier[$0.query] != nil }) else { return }
        evaluation.findings = RecordEvaluation.merge(evaluation.findings, deferred) { waiting in
            guard let first = earlier[waiting.query] else { return nil }
            // The finding names the record that held the value first.
            var finding = waiting.plan.finding(waiting.parts)
            let place = "\(fileName(first.file)):\(first.cell ?? String(first.line))"
            finding.message.zh += "（最早见于记录 \(first.record)，\(place)）"
            finding.message.en += " (first in record \(first.record), \(place))"
            finding.evidence.append(Evidence(
                key: "first_seen", label: LocalizedText(zh: "最早出现", en: "first seen"),
                value: LocalizedText(zh: "\(first.record)（\(place)）", en: "\(first.record) (\(place))")))
            return finding
        }
    }
}

/// What evaluating one document gave.
public struct RecordEvaluation: Sendable {
    /// The findings, in evaluation order; one that rests on a `seen_before` question is added in
    /// its place when `RunState.settle` answers the question (and only if the value was seen).
    public var findings: [Finding]
    /// The ids of the rules that applied to the document.
    public var applicableRules: [String]
    /// The ids of the rules whose kinds and conditions fit the document but whose law was not yet
    /// (or no longer) in force on the day of the act.
    public var notInForceRules: [String] = []
    /// The ids of the rules that applied but had nothing to check: each of their `for_each`
    /// selections came back empty (a penalty case without an inspection, for the rule on its officers).
    public var rulesWithNothingToCheck: [String] = []
    /// For a record the record pack blocked, the ids of the rules of its kind that did not run on
    /// it and whose `when` (read from what could be read) does not rule them out: checks that
    /// could not be made (listed where `applicableRules` is).
    public var rulesNotCheckable: [String] = []
    /// Years outside the calendar that a working-day count touched.
    public var uncoveredYears: Set<Int> = []
    /// The highest severity of a rule that relied on such a count.
    public var uncoveredSeverity: Severity?
    /// Whether a rule outside the record pack applied to the document.
    public var appliedBeyondRecordPack = false
    /// Whether the document was a record the record pack let through to the other packs.
    public var judgedAsRecord = false
    /// A record let through that no rule beyond the record format applied to (a kind no pack
    /// checks, acts before the law was in force): nothing of substance was checked.
    public var isFormatOnly: Bool { judgedAsRecord && !appliedBeyondRecordPack }
    /// Whether `applicableRules`, `notInForceRules` and `rulesWithNothingToCheck` are listed (see `Engine.evaluate`).
    var listsRules = true
    /// `seen_before` questions not yet answered.
    var seenQueries: [SeenQuery] = []
    /// The findings that rest on those questions, made when they are settled (`RunState.settle`).
    var deferred: [DeferredFinding] = []

    /// Names the cell a ledger's row starts at (`台账!A2`, or `A2` in a CSV file), so that a later
    /// record repeating one of its values names that cell rather than a line.
    public mutating func startsAt(cell: CellLocation) {
        for index in seenQueries.indices { seenQueries[index].cell = cell.description }
    }

    /// How many findings wait, in parts, for their `seen_before` question to be settled.
    public var unsettledFindingCount: Int { deferred.count }

    init(findings: [Finding], applicableRules: [String]) {
        self.findings = findings
        self.applicableRules = applicableRules
    }

    /// The findings with each deferred one that `make` makes (nil drops it) in its place.
    static func merge(_ findings: [Finding], _ deferred: [DeferredFinding], _ make: (DeferredFinding) -> Finding?) -> [Finding] {
        var merged: [Finding] = []
        merged.reserveCapacity(findings.count + deferred.count)
        var next = 0
        func addDeferred(before index: Int) {
            while next < deferred.count, deferred[next].place <= index {
                if let finding = make(deferred[next]) { merged.append(finding) }
                next += 1
            }
        }
        for (index, finding) in findings.enumerated() {
            addDeferred(before: index)
            merged.append(finding)
        }
        addDeferred(before: .max)
        return merged
    }

    /// Points each finding whose position `locate` knows at a ledger's cell, findings still
    /// unsettled included.
    public mutating func locateFindings(_ locate: (SourcePosition) -> CellLocation?) {
        for index in findings.indices {
            guard let position = findings[index].position, let cell = locate(position) else { continue }
            findings[index].cell = cell
        }
        for index in deferred.indices {
            guard let cell = locate(deferred[index].parts.position) else { continue }
            deferred[index].parts.cell = cell
        }
    }
}
