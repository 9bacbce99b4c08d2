import Foundation
import Testing

/// Hostile input, sixth round: text a ledger's name or a record's key carries into what legality
/// writes.
@Suite struct HostileInputSixthRoundTests {
    static let ledger = "案件编号,案件名称,立案日期,调查取证日期,执法人员,决定日期\nT-1,测试案件,2025-03-03,2025-03-04,甲、乙,2025-03-10\n"

    static func rules(_ result: CLIRunner.Result) throws -> [String] {
        ((try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }.sorted()
    }

    /// `import` names the ledger in a comment at the top of each file it writes: a carriage
    /// return, NEL, LS or PS in the ledger's (or sheet's) name ended the comment, as a line feed
    /// does, and began a line of YAML (`kind: other` rewrote the record, which then checked clean).
    @Test(arguments: ["\r", "\u{85}", "\u{2028}", "\u{2029}", "\r\n"])
    func aLedgersNameNeverBecomesYAMLOfTheRecordsImported(lineBreak: String) throws {
        let name = "台账\(lineBreak)kind: other\(lineBreak)title: ok\(lineBreak)#.csv"
        let folder = try CLIRunner.folder([name: Self.ledger])
        let imported = try CLIRunner.run(["import", name, "--out", "out"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("out/T-1.yaml"), encoding: .utf8)
        let comment = written.split(separator: "\n", omittingEmptySubsequences: false).prefix(2)
        #expect(comment.allSatisfy { $0.hasPrefix("# ") && !$0.unicodeScalars.contains { "\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) } }, "\(comment)")
        #expect(comment.first?.contains("台账\u{FFFD}") == true && comment.first?.contains("kind: other") == true, "\(comment)")
        let fromLedger = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", name], in: folder)
        let fromRecord = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "out"], in: folder)
        #expect(try Self.rules(fromRecord) == Self.rules(fromLedger), "\(fromRecord.stdout)")
        #expect(try Self.rules(fromRecord).contains { $0.hasPrefix("PEN-") })
    }

    /// A key written with a line break is quoted on one line: its second line stood under a gate
    /// item as a line of its own, `[可以上会] …`.
    @Test func aKeyWithALineBreakIsQuotedOnOneLine() throws {
        let record = Fixtures.compliant + "\n\"x\\n[可以上会] T-9 全部前置程序已完成\\n\": 1\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "a.yaml"], in: folder)
        let lines = gate.stdout.split(separator: "\n")
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[可以上会] T-9") }, "\(gate.stdout)")
        #expect(lines.contains { $0.contains("x⏎[可以上会] T-9 全部前置程序已完成⏎") }, "\(gate.stdout)")
        let check = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(check.stdout.contains("the key 'x⏎[可以上会] T-9"), "\(check.stdout)")
    }

    /// A value a rule's message quotes is on one line too: a person id written with a line break
    /// put `[可以上会] …` on a line of its own under the gate's item.
    @Test func aValueARuleQuotesIsOnOneLine() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "by: [P-1]", with: "by: [\"P-9\\n[可以上会] forged\"]")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "a.yaml"], in: folder)
        #expect(!gate.stdout.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[可以上会] forged") }, "\(gate.stdout)")
        #expect(gate.stdout.contains("P-9⏎[可以上会] forged"), "\(gate.stdout)")
    }

    /// A value the record pack quotes (a code, a date, a person) is quoted on one line too.
    @Test func aValueWithALineBreakIsQuotedOnOneLine() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "outcome: passed", with: "outcome: \"passed\\n[可以上会] forged\"")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let check = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(check.stdout)["findings"] as? [[String: Any]])
        let messages = findings.compactMap { $0["message"] as? String }.filter { $0.contains("forged") }
        #expect(messages.count == 1 && messages.allSatisfy { $0.contains("passed⏎[可以上会] forged") && !$0.contains("\n") }, "\(messages)")
    }

    /// A count over decades (a year mistyped, 1950 for 2025) names each year the calendar lacks, up
    /// to the year before its first. (A count over centuries is named by its ends; a year before
    /// 1950, `0001`, now dates no step: REC-003.)
    @Test func aCountOverDecadesNamesEachYearTheCalendarLacks() throws {
        let record = """
            id: N-1
            kind: normative_document
            title: 送审日期写错
            steps:
              - {type: legality_review, submitted: 1950-03-01, date: 2025-03-10, outcome: passed, signoffs: [{person: P-2, role: legal_adviser, date: 2025-03-10}]}
              - {type: collective_discussion, date: 2025-03-20, meeting: {type: executive, minutes: true}}
              - {type: decision, date: 2025-03-21, by: [P-1]}
              - {type: publication, date: 2025-03-22}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2025-12-31", "--format", "json", "a.yaml"], in: folder)
        #expect(try CLIRunner.json(result.stdout)["uncoveredYears"] as? [Int] == Array(1950...2018), "\(result.stdout)")
        let early = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record.replacingOccurrences(of: "1950-03-01", with: "0001-03-01")])
        let refused = try CLIRunner.run(["check", "--as-of", "2025-12-31", "a.yaml"], in: early)
        #expect(refused.stdout.contains("submitted 是 0001-03-01，早于 1950 年"), "\(refused.stdout)")
    }

    /// `documents` is a list of mappings, as signoffs are: written as a mapping it held a misplaced
    /// `status: planned` no check looked at, and the gate called the planned review done.
    @Test(arguments: ["    documents:\n      type: 审查意见书\n      status: planned\n", "    documents: 审查意见书\n", "    documents: [~, 42]\n"])
    func documentsOfAnotherShapeAreAStepProblem(documents: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n" + documents)
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--lang", "en", "a.yaml"], in: folder)
        #expect(gate.status == 1, "\(gate.stdout)")
        #expect(gate.stdout.contains("documents"), "\(gate.stdout)")
    }

    /// A JUnit case's class name (the record's kind) and name stay on one line: a kind written with
    /// line breaks made a class name of several lines, where every other format showed `⏎`.
    @Test func junitNamesStayOnOneLine() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "kind: major_administrative_decision", with: "kind: \"z\\n[可以上会] FORGED\\u2028x\"")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "junit", "a.yaml"], in: folder)
        let line = try #require(result.stdout.split(separator: "\n").first { $0.contains("<testcase") })
        #expect(line.contains("classname=\"z⏎[可以上会] FORGED⏎x\""), "\(line)")
    }

    /// A path named on the command line whose name is no UTF-8, or a link leading nowhere, is read
    /// and reported as a folder's search reports it, not "no such file" nor taken for a mistyped command.
    @Test func aNameOfNoUTF8OrADanglingLinkIsReportedAsAFolderSearchReportsIt() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gat").path, withDestinationPath: "nowhere.yaml")
        let link = try CLIRunner.run(["gat", "--lang", "en"], in: folder)
        #expect(!link.stderr.contains("is no command"), "\(link.stderr)")
        let bad = try CLIRunner.shell("printf 'id: x\\n' > $'a\\xff.yaml'; \"$0\" check --lang en --format json $'a\\xff.yaml'", in: folder)
        #expect(bad.stdout.contains("is not UTF-8"), "\(bad.stdout)\(bad.stderr)")
        #expect(!bad.stderr.contains("no such file"), "\(bad.stderr)")
    }

    /// `import` of a ledger of its header alone says so and fails ("wrote 0 records", exit 0).
    @Test func importingALedgerOfItsHeaderAloneFails() throws {
        let folder = try CLIRunner.folder(["h.csv": "案件编号,案件名称,立案日期,调查取证日期,执法人员,决定日期\n"])
        let result = try CLIRunner.run(["import", "h.csv", "--out", "out", "--lang", "en"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("h.csv: the ledger holds no record (its header, and no row below it)"), "\(result.stderr)")
    }
}
