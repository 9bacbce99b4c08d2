import Foundation
@testable import LegalityCLI
import Testing

/// The fifth hostile review (twenty-fifth session): one test per item found.
@Suite struct HostileInputFifthRoundTests {
    /// A registry found beside the records that is a link leading outside the repository and the
    /// folders checked is not read: its names came back in "did you mean" hints (a secret file's
    /// people in a CI log), its keys in errors. One inside is read as before.
    @Test func aRegistryLinkLeadingOutsideIsNotRead() throws {
        let outside = try CLIRunner.folder(["secret.yaml": "people:\n  - {id: P-9, name: 机密人员}\n"])
        let folder = try CLIRunner.folder([".git/HEAD": "ref: refs/heads/main\n", "recs/a.yaml": Fixtures.compliant.replacingOccurrences(of: "P-1]", with: "机密人]")])
        let link = folder.appendingPathComponent("recs/registry.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside.appendingPathComponent("secret.yaml"))
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "recs"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("recs/registry.yaml: the registry found beside the records is a link that leads outside"), "\(result.stderr)")
        #expect(!result.stdout.contains("机密人员") && !result.stderr.contains("机密人员"))
        // A folder `registry/` holding such a link is refused too.
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("recs/registry"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("recs/registry/people.yaml"), withDestinationURL: outside.appendingPathComponent("secret.yaml"))
        let inFolder = try CLIRunner.run(["check", "--as-of", "2024-12-31", "recs"], in: folder)
        #expect(inFolder.status == 2, "\(inFolder.stdout)")
        #expect(inFolder.stderr.contains("recs/registry/people.yaml: the registry found beside the records is a link"), "\(inFolder.stderr)")
        // A link to a registry inside the repository is read.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("recs/registry"))
        try Fixtures.registry.write(to: folder.appendingPathComponent("people.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.appendingPathComponent("people.yaml"))
        let inside = try CLIRunner.run(["check", "--as-of", "2024-12-31", "recs"], in: folder)
        #expect(inside.status != 2, "\(inside.stderr)")
        // ...also when the run starts outside that repository: the link is judged by the records' own.
        let fromOutside = try CLIRunner.run(["check", "--as-of", "2024-12-31", folder.appendingPathComponent("recs").path], in: outside)
        #expect(fromOutside.status != 2, "\(fromOutside.stderr)")
        // A link that leads to nothing says so.
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.appendingPathComponent("gone.yaml"))
        let broken = try CLIRunner.run(["check", "--as-of", "2024-12-31", "recs"], in: folder)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("is a link that leads to nothing"), "\(broken.stderr)")
    }

    /// A rule lists at most `Finding.listedPerRule` findings on one record and counts the rest in
    /// one more of its own: a record of 300,000 "steps" that are no steps (each REC-003) took 524 MB and
    /// wrote 120 MB of JSON; a million took 1.7 GB. Both ways findings are made are bounded: the
    /// loader's problems and a rule's loop (REC-004's unknown people).
    @Test func aRuleListsAHundredFindingsOnARecordAndCountsTheRest() throws {
        let steps = Array(repeating: "a", count: 3_000).joined(separator: ", ")
        let people = (1...1_500).map { "U-\($0)" }.joined(separator: ", ")
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry,
            "a.yaml": "{id: X-1, kind: major_administrative_decision, title: t, steps: [\(steps)]}\n",
            "b.yaml": "{id: X-2, kind: normative_document, title: t, steps: [{type: decision, date: 2024-03-01, by: [\(people)]}]}\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--lang", "en", "."], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let rules = findings.compactMap { $0["rule"] as? String }
        // 100 listed, and one more of the rule's own that counts the rest.
        #expect(rules.filter { $0 == "REC-003" }.count == 101)
        #expect(rules.filter { $0 == "REC-004" }.count == 101)
        let messages = findings.compactMap { $0["message"] as? String }.filter { $0.contains("more findings of this rule") }
        #expect(messages.sorted() == [
            "1400 more findings of this rule in this record are not listed (at most 100 a rule and record)",
            "2900 more findings of this rule in this record are not listed (at most 100 a rule and record)",
        ], "\(messages)")
        // The audit counts the record as failing the rule, not as one it could not check.
        let audit = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "b.yaml"], in: folder)
        let records = try #require(try CLIRunner.json(audit.stdout)["records"] as? [[String: Any]])
        #expect(records.first?["status"] as? String == "noncompliant", "\(records)")
    }

    /// A ledger's header kept by `import` never becomes YAML or a key of the record: a header
    /// `facts: {party_present_at_decision: true} #` added that fact to the imported record (and
    /// PEN-011 vanished), one named `organ` became its organ, one named `<<` or with a line break
    /// made a file that did not read back.
    @Test(arguments: ["facts: {party_present_at_decision: true} #", "organ", "x_note", "<<", "a\nb", "- x", "*a", "#"])
    func aLedgersHeaderIsNeverWrittenAsYAMLOrAKeyOfTheRecord(header: String) throws {
        let quoted = "\"" + header.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let csv = "案件编号,案件名称,立案日期,调查取证日期,执法人员,决定日期,\(quoted)\nT-1,测试案件,2025-03-03,2025-03-04,甲、乙,2025-03-10,v\n"
        let folder = try CLIRunner.folder(["l.csv": csv])
        let imported = try CLIRunner.run(["import", "l.csv", "--out", "out"], in: folder)
        #expect(imported.status == 0, "\(imported.stderr)")
        let fromLedger = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "l.csv"], in: folder)
        let fromRecord = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "out"], in: folder)
        func rules(_ result: CLIRunner.Result) throws -> [String] {
            ((try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }.sorted()
        }
        #expect(try rules(fromRecord) == rules(fromLedger), "\(fromRecord.stdout)")
        #expect(try rules(fromRecord).contains("REC-007"))
    }

    /// A folder named `registry` beside the records that holds no registry file does not hide the
    /// registry above them: the rules needing one did not run, and the run passed.
    @Test func anEmptyRegistryFolderDoesNotHideTheRegistryAbove() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "dec/a.yaml": Fixtures.compliant.replacingOccurrences(of: "P-1]", with: "P-9]"),
            "dec/registry/readme.txt": "not a registry\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "dec"], in: folder)
        let rules = ((try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(rules.contains("REC-004") && !rules.contains("REC-005"), "\(rules)")
    }

    /// A registry's role that is no text (`[[enforcement_officer]]`, `[~]`) is refused at its place:
    /// passed over, the person had no role, and a signoff the registry contradicts passed.
    @Test(arguments: ["[[enforcement_officer]]", "[~]", "[{enforcement_officer: 1}]"])
    func aRoleThatIsNoTextIsRefused(roles: String) throws {
        let folder = try CLIRunner.folder(["registry.yaml": "people:\n  - {id: P-2, name: 李四, roles: \(roles)}\n", "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("registry.yaml:2:") && result.stderr.contains("each item of 'roles' is a text"), "\(result.stderr)")
    }

    /// Reading a person's roles spends the rule's budget by the roles read: a person of 10,000
    /// roles named by thousands of signoffs took minutes within one step each.
    @Test func readingRolesSpendsTheBudget() throws {
        let roles = (0..<10_000).map { "r\($0)" }.joined(separator: ", ")
        let signoffs = Array(repeating: "{person: P-2, role: legal_adviser}", count: 300).joined(separator: ", ")
        let folder = try CLIRunner.folder([
            "registry.yaml": "people:\n  - {id: P-2, name: 李四, roles: [\(roles)]}\n",
            "a.yaml": "id: A\nkind: major_administrative_decision\ntitle: t\nsteps:\n  - {type: legality_review, date: 2024-01-01, signoffs: [\(signoffs)]}\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let rules = ((try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["rule-budget"], "\(rules)")
    }
}
