import Foundation
import Testing

/// What a contributor can slip into a repository beside the records (the engineers' review):
/// a configuration linked to a file outside it, a registry dropped beside a record.
@Suite struct RepositoryBoundaryTests {
    /// A `.legality.yaml` that is a link leading outside the repository was read: its settings
    /// applied (`fail_on: never`), its keys quoted in errors (a token's name among them). It is
    /// refused, as a registry so linked is.
    @Test func aConfigurationLinkedOutsideTheRepositoryIsNotRead() throws {
        let outer = try CLIRunner.folder([
            "outside/creds.yaml": "ghp_TOKEN_abc123: deploy\n", "outside/lenient.yaml": "fail_on: never\n",
            "repo/.git/HEAD": "ref: refs/heads/main\n", "repo/registry.yaml": Fixtures.registry, "repo/a.yaml": Fixtures.lateReview,
            "repo/config/inside.yaml": "fail_on: warning\n",
        ])
        let repo = outer.appendingPathComponent("repo")
        let link = repo.appendingPathComponent(".legality.yaml")
        for target in ["../outside/creds.yaml", "../outside/lenient.yaml"] {
            try? FileManager.default.removeItem(at: link)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
            let result = try CLIRunner.run(["check", "a.yaml"], in: repo)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains(".legality.yaml: the configuration is a link that leads outside the repository"), "\(result.stderr)")
            #expect(!result.stderr.contains("ghp_TOKEN"), "\(result.stderr)")
        }
        // A link to a file inside the repository is read.
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "config/inside.yaml")
        let inside = try CLIRunner.run(["check", "a.yaml"], in: repo)
        #expect(inside.status == 1 && inside.stdout.contains("失败级别：warning"), "\(inside.stdout)\(inside.stderr)")
    }

    /// A registry beside records hides the repository's above it: each record is checked against
    /// the nearest, which every report's set-up names (a copy with a certificate extended passed
    /// an expired one, named only in JSON). A registry linked to the one above hides nothing.
    @Test func aRegistryHidingOneAboveItIsNamed() throws {
        let expired = Fixtures.registry.replacingOccurrences(of: "valid_until: 2030-12-31}]}\n  - {id: P-4", with: "valid_until: 2020-12-31}]}\n  - {id: P-4")
        let folder = try CLIRunner.folder([
            ".git/HEAD": "ref: refs/heads/main\n", "registry.yaml": expired, "d/sub/registry.yaml": Fixtures.registry, "d/sub/a.yaml": Fixtures.compliant,
            "e/a.yaml": Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-009"),
            "f/a.yaml": Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-010"),
        ])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("f/registry.yaml").path, withDestinationPath: "../registry.yaml")
        let text = try CLIRunner.run(["check", "--as-of", "2024-12-31", "d"], in: folder)
        #expect(text.stdout.contains("记录按离它最近的人员名册检查：d/sub/registry.yaml（其上层另有 registry.yaml）"), "\(text.stdout)")
        let json = try CLIRunner.json(try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "d"], in: folder).stdout)
        let hidden = try #require(json["hiddenRegistries"] as? [[String: Any]])
        #expect(hidden.count == 1 && hidden.first?["registry"] as? String == "d/sub/registry.yaml" && hidden.first?["hides"] as? String == "registry.yaml", "\(hidden)")
        // A single registry, or one linked to the one above, hides nothing, and nothing is said.
        for plain in ["e", "f"] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", plain], in: folder)
            #expect(!result.stdout.contains("最近的人员名册"), "\(plain): \(result.stdout)")
        }
    }

    /// Records a folder search passes over (hidden, or in a folder named rules) are said: a record
    /// in `decisions/rules/` or `.drafts/` went unchecked without a word, and the hook passed. A
    /// rule file there, a workflow in `.github/`, is no record and nothing is said of it.
    @Test func recordsASearchPassesOverAreSaid() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "d/a.yaml": Fixtures.compliant,
            "d/rules/b.yaml": Fixtures.lateReview, "d/.drafts/c.yaml": Fixtures.lateReview, "d/.e.yaml": Fixtures.lateReview,
            "d/rules/LOCAL-001.yaml": "id: LOCAL-001\nkinds: [major_administrative_decision]\nviolation: {exists: $facts.x}\n",
            "d/.github/workflows/ci.yml": "on: push\njobs: {}\nkind: x\nsteps: []\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "d"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stderr.contains("3 files that look like a decision record are hidden or in a rules/ or registry/ folder") || result.stderr.contains("3 个看似决策记录的文件"), "\(result.stderr)")
        #expect(result.stderr.contains("d/.drafts/c.yaml"), "\(result.stderr)")
        // Named, a file is read.
        let named = try CLIRunner.run(["check", "--as-of", "2024-12-31", "d/rules/b.yaml"], in: folder)
        #expect(named.status == 1 && named.stdout.contains("MAD-002"), "\(named.stdout)")
        // Nothing passed over, nothing said.
        let plain = try CLIRunner.run(["check", "--as-of", "2024-12-31", "d/a.yaml"], in: folder)
        #expect(!plain.stderr.contains("look like a decision record") && !plain.stderr.contains("看似决策记录"), "\(plain.stderr)")
    }
}
