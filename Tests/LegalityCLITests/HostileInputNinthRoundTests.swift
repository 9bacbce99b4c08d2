import Foundation
import Testing

/// A hostile or careless file in a shared repository (the ninth review): what it did is now
/// refused, or said, where it used to leak or pass unsaid.
@Suite struct HostileInputNinthRoundTests {
    /// `import` reads a ledger as `check` does: a committed `台账.csv -> ../.env` (or a link to a
    /// hidden file beside it) was read, and its lines written into records or quoted in the error
    /// of a header that matched no layout.
    @Test func importRefusesALinkCheckWouldNotRead() throws {
        let folder = try CLIRunner.folder([
            ".env": "DB_PASSWORD,hunter2\nTOKEN,s3cret\n",
            "ledgers/.hidden.csv": "API_KEY,AKIASECRET\n",
        ])
        let ledgers = folder.appendingPathComponent("ledgers")
        try FileManager.default.createSymbolicLink(atPath: ledgers.appendingPathComponent("台账.csv").path, withDestinationPath: "../.env")
        try FileManager.default.createSymbolicLink(atPath: ledgers.appendingPathComponent("另一台账.csv").path, withDestinationPath: ".hidden.csv")
        for (ledger, said) in [("ledgers/台账.csv", "outside the checked folders"), ("ledgers/另一台账.csv", "a folder search never reads")] {
            let result = try CLIRunner.run(["import", ledger, "--out", "out", "--lang", "en"], in: folder)
            #expect(result.status == 2, "\(ledger): \(result.stdout)\(result.stderr)")
            #expect(result.stderr.contains("\(ledger): the link points") && result.stderr.contains(said), "\(result.stderr)")
            let everything = result.stdout + result.stderr
            #expect(!everything.contains("hunter2") && !everything.contains("s3cret") && !everything.contains("AKIASECRET"), "\(everything)")
            let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
            #expect(written.isEmpty, "\(written)")
        }
    }

    /// Outside a git repository SARIF names files from the working folder, their `.` and `..`
    /// applied, and a file above it by its absolute path: `./h/../x/a.yaml` was a URI of dot
    /// segments, and `../other/a.yaml` one that leaves `%SRCROOT%`.
    @Test func sarifOutsideARepositoryNamesFilesFromTheWorkingFolder() throws {
        let folder = try CLIRunner.folder([
            "work/registry.yaml": Fixtures.registry, "work/x/a.yaml": Fixtures.lateReview, "work/h/notes.txt": "x",
            "other/registry.yaml": Fixtures.registry, "other/b.yaml": Fixtures.lateReview,
        ])
        let work = folder.appendingPathComponent("work")
        func locations(_ path: String) throws -> [[String: Any]] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", path], in: work)
            let run = try #require((try CLIRunner.json(result.stdout)["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            return results.flatMap { ($0["locations"] as? [[String: Any]]) ?? [] }
                .compactMap { ($0["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any] }
        }
        let inside = try locations("./h/../x/a.yaml")
        #expect(!inside.isEmpty && inside.allSatisfy { $0["uri"] as? String == "x/a.yaml" && $0["uriBaseId"] as? String == "%SRCROOT%" }, "\(inside)")
        let above = try locations("../other/b.yaml")
        let absolute = "file://" + folder.appendingPathComponent("other/b.yaml").path
        #expect(!above.isEmpty && above.allSatisfy { $0["uri"] as? String == absolute && $0["uriBaseId"] == nil }, "\(above)")
    }
}
