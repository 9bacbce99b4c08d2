import DecisionRecords
import Foundation
@testable import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// A document's evaluation written as bytes (by a worker process) and read back (by the process
/// that settles it) must settle and report exactly as the evaluation itself.
@Suite struct EvaluationTransferTests {
    static func roundTrip(_ evaluation: RecordEvaluation, _ engine: Engine) throws -> RecordEvaluation {
        var writer = TransferWriter()
        engine.write(evaluation, to: &writer)
        return try writer.bytes.withUnsafeBufferPointer { bytes in
            var reader = TransferReader(bytes)
            let read = try engine.evaluation(from: &reader)
            let atEnd = reader.isAtEnd
            #expect(atEnd)
            return read
        }
    }

    @Test func everyCaseSettlesTheSameAfterARoundTrip() throws {
        let engine = try EngineReplicaTests.engine()
        // Every case twice, so the second copy of each record finds its id seen before (REC-002):
        // the findings that waited for that question are settled from the bytes too.
        let documents = try EngineReplicaTests.caseDocuments()
        var direct = RunState(rules: engine.context.rules)
        var transferred = RunState(rules: engine.context.rules)
        var settled = 0
        var waited = 0
        for (file, document) in documents + documents {
            var evaluation = engine.evaluate(engine.load(document, file: file), file: file)
            var copy = try Self.roundTrip(evaluation, engine)
            #expect(copy.applicableRules == evaluation.applicableRules)
            #expect(copy.notInForceRules == evaluation.notInForceRules)
            #expect(copy.rulesWithNothingToCheck == evaluation.rulesWithNothingToCheck)
            #expect(copy.uncoveredYears == evaluation.uncoveredYears)
            #expect(copy.appliedBeyondRecordPack == evaluation.appliedBeyondRecordPack)
            #expect(copy.unsettledFindingCount == evaluation.unsettledFindingCount)
            waited += evaluation.unsettledFindingCount
            direct.settle(&evaluation, file: file)
            transferred.settle(&copy, file: file)
            #expect(EngineReplicaTests.summary(copy.findings) == EngineReplicaTests.summary(evaluation.findings), "\(file)")
            #expect(copy.findings.map(\.title) == evaluation.findings.map(\.title))
            #expect(copy.findings.map(\.help) == evaluation.findings.map(\.help))
            #expect(copy.findings.map(\.recordPosition) == evaluation.findings.map(\.recordPosition))
            #expect(copy.findings.map(\.severity) == evaluation.findings.map(\.severity))
            #expect(copy.findings.map(\.record) == evaluation.findings.map(\.record))
            settled += evaluation.findings.filter { $0.rule == "REC-002" }.count
        }
        #expect(direct.uncoveredYears == transferred.uncoveredYears)
        // The comparison compared something: findings waited, and the second copies were settled as duplicates.
        #expect(waited >= documents.count)
        #expect(settled >= documents.count / 2)
    }

    @Test func everyFieldOfAFindingIsCarried() throws {
        let engine = try EngineReplicaTests.engine()
        var evaluation = engine.evaluate(.unreadable(RecordProblem(
            code: .yaml, message: LocalizedText(zh: "无法解析", en: "cannot parse"), position: SourcePosition(line: 3, column: 7))), file: "a.yaml")
        var finding = try #require(evaluation.findings.first)
        finding.waiver = Waiver(
            rule: "MAD-001", record: "R-1", reason: "理由", approvedBy: "县政府", expires: Day(ordinal: 20_000), file: ".legality.yaml",
            position: SourcePosition(line: 9, column: 3), recordFile: "a.yaml")
        finding.cell = CellLocation(sheet: "台账", reference: "F14", header: "日期", value: "2025-13-01")
        finding.pending = true
        finding.help = nil
        finding.evidence = [Evidence(key: "date", label: LocalizedText(zh: "日期", en: "date"), value: LocalizedText(zh: "—", en: "-"))]
        finding.basis = Basis(instrument: "《条例》", article: "第一条", english: nil)
        evaluation.findings = [finding, Finding(
            rule: "MAD-001", pack: "mad", severity: .warning, record: "R-1", file: "b.yaml", position: nil,
            title: LocalizedText(zh: "标题", en: "title"), message: LocalizedText(zh: "消息", en: "message"),
            basis: Basis(instrument: "《条例》", article: "第二条", english: "Article 2"),
            help: LocalizedText(zh: "改正", en: "fix"), evidence: [], recordPosition: SourcePosition(line: 2, column: 1))]
        evaluation.uncoveredYears = [2027, 2019]
        evaluation.uncoveredSeverity = .warning
        evaluation.applicableRules = ["MAD-001", "REC-001"]
        evaluation.notInForceRules = ["PEN-009"]
        evaluation.rulesWithNothingToCheck = ["PEN-001", "MAD-004"]
        evaluation.appliedBeyondRecordPack = true
        evaluation.listsRules = false
        // A finding waiting for its question, with every part set.
        let plan = try #require(engine.plans.first { $0.rule.id == "REC-002" })
        evaluation.seenQueries = [SeenQuery(expression: 0, value: "R-1", record: "R-1", line: 4)]
        evaluation.deferred = [DeferredFinding(place: 1, plan: plan, parts: FindingParts(
            position: SourcePosition(line: 4, column: 5), evidence: finding.evidence, messageValues: ["R-1", "二"],
            record: "R-1", file: "c.xlsx", recordPosition: SourcePosition(line: 3, column: 1),
            basis: Basis(instrument: "《办法》", article: "", english: "Measures"), pending: true,
            cell: CellLocation(sheet: nil, reference: "B7", header: nil, value: "R-1")), query: 0)]
        let read = try Self.roundTrip(evaluation, engine)
        #expect(read.applicableRules == evaluation.applicableRules && read.notInForceRules == evaluation.notInForceRules)
        #expect(read.rulesWithNothingToCheck == ["PEN-001", "MAD-004"])
        #expect(read.appliedBeyondRecordPack && !read.listsRules)
        #expect(read.seenQueries.map(\.value) == ["R-1"] && read.seenQueries.map(\.line) == [4] && read.seenQueries.map(\.record) == ["R-1"])
        let waiting = try #require(read.deferred.first)
        #expect(waiting.plan === plan && waiting.place == 1 && waiting.query == 0)
        #expect(waiting.parts.position == SourcePosition(line: 4, column: 5) && waiting.parts.messageValues == ["R-1", "二"])
        #expect(waiting.parts.record == "R-1" && waiting.parts.file == "c.xlsx" && waiting.parts.recordPosition == SourcePosition(line: 3, column: 1))
        #expect(waiting.parts.basis == Basis(instrument: "《办法》", article: "", english: "Measures") && waiting.parts.pending)
        #expect(waiting.parts.cell == CellLocation(sheet: nil, reference: "B7", header: nil, value: "R-1"))
        #expect(waiting.parts.evidence == finding.evidence)
        let second = try #require(read.findings.last)
        #expect(second.record == "R-1" && second.position == nil && second.recordPosition == SourcePosition(line: 2, column: 1))
        #expect(second.help == LocalizedText(zh: "改正", en: "fix") && second.basis.english == "Article 2" && second.severity == .warning)
        let copy = try #require(read.findings.first)
        #expect(copy.waiver == finding.waiver)
        #expect(copy.cell == finding.cell)
        #expect(copy.pending && copy.help == nil)
        #expect(copy.evidence == finding.evidence)
        #expect(copy.basis == finding.basis)
        #expect(copy.position == finding.position && copy.file == finding.file && copy.message == finding.message)
        #expect(try Self.roundTrip(evaluation, engine).uncoveredYears == [2019, 2027])
        #expect(read.uncoveredSeverity == .warning)
    }

    @Test func bytesCutShortOrOfAnotherEngineAreRefused() throws {
        let engine = try EngineReplicaTests.engine()
        let (file, document) = try #require(try EngineReplicaTests.caseDocuments().first)
        let evaluation = engine.evaluate(engine.load(document, file: file), file: file)
        #expect(evaluation.unsettledFindingCount > 0)
        var writer = TransferWriter()
        engine.write(evaluation, to: &writer)
        let bytes = writer.bytes
        // Every cut is refused with an error, never read as a shorter evaluation.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
            let cut = Array(bytes[..<length])
            #expect(throws: TransferError.self) {
                try cut.withUnsafeBufferPointer { buffer in
                    var reader = TransferReader(buffer)
                    _ = try engine.evaluation(from: &reader)
                }
            }
        }
        // An engine of other rules does not take a waiting finding of a rule it has not in that place.
        let other = try EngineReplicaTests.engine(include: { $0.id != "REC-000" && $0.id != "REC-001" })
        #expect(throws: TransferError.self) {
            try bytes.withUnsafeBufferPointer { buffer in
                var reader = TransferReader(buffer)
                _ = try other.evaluation(from: &reader)
            }
        }
    }

    @Test func integersOfEverySizeAndSignComeBack() throws {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, 1 << 31, -(1 << 40), Int.max, Int.min]
        var writer = TransferWriter()
        for value in values { writer.int(value) }
        writer.string("合法性审查 ok")
        writer.optionalString(nil)
        writer.data([0, 255, 7])
        let read = try writer.bytes.withUnsafeBufferPointer { buffer in
            var reader = TransferReader(buffer)
            let numbers = try values.map { _ in try reader.int() }
            let text = try reader.string()
            let none = try reader.optionalString()
            let data = try reader.data()
            let atEnd = reader.isAtEnd
            #expect(atEnd)
            return (numbers, text, none, data)
        }
        #expect(read.0 == values)
        #expect(read.1 == "合法性审查 ok")
        #expect(read.2 == nil)
        #expect(read.3 == [0, 255, 7])
    }
}
