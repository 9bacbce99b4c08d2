import Foundation
import Testing

/// The fourth hostile review (twenty-fourth session): one test per item found.
@Suite struct HostileInputFourthRoundTests {
    /// `--output` over a data file of the rules folder (the vocabulary, the definitions, a
    /// calendar, a ledger mapping, the annual report's wording) or over a `--mapping` file stops
    /// the run, the file left as it was: a report written over the vocabulary made every later
    /// run stop.
    @Test func theReportNeverReplacesARulesDataFileOrAMapping() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let rules = folder.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules"), to: rules)
        let environment = ["LEGALITY_RULES": rules.path]
        for data in ["vocabulary.yaml", "definitions.yaml", "calendars/cn-mainland.yaml", "ledgers/penalty-cases.yaml", "report/annual-report.yaml"] {
            let before = try Data(contentsOf: rules.appendingPathComponent(data))
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "rules/\(data)", "a.yaml"], in: folder, environment: environment)
            #expect(result.status == 2, "\(data): \(result.stderr)")
            #expect(result.stderr.contains("which this run reads") || result.stderr.contains("本次运行读取的文件"), "\(result.stderr)")
            #expect(try Data(contentsOf: rules.appendingPathComponent(data)) == before, "\(data)")
        }
        try FileManager.default.copyItem(at: rules.appendingPathComponent("ledgers/penalty-cases.yaml"), to: folder.appendingPathComponent("map.yaml"))
        let mapping = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--mapping", "map.yaml", "--output", "map.yaml", "a.yaml"], in: folder, environment: environment)
        #expect(mapping.status == 2, "\(mapping.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("map.yaml"), encoding: .utf8).hasPrefix("#"))
    }

    /// A message on standard error quotes keys and file names from files found beside the records
    /// (a registry, a configuration, a rules folder): their escape sequences and bidirectional
    /// controls are shown as `�`, never sent to the terminal (one cleared the screen and planted
    /// a link).
    @Test func messagesOnStandardErrorCarryNoEscapeSequences() throws {
        // (YAML escapes: ESC, BEL, RIGHT-TO-LEFT OVERRIDE.)
        let hostile = #"n\e[2J\e]8;;http://evil.example\aclick\u202E"#
        let folder = try CLIRunner.folder([
            "registry.yaml": "people:\n  - {id: P-1, name: 王镇长, \"\(hostile)\": 1}\n", "a.yaml": Fixtures.compliant,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not a key of a person"), "\(result.stderr)")
        #expect(!result.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{202E}" }, "\(result.stderr)")
        #expect(result.stderr.contains("\u{FFFD}[2J"))
    }
}
