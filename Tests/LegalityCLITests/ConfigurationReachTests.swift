import Foundation
import Testing

/// How far a run from a subfolder of the repository reaches: the configuration in force and the
/// registry beside it are read together, and a configuration a nearer one hides is said.
@Suite struct ConfigurationReachTests {
    static func repository(_ files: [String: String]) throws -> URL {
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let record = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/gas-station-expired-certificate.yaml"), encoding: .utf8)
        return try CLIRunner.folder(["registry.yaml": registry, "penalty/case.yaml": record, ".git/HEAD": "ref: refs/heads/main\n"].merging(files) { $1 })
    }

    /// Run from the records' folder, the configuration at the repository's root was read and the
    /// registry beside it was not: the certificate rules did not run, and an officer without a
    /// valid certificate passed, exit 0. The registry beside the configuration in force is read.
    @Test func theRegistryBesideTheConfigurationInForceIsRead() throws {
        let folder = try Self.repository([".legality.yaml": "lang: zh\n"])
        let fromRoot = try CLIRunner.run(["check", "--as-of", "2026-11-27", "penalty"], in: folder)
        let fromSubfolder = try CLIRunner.run(["check", "--as-of", "2026-11-27"], in: folder.appendingPathComponent("penalty"))
        #expect(fromRoot.status == 1 && fromRoot.stdout.contains("错误[PEN-002]"), "\(fromRoot.stdout)")
        #expect(fromSubfolder.status == 1 && fromSubfolder.stdout.contains("错误[PEN-002]"), "\(fromSubfolder.stdout)")
        #expect(!fromSubfolder.stdout.contains("未找到人员名册"), "\(fromSubfolder.stdout)")
        // With no configuration, up to the repository's root; nothing above it is read.
        let bare = try Self.repository([:])
        let unconfigured = try CLIRunner.run(["check", "--as-of", "2026-11-27"], in: bare.appendingPathComponent("penalty"))
        #expect(unconfigured.status == 1 && unconfigured.stdout.contains("错误[PEN-002]"), "\(unconfigured.stdout)")
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let record = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/gas-station-expired-certificate.yaml"), encoding: .utf8)
        let outside = try CLIRunner.folder(["registry.yaml": registry, "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/penalty/case.yaml": record])
        let above = try CLIRunner.run(["check", "--as-of", "2026-11-27"], in: outside.appendingPathComponent("repo/penalty"))
        #expect(above.stdout.contains("未找到人员名册"), "\(above.stdout)")
    }

    /// Records named from a sibling folder (`check ../penalty`, as a CI job with its own working
    /// folder runs it) passed over the registry at the repository's root: the certificate rules
    /// did not run and an expired certificate passed, exit 0, where the same check from the root
    /// failed. The search goes up to the repository's root from records anywhere inside it.
    @Test func recordsNamedFromASiblingFolderFindTheRepositorysRegistry() throws {
        let folder = try Self.repository(["mad/.keep": ""])
        let sibling = folder.appendingPathComponent("mad")
        for path in ["../penalty", "../penalty/case.yaml", folder.appendingPathComponent("penalty").path] {
            let run = try CLIRunner.run(["check", "--as-of", "2026-11-27", path], in: sibling)
            #expect(run.status == 1 && run.stdout.contains("错误[PEN-002]"), "\(path): \(run.stdout)")
            #expect(!run.stdout.contains("未找到人员名册"), "\(path): \(run.stdout)")
        }
        // Nothing above the repository is read, from a sibling folder either.
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let record = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/gas-station-expired-certificate.yaml"), encoding: .utf8)
        let outside = try CLIRunner.folder([
            "registry.yaml": registry, "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/penalty/case.yaml": record, "repo/mad/.keep": "",
        ])
        let above = try CLIRunner.run(["check", "--as-of", "2026-11-27", "../penalty"], in: outside.appendingPathComponent("repo/mad"))
        #expect(above.stdout.contains("未找到人员名册"), "\(above.stdout)")
    }

    /// A configuration nearer the records replaces the one above it whole: a department's `lang: zh`
    /// dropped the repository's local rules, raised severities and registry without a word.
    @Test func aConfigurationANearerOneHidesIsSaid() throws {
        let folder = try Self.repository([".legality.yaml": "registry: registry.yaml\nseverity: {PEN-003: error}\n", "penalty/.legality.yaml": "lang: zh\n"])
        let result = try CLIRunner.run(["check", "--as-of", "2026-11-27", "--lang", "zh"], in: folder.appendingPathComponent("penalty"))
        #expect(result.stderr.contains("../.legality.yaml 未被读取：只读取最近的配置文件 .legality.yaml"), "\(result.stderr)")
        // From the root, the department's is among the records, and said not read (not as hidden).
        let alone = try CLIRunner.run(["check", "--as-of", "2026-11-27"], in: folder)
        #expect(alone.stderr.contains("legality: penalty/.legality.yaml, among the records, is not read") && !alone.stderr.contains("only the nearest configuration"), "\(alone.stderr)")
        // One just above the repository's root is not read, and said.
        let outer = try CLIRunner.folder([".legality.yaml": "fail_on: warning\n", "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/a.yaml": Fixtures.compliant])
        let inside = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: outer.appendingPathComponent("repo"))
        #expect(inside.stderr.contains("../.legality.yaml is not read: it lies outside the git repository"), "\(inside.stderr)")
    }

    /// A folder of added rules whose files hold nothing (a save that did not happen) stops the run,
    /// as one of no rule file does: the report named the folder as added rules, and none ran. An
    /// empty file beside a rule, or a rule saved under another name, is said on standard error.
    @Test func addedRuleFilesThatHoldNothingAreSaid() throws {
        let rule = """
            id: LOCAL-1
            severity: warning
            title: {zh: 本地规则, en: local rule}
            message: {zh: m, en: m}
            basis: {instrument: 测试}
            violation: true
            """
        let empty = try CLIRunner.folder(["local/a.yaml": "", "local/b.yaml": "# 待补\n", "r.yaml": Fixtures.compliant])
        let stopped = try CLIRunner.run(["check", "--rules", "local", "--lang", "en", "r.yaml"], in: empty)
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("local: its rule files hold nothing (empty, or only comments)"), "\(stopped.stderr)")
        let mixed = try CLIRunner.folder(["local/a.yaml": "", "local/rule.yaml": rule, "local/other.yaml.txt": rule, "r.yaml": Fixtures.compliant])
        let said = try CLIRunner.run(["check", "--rules", "local", "--lang", "en", "r.yaml"], in: mixed)
        #expect(said.stdout.contains("LOCAL-1"), "\(said.stdout)")
        #expect(said.stderr.contains("local/a.yaml: holds nothing (empty, or only comments)"), "\(said.stderr)")
        #expect(said.stderr.contains("local/other.yaml.txt: not read as rules"), "\(said.stderr)")
    }

    /// A waiver may name the finding it is for (`finding:`, a text its message holds: the officer's
    /// id): approved for one officer's certificate, it waived a second officer's, uncertified, too.
    @Test func aWaiverNamingItsFindingHoldsForItAlone() throws {
        let record = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/livestock-revoked-auxiliary.yaml"), encoding: .utf8)
        let registry = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)
        let waiver = "waivers:\n  - {rule: PEN-002, record: ZY-ZF-2025-058, finding: ZY-044, reason: 换证手续在办, approved_by: 泽综执〔2025〕9号, expires: 2027-03-31}\n"
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": record, ".legality.yaml": waiver])
        let result = try CLIRunner.run(["check", "--as-of", "2026-11-27", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]]).filter { $0["rule"] as? String == "PEN-002" }
        #expect(findings.count == 2, "\(findings)")
        #expect(findings.filter { $0["waived"] is [String: Any] }.count == 1, "\(findings)")
        #expect(result.status == 1)
        // Naming no finding of the rule, it is unused.
        let other = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": record, ".legality.yaml": waiver.replacingOccurrences(of: "ZY-044", with: "ZY-999")])
        let unused = try CLIRunner.run(["check", "--as-of", "2026-11-27", "--format", "json", "a.yaml"], in: other)
        #expect((try CLIRunner.json(unused.stdout)["findings"] as? [[String: Any]])?.contains { $0["rule"] as? String == "waiver-unused" } == true, "\(unused.stdout)")
    }
}
