import DecisionRecords
import RuleLanguage
import YAMLTree

/// A document's evaluation written as bytes by a worker process and read back by the process that
/// settles it (see `TransferWriter`): everything `RunState.settle` and the reports read, the
/// findings that wait for their `seen_before` question included (their rule by its place among
/// the engine's plans, which is the same in both processes: they were forked from one).
extension Engine {
    /// Writes an evaluation as bytes, to be read back by `evaluation(from:)` of this engine or of
    /// the engine of a process forked from this one.
    public func write(_ evaluation: RecordEvaluation, to writer: inout TransferWriter) {
        writer.int(evaluation.findings.count)
        for finding in evaluation.findings { writer.finding(finding) }
        writer.strings(evaluation.applicableRules)
        writer.strings(evaluation.notInForceRules)
        writer.strings(evaluation.rulesWithNothingToCheck)
        writer.strings(evaluation.rulesNotCheckable)
        writer.int(evaluation.uncoveredYears.count)
        for year in evaluation.uncoveredYears.sorted() { writer.int(year) }
        writer.optionalString(evaluation.uncoveredSeverity?.rawValue)
        writer.bool(evaluation.appliedBeyondRecordPack)
        writer.bool(evaluation.judgedAsRecord)
        writer.bool(evaluation.listsRules)
        writer.int(evaluation.seenQueries.count)
        for query in evaluation.seenQueries {
            writer.int(query.expression)
            writer.string(query.value)
            writer.string(query.record)
            writer.int(query.line)
            writer.optionalString(query.cell)
        }
        writer.int(evaluation.deferred.count)
        for waiting in evaluation.deferred {
            writer.int(waiting.place)
            // Every deferred finding's plan is one of the engine's: its place says which.
            writer.int(plans.firstIndex { $0 === waiting.plan } ?? -1)
            writer.string(waiting.plan.rule.id)
            writer.parts(waiting.parts)
            writer.int(waiting.query)
        }
    }

    /// Reads an evaluation that `write(_:to:)` wrote.
    /// - Throws: `TransferError` when the bytes are not such an evaluation (cut short, or naming
    ///   a rule this engine does not have in that place).
    public func evaluation(from reader: inout TransferReader) throws(TransferError) -> RecordEvaluation {
        var findings: [Finding] = []
        for _ in 0..<(try reader.count()) { findings.append(try reader.finding()) }
        var evaluation = RecordEvaluation(findings: findings, applicableRules: try reader.strings())
        evaluation.notInForceRules = try reader.strings()
        evaluation.rulesWithNothingToCheck = try reader.strings()
        evaluation.rulesNotCheckable = try reader.strings()
        for _ in 0..<(try reader.count()) { evaluation.uncoveredYears.insert(try reader.int()) }
        if let severity = try reader.optionalString() {
            guard let read = Severity(rawValue: severity) else { throw TransferError("a severity '\(severity)'") }
            evaluation.uncoveredSeverity = read
        }
        evaluation.appliedBeyondRecordPack = try reader.bool()
        evaluation.judgedAsRecord = try reader.bool()
        evaluation.listsRules = try reader.bool()
        for _ in 0..<(try reader.count()) {
            evaluation.seenQueries.append(SeenQuery(
                expression: try reader.int(), value: try reader.string(), record: try reader.string(), line: try reader.int(),
                cell: try reader.optionalString()))
        }
        for _ in 0..<(try reader.count()) {
            let place = try reader.int()
            let number = try reader.int()
            let id = try reader.string()
            guard plans.indices.contains(number), plans[number].rule.id == id else {
                throw TransferError("a deferred finding of the rule \(id) (number \(number)), which this engine does not have there")
            }
            let parts = try reader.parts()
            let query = try reader.int()
            guard query >= 0, query < evaluation.seenQueries.count else { throw TransferError("a deferred finding resting on question \(query) of \(evaluation.seenQueries.count)") }
            evaluation.deferred.append(DeferredFinding(place: place, plan: plans[number], parts: parts, query: query))
        }
        return evaluation
    }
}

extension TransferWriter {
    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func position(_ value: SourcePosition) {
        int(value.line)
        int(value.column)
    }

    mutating func position(_ value: SourcePosition?) {
        bool(value != nil)
        if let value { position(value) }
    }

    mutating func text(_ value: LocalizedText) {
        string(value.zh)
        string(value.en)
    }

    mutating func basis(_ value: Basis) {
        string(value.instrument)
        string(value.article)
        optionalString(value.english)
    }

    mutating func evidence(_ values: [Evidence]) {
        int(values.count)
        for item in values {
            string(item.key)
            text(item.label)
            text(item.value)
        }
    }

    mutating func cell(_ value: CellLocation?) {
        bool(value != nil)
        guard let value else { return }
        optionalString(value.sheet)
        string(value.reference)
        optionalString(value.header)
        optionalString(value.value)
    }

    mutating func waiver(_ value: Waiver?) {
        bool(value != nil)
        guard let value else { return }
        string(value.rule)
        string(value.record)
        string(value.reason)
        string(value.approvedBy)
        int(value.expires.ordinal)
        string(value.file)
        position(value.position)
        optionalString(value.recordFile)
        optionalString(value.findingText)
    }

    mutating func finding(_ value: Finding) {
        string(value.rule)
        string(value.pack)
        byte(Self.number(of: value.severity))
        optionalString(value.record)
        string(value.file)
        position(value.position)
        text(value.title)
        text(value.message)
        basis(value.basis)
        bool(value.help != nil)
        if let help = value.help { text(help) }
        evidence(value.evidence)
        waiver(value.waiver)
        bool(value.pending)
        position(value.recordPosition)
        cell(value.cell)
    }

    mutating func parts(_ value: FindingParts) {
        position(value.position)
        evidence(value.evidence)
        strings(value.messageValues)
        optionalString(value.record)
        string(value.file)
        position(value.recordPosition)
        bool(value.basis != nil)
        if let versionBasis = value.basis { basis(versionBasis) }
        bool(value.help != nil)
        if let versionHelp = value.help { text(versionHelp) }
        bool(value.pending)
        cell(value.cell)
    }

    static func number(of severity: Severity) -> UInt8 {
        switch severity {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }
}

extension TransferReader {
    mutating func strings() throws(TransferError) -> [String] {
        var values: [String] = []
        for _ in 0..<(try count()) { values.append(try string()) }
        return values
    }

    mutating func position() throws(TransferError) -> SourcePosition {
        SourcePosition(line: try int(), column: try int())
    }

    mutating func optionalPosition() throws(TransferError) -> SourcePosition? {
        try bool() ? try position() : nil
    }

    mutating func text() throws(TransferError) -> LocalizedText {
        LocalizedText(zh: try string(), en: try string())
    }

    mutating func basis() throws(TransferError) -> Basis {
        Basis(instrument: try string(), article: try string(), english: try optionalString())
    }

    mutating func evidence() throws(TransferError) -> [Evidence] {
        var values: [Evidence] = []
        for _ in 0..<(try count()) { values.append(Evidence(key: try string(), label: try text(), value: try text())) }
        return values
    }

    mutating func cell() throws(TransferError) -> CellLocation? {
        guard try bool() else { return nil }
        return CellLocation(sheet: try optionalString(), reference: try string(), header: try optionalString(), value: try optionalString())
    }

    mutating func severity() throws(TransferError) -> Severity {
        switch try byte() {
        case 0: .info
        case 1: .warning
        case 2: .error
        case let other: throw TransferError("a severity written as \(other)")
        }
    }

    mutating func waiver() throws(TransferError) -> Waiver? {
        guard try bool() else { return nil }
        var waiver = Waiver(
            rule: try string(), record: try string(), reason: try string(), approvedBy: try string(),
            expires: Day(ordinal: try int()), file: try string(), position: try position(), recordFile: try optionalString())
        waiver.findingText = try optionalString()
        return waiver
    }

    mutating func finding() throws(TransferError) -> Finding {
        let rule = try string(), pack = try string(), severity = try severity(), record = try optionalString()
        let file = try string(), place = try optionalPosition(), title = try text(), message = try text()
        let basis = try basis()
        let help = try bool() ? try text() : nil
        let evidence = try evidence(), waiver = try waiver()
        return Finding(
            rule: rule, pack: pack, severity: severity, record: record, file: file, position: place, title: title,
            message: message, basis: basis, help: help, evidence: evidence, waiver: waiver, pending: try bool(),
            recordPosition: try optionalPosition(), cell: try cell())
    }

    mutating func parts() throws(TransferError) -> FindingParts {
        let position = try position(), evidence = try evidence(), messageValues = try strings()
        let record = try optionalString(), file = try string(), recordPosition = try optionalPosition()
        let basis = try bool() ? try basis() : nil
        let help = try bool() ? try text() : nil
        return FindingParts(
            position: position, evidence: evidence, messageValues: messageValues, record: record, file: file,
            recordPosition: recordPosition, basis: basis, help: help, pending: try bool(), cell: try cell())
    }
}
