import Foundation
import Testing

/// Hostile input, seventh round: files that pass themselves off as legality's own reports, and
/// names that a search passed over.
@Suite struct HostileInputSeventhRoundTests {
    static let ledger = HostileInputSixthRoundTests.ledger

    static func rules(_ result: CLIRunner.Result) throws -> [String] {
        try HostileInputSixthRoundTests.rules(result)
    }

    /// A ledger whose first line is a legality report's header (and its real header below, within
    /// the rows searched for one) was passed over by a folder search as a report.
    @Test func aLedgerBelowAReportsHeaderLineIsRead() throws {
        let header = "规则,级别,记录,文件,行,列,标题,说明,依据,证据,如何改正,豁免,规则包\n"
        let folder = try CLIRunner.folder(["台账.csv": header + Self.ledger])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result).contains { $0.hasPrefix("PEN-") }, "\(result.stdout)")
        // legality's own CSV reports are still passed over unsaid (read as ledgers, none of their
        // tables is one), and a folder of nothing else checks no record.
        let reports = try CLIRunner.folder(["a.yaml": Fixtures.compliant, "registry.yaml": Fixtures.registry])
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "csv", "--output", "findings.csv", "a.yaml"], in: reports).status == 0)
        #expect(try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--format", "csv", "--output", "audit.csv", "a.yaml"], in: reports).status == 0)
        let again = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: reports)
        #expect(again.status == 0, "\(again.stdout)")
        #expect(try Self.rules(again).isEmpty, "\(again.stdout)")
        try FileManager.default.removeItem(at: reports.appendingPathComponent("a.yaml"))
        let only = try CLIRunner.run(["check", "--as-of", "2024-12-31", "."], in: reports)
        #expect(only.status == 0 && only.stdout.contains("检查了 0 条记录"), "\(only.stdout)")
    }

    /// A workbook naming legality as the program that wrote it was never read, even named.
    @Test func aWorkbookClaimingToBeLegalitysIsReadWhenItIsALedger() throws {
        let folder = try CLIRunner.folder([:])
        let source = CLIRunner.root.appendingPathComponent(LedgerTests.penalty).path
        let made = try CLIRunner.shell("""
            python3 - '\(source)' <<'PY'
            import sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as old, zipfile.ZipFile("台账.xlsx", "w") as new:
                for item in old.infolist():
                    data = old.read(item.filename)
                    if item.filename == "docProps/app.xml":
                        data = b'<Properties><Application>legality</Application></Properties>'
                    new.writestr(item, data)
            PY
            """, in: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "台账.xlsx"], in: folder)
        #expect(result.status == 1)
        #expect(try Self.rules(result).contains("PEN-001"), "\(result.stdout)")
    }

    /// `~$` marks the lock file of an open workbook, not a record: `~$议题.yaml` was passed over.
    @Test func onlyASpreadsheetsLockFileIsPassedOver() throws {
        let folder = try CLIRunner.folder(["~$议题.yaml": Fixtures.lateReview, "~$台账.xlsx": "lock", "registry.yaml": Fixtures.registry])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        #expect(try Self.rules(result) == ["MAD-002"], "\(result.stdout)")
    }
}
