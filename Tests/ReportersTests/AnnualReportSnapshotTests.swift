// Golden files of `legality report --year`, worded by the built-in rules/report/annual-report.yaml.
// Re-record after an intended change (RECORD_SNAPSHOTS=1 swift test --filter AnnualReportSnapshotTests)
// and review the diff.

import DecisionRecords
import Foundation
import Reporters
@testable import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

@Suite struct AnnualReportSnapshotTests {
    /// The built-in rules, vocabulary and report wording (calendars and starter files aside).
    static let builtIn: RuleSet = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules")
        var files: [URL] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "yaml", url.lastPathComponent != "manifest.yaml", !["calendars", "starter", "ledgers"].contains(url.deletingLastPathComponent().lastPathComponent) { files.append(url) }
        }
        do {
            let sources = try files.sorted { $0.path < $1.path }.map { url in
                RuleSource(path: url.lastPathComponent, bytes: [UInt8](try Data(contentsOf: url)), defaultPack: url.deletingLastPathComponent().lastPathComponent)
            }
            return try RuleLoader.load(sources)
        } catch {
            fatalError("the built-in rules do not load: \(error)")
        }
    }()

    static func finding(_ id: String, _ record: String, pending: Bool = false, waived: Bool = false) -> Finding {
        guard let rule = builtIn.rules.first(where: { $0.id == id }) else { fatalError("no rule \(id)") }
        var finding = Finding(
            rule: id, pack: rule.pack, severity: rule.severity, record: record, file: "\(record).yaml", position: SourcePosition(line: 5, column: 3),
            title: rule.title, message: rule.title, basis: rule.basis, help: nil, evidence: [],
            waiver: waived ? Waiver(
                rule: id, record: record, reason: "紧急情况", approvedBy: "县司法局", expires: Day(year: 2030, month: 1, day: 1) ?? Day(ordinal: 0),
                file: ".legality.yaml", position: SourcePosition(line: 3, column: 3)) : nil)
        finding.pending = pending
        return finding
    }

    static func record(_ id: String, _ kind: String, _ date: String, applies: [String], findings: [Finding] = [], blocked: Bool = false) -> CheckedRecord {
        var record = CheckedRecord(
            file: "records/\(id).yaml", id: id, title: "\(id) 的决定", kind: kind, department: "县政府办", decisionDate: Day(parsing: date), line: 1,
            findings: findings, applicableRules: applies)
        record.blocked = blocked
        return record
    }

    static let madRules = ["MAD-001", "MAD-002", "MAD-003", "MAD-004", "MAD-005", "MAD-010"]
    static let records: [CheckedRecord] = [
        record("JC-2020-01", "major_administrative_decision", "2020-03-20", applies: madRules),
        record("JC-2020-02", "major_administrative_decision", "2020-05-06", applies: madRules, findings: [finding("MAD-002", "JC-2020-02")]),
        record("JC-2020-03", "major_administrative_decision", "2020-07-01", applies: madRules, findings: [finding("MAD-005", "JC-2020-03", waived: true)]),
        record("JC-2020-04", "major_administrative_decision", "2020-09-09", applies: [], findings: [finding("REC-006", "JC-2020-04")], blocked: true),
        record("GF-2020-01", "normative_document", "2020-11-30", applies: ["NOR-001", "NOR-002", "NOR-007", "NOR-006"],
               findings: [finding("NOR-006", "GF-2020-01", pending: true)]),
        record("CF-2020-01", "administrative_penalty", "2020-06-15", applies: ["PEN-001", "PEN-002"], findings: [finding("PEN-002", "CF-2020-01")]),
        record("JC-2019-01", "major_administrative_decision", "2019-10-10", applies: madRules, findings: [finding("MAD-001", "JC-2019-01")]),
        CheckedRecord(file: "records/broken.yaml", id: nil, title: nil, kind: nil, department: nil, decisionDate: nil, line: 1, findings: []),
    ]

    static func report(_ language: Language) -> AnnualReport {
        var records = records
        records[records.count - 1].standing = .unreadableFile
        return AnnualReport(
            year: 2020, language: language, records: records, rules: builtIn.rules, wording: builtIn.annualReport,
            kindNames: builtIn.kindNames, version: "1.0.0")
    }

    @Test(arguments: [Language.zh, .en]) func markdown(_ language: Language) throws {
        try Snapshot.check(AnnualReportMarkdownReporter.render(Self.report(language)), "annual-report.\(language).md")
    }

    @Test func html() throws {
        try Snapshot.check(AnnualReportHTMLReporter.render(Self.report(.zh)), "annual-report.zh.html")
    }

    @Test func claimsStandAsTheRecordsSay() {
        let statements = Dictionary(uniqueKeysWithValues: Self.report(.zh).statements.map { ($0.claim, $0) })
        // A record that cannot be checked keeps the claim from being stated as a whole.
        #expect(statements["mad-collective-discussion"]?.outcome == .partly)
        #expect(statements["mad-review-before-discussion"]?.held == 2)
        #expect(statements["mad-review-before-discussion"]?.total == 4)
        // A waived finding still denies the claim, and says it was waived.
        #expect(statements["mad-legal-advisers"]?.sentence.contains("1 项（JC-2020-03）没有法律顾问或公职律师的意见（其中 1 项已说明理由豁免：JC-2020-03）") == true)
        // A pending finding is not yet known: neither held nor failed.
        #expect(statements["normative-filing"]?.sentence.contains("1 件（GF-2020-01）尚在期限内，未能确认") == true)
        // A file that could not be read (records/broken.yaml) may hold a document the claim speaks
        // of: the claim every document bears out is not stated as a whole, and names the file.
        #expect(statements["normative-review"]?.outcome == .partly)
        #expect(statements["normative-review"]?.held == statements["normative-review"]?.total)
        #expect(statements["normative-review"]?.sentence.contains("；另有 1 个文件或记录无法读取或无法确定年度（records/broken.yaml），其中可能有本项所涉事项，未能核查") == true)
        #expect(statements["penalty-legal-review"]?.outcome == .empty)
        #expect(statements["mad-review-before-discussion"]?.previous == "上年：0/1")
    }
}
