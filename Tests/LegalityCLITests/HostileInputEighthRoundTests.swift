import Foundation
import Testing

/// A hostile or careless file in a shared repository (the eighth review): what it did is now
/// refused, or said, where it used to leak, hide records from every pack or exhaust memory.
@Suite struct HostileInputEighthRoundTests {
    /// A committed link to what a folder search never reads (a hidden file or folder, the
    /// registry) is refused, as one leaving the checked folders is: `env.yaml -> ../.env` was
    /// followed and its secret quoted in the text report.
    @Test func aLinkToWhatTheSearchPassesOverIsNotRead() throws {
        let folder = try CLIRunner.folder([
            ".env": "DB_PASSWORD=hunter2\n", ".secrets/creds.yaml": "aws: AKIASECRET\n",
            "registry.yaml": Fixtures.registry, "decisions/a.yaml": Fixtures.compliant,
        ])
        let decisions = folder.appendingPathComponent("decisions")
        try FileManager.default.createSymbolicLink(atPath: decisions.appendingPathComponent("env.yaml").path, withDestinationPath: "../.env")
        try FileManager.default.createSymbolicLink(atPath: decisions.appendingPathComponent("more").path, withDestinationPath: "../.secrets")
        try FileManager.default.createSymbolicLink(atPath: decisions.appendingPathComponent("people.yaml").path, withDestinationPath: "../registry.yaml")
        // Links straight at a folder the search passes over, as at one inside it.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try "id: SECRET-RULE\n".write(to: folder.appendingPathComponent("rules/secret.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("registry"), withIntermediateDirectories: true)
        try "people: [{id: P-9, name: 孙密}]\n".write(to: folder.appendingPathComponent("registry/people.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: decisions.appendingPathComponent("docs").path, withDestinationPath: "../rules")
        try FileManager.default.createSymbolicLink(atPath: decisions.appendingPathComponent("reg").path, withDestinationPath: "../registry")
        // (The registry named: a folder holding `registry.yaml` beside `registry/` stops a run that
        // searches for its registry, two registries of which neither is known to hold the people.)
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--registry", "registry.yaml", "."], in: folder)
        #expect(!result.stdout.contains("hunter2") && !result.stdout.contains("AKIASECRET") && !result.stdout.contains("钱律师"), "\(result.stdout)")
        #expect(!result.stdout.contains("SECRET-RULE") && !result.stdout.contains("孙密"), "\(result.stdout)")
        for (link, target) in [("env.yaml", ".env"), ("more", ".secrets"), ("people.yaml", "registry.yaml"), ("docs", "rules"), ("reg", "registry")] {
            #expect(result.stdout.contains("decisions/\(link):1:1"), "\(result.stdout)")
            #expect(result.stdout.contains("the link points to a file a folder search never reads (\(target):"), "\(result.stdout)")
        }
        #expect(result.status == 1)
        // The same below a folder of a Chinese name, given as the path (its bytes are not its characters).
        let chinese = try CLIRunner.folder(["决策档案/.env": "DB_PASSWORD=hunter2\n", "决策档案/registry.yaml": Fixtures.registry, "决策档案/a.yaml": Fixtures.compliant])
        try FileManager.default.createSymbolicLink(atPath: chinese.appendingPathComponent("决策档案/env.yaml").path, withDestinationPath: ".env")
        let named = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "决策档案"], in: chinese)
        #expect(!named.stdout.contains("hunter2") && named.stdout.contains("the link points to a file a folder search never reads (.env:"), "\(named.stdout)")
        // A link to a record in the checked folders is still read.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("same.yaml").path, withDestinationPath: "decisions/a.yaml")
        let linked = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "--registry", "registry.yaml", "same.yaml"], in: folder)
        #expect(linked.status == 0, "\(linked.stdout)")
    }

    /// A rules folder whose record/ and calendars/ hold no file is none: empty folders mounted
    /// there passed the check of their names, and nothing was checked.
    @Test func aRulesFolderOfEmptyPacksIsRefused() throws {
        let folder = try CLIRunner.folder(["broken.yaml": "id: [x\n", "rules/record/.keep": "", "rules/calendars/.keep": ""])
        try FileManager.default.copyItem(at: CLIRunner.root.appendingPathComponent("rules/definitions.yaml"), to: folder.appendingPathComponent("rules/definitions.yaml"))
        let result = try CLIRunner.run(["check", "--lang", "en", "broken.yaml"], in: folder, environment: ["LEGALITY_RULES": folder.appendingPathComponent("rules").path])
        #expect(result.status == 2 && result.stderr.contains("it has no calendars, record, and every run needs"), "\(result.stderr)")
    }

    /// A finding's evidence value is cut at 500 characters: a title of 900 KB quoted in 40 fields of 100
    /// findings took 5 GB and ended the run.
    @Test func anEvidenceValueIsCut() throws {
        let rule = """
            id: LOC-001
            severity: warning
            kinds: [administrative_penalty]
            title: {zh: 检查, en: inspection}
            message: {zh: 检查, en: inspection}
            basis: {instrument: 本地规定, article: 第一条}
            for_each: {s: $steps}
            violation: {exists: $s.date}
            evidence:
              title: {label: {zh: 名称, en: title}, value: $record.title}
            """
        let title = String(repeating: "法", count: 3_000)
        let record = "id: P-1\nkind: administrative_penalty\ntitle: \(title)\nsteps:\n  - {type: inspection, date: 2025-01-02}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "local/rule.yaml": rule, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2025-12-31", "--format", "json", "--no-builtin", "--rules", "local", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let shown = try #require(findings.first { $0["rule"] as? String == "LOC-001" }.flatMap { ($0["evidence"] as? [String: Any])?["title"] as? String })
        #expect(shown.unicodeScalars.count == 501 && shown.hasSuffix("…") && shown.hasPrefix("法法法"), "\(shown.unicodeScalars.count)")
    }

    /// A kind may not take another kind's short name (重大决策, the short name of major decisions
    /// in narrow columns): `other` also called 重大决策 took such records out of every pack, unsaid.
    @Test func aKindMayNotTakeAnotherKindsShortName() throws {
        let folder = try CLIRunner.folder([
            ".legality.yaml": "rules: [rules-local]\n",
            "rules-local/vocabulary.yaml": "vocabulary: {kinds: {other: {zh: 其他, en: other, also: [penalty]}}}\n",
            "a.yaml": "id: A-1\nkind: penalty\ntitle: t\nsteps:\n  - {type: decision, date: 2025-01-01}\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2025-12-31", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("the name 'penalty' of 'other' is already the short name of 'administrative_penalty' in kinds"), "\(result.stderr)")
        // A Chinese short name is read as its kind (处罚 is administrative_penalty), so a kind taking
        // it would take those records.
        let chinese = try CLIRunner.folder([
            ".legality.yaml": "rules: [rules-local]\n",
            "rules-local/vocabulary.yaml": "vocabulary: {kinds: {other: {zh: 其他, en: other, also: [处罚]}}}\n",
            "a.yaml": "id: A-1\nkind: 处罚\ntitle: t\nsteps:\n  - {type: decision, date: 2025-01-01}\n",
        ])
        let refused = try CLIRunner.run(["check", "--as-of", "2025-12-31", "a.yaml"], in: chinese)
        #expect(refused.status == 2 && refused.stderr.contains("the name '处罚' of 'other' is already a name of 'administrative_penalty' in kinds"), "\(refused.stderr)")
    }

    /// A document of records holds at most `--max-nodes` nodes (2,000,000): a flow list of 30
    /// million numbers in a 60 MB file took 1.9 GB. A registry is not held to it.
    @Test func aDocumentOfTooManyNodesIsREC000() throws {
        let items = Array(repeating: "0", count: 3_000).joined(separator: ",")
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry,
            "a.yaml": "id: B-1\nkind: other\ntitle: t\nsteps: [{type: decision, date: 2025-01-01}]\nx_big: [\(items)]\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2025-12-31", "--lang", "en", "--max-nodes", "2000", "a.yaml"], in: folder)
        #expect(result.status == 1 && result.stdout.contains("error[REC-000]"), "\(result.stdout)")
        #expect(result.stdout.contains("the document holds more than 2000 nodes"), "\(result.stdout)")
        let configured = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, ".legality.yaml": "limits: {max_nodes: 2000}\n",
            "a.yaml": "id: B-1\nkind: other\ntitle: t\nsteps: [{type: decision, date: 2025-01-01}]\nx_big: [\(items)]\n",
        ])
        #expect(try CLIRunner.run(["check", "--as-of", "2025-12-31", "a.yaml"], in: configured).stdout.contains("REC-000"))
        #expect(try CLIRunner.run(["check", "--as-of", "2025-12-31", "a.yaml"], in: folder).status == 0)
    }
}
