import DecisionRecords
import Reporters
import RuleEngine
import YAMLTree

/// The findings of a set of record files, with their documents.
struct CheckedFiles {
    /// Findings of every file, in file order.
    var findings: [Finding] = []
    /// One entry per document: its file, record and findings.
    var records: [CheckedRecord] = []
    /// Years outside the calendar that some count touched.
    var uncoveredYears: Set<Int> = []
}

extension CheckedFiles {
    /// Marks each record whose rules needing a registry of people could not run (none beside
    /// it) with those rules: it is not known to comply. (A case with an expired certificate was
    /// 合规 in a folder without a registry, and the annual report dropped the violations of every
    /// other record once one lacked a registry.) Only a record some rule beyond the record format
    /// checks: one no pack checks is 无适用规则, in no rate, with a registry or without.
    mutating func markRulesNotRunWithoutRegistry(engine: Engine, registries: RegistryLookup) {
        for index in records.indices {
            let record = records[index]
            guard record.standing == .record, !record.blocked, registries.registry(for: record.file) == nil else { continue }
            records[index].rulesNotRunWithoutRegistry = engine.rulesNotRunWithoutRegistry(
                forKind: record.kind, namesPeople: record.namesPeople && record.checkedBeyondFormat).map(\.id)
        }
    }
}

/// Reads each record file once, parses it once, and evaluates each document as it completes;
/// with several jobs, files are checked in parallel and settled in file order, document by
/// document, so the result does not depend on the number of jobs and no file is held whole.
enum RecordChecker {
    /// One document as its worker left it, before it is settled in file order.
    struct DocumentOutcome: Sendable {
        var standing: CheckedRecord.Standing
        /// Its summary, kept only when reports need records.
        var record: CheckedRecord? {
            get { boxedRecord?.record }
            set { boxedRecord = newValue.map(SummaryBox.init) }
        }
        /// The summary is boxed: a document waiting in the pipeline's queue without one then
        /// takes some 60 bytes there instead of 240.
        private var boxedRecord: SummaryBox?
        var evaluation: RecordEvaluation

        init(standing: CheckedRecord.Standing, record: CheckedRecord?, evaluation: RecordEvaluation) {
            self.standing = standing
            boxedRecord = record.map(SummaryBox.init)
            self.evaluation = evaluation
        }

        /// About how many bytes the document holds while it waits to be settled, on the safe side:
        /// a finding about 1 KB, a finding that waits for its `seen_before` question in parts (every
        /// record has one: the duplicate-id rule's, dropped unless its id was seen before) some
        /// hundreds of bytes, a summary some hundreds more. A finding with a long evidence list holds
        /// more than its share, so the pipeline's budget is a guide, not a bound.
        var estimatedBytes: Int {
            Self.baseBytes + evaluation.findings.count * Self.bytesPerFinding
                + evaluation.unsettledFindingCount * Self.bytesPerUnsettledFinding + (boxedRecord == nil ? 0 : Self.summaryBytes)
        }

        static let baseBytes = 256
        static let bytesPerFinding = 1_024
        static let bytesPerUnsettledFinding = 512
        static let summaryBytes = 1_024
    }

    final class SummaryBox: Sendable {
        let record: CheckedRecord
        init(_ record: CheckedRecord) { self.record = record }
    }

    /// What a worker hands over for a file, piece by piece: its text first (when excerpts are
    /// wanted and it is UTF-8), then each document as it is evaluated.
    enum Piece: Sendable {
        case source([UInt8])
        case document(DocumentOutcome)
        /// A line for standard error about the file (a ledger with no row, a report of legality's
        /// own), written when the file's turn comes: written where the file was read, the lines of
        /// a run of several jobs came in a different order every time.
        case note(String)

        /// About how many bytes the piece holds while it waits in the pipeline's queue.
        var estimatedBytes: Int {
            switch self {
            case .source(let bytes): bytes.count
            case .document(let outcome): outcome.estimatedBytes
            case .note(let text): text.utf8.count
            }
        }
    }

    /// One settled document: its findings (sorted) and, when kept, its summary.
    struct SettledDocument {
        var file: String
        var standing: CheckedRecord.Standing
        var record: CheckedRecord?
        var findings: [Finding]
        /// A record nothing of substance was checked in (see `RecordEvaluation.isFormatOnly`).
        var formatOnly = false
    }

    /// What `run` reports, in file order.
    enum Event {
        /// A file begins; its text, when kept for excerpts.
        case started(file: String, source: [UInt8]?)
        /// One of its documents, settled.
        case document(SettledDocument)
        /// The file is done.
        case finished(file: String)
    }

    /// Checks every file and keeps its findings and documents, for reports that need the whole run at once.
    static func check(_ files: PathList, engine: Engine, jobs: Int = 1, limits: RecordLimits) -> CheckedFiles {
        var result = CheckedFiles()
        result.uncoveredYears = run(files, engine: engine, keepSources: false, keepRecords: true, jobs: jobs, limits: limits) { event in
            guard case .document(let document) = event else { return }
            result.findings += document.findings
            if let record = document.record { result.records.append(record) }
        }
        return result
    }

    /// A record file's path and whether it may be read (opened, if so).
    typealias AdmittedFile = (file: String, admission: Discovery.Admission)

    /// Checks every file and hands each file's documents, settled, to `each` in file order; nothing
    /// is kept, so memory does not grow with the number of files or documents (beyond the ids kept
    /// for duplicate detection). Returns the years the calendar missed.
    static func run(
        _ files: PathList, engine: Engine, keepSources: Bool, keepRecords: Bool, jobs: Int, limits: RecordLimits,
        each: (Event) -> Void
    ) -> Set<Int> {
        var state = RunState(rules: engine.context.rules)
        var documentCount = 0
        // A file is admitted (opened) by the worker about to start it, and weighs its size against
        // the pipeline's budget of bytes in flight (measured in advance, on this thread, the sizes
        // of 20,000 files kept both workers waiting some 60 ms).
        // (The path, made from the list's bytes once, goes with the admission to the work.)
        let admit: @Sendable (Int) -> (weight: Int, prepared: AdmittedFile) = { index in
            let file = files[index]
            let admission = Discovery.admission(of: file, roots: limits.roots)
            let size = admission.size
            return (isStreamed(file, size: size, keepSources: keepSources, limits: limits) ? streamedWeight : size, (file, admission))
        }
        // (One job where the system lets this user start next to no process or thread.)
        let workers = mayStartProcesses(jobs) ? max(1, min(jobs, files.count)) : 1
        // Several jobs run as worker processes where they can (see `WorkerProcesses`), else as threads.
        let processes = keepRecords || workers < 2 || files.holdsStandardInput ? nil : WorkerProcesses<Piece>.start(
            count: files.count, processes: workers,
            work: { index, emit in
                let admitted = admit(index).prepared
                read(admitted.file, admission: admitted.admission, engine: engine, keepSources: keepSources, keepRecords: keepRecords, limits: limits, emit: emit)
            },
            encode: { piece, writer in write(piece, engine: engine, to: &writer) },
            decode: { (reader: inout TransferReader) throws(TransferError) in try piece(from: &reader, engine: engine) },
            weigh: { piece in piece.estimatedBytes }, size: { index in FileSystem.status(of: files[index]).size })
        // Each worker thread but the first evaluates with an engine of its own (see `Engine.replica`).
        var source: PieceSource? = processes.map(PieceSource.processes) ?? .threads(OrderedPipeline(
            count: files.count, workers: workers, prepare: admit, weigh: \.estimatedBytes,
            worker: { number in number == 0 ? engine : engine.replica() }
        ) { engine, _, admitted, emit in
            read(admitted.file, admission: admitted.admission, engine: engine, keepSources: keepSources, keepRecords: keepRecords, limits: limits, emit: emit)
        })
        for index in files.indices {
            let file = files[index]
            var started = false
            var overLimit = false
            func start(_ source: [UInt8]?) {
                guard !started else { return }
                started = true
                each(.started(file: file, source: source))
            }
            // (A closure written here, not a local function: the variables a local function
            // captures were checked for exclusive access, six checks a file.)
            source?.take(index) { (piece: consuming Piece) in
                switch consume piece {
                case .source(let bytes):
                    start(bytes)
                case .note(let text):
                    FileSystem.writeStandardError(text)
                case .document(var outcome):
                    start(nil)
                    guard !overLimit else { return }
                    if documentCount >= limits.maxRecords {
                        // Past the run's record limit the rest of a file is not evaluated; it says so once.
                        overLimit = true
                        let problem = RecordProblem(
                            code: .yaml,
                            message: LocalizedText(
                                zh: "本次运行的记录数已达上限 \(limits.maxRecords)，此文件其余部分未检查；可用 --max-records 提高上限",
                                en: "the run reached its limit of \(limits.maxRecords) records, so the rest of this file was not checked; raise it with --max-records"),
                            position: .start)
                        outcome = unreadable(file, problem, engine)
                    }
                    documentCount += 1
                    state.settle(&outcome.evaluation, file: index) { files[$0] }
                    var record = outcome.record
                    record?.findings = outcome.evaluation.findings
                    record?.applicableRules = outcome.evaluation.applicableRules
                    record?.checkedBeyondFormat = outcome.evaluation.appliedBeyondRecordPack
                    record?.notInForceRules = outcome.evaluation.notInForceRules
                    record?.rulesWithNothingToCheck = outcome.evaluation.rulesWithNothingToCheck
                    record?.rulesNotCheckable = outcome.evaluation.rulesNotCheckable
                    if !outcome.evaluation.uncoveredYears.isEmpty {
                        record?.uncoveredYears = outcome.evaluation.uncoveredYears.sorted()
                        record?.uncoveredSeverity = outcome.evaluation.uncoveredSeverity
                    }
                    // Sorted in place when no summary shares them (`sort` orders as `sorted` does).
                    var findings = outcome.evaluation.findings
                    outcome.evaluation.findings = []
                    findings.sort(by: Finding.precedes)
                    each(.document(SettledDocument(
                        file: file, standing: outcome.standing, record: record, findings: findings, formatOnly: outcome.evaluation.isFormatOnly)))
                }
            }
            start(nil)
            each(.finished(file: file))
        }
        // Taken out of the optional, so the pipeline's last reference is the one `finish` waits for.
        switch source.take() {
        case .processes(let processes): processes.finish()
        case .threads(var pipeline): OrderedPipeline.finish(&pipeline)
        case nil: break
        }
        return state.uncoveredYears
    }

    /// Where each file's pieces come from: worker processes, or worker threads.
    private enum PieceSource {
        case processes(WorkerProcesses<Piece>)
        case threads(OrderedPipeline<AdmittedFile, Piece, Engine>)

        func take(_ index: Int, _ body: (consuming Piece) -> Void) {
            switch self {
            case .processes(let processes): processes.take(index, body)
            case .threads(let pipeline): pipeline.take(index, body)
            }
        }
    }

    /// Writes a piece as bytes, for a worker process (see `WorkerProcesses`). A document's
    /// summary is not written: worker processes check only runs whose reports read none (the
    /// reader gives every document none).
    static func write(_ piece: Piece, engine: Engine, to writer: inout TransferWriter) {
        switch piece {
        case .source(let bytes):
            writer.byte(0)
            writer.data(bytes)
        case .document(let outcome):
            let standing: UInt8 = switch outcome.standing {
            case .record: 0
            case .notRecord: 1
            case .unreadableFile: 2
            }
            writer.byte(1)
            writer.byte(standing)
            engine.write(outcome.evaluation, to: &writer)
        case .note(let text):
            writer.byte(2)
            writer.data(Array(text.utf8))
        }
    }

    /// Reads back a piece `write` wrote.
    static func piece(from reader: inout TransferReader, engine: Engine) throws(TransferError) -> Piece {
        switch try reader.byte() {
        case 0:
            return .source(try reader.data())
        case 1:
            let standing: CheckedRecord.Standing = switch try reader.byte() {
            case 0: .record
            case 1: .notRecord
            case 2: .unreadableFile
            case let other: throw TransferError("a document's standing written as \(other)")
            }
            return .document(DocumentOutcome(standing: standing, record: nil, evaluation: try engine.evaluation(from: &reader)))
        case 2:
            return .note(String(decoding: try reader.data(), as: UTF8.self))
        case let other:
            throw TransferError("a piece written as \(other)")
        }
    }

    /// Files larger than this are read piece by piece (unless their text is needed for excerpts),
    /// so that a file of many documents is never in memory whole.
    static let streamingThreshold = 8 << 20

    /// Whether a record file of `size` bytes is read piece by piece rather than whole (a ledger
    /// never is: its reader holds the sheet; nor is standard input, which cannot be read again
    /// to place a parse error).
    static func isStreamed(_ file: String, size: Int, keepSources: Bool, limits: RecordLimits) -> Bool {
        !keepSources && size > streamingThreshold && size <= limits.maxFileBytes && !LedgerInput.isLedger(file) && file != "-"
    }

    /// What a file read piece by piece weighs against the pipeline's budget of bytes in flight:
    /// the parser's buffers and one document, not the file's size (else a file over the budget
    /// could never be read while another is, and a run of large multi-document files had one core).
    static let streamedWeight = 1 << 20

    /// Reads, parses and evaluates one file, as it was admitted (opened), emitting each document as
    /// it is evaluated; a file that cannot be read or parsed ends with one document holding its
    /// load problem. Without `keepRecords`, a document keeps only its findings: what a streamed
    /// report needs. The file's size, as it is admitted, decides whether it is read piece by piece.
    static func read(
        _ file: String, admission: consuming Discovery.Admission, engine: Engine, keepSources: Bool, keepRecords: Bool,
        limits: RecordLimits, emit: (consuming Piece) -> Void
    ) {
        // Documents of the file that are no records: past the first hundred, counted.
        var nonRecords = NonRecordDocuments()
        func each(_ document: YAMLNode) {
            if document.kind != .mapping {
                guard nonRecords.lists(document) else { return }
            } else if let unlisted = nonRecords.endRun() {
                emit(.document(unlistedNonRecords(unlisted, file: file, engine: engine, keepRecords: keepRecords)))
            }
            emit(.document(outcome(of: document, file: file, engine: engine, keepRecords: keepRecords)))
        }
        // A file read to its end without a document (empty, or only comments) is no record. (The
        // parser counts the documents.)
        func endOfFile(documents: Int) {
            if documents == 0 { emit(.document(noDocument(file, engine: engine, keepRecords: keepRecords))) }
            if let unlisted = nonRecords.endRun() { emit(.document(unlistedNonRecords(unlisted, file: file, engine: engine, keepRecords: keepRecords))) }
        }
        func fail(_ problem: RecordProblem) {
            emit(.document(unreadable(file, problem, engine)))
        }
        func failToRead(_ error: RunError) {
            fail(RecordProblem(code: .yaml, message: LocalizedText(zh: "无法读取文件：\(error.chinese ?? error.message)", en: "cannot read the file: \(error.message)"), position: .start))
        }
        let input: FileInput
        switch admission {
        case .refused(let zh, let en):
            fail(RecordProblem(code: .yaml, message: LocalizedText(zh: "无法读取文件：\(zh)", en: "cannot read the file: \(en)"), position: .start))
            return
        case .unopenable(let error):
            // A ledger's reader says the same of a file it cannot read.
            failToRead(error)
            return
        case .readable(let opened):
            input = opened
        }
        if let format = LedgerInput.unreadableFormat(of: file) {
            fail(LedgerInput.unreadableFormatProblem(format))
            return
        }
        if LedgerInput.isLedger(file) {
            LedgerInput.read(file, from: input, engine: engine, keepRecords: keepRecords, limits: limits, emit: emit)
            return
        }
        if isStreamed(file, size: input.size, keepSources: keepSources, limits: limits) {
            do {
                let documents = try YAMLParser.parse(reading: input.read, file: file, limits: limits.yaml) { document throws(YAMLError) in each(document) }
                endOfFile(documents: documents)
            } catch {
                var position = error.position
                if let offset = error.byteOffset, let bytes = try? FileSystem.read(file) {
                    position = YAMLParser.position(ofByte: offset, in: bytes)
                }
                fail(parseProblem(error, at: position))
            }
            return
        }
        let bytes: [UInt8]
        do {
            bytes = try input.readAll(path: file, limit: limits.maxFileBytes)
        } catch {
            failToRead(error)
            return
        }
        // Bytes of a file that is not UTF-8 text, or holds control characters (a binary file), are never quoted.
        if keepSources, YAMLParser.isQuotableText(bytes) { emit(.source(bytes)) }
        do {
            let documents = try YAMLParser.parse(bytes, file: file, limits: limits.yaml) { document throws(YAMLError) in each(document) }
            endOfFile(documents: documents)
        } catch {
            fail(parseProblem(error, at: error.position, laterDocument: laterDocumentLine(in: bytes, after: error.position.line)))
        }
    }

    /// The line of the first document marker (`---`) after a line, if any: the documents from
    /// there go unread after a syntax error (the parser cannot resume), and the problem says so.
    static func laterDocumentLine(in bytes: [UInt8], after line: Int) -> Int? {
        var current = 1
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                current += 1
                let start = index + 1
                if current >= line, start + 3 <= bytes.count, bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-"),
                   bytes[start + 2] == UInt8(ascii: "-"), start + 3 == bytes.count || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start + 3]) {
                    return current
                }
            }
            index += 1
        }
        return nil
    }

    /// What evaluating one document gave. (Made in a function of its own so that the evaluation
    /// is handed on, not shared with a local variable: the findings are then changed in place
    /// when they are settled.)
    private static func outcome(of document: YAMLNode, file: String, engine: Engine, keepRecords: Bool) -> DocumentOutcome {
        let loaded = engine.load(document, file: file)
        let standing: CheckedRecord.Standing = loaded.record == nil ? .notRecord : .record
        let record = keepRecords ? summary(of: loaded, document: document, file: file, asOf: engine.context.asOf) : nil
        // The loaded record is handed over to its evaluation, not copied; the rules that applied
        // are listed only for the summaries that keep them.
        let evaluation = engine.evaluate(consume loaded, file: file, listingRules: keepRecords)
        return DocumentOutcome(standing: standing, record: record, evaluation: evaluation)
    }

    /// What evaluating a file that holds no document gave: a document that is no record, at the
    /// file's start (`RecordLoader.noDocument`).
    private static func noDocument(_ file: String, engine: Engine, keepRecords: Bool) -> DocumentOutcome {
        let record = keepRecords ? notRecordSummary(file: file, line: SourcePosition.start.line) : nil
        let evaluation = engine.evaluate(RecordLoader.noDocument(), file: file, listingRules: keepRecords)
        return DocumentOutcome(standing: .notRecord, record: record, evaluation: evaluation)
    }

    /// What a run of documents that are no records, past the first `NonRecordDocuments.listed` of
    /// the file, gave: one more such document, where the first of them is, saying how many there were.
    private static func unlistedNonRecords(_ unlisted: NonRecordDocuments.Unlisted, file: String, engine: Engine, keepRecords: Bool) -> DocumentOutcome {
        let listed = NonRecordDocuments.listed
        let problem = RecordProblem(
            code: .record,
            message: LocalizedText(
                zh: "从此处起另有连续 \(unlisted.count) 个文档不是记录（空文档或不是映射），未逐一列出（每个文件最多列出 \(listed) 个）；应为包含 id、kind、title 和 steps 的映射，多余的 --- 请删去",
                en: "\(unlisted.count) more documents in a row from here on are no records (empty, or not a mapping) and are not listed one by one (a file lists at most \(listed)); expected mappings with id, kind, title and steps; remove the extra ---"),
            position: unlisted.first)
        let record = keepRecords ? notRecordSummary(file: file, line: unlisted.first.line) : nil
        let evaluation = engine.evaluate(.unreadable(problem), file: file, listingRules: keepRecords)
        return DocumentOutcome(standing: .notRecord, record: record, evaluation: evaluation)
    }

    private static func parseProblem(_ error: YAMLError, at position: SourcePosition, laterDocument: Int? = nil) -> RecordProblem {
        let explanation = error.chineseMessage ?? (error.kind == .encoding
            ? "文件不是 UTF-8 编码（旧版办公软件保存的文件多为 GBK/GB18030，也可能是 UTF-16）；请用记事本或 WPS 打开后“另存为”，编码选 UTF-8；或用 iconv 转换"
            : nil)
        var chinese = explanation.map { "无法解析为 YAML：\($0)（解析器原文：\(error.message)）" } ?? "无法解析为 YAML（解析器原文：\(error.message)）"
        var english = error.message
        if let laterDocument {
            chinese += "；其后从第 \(laterDocument) 行起的文档未能读取，均未检查"
            english += "; the documents after it, from line \(laterDocument) on, could not be read and were not checked"
        }
        return RecordProblem(code: .yaml, message: LocalizedText(zh: chinese, en: english), position: position)
    }

    static func unreadable(_ file: String, _ problem: RecordProblem, _ engine: Engine) -> DocumentOutcome {
        var record = CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: problem.position.line, findings: [])
        record.standing = .unreadableFile
        return DocumentOutcome(standing: .unreadableFile, record: record, evaluation: engine.evaluate(.unreadable(problem), file: file))
    }

    /// What reports say of a document besides its findings.
    static func summary(of loaded: LoadedDocument, document: YAMLNode, file: String, asOf: Day) -> CheckedRecord {
        guard let record = loaded.record else {
            var summary = notRecordSummary(file: file, line: document.position.line)
            summary.mayHoldRecords = document.kind == .sequence
            return summary
        }
        // A decision "done" after the as-of date (the record pack reports it) is no decision made: shown as one, it
        // stood outside the period the record was listed in (as undated).
        let decision = record.steps.filter { $0.type == "decision" && $0.status == .done && $0.day <= asOf }.map(\.day).min()
        var summary = CheckedRecord(
            file: file, id: loaded.id, title: record.title.isEmpty ? nil : record.title, kind: record.kind.isEmpty ? nil : record.kind,
            department: record.department, decisionDate: decision, line: record.position.line, findings: [])
        // Set as it is, nil too (undated): the initializer's fallback to the decision put a record
        // whose only step was a decision "done" in 2042 in the audit of 2042.
        summary.periodDate = periodDate(of: record, document: document, asOf: asOf)
        summary.isPlannedOnly = !record.steps.isEmpty && !record.steps.contains { $0.status == .done }
        summary.blocked = loaded.isBlocked
        // What the annual report may still tell of a record no rule could judge (see `UncheckedTraits`).
        if loaded.isBlocked { summary.uncheckedTraits = uncheckedTraits(of: record, unreadable: loaded.stepsOfUnreadableType) }
        // A step whose type cannot be read (none, or one the loader refused: `type: 常务会议`) may be
        // the discussion: it is counted as one, so the gate of its day (or of every day, undated)
        // holds the record, BLOCKED (a re-discussion so mistyped, after a failed review, left the
        // record off the agenda of the meeting it went to). A type of the record's own that was
        // not refused (a kind no pack checks may use its own) is no discussion. (Told by the
        // loader, not by positions: a ledger row's values share their cells' places.)
        let unreadable = Set(loaded.stepsOfUnreadableType)
        let discussions = (record.node["steps"]?.items?.enumerated().filter { place, step in
            unreadable.contains(place) || step["type"]?.scalar?.text == "collective_discussion"
        }.map(\.element)) ?? []
        summary.discussionSpans = discussions.compactMap { step in
            guard let last = (step["date"] ?? step["end"]).flatMap(RecordLoader.date) else { return nil }
            let first = step["start"].flatMap(RecordLoader.date) ?? last
            return first <= last ? first...last : last...last
        }
        summary.discussionDays = summary.discussionSpans.map(\.upperBound)
        // (A row whose cells of the discussion's day disagree, unread, may have its discussion on
        // either cell's day: read by the first alone, it went off the agenda of the other's meeting.)
        summary.hasUndatedDiscussion = summary.discussionDays.count < discussions.count || loaded.leavesDiscussionDayUnknown
        // (A day a misread key of a discussion names may be its day: `会议日期` of a meeting moved.)
        let named = loaded.problems.compactMap(\.discussionDayNamed)
        summary.discussionSpans += named.map { $0...$0 }
        summary.discussionDays += named
        summary.hasMisreadKey = loaded.hasMisreadKey
        summary.hasMisreadFact = loaded.hasMisreadFact
        summary.plannedDiscussionDays = record.steps.filter { $0.type == "collective_discussion" && $0.status == .planned }.map(\.day)
        summary.heldDiscussionDays = record.steps.filter { $0.type == "collective_discussion" && $0.status == .done }.map(\.day)
        summary.namesPeople = record.node["steps"]?.items?.contains { step in
            ["by", "officers", "attendees"].contains { (step[$0]?.items?.isEmpty == false) } || step["signoffs"]?.items?.contains { $0["person"] != nil } == true
        } ?? false
        return summary
    }

    /// What can be read of a blocked record: its facts that are not false, whether they could be
    /// read at all, the step types it writes and whether one could not be read.
    private static func uncheckedTraits(of record: DecisionRecord, unreadable: [Int]) -> UncheckedTraits {
        var traits = UncheckedTraits()
        if let facts = record.node["facts"] {
            if let pairs = facts.mapping {
                // (A null fact is no true one, as `is_true` reads it.)
                for pair in pairs where pair.value.coreValue != .bool(false) && pair.value.coreValue != .null {
                    if let name = pair.key.scalar?.text { traits.factsNotFalse.insert(name) }
                }
            } else {
                traits.factsUnreadable = true
            }
        }
        traits.someStepTypeUnreadable = !unreadable.isEmpty
        guard let steps = record.node["steps"]?.items else { return traits }
        for (place, step) in steps.enumerated() where !unreadable.contains(place) {
            if let text = step["type"]?.scalar?.text { traits.stepTypes.insert(text) }
        }
        return traits
    }

    /// The summary of a document that is no record (a scalar, a list, or no document at all).
    private static func notRecordSummary(file: String, line: Int) -> CheckedRecord {
        var summary = CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: line, findings: [])
        summary.standing = .notRecord
        return summary
    }

    /// The day that places a record in a period: its decision, else its latest done step — of
    /// the steps done by the as-of date — else, with nothing done, its first planned step. A
    /// planned step places no record that has work done (it put one in the period of work not
    /// yet done, and out of the one it was done in), nor does a step done "after" the as-of date
    /// (a mistyped year, which the record pack reports: a decision of 2042 took the record out of
    /// its year's audit and report, unsaid). A record without a readable decision and with a step
    /// that could not be read (a date such as 2024-02-30), or whose decision is dated after the
    /// as-of date or more than half a year before every step that comes before it, has no day: it is listed in
    /// every period, as undated, so no error escapes an audit.
    /// The step types of the format that come before a decision, whatever the kind: the decision
    /// is never made before them. (Not an investigation or an inspection: one after a licence or a
    /// penalty is follow-up work, and such a lawful record was made undated.)
    /// How many days a decision may be dated before the first of its steps that come before any
    /// decision and still place its record (half a year; a year mistyped is more).
    static let mostDaysADecisionComesFirst = 183

    static let stepsBeforeADecision: Set<String> = [
        "public_comment", "expert_review", "risk_assessment", "legality_review", "legal_review", "collective_discussion",
        "case_filing", "notice_of_rights", "hearing_notice", "hearing",
    ]

    static func periodDate(of record: DecisionRecord, document: YAMLNode, asOf: Day) -> Day? {
        let done = record.steps.filter { $0.status == .done && $0.day <= asOf }
        // A decision that could be read places the record, whatever else could not (its year's
        // claims then count it as not checkable; undated, it left its year's report).
        // Unless it is dated more than half a year before every step that comes before any decision
        // (its review, its case filing): a past year mistyped (2020 for 2025) took the record out
        // of its year's audit and report, unsaid, into one no one runs; which year it belongs to
        // cannot be told. (A review a few days after the decision, across the new year, is the late
        // review its rules report, in the decision's year; a later decision's steps leave the first
        // placed by it, since some step came before it.)
        // (Judged by the latest decision: an amendment's review, discussion and decision years after
        // a first decision show the first date is no slip.)
        let decisions = done.filter { $0.type == "decision" }.map(\.day)
        if let decision = decisions.min(), let latest = decisions.max() {
            let before = done.filter { Self.stepsBeforeADecision.contains($0.type) }.map(\.day).min()
            if let before, latest.days(to: before) > Self.mostDaysADecisionComesFirst { return nil }
            return decision
        }
        // Nor has one whose only decision is "done" after the as-of date (2035 for 2025): placed
        // by its other steps, it left the audit of the year it was decided in, where every other
        // unreadable decision date lists the record in every period.
        if record.steps.contains(where: { $0.type == "decision" && $0.status == .done && $0.day > asOf }) { return nil }
        guard record.steps.count >= (document["steps"]?.itemCount ?? 0) else { return nil }
        return done.map(\.day).max()
            ?? (done.isEmpty && !record.steps.contains { $0.status == .done } ? record.steps.filter { $0.status == .planned }.map(\.day).min() : nil)
    }
}
