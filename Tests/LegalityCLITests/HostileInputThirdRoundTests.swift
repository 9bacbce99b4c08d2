import Foundation
import Testing

/// The third hostile review (twenty-first session): one test per item found.
@Suite struct HostileInputThirdRoundTests {
    /// `--output` naming a file the run reads (a record, by any path; the registry) stops the run
    /// before anything is written, and the file is left as it was; a new file, or the report of
    /// the last run, is written as before.
    @Test(arguments: ["check", "gate", "audit"])
    func theReportNeverReplacesAFileTheRunReads(command: String) throws {
        let folder = try CLIRunner.folder(["records/registry.yaml": Fixtures.registry, "records/a.yaml": Fixtures.compliant])
        let options: [String] = switch command {
        case "gate": ["gate", "--meeting", "2024-12-31"]
        case "audit": ["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv"]
        default: ["check", "--as-of", "2024-12-31", "--format", "json"]
        }
        for target in ["records/a.yaml", "./records/../records/a.yaml", "records/registry.yaml"] {
            let result = try CLIRunner.run(options + ["--output", target, "records"], in: folder)
            #expect(result.status == 2, "\(command) --output \(target)")
            #expect(result.stderr.contains("which this run reads") || result.stderr.contains("本次运行读取的文件"), "\(result.stderr)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("records/a.yaml"), encoding: .utf8) == Fixtures.compliant)
        #expect(try String(contentsOf: folder.appendingPathComponent("records/registry.yaml"), encoding: .utf8) == Fixtures.registry)
        // A link to a record is the record.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked.out").path, withDestinationPath: "records/a.yaml")
        #expect(try CLIRunner.run(options + ["--output", "linked.out", "records"], in: folder).status == 2)
        for _ in 0..<2 {
            let result = try CLIRunner.run(options + ["--output", "report.out", "records"], in: folder)
            #expect(result.status != 2, "\(result.stderr)")
        }
    }

    /// A file with control characters (a binary file, `/proc/self/environ`) is no YAML, and the
    /// text report quotes none of its lines.
    @Test func theTextReportNeverQuotesABinaryFile() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        try Data("password: hunter2-SECRET\0\nid: N\n".utf8).write(to: folder.appendingPathComponent("nul.yaml"))
        try Data("token: SECRET-BELL\u{07}\n".utf8).write(to: folder.appendingPathComponent("bell.yaml"))
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "."], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("nul.yaml"))
        #expect(result.stdout.contains("bell.yaml"))
        #expect(!result.stdout.contains("SECRET"), "\(result.stdout)")
    }
}
