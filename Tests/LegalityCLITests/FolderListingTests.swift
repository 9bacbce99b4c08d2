import DecisionRecords
import Foundation
@testable import LegalityCLI
import Testing

/// A folder is walked by its listing. Each name is read where it lies in the listing's entry: an
/// entry is as long as its name needs, and reading the whole name field of the last entry of the
/// system's buffer read past its end (the address sanitizer, `make sanitize`, reports that read).
@Suite("Folder listing")
struct FolderListingTests {
    @Test func everyNameOfALargeFolderIsListedWholeAndInOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("legality-listing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Names of every length from 1 to 200 bytes, many of them, so entries end at every place
        // of the system's buffers; some are Chinese.
        var names: [String] = []
        for index in 0..<3_000 {
            let stem = index % 3 == 0 ? "记录\(index)" : "r\(index)"
            let length = 1 + index % 200
            let name = stem + String(repeating: "x", count: max(0, length - stem.utf8.count))
            names.append(name)
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: nil))
        }
        let listed = try FileSystem.entries(folder.path)
        #expect(listed.map(\.name) == names.sorted { $0.precedesInUTF8($1) })
        #expect(listed.allSatisfy { $0.kind == .file || $0.kind == nil })
    }

    /// A schema or a SARIF log is never read as records, in any case of its extension; other names
    /// (told by their last byte) are, and a JSON or CSV file is read back only when it is a report.
    @Test(arguments: [
        ("x.schema.json", true), ("X.SCHEMA.JSON", true), ("r.sarif", true), ("R.SaRiF", true),
        ("a.yaml", false), ("b.YML", false), ("c.xlsx", false), ("d.txt", false), ("", false),
        ("e.json", false), ("f.CSV", false), ("g.jso\u{301}n", false),
    ])
    func ownFilesAreToldByTheirNames(name: String, own: Bool) {
        // (The path names no file: a JSON or CSV file that cannot be read is no report.)
        #expect(Discovery.isOwnFile("/nonexistent/\(name)", name: name) == own, "\(name)")
    }

    /// Extensions are matched in any case by bytes; the answer is that of lowercasing the whole
    /// name first, for ASCII names and for names with other characters alike.
    @Test(arguments: [
        "a.yaml", "A.YAML", "b.Yml", "c.JSON", "d.schema.json", "e.SARIF", "f.csv", "g.xlsx", "yaml", ".yaml", "h.yam",
        "记录.YAML", "i.yaml\u{301}", "j.ＹＡＭＬ", "k.yaml.txt", "l.\u{130}csv", "m.\u{212A}csv", "",
    ])
    func extensionsMatchAsTheLowercasedNameWould(name: String) {
        for suffix in Discovery.recordExtensions + [".schema.json", ".sarif"] {
            #expect(name.hasSuffixIgnoringCase(suffix) == name.lowercased().hasSuffix(suffix), "\(name) \(suffix)")
        }
    }

    /// The owner file Excel and WPS keep beside an open workbook (`~$台账.xlsx`) is no record
    /// file: it was REC-000 whenever the ledger was open. Named, it is read.
    @Test func anOfficeOwnerFileIsPassedOverByFolderSearch() throws {
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry, "~$台账.xlsx": "\u{7}owner"])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        let named = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "~$台账.xlsx"], in: folder)
        #expect(named.status == 1, "\(named.stdout)")
    }

    /// A folder named beside others that yields no record is said on standard error: one town's
    /// folder of `.bak` files ran, with the others, without a word (alone, it stops the run).
    @Test func aFolderOfNoRecordBesideOthersIsSaid() throws {
        let folder = try CLIRunner.folder(["a/r.yaml": Fixtures.compliant, "b/r.yaml.bak": Fixtures.compliant, "c/.drafts/r.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a", "b", "c"], in: folder)
        #expect(result.stderr.contains("no record files found in 'b'") && result.stderr.contains("no record files found in 'c'"), "\(result.stderr)")
        #expect(!result.stderr.contains("found in 'a'"), "\(result.stderr)")
        let alone = try CLIRunner.run(["check", "b"], in: folder)
        #expect(alone.status == 2)
    }

    /// Copies of records a folder holds under names that are not read (`a.yaml.bak`, `b.yml~`)
    /// are counted on standard error, so an auditor knows what was left out; hidden files are not.
    /// (So is a record's name with a space after it, `u.yaml `, which no search reads.)
    @Test func copiesOfRecordsNotReadAreCounted() throws {
        let folder = try CLIRunner.folder([
            "d/r.yaml": Fixtures.compliant, "d/r.yaml.bak": Fixtures.compliant, "d/s.yml~": Fixtures.compliant, "d/.t.yaml": Fixtures.compliant,
            "d/u.yaml ": Fixtures.compliant,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "d"], in: folder)
        #expect(result.stderr.contains("3 files named like a copy of a record (such as 'd/r.yaml.bak') were not checked"), "\(result.stderr)")
        let clean = try CLIRunner.folder(["d/r.yaml": Fixtures.compliant])
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "d"], in: clean).stderr.isEmpty)
    }

    /// A configuration among the records (a department's `.legality.yaml`) is not read, the run
    /// reading only the one found from the current folder up: said, as it was passed over unsaid
    /// (its severities held an item back only when run from its folder). The one in force is not.
    @Test func aConfigurationAmongTheRecordsIsSaidNotRead() throws {
        let folder = try CLIRunner.folder([
            ".git/HEAD": "", ".legality.yaml": "lang: zh\n", "registry.yaml": Fixtures.registry,
            "dept/.legality.yaml": "severity: {MAD-007: error}\n", "dept/recs/a.yaml": Fixtures.compliant,
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "."], in: folder)
        #expect(result.stderr.contains("legality: dept/.legality.yaml, among the records, is not read: only the nearest .legality.yaml in the current folder or above it is (this run reads .legality.yaml)"), "\(result.stderr)")
        #expect(!result.stderr.contains("legality: .legality.yaml"), "\(result.stderr)")
        let inDept = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "recs"], in: folder.appendingPathComponent("dept"))
        #expect(!inDept.stderr.contains("among the records"), "\(inDept.stderr)")
    }
}
