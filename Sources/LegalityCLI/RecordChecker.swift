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
                result.records.append(CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: 1, findings: findings))
                result.findings += findings
                continue
            }
            do {
                try YAMLParser.parse(bytes, file: file) { document in
                    let loaded = RecordLoader.load(document, file: file)
                    let evaluation = engine.evaluate(loaded, file: file, state: &state)
                    let findings = evaluation.findings
                    let item = switch loaded {
                    case .record(let record):
                        CheckedRecord(
                            file: file, id: record.id, title: record.title, kind: record.kind, department: record.department,
                            decisionDate: record.steps.filter { $0.type == "decision" && $0.status == .done }.map(\.day).min(),
                            line: record.position.line, findings: findings, applicableRules: evaluation.applicableRules,
                            periodDate: record.steps.filter { $0.type == "decision" && $0.status == .done }.map(\.day).min()
                                ?? record.steps.filter { $0.status == .done }.map(\.day).max())
                    case .invalid(let id, _):
                        CheckedRecord(
                            file: file, id: id, title: document["title"]?.scalar?.text, kind: document["kind"]?.scalar?.text,
                            department: document["department"]?.scalar?.text, decisionDate: nil, line: document.position.line, findings: findings,
                            applicableRules: evaluation.applicableRules)
                    }
                    result.records.append(item)
                    fileFindings += findings
                }
            } catch {
                let problem = RecordProblem(code: .yaml, message: LocalizedText(zh: "无法解析为 YAML：\(error.message)", en: error.message), position: error.position)
                let findings = engine.fileProblem(problem, file: file)
                result.records.append(CheckedRecord(file: file, id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: 1, findings: findings))
                fileFindings += findings
            }
            if keepSources, !fileFindings.isEmpty { result.sources[file] = bytes }
            result.findings += fileFindings
        }
        result.uncoveredYears = state.uncoveredYears
        return result
    }
}
