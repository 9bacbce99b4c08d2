import DecisionRecords
import Reporters
import RuleEngine
import YAMLTree

/// The findings of a set of record files, with what the text report needs to quote lines.
struct CheckedFiles {
    /// Findings of every file, in file order.
    var findings: [Finding] = []
    /// One entry per document: its file, record and findings.
    var records: [CheckedRecord] = []
    /// The text of files that have findings, for source excerpts.
    var sources: [String: [UInt8]] = [:]
    /// Years outside the calendar that some count touched.
    var uncoveredYears: Set<Int> = []
}

/// Reads each record file once, parses it once, and evaluates each document as it completes;
/// with several jobs, files are checked in parallel and settled in file order, so the result
/// does not depend on the number of jobs.
enum RecordChecker {
    /// What one file gave, before it is settled in file order.
    struct FileOutcome: Sendable {
        /// Each document's standing, summary (kept only when reports need records) and evaluation.
        var documents: [(standing: CheckedRecord.Standing, record: CheckedRecord?, evaluation: RecordEvaluation)] = []
        var source: [UInt8]?
    }

    /// One settled file: its records and its findings, sorted.
    struct CheckedFile {
        var file: String
        /// What each document was (a record, no mapping, or the whole file unreadable).
        var standings: [CheckedRecord.Standing]
        /// The documents' summaries, when they were kept.
        var records: [CheckedRecord]
        var findings: [Finding]
        var source: [UInt8]?

        /// Documents read, records or not.
        var documentCount: Int { standings.count }
    }

    /// Checks every file and keeps everything, for reports that need the whole run at once.
    static func check(_ files: [String], engine: Engine, keepSources: Bool, jobs: Int = 1, limits: RecordLimits) -> CheckedFiles {
        var result = CheckedFiles()
        result.uncoveredYears = run(files, engine: engine, keepSources: keepSources, keepRecords: true, jobs: jobs, limits: limits) { file in
            result.findings += file.findings
            result.records += file.records
            if let source = file.source, !file.findings.isEmpty { result.sources[file.file] = source }
        }
        return result
    }

    /// Checks every file and hands each, settled, to `each` in file order; nothing is kept, so
    /// memory does not grow with the number of files. Returns the years the calendar missed.
    static func run(
        _ files: [String], engine: Engine, keepSources: Bool, keepRecords: Bool, jobs: Int, limits: RecordLimits,
        each: (CheckedFile) -> Void
    ) -> Set<Int> {
        var state = RunState(rules: engine.context.rules)
        var recordCount = 0
        let sizes = files.map(FileSystem.size)
        let pipeline = OrderedPipeline(count: files.count, workers: max(1, min(jobs, files.count)), weights: sizes) { index in
            outcome(of: files[index], engine: engine, keepSources: keepSources, keepRecords: keepRecords, limits: limits)
        }
        for index in files.indices {
            var outcome = pipeline.take(index)
            let file = files[index]
            if recordCount + outcome.documents.count > limits.maxRecords {
                // Past the run's record limit a file is not evaluated; it says so once.
                let problem = RecordProblem(
                    code: .yaml,
                    message: LocalizedText(
                        zh: "本次运行的记录数已达上限 \(limits.maxRecords)，此文件未检查；可用 --max-records 提高上限",
                        en: "the run reached its limit of \(limits.maxRecords) records, so this file was not checked; raise it with --max-records"),
                    position: .start)
                outcome.documents = [unreadable(file, problem, engine)]
            }
            var checked = CheckedFile(file: file, standings: outcome.documents.map(\.standing), records: [], findings: [], source: outcome.source)
            for case (_, let record, var evaluation) in outcome.documents {
                state.settle(&evaluation)
                checked.findings += evaluation.findings
                if var record {
                    record.findings = evaluation.findings
                    record.applicableRules = evaluation.applicableRules
                    record.notInForceRules = evaluation.notInForceRules
                    checked.records.append(record)
                }
            }
            recordCount += checked.documentCount
            checked.findings.sort(by: Finding.precedes)
            each(checked)
        }
        return state.uncoveredYears
    }

    /// Reads, parses and evaluates one file; a file that cannot be read or parsed is one document with a load problem.
    /// Without `keepRecords`, a document keeps only its findings: what a streamed report needs.
    /// Files larger than this are read piece by piece (unless their text is needed for excerpts),
    /// so that a file of many documents is never in memory whole.
    static let streamingThreshold = 8 << 20

    static func outcome(of file: String, engine: Engine, keepSources: Bool, keepRecords: Bool, limits: RecordLimits) -> FileOutcome {
        var outcome = FileOutcome()
        let each: (YAMLNode) -> Void = { document in
            let loaded = engine.load(document, file: file)
            var evaluation = engine.evaluate(loaded, file: file)
            let standing: CheckedRecord.Standing = loaded.record == nil ? .notRecord : .record
            if keepRecords {
                outcome.documents.append((standing, summary(of: loaded, document: document, file: file), evaluation))
            } else {
                evaluation.applicableRules = []
                evaluation.notInForceRules = []
                outcome.documents.append((standing, nil, evaluation))
            }
        }
        if let refusal = Discovery.refusal(of: file, roots: limits.roots) {
            let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: "无法读取文件：\(refusal.zh)", en: "cannot read the file: \(refusal.en)"), position: .start)
            outcome.documents.append(unreadable(file, problem, engine))
            return outcome
        }
        let size = FileSystem.size(file)
        if !keepSources, size > streamingThreshold, size <= limits.maxFileBytes, let input = FileInput(path: file) {
            do {
                try YAMLParser.parse(reading: input.read, file: file, limits: limits.yaml) { document throws(YAMLError) in each(document) }
            } catch {
                var position = error.position
                if let offset = error.byteOffset, let bytes = try? FileSystem.read(file) {
                    position = YAMLParser.position(ofByte: offset, in: bytes)
                }
                outcome.documents.append(unreadable(file, parseProblem(error, at: position), engine))
            }
            return outcome
        }
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.read(file, limit: limits.maxFileBytes)
        } catch {
            let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: "无法读取文件：\(error.message)", en: "cannot read the file: \(error.message)"), position: .start)
            outcome.documents.append(unreadable(file, problem, engine))
            return outcome
        }
        var quotable = true
        do {
            try YAMLParser.parse(bytes, file: file, limits: limits.yaml) { document throws(YAMLError) in each(document) }
        } catch {
            outcome.documents.append(unreadable(file, parseProblem(error, at: error.position), engine))
            // Bytes of a file that is not UTF-8 text are never quoted.
            quotable = error.kind != .encoding
        }
        if keepSources, quotable { outcome.source = bytes }
        return outcome
    }

    private static func parseProblem(_ error: YAMLError, at position: SourcePosition) -> RecordProblem {
        let explanation = error.chineseMessage ?? (error.kind == .encoding
            ? "文件不是 UTF-8 编码（旧版办公软件保存的文件多为 GBK/GB18030，也可能是 UTF-16）；请用记事本或 WPS 打开后“另存为”，编码选 UTF-8；或用 iconv 转换"
            : nil)
        let chinese = explanation.map { "无法解析为 YAML：\($0)（解析器原文：\(error.message)）" } ?? "无法解析为 YAML（解析器原文：\(error.message)）"
        return RecordProblem(code: .yaml, message: LocalizedText(zh: chinese, en: error.message), position: position)
    }

    private static func unreadable(_ file: String, _ problem: RecordProblem, _ engine: Engine) -> (CheckedRecord.Standing, CheckedRecord, RecordEvaluation) {
        var record = CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: problem.position.line, findings: [])
        record.standing = .unreadableFile
        return (.unreadableFile, record, engine.evaluate(.unreadable(problem), file: file))
    }

    /// What reports say of a document besides its findings.
    private static func summary(of loaded: LoadedDocument, document: YAMLNode, file: String) -> CheckedRecord {
        guard let record = loaded.record else {
            var summary = CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: document.position.line, findings: [])
            summary.standing = .notRecord
            return summary
        }
        let decision = record.steps.filter { $0.type == "decision" && $0.status == .done }.map(\.day).min()
        var summary = CheckedRecord(
            file: file, id: loaded.id, title: record.title.isEmpty ? nil : record.title, kind: record.kind.isEmpty ? nil : record.kind,
            department: record.department, decisionDate: decision, line: record.position.line, findings: [],
            periodDate: decision ?? record.steps.map(\.day).max() ?? latestDate(in: document))
        summary.blocked = loaded.isBlocked
        let discussions = (record.node["steps"]?.sequence ?? []).filter { $0["type"]?.scalar?.text == "collective_discussion" }
        summary.discussionDays = discussions.compactMap { step in (step["date"] ?? step["end"]).flatMap(RecordLoader.date) }
        summary.hasUndatedDiscussion = summary.discussionDays.count < discussions.count
        return summary
    }

    /// The latest valid date written anywhere in a record's steps, for a record with no step that could be placed.
    private static func latestDate(in document: YAMLNode) -> Day? {
        var latest: Day?
        for step in document["steps"]?.sequence ?? [] {
            for key in RecordFormat.stepDateKeys {
                if let day = step[key].flatMap(RecordLoader.date), latest.map({ day > $0 }) ?? true { latest = day }
            }
        }
        return latest
    }
}
