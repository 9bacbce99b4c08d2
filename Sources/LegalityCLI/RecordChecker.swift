import DecisionRecords
import RuleEngine
import YAMLTree

/// The findings of a set of record files, with what the text report needs to quote lines.
struct CheckedFiles {
    /// Findings of every file, in file order.
    var findings: [Finding] = []
    /// Records read (a file that is not YAML counts as one).
    var recordCount = 0
    /// One entry per document: its file, its record id and its findings (for the gate).
    var items: [GateItem] = []
    /// The text of files that have findings, for source excerpts.
    var sources: [String: [UInt8]] = [:]
    /// Years outside the calendar that some count touched.
    var uncoveredYears: Set<Int> = []
}

/// One document of a run and its findings: an agenda item in the meeting gate.
struct GateItem {
    var file: String
    var record: String?
    var title: String?
    var findings: [Finding]
}

/// Reads each record file once, parses it once, and evaluates each document as it completes.
enum RecordChecker {
    static func check(_ files: [String], engine: Engine, keepSources: Bool) -> CheckedFiles {
        var result = CheckedFiles()
        var state = RunState(rules: engine.context.rules)
        for file in files {
            var fileFindings: [Finding] = []
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.read(file)
            } catch {
                let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: "无法读取文件：\(error.message)", en: "cannot read the file: \(error.message)"), position: .start)
                let findings = engine.fileProblem(problem, file: file)
                result.items.append(GateItem(file: file, record: nil, title: nil, findings: findings))
                result.findings += findings
                result.recordCount += 1
                continue
            }
            do {
                try YAMLParser.parse(bytes, file: file) { document in
                    let loaded = RecordLoader.load(document, file: file)
                    let findings = engine.check(loaded, file: file, state: &state)
                    let item = switch loaded {
                    case .record(let record): GateItem(file: file, record: record.id, title: record.title, findings: findings)
                    case .invalid(let id, _): GateItem(file: file, record: id, title: nil, findings: findings)
                    }
                    result.items.append(item)
                    fileFindings += findings
                    result.recordCount += 1
                }
            } catch {
                let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: "无法解析为 YAML：\(error.message)", en: error.message), position: error.position)
                let findings = engine.fileProblem(problem, file: file)
                result.items.append(GateItem(file: file, record: nil, title: nil, findings: findings))
                fileFindings += findings
                result.recordCount += 1
            }
            if keepSources, !fileFindings.isEmpty { result.sources[file] = bytes }
            result.findings += fileFindings
        }
        result.uncoveredYears = state.uncoveredYears
        return result
    }
}
