import Foundation
import Testing

/// What a run reports does not depend on how its paths are spelt, where it is started from, or how
/// many jobs it runs: auditors commit exports and diff them month to month, CI diffs its logs.
@Suite struct DiffableOutputTests {
    static let record = """
        id: DF-1
        kind: normative_document
        title: 某县示例办法
        steps:
          - {type: drafting, date: 2024-03-01}

        """

    static func files(_ json: String) throws -> [String] {
        let findings = try CLIRunner.json(json)["findings"] as? [[String: Any]] ?? []
        return findings.compactMap { $0["file"] as? String }
    }

    /// `./cases//mad/` names the files `cases/mad/…`, as `cases/mad` does.
    @Test func aFolderSpeltTwoWaysNamesItsFilesOneWay() throws {
        let folder = try CLIRunner.folder(["records/mad/a.yaml": Self.record, "records/mad/b.yaml": Self.record.replacingOccurrences(of: "DF-1", with: "DF-2")])
        let plain = try CLIRunner.run(["check", "records/mad", "--format", "json", "--as-of", "2026-11-27"], in: folder)
        let spelt = try CLIRunner.run(["check", "./records//mad/", "--format", "json", "--as-of", "2026-11-27"], in: folder)
        #expect(plain.stdout == spelt.stdout)
        #expect(try Self.files(plain.stdout).contains("records/mad/a.yaml"), "\(plain.stdout)")
        let dot = try CLIRunner.run(["check", "./", "--format", "json", "--as-of", "2026-11-27"], in: folder)
        #expect(try Self.files(dot.stdout).contains("records/mad/a.yaml"), "\(dot.stdout)")
    }

    /// The same id in two folders: the later in path order is the duplicate, whichever is named first
    /// and however it is spelt.
    @Test func theDuplicateIsTheLaterInPathOrderHoweverNamed() throws {
        let folder = try CLIRunner.folder(["a/x.yaml": Self.record, "b/y.yaml": Self.record])
        for arguments in [["a", "b"], ["./b", "a"], ["b/", "./a"]] {
            let run = try CLIRunner.run(["check"] + arguments + ["--format", "json", "--as-of", "2026-11-27"], in: folder)
            let findings = try CLIRunner.json(run.stdout)["findings"] as? [[String: Any]] ?? []
            let duplicate = findings.first { $0["rule"] as? String == "REC-002" }
            #expect(duplicate?["file"] as? String == "b/y.yaml", "\(arguments): \(findings)")
        }
    }

    /// Started from `/` (as a container starts a run), the registry beside records named by an
    /// absolute path is found, as from any other folder above them.
    @Test func theRegistryIsFoundFromTheRootFolder() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "mad/a.yaml": Self.record])
        let run = try CLIRunner.run(["check", folder.appendingPathComponent("mad").path, "--format", "json", "--as-of", "2026-11-27"], in: URL(fileURLWithPath: "/"))
        let registries = try CLIRunner.json(run.stdout)["registries"] as? [String] ?? []
        #expect(registries.count == 1 && registries.first?.hasSuffix("/registry.yaml") == true, "\(run.stdout.prefix(600))")
    }

    /// Lines about whole files (a ledger of its header alone) come in file order with any number
    /// of jobs: they were written where each file was read, in a new order every run.
    @Test func notesAboutFilesComeInFileOrder() throws {
        var files: [String: String] = ["a.yaml": Self.record]
        for index in 0..<24 { files["n\(index)/empty.csv"] = "编号,决策事项名称,决策类型,承办单位\n" }
        let folder = try CLIRunner.folder(files)
        let one = try CLIRunner.run(["check", ".", "--jobs", "1", "--as-of", "2026-11-27", "--lang", "en"], in: folder)
        let notes = one.stderr.split(separator: "\n").filter { $0.contains("holds no record") }
        #expect(notes.count == 24, "\(one.stderr)")
        for _ in 0..<3 {
            let several = try CLIRunner.run(["check", ".", "--jobs", "4", "--as-of", "2026-11-27", "--lang", "en"], in: folder)
            #expect(several.stderr == one.stderr && several.stdout == one.stdout)
        }
    }
}
