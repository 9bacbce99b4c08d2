// Golden files of `legality audit` in each of its text formats, over the records of the annual
// report's snapshots (passed, failed, waived, pending, blocked, unreadable, outside the period).
// Re-record after an intended change (RECORD_SNAPSHOTS=1 swift test --filter AuditReportSnapshotTests)
// and review the diff.

import DecisionRecords
import Reporters
import RuleEngine
import Testing

@Suite struct AuditReportSnapshotTests {
    static func audit(_ language: Language) -> AuditReport {
        var records = AnnualReportSnapshotTests.records
        records[records.count - 1].standing = .unreadableFile
        // The blocked record: the rules of its kind that may apply could not check it (as the
        // engine lists them), counted in their rates as "could not be checked".
        for index in records.indices where records[index].blocked {
            records[index].rulesNotCheckable = ["MAD-001", "MAD-002", "MAD-003", "MAD-004", "MAD-005", "MAD-010"]
        }
        let rules = AnnualReportSnapshotTests.builtIn
        let day = { (text: String) in Day(parsing: text) ?? Day(ordinal: 0) }
        return AuditReport(
            version: "1.0.0", from: day("2020-01-01"), to: day("2020-12-31"), asOf: day("2021-01-15"), language: language,
            records: records, rules: rules.rules, kindNames: rules.kindNames)
    }

    @Test(arguments: [Language.zh, .en]) func markdown(_ language: Language) throws {
        try Snapshot.check(AuditMarkdownReporter.render(Self.audit(language)), "audit.\(language).md")
    }

    @Test(arguments: [Language.zh, .en]) func json(_ language: Language) throws {
        try Snapshot.check(AuditJSONReporter.render(Self.audit(language)), "audit.\(language).json")
    }

    @Test func html() throws {
        try Snapshot.check(AuditHTMLReporter.render(Self.audit(.zh)), "audit.zh.html")
    }

    @Test(arguments: [AuditTable.records, .rules]) func csv(_ table: AuditTable) throws {
        try Snapshot.check(AuditCSVReporter.render(Self.audit(.zh), table: table), "audit.\(table.rawValue).zh.csv")
    }
}
