import Foundation
import Testing

/// A hostile or careless layout of files (the thirteenth review, of what grew faster than the
/// input): what took time or memory out of all proportion is now bounded, and says the same.
@Suite struct HostileInputThirteenthRoundTests {
    /// The registry search went up from every folder of records to the top, and asked each folder
    /// on the way for its real path (glibc's `realpath`, itself a walk from the start for each
    /// component) and its registry: 200 nested folders, each with a record, took 8.8 s, and a
    /// record 1,000 folders down 28 s. The searches now share what they learnt; this is what they
    /// must still find: each record the registry nearest to it, and the nearer one named as hiding
    /// the one above.
    @Test(arguments: [".", "a"])
    func nestedFoldersShareTheRegistrySearchAndEachFindsItsNearest(given: String) throws {
        let withoutLawyer = "people:\n  - {id: P-1, name: 王镇长, roles: [head]}\n"
        var files = ["registry.yaml": Fixtures.registry, "a/b/registry.yaml": withoutLawyer, "a/top.yaml": Fixtures.compliant]
        var deep = "a/b"
        for level in 0..<40 {
            files["\(deep)/r\(level).yaml"] = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-\(100 + level)")
            deep += "/d"
        }
        files["\(deep)/bottom.yaml"] = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-999")
        let folder = try CLIRunner.folder(files)
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", given], in: folder)
        let report = try CLIRunner.json(result.stdout)
        let findings = try #require(report["findings"] as? [[String: Any]])
        let unregistered = Set(findings.filter { $0["rule"] as? String == "REC-004" }.compactMap { $0["file"] as? String })
        // The lawyer P-2 is in the registry at the top, not in the nearer one of a/b.
        #expect(!unregistered.contains("a/top.yaml"), "\(unregistered.sorted())")
        #expect(unregistered.count == 41, "\(unregistered.sorted())")
        #expect(unregistered.contains("\(deep)/bottom.yaml") && unregistered.contains("a/b/r0.yaml"), "\(unregistered.sorted())")
        let hidden = try #require(report["hiddenRegistries"] as? [[String: Any]], "\(report.keys.sorted())")
        #expect(hidden.count == 1 && hidden.first?["registry"] as? String == "a/b/registry.yaml" && hidden.first?["hides"] as? String == "registry.yaml", "\(hidden)")
    }

    /// Each document that is no record (`---` alone, a text) was one finding, with no bound per
    /// file: a million `---` lines (4 MB) wrote 405 MB. A file lists the first hundred; each run
    /// of the others up to a record, or the file's end, is one more finding saying how many, so
    /// the findings keep the file's order and the record between them is checked.
    @Test func documentsThatAreNoRecordsAreListedToAHundredAndTheRestCounted() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "outcome: passed", with: "outcome: failed")
        let text = String(repeating: "---\n", count: 1_000) + "---\n" + record + "\n" + String(repeating: "--- 文本\n", count: 500)
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": text])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let notRecords = findings.filter { $0["record"] is NSNull && $0["rule"] as? String == "REC-001" }
        #expect(notRecords.count == 102, "\(notRecords.count)")
        let counted = notRecords.compactMap { $0["message"] as? String }.filter { $0.contains("未逐一列出") }
        #expect(counted.count == 2 && counted[0].contains("另有连续 900 个文档不是记录") && counted[1].contains("另有连续 500 个文档不是记录"), "\(counted)")
        // The record between the runs is checked (its failed review is reported) …
        #expect(findings.contains { $0["record"] as? String == "T-2024-001" && $0["severity"] as? String == "error" }, "\(findings.suffix(3))")
        // … and the findings are in the order of the file.
        let lines = findings.compactMap { $0["line"] as? Int }
        #expect(lines == lines.sorted(), "\(lines.suffix(6))")
    }
}
