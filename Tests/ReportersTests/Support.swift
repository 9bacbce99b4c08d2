import DecisionRecords
import Foundation
import Reporters
@testable import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// A fixed report, built by hand, that every reporter test renders.
///
/// It holds the awkward cases: Chinese text; a message with `"`, `<`, `&`, `,`, `|`, a line
/// break and a control character; a field that a spreadsheet would take as a formula; a URL in
/// quoted text; a file name with Chinese and a space; a finding of a rule the report does not
/// list; a waived error; and a run-level finding with no file or position.
enum Sample {
    static let rulesYAML = """
        id: TST-001
        pack: mad
        severity: error
        prerequisite: true
        tags: [legality-review, order]
        kinds: [major_administrative_decision]
        title: {zh: 合法性审查晚于集体讨论, en: Legality review after the collective discussion}
        description: {zh: 合法性审查必须在集体讨论之前完成。, en: The legality review must be done before the collective discussion.}
        message: {zh: 集体讨论早于合法性审查, en: the discussion came before the review}
        basis: {instrument: 《重大行政决策程序暂行条例》, article: 第二十五条, en: "Interim Regulations on Major Administrative Decision Procedures, art. 25"}
        help: {zh: 审查完成前不得提交集体讨论。, en: Do not discuss before the review.}
        violation: true
        ---
        id: TST-002
        pack: mad
        severity: warning
        tags: [publication]
        title: {zh: "公开说明含 \\"引号\\"、<尖括号> & 符号", en: "Publication note with \\"quotes\\", <angles> & ampersands"}
        message: {zh: 公开晚于决定, en: published after the decision}
        basis: {instrument: 政府信息公开指南, article: "（见 https://www.gov.cn/zhengce/）", en: "Guide to government information, see https://www.gov.cn/zhengce/"}
        violation: true
        ---
        id: TST-003
        pack: penalty
        severity: info
        tags: []
        title: {zh: 提示性规则, en: An informational rule}
        message: {zh: 提示, en: note}
        basis: {instrument: 《中华人民共和国行政处罚法》, article: 第五十七条, en: "Administrative Penalty Law, art. 57"}
        violation: true
        ---
        id: TST-900
        pack: record
        severity: warning
        tags: [input, registry]
        title: {zh: 未找到人员名册, en: No registry of people}
        message: {zh: 未找到人员名册, en: no registry was found}
        basis: {instrument: 决策记录格式规范, article: 人员名册, en: "Decision record format, registry of people"}
        scope: run
        violation: {not: $registry_loaded}
        """

    static let rules: [Rule] = {
        do {
            return try RuleLoader.load([RuleSource(path: "test-rules.yaml", bytes: Array(rulesYAML.utf8), defaultPack: "test")]).rules
        } catch {
            fatalError("the sample rules do not load: \(error)")
        }
    }()

    static func rule(_ id: String) -> Rule {
        guard let rule = rules.first(where: { $0.id == id }) else { fatalError("no sample rule \(id)") }
        return rule
    }

    /// The file with Chinese and a space in its name.
    static let mainFile = "cases/重大决策/审查 晚于讨论.yaml"

    /// The lines of the main file, for the text report's excerpts.
    static let mainSource = SourceLines(Array((1...40).map { line in
        switch line {
        case 14: "  - type: collective_discussion"
        case 20: "    published: 2020-07-20"
        case 34: "  - type: collective_discussion"
        default: "# line \(line)"
        }
    }.joined(separator: "\n").utf8))

    static func finding(
        _ ruleID: String, record: String?, file: String, at position: SourcePosition?, message: LocalizedText,
        evidence: [Evidence] = [], waiver: Waiver? = nil
    ) -> Finding {
        let rule = rule(ruleID)
        return Finding(
            rule: rule.id, pack: rule.pack, severity: rule.severity, record: record, file: file, position: position,
            title: rule.title, message: message, basis: rule.basis, help: rule.help, evidence: evidence, waiver: waiver)
    }

    static let awkwardMessage = LocalizedText(
        zh: "集体讨论于 2020-07-01 进行，\"先开会后审查\" <违规> & 未补正, 见甲|乙\n第二行\u{7}结束",
        en: "discussed on 2020-07-01, \"discuss first\" <violation> & not fixed, see A|B\nsecond line\u{7}end")

    static let waiver = Waiver(
        rule: "TST-001", record: "SQ-2020-018", reason: "已由市政府常务会议补充审查", approvedBy: "市司法局〔2026〕3号",
        expires: Day(year: 2026, month: 12, day: 31) ?? Day(ordinal: 0), file: ".legality.yaml", position: SourcePosition(line: 12, column: 5))

    static var findings: [Finding] {
        let main1 = finding(
            "TST-001", record: "SQ-2020-017", file: mainFile, at: SourcePosition(line: 14, column: 5), message: awkwardMessage,
            evidence: [
                Evidence(key: "discussion", label: LocalizedText(zh: "集体讨论", en: "discussion"), value: LocalizedText(zh: "2020-07-01", en: "2020-07-01")),
                Evidence(key: "first_review", label: LocalizedText(zh: "首次审查", en: "first review"), value: LocalizedText(zh: "2020-07-08", en: "2020-07-08")),
            ])
        let main2 = finding(
            "TST-002", record: "SQ-2020-017", file: mainFile, at: SourcePosition(line: 20, column: 7),
            message: LocalizedText(
                zh: "=HYPERLINK(\"http://example.invalid\") 公开日期晚于决定 12 天",
                en: "=HYPERLINK(\"http://example.invalid\") published 12 days after the decision"))
        let waived = finding(
            "TST-001", record: "SQ-2020-018", file: mainFile, at: SourcePosition(line: 34, column: 5),
            message: LocalizedText(zh: "集体讨论早于合法性审查", en: "the discussion came before the review"), waiver: waiver)
        let info = finding(
            "TST-003", record: "XZCF-2021-003", file: "cases/penalty/b.yaml", at: SourcePosition(line: 3, column: 1),
            message: LocalizedText(zh: "-3 天后到期，@经办人 请注意", en: "-3 days to the deadline, @officer please note"))
        let run = finding(
            "TST-900", record: nil, file: "", at: nil,
            message: LocalizedText(zh: "未找到人员名册（registry.yaml 或 registry/）", en: "no registry was found (registry.yaml or registry/)"))
        let unlisted = Finding(
            rule: "REC-000", pack: "record", severity: .error, record: nil, file: "cases/bad.yaml", position: SourcePosition(line: 2, column: 3),
            title: LocalizedText(zh: "记录文件无法解析", en: "Record file cannot be parsed"),
            message: LocalizedText(zh: "无法解析为 YAML：found character '\t' that cannot start any token", en: "found character '\t' that cannot start any token"),
            basis: Basis(instrument: "决策记录格式规范", article: "文件格式", english: "Decision record format, files"),
            help: nil, evidence: [])
        return [main1, main2, waived, info, run, unlisted]
    }

    static func report(_ language: Language, failOn: Severity? = .error) -> Report {
        let all = findings
        let records = [
            CheckedRecord(
                file: mainFile, id: "SQ-2020-017", title: "老旧小区加装电梯补贴办法", kind: "major_administrative_decision", department: "住建局",
                decisionDate: nil, line: 1, findings: all.filter { $0.record == "SQ-2020-017" }),
            CheckedRecord(
                file: mainFile, id: "SQ-2020-018", title: "城区停车收费标准调整", kind: "major_administrative_decision", department: "发改局",
                decisionDate: Day(year: 2020, month: 8, day: 1), line: 26, findings: all.filter { $0.record == "SQ-2020-018" }),
            CheckedRecord(
                file: "cases/penalty/b.yaml", id: "XZCF-2021-003", title: "某加油站未按规定检测案", kind: "administrative_penalty", department: "应急管理局",
                decisionDate: nil, line: 1, findings: all.filter { $0.record == "XZCF-2021-003" }),
            CheckedRecord(
                file: "cases/bad.yaml", id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: 1,
                findings: all.filter { $0.file == "cases/bad.yaml" }),
        ]
        return Report(
            version: "1.0.0", asOf: Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0), records: records, rules: rules,
            findings: all, failOn: failOn, language: language)
    }
}

/// Golden files under `Snapshots/`, compared byte for byte.
enum Snapshot {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    /// Whether to write the snapshots instead of comparing (`RECORD_SNAPSHOTS=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares the text with the snapshot of that name, or writes it when recording.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        let actual = Data(text.utf8)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no snapshot \(name); run the tests with RECORD_SNAPSHOTS=1 to write it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expectedLines.count, actualLines.count)
            let want = line < expectedLines.count ? String(expectedLines[line]) : "(end of file)"
            let got = line < actualLines.count ? String(actualLines[line]) : "(end of file)"
            let message = "\(name) differs from its snapshot at line \(line + 1):\n  snapshot: \(want.debugDescription)\n  rendered: \(got.debugDescription)\n"
                + "(run with RECORD_SNAPSHOTS=1 to accept the new output)"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
