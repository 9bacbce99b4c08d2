// Golden-file tests of every `check` report format.
//
// Each test renders the hand-built report of `Sample` (Support.swift) and compares the output,
// byte for byte, with a file in Tests/ReportersTests/Snapshots/. When a reporter changes on
// purpose, re-record the snapshots and review the diff before committing:
//
//     RECORD_SNAPSHOTS=1 swift test --filter ReportersTests
//
// With RECORD_SNAPSHOTS=1 the tests write the snapshots instead of comparing them (and pass).
// The structural tests in ReporterStructureTests.swift do not depend on the snapshots.

import DecisionRecords
import Reporters
import RuleEngine
import Testing

@Suite struct ReporterSnapshotTests {
    static let languages: [Language] = [.zh, .en]

    @Test(arguments: languages) func text(_ language: Language) throws {
        let reporter = TextReporter(colour: false, sourceLines: { $0 == Sample.mainFile ? Sample.mainSource : nil })
        try Snapshot.check(reporter.render(Sample.report(language)), "report.\(language).txt")
    }

    @Test(arguments: languages) func json(_ language: Language) throws {
        try Snapshot.check(JSONReporter.render(Sample.report(language)), "report.\(language).json")
    }

    @Test(arguments: languages) func sarif(_ language: Language) throws {
        try Snapshot.check(SARIFReporter.render(Sample.report(language)), "report.\(language).sarif")
    }

    @Test(arguments: languages) func junit(_ language: Language) throws {
        try Snapshot.check(JUnitReporter.render(Sample.report(language)), "report.\(language).junit.xml")
    }

    @Test(arguments: languages) func csv(_ language: Language) throws {
        try Snapshot.check(CSVReporter.render(Sample.report(language)), "report.\(language).csv")
    }

    @Test(arguments: languages) func markdown(_ language: Language) throws {
        try Snapshot.check(MarkdownReporter.render(Sample.report(language)), "report.\(language).md")
    }

    @Test(arguments: languages) func html(_ language: Language) throws {
        try Snapshot.check(HTMLReporter.render(Sample.report(language)), "report.\(language).html")
    }

    /// With `--fail-on never` the exit status is 0, and the records with errors fail as the summaries count them.
    @Test func junitFailOnNever() throws {
        try Snapshot.check(JUnitReporter.render(Sample.report(.zh, failOn: nil)), "report.never.junit.xml")
    }

    /// A run with no findings.
    @Test(arguments: languages) func empty(_ language: Language) throws {
        let report = Report(
            version: "1.0.0", asOf: Day(year: 2026, month: 11, day: 27) ?? Day(ordinal: 0), records: [], rules: [], findings: [],
            failOn: .error, language: language)
        let all = [
            "md": MarkdownReporter.render(report), "html": HTMLReporter.render(report), "csv": CSVReporter.render(report),
            "junit.xml": JUnitReporter.render(report), "sarif": SARIFReporter.render(report),
        ]
        for name in all.keys.sorted() {
            try Snapshot.check(all[name] ?? "", "empty.\(language).\(name)")
        }
    }
}
