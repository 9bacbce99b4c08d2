import Foundation
import Testing

/// What engineers and clerks rely on before a commit and in CI: the pre-commit hooks, SARIF for
/// code scanning, and a configuration or waiver that says what it seems to.
@Suite struct CommitAndCITests {
    /// The hooks of `.pre-commit-hooks.yaml`, each as its lines.
    static func hooks() throws -> [String: [String]] {
        let text = try String(contentsOf: CLIRunner.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        var hooks: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n").map(String.init) where !line.hasPrefix("#") {
            if line.hasPrefix("- id: ") {
                current = String(line.dropFirst(6))
                hooks[current ?? ""] = []
            } else if let current, !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                hooks[current, default: []].append(line.trimmingCharacters(in: .whitespaces))
            }
        }
        return hooks
    }

    static func value(_ key: String, of lines: [String]) -> String? {
        lines.first { $0.hasPrefix(key + ": ") }.map { String($0.dropFirst(key.count + 2)) }
    }

    /// The hooks match extensions in any case, as folder search reads them (a `.YAML` decision
    /// with no review was passed over, and the commit landed), and run once for all of a commit's
    /// files (split between processes, two records of one id passed).
    @Test func theHooksMatchEveryRecordFileAndRunOnce() throws {
        let hooks = try Self.hooks()
        let check = try #require(hooks["legality-check"])
        let ledgers = try #require(hooks["legality-check-ledgers"])
        func matches(_ lines: [String], _ name: String) throws -> Bool {
            let pattern = try #require(Self.value("files", of: lines))
            let expression = try NSRegularExpression(pattern: pattern)
            return expression.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
        }
        for name in ["决策 文件/无审查.YAML", "a.Yml", "b.yaml", "c.JSON"] { #expect(try matches(check, name), "\(name)") }
        for name in ["台账.XLSX", "t.Csv", "t.xlsx"] { #expect(try matches(ledgers, name), "\(name)") }
        #expect(try !matches(check, "notes.txt"))
        let exclude = try NSRegularExpression(pattern: try #require(Self.value("exclude", of: check)))
        for name in ["a/legality-record.SCHEMA.JSON", "registry.yaml", ".github/ci.yaml", "rules/x.yaml"] {
            #expect(exclude.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil, "\(name)")
        }
        for (id, lines) in hooks where Self.value("pass_filenames", of: lines) != "false" {
            #expect(Self.value("require_serial", of: lines) == "true", "\(id)")
        }
    }

    /// Run from the folder above the repository (a CI job that checks out into a folder of its
    /// own), SARIF still names files from the repository's root: `repo/county/a.yaml` was the URI,
    /// which code scanning could not place.
    @Test func sarifNamesFilesFromTheRootOfTheRecordsRepository() throws {
        let folder = try CLIRunner.folder([
            "repo/.git/HEAD": "ref: refs/heads/main\n",
            "repo/county seat/registry.yaml": Fixtures.registry, "repo/county seat/a.yaml": Fixtures.lateReview,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "repo/county seat"], in: folder)
        let run = try #require((try CLIRunner.json(result.stdout)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        let uris = Set(results.flatMap { ($0["locations"] as? [[String: Any]]) ?? [] }.compactMap {
            (($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
        })
        #expect(uris == ["county%20seat/a.yaml"], "\(uris)")
    }

    /// Every result has a location: code scanning refuses a whole log with one result of none,
    /// and the finding of no registry found (REC-005) had none, so every finding was lost. It is
    /// located at the configuration, else the first record file the run reads.
    @Test func everySARIFResultHasALocation() throws {
        let folder = try CLIRunner.folder(["repo/.git/HEAD": "ref: refs/heads/main\n", "repo/records/a.yaml": Fixtures.compliant])
        func locations(_ arguments: [String]) throws -> [String?] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif"] + arguments, in: folder.appendingPathComponent("repo"))
            let run = try #require((try CLIRunner.json(result.stdout)["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.contains { $0["ruleId"] as? String == "REC-005" }, "\(results)")
            return results.map { result in
                ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
                    ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
                }
            }
        }
        #expect(try locations(["records"]) == ["records/a.yaml"])
        try "lang: zh\n".write(to: folder.appendingPathComponent("repo/.legality.yaml"), atomically: true, encoding: .utf8)
        #expect(try locations(["records"]) == [".legality.yaml"])
    }

    /// Run from a link into a repository (`X -> repo/county`, as a shell names it), SARIF still names
    /// files from the repository's root: no `.git` lies above the link's own path.
    @Test func sarifFromALinkIntoARepositoryNamesFilesFromItsRoot() throws {
        let folder = try CLIRunner.folder([
            "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/county/registry.yaml": Fixtures.registry, "repo/county/a.yaml": Fixtures.lateReview,
        ])
        let link = folder.appendingPathComponent("X")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.appendingPathComponent("repo/county"))
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "a.yaml"], in: link, environment: ["PWD": link.path])
        #expect(result.stdout.contains("\"uri\": \"county/a.yaml\""), "\(result.stdout)")
    }

    /// A finding under an older version of the law than the one the rule's help names says its
    /// own basis in its SARIF message: code scanning showed the 2021 article beside a deadline
    /// counted by the 2017 text.
    @Test func aSARIFResultUnderAnOlderLawSaysItsBasis() throws {
        let late = """
            id: A1-late
            kind: administrative_penalty
            title: 送达超期
            facts: {major: true}
            steps:
              - {type: notice_of_rights, date: 2021-07-01}
              - {type: collective_discussion, date: 2021-07-05}
              - {type: legal_review, date: 2021-07-06, outcome: passed, by: [P-2]}
              - {type: decision, date: 2021-07-09}
              - {type: delivery, date: 2021-07-19}
              - {type: publication, date: 2021-07-09}
            """
        let current = late.replacingOccurrences(of: "A1-late", with: "A2-late").replacingOccurrences(of: "2021-07-", with: "2022-07-")
            .replacingOccurrences(of: "delivery, date: 2022-07-19", with: "delivery, date: 2022-07-29")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": late, "b.yaml": current])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "."], in: folder)
        let run = try #require((try CLIRunner.json(result.stdout)["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        func message(_ file: String) throws -> String {
            let found = results.first { result in
                result["ruleId"] as? String == "PEN-011"
                    && ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
                        ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
                    } == file
            }
            return try #require((found?["message"] as? [String: Any])?["text"] as? String)
        }
        let (older, newer) = (try message("a.yaml"), try message("b.yaml"))
        #expect(older.contains("（依据：《中华人民共和国行政处罚法》（2017年修正）"), "\(older)")
        #expect(!newer.contains("依据"), "\(newer)")
    }

    /// A configuration is one YAML document: a second was never read (`fail_on: never`, then `---`
    /// and `fail_on: error`, exited 0; waivers or typos in it went unsaid).
    @Test func aConfigurationOfTwoDocumentsStopsTheRun() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, ".legality.yaml": "fail_on: never\n---\nfail_on: error\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains(".legality.yaml:3:1: a second YAML document; a configuration is one document"), "\(result.stderr)")
        // An empty document after it, a `---` closing the file, loses nothing.
        try Data("fail_on: never\n---\n# end\n".utf8).write(to: folder.appendingPathComponent(".legality.yaml"))
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder).status == 0)
    }

    /// A parameter's code that is none is pointed at where it is written, not at the list holding it.
    @Test func aParametersWrongCodeIsPointedAt() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant,
            ".legality.yaml": "parameters:\n  MAD-011:\n    meeting_types:\n      - executive\n      - 镇长办公会议\n  MAD-003: {passing_outcomes: [passed, 有条件通过]}\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".legality.yaml:5:9: MAD-011's parameter 'meeting_types' takes codes of meeting_types, and '镇长办公会议' is none"), "\(result.stderr)")
        #expect(result.stderr.contains(".legality.yaml:6:40: MAD-003's parameter 'passing_outcomes' takes codes of outcomes, and '有条件通过' is none"), "\(result.stderr)")
    }

    /// A waiver's `file` is a text: `file: ~` named a file "~", and the waiver only read as unused.
    @Test(arguments: ["~", "null", "12", "[a.yaml]"])
    func aWaiversFileThatIsNoTextIsRefused(file: String) throws {
        let waivers = "waivers:\n  - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: 2026-12-31, file: \(file)}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, ".legality.yaml": waivers])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("'file' is a text, the path of the record's file"), "\(result.stderr)")
    }

    /// Of waivers of one finding the one that runs longest waives it, and the others are said to
    /// be replaced: both of two identical waivers counted as used, and of a waiver and its renewal
    /// the older waived while the renewal was called unused ("can be removed", which would have
    /// brought the finding back when the older ran out); an expired one beside them no longer says
    /// the finding counts again.
    @Test func theWaiverThatRunsLongestWaivesAndTheOthersAreReplaced() throws {
        func waiver(_ expires: String) -> String {
            "  - {rule: MAD-002, record: T-2024-002, reason: 会后补充审查, approved_by: 县政府办公室, expires: \(expires)}\n"
        }
        func findings(_ waivers: [String]) throws -> [[String: Any]] {
            let folder = try CLIRunner.folder([
                "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, ".legality.yaml": "waivers:\n" + waivers.joined(),
            ])
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
            return try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        }
        let repeated = try findings([waiver("2025-06-30"), waiver("2025-06-30")])
        let unused = repeated.filter { $0["rule"] as? String == "waiver-unused" }
        #expect(unused.count == 1 && unused.first?["line"] as? Int == 3, "\(unused)")
        #expect((unused.first?["message"] as? String)?.contains("已由第 2 行的豁免（有效期至 2025-06-30）取代，可以删除") == true, "\(unused)")
        let renewed = try findings([waiver("2024-06-30"), waiver("2025-01-31"), waiver("2026-06-30")])
        let waived = try #require(renewed.first { $0["rule"] as? String == "MAD-002" }?["waived"] as? [String: Any])
        #expect(waived["expires"] as? String == "2026-06-30", "\(waived)")
        let replaced = renewed.filter { $0["rule"] as? String == "waiver-unused" }
        #expect(replaced.map { $0["line"] as? Int } == [3], "\(replaced)")
        #expect((replaced.first?["message"] as? String)?.contains("已由第 4 行的豁免") == true, "\(replaced)")
        let expired = try #require(renewed.first { $0["rule"] as? String == "waiver-expired" }?["message"] as? String)
        #expect(!expired.contains("该问题重新计入"), "\(expired)")
    }

    /// Rule ids differing only in case are one id (`rules show a-001` showed `A-001`): the second
    /// is refused where it loads.
    @Test func ruleIdsDifferingOnlyInCaseAreRefused() throws {
        let lower = TestCommandTests.rule.replacingOccurrences(of: "id: LOCAL-1", with: "id: local-1")
        let folder = try CLIRunner.folder(["local/a.yaml": TestCommandTests.rule, "local/b.yaml": lower])
        let lint = try CLIRunner.run(["rules", "lint", "local"], in: folder)
        #expect(lint.status != 0, "\(lint.stdout)")
        #expect((lint.stdout + lint.stderr).contains("the rule id 'local-1' is already defined in local/a.yaml as 'LOCAL-1'"), "\(lint.stdout)\(lint.stderr)")
    }
}
