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
            // (PWD as a shell sets it: on macOS the temporary folder is a link, /var to /private/var.)
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", path], in: work, environment: ["PWD": work.path])
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

    static let penaltyHeader = "案件编号,案件名称,执法机关,承办机构,是否重大案件,罚款金额（元）,立案日期,调查取证日期,执法人员,出示执法证件,告知日期,听证通知日期,听证日期,法制审核日期,法制审核结论,法制审核人员,集体讨论日期,决定日期,决定人,决定书文号,送达日期,公示日期\n"

    /// A stray quote in a CSV ledger stops it there, and the rows before it are checked, as the
    /// message says: among the first rows (still waiting for the header to be decided) they were
    /// dropped, their errors unsaid and the summary "0 records".
    @Test func theRowsBeforeAStrayQuoteAreChecked() throws {
        let row = "SQ-1,对某餐馆的处罚,石桥镇人民政府,综合行政执法队,否,2000,2025-04-15,2025-04-16,张执法,是,2025-04-22,,,,,,,2025-04-29,王镇长,石政罚〔2025〕3号,2025-04-30,2025-05-06\n"
        let stray = "\"x\"SQ-2,对某物流公司的处罚,石桥镇人民政府,综合行政执法队,否,1500,2025-08-04,2025-08-05,张执法,是,2025-08-11,,,,,,,2025-08-18,王镇长,石政罚〔2025〕7号,2025-08-19,2025-08-20\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": Self.penaltyHeader + row + stray])
        let result = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "台账.csv"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        // One officer: the row before the stray quote is checked.
        #expect(findings.contains { $0["rule"] as? String == "PEN-001" && $0["line"] as? Int == 2 }, "\(result.stdout)")
        #expect(findings.contains { $0["rule"] as? String == "REC-000" }, "\(result.stdout)")
    }

    /// `import` writes no file Windows keeps for a device (`CON.yaml`, `nul.txt.yaml`), which a
    /// shared folder's Windows clients could neither open nor delete.
    @Test func importWritesNoWindowsDeviceName() throws {
        let rows = ["CON", "nul.txt", "Com1", "LPT9", "CONSOLE"].map { "\($0),标题,某镇\n" }.joined()
        let folder = try CLIRunner.folder(["登记表.csv": "文件编号,文件名称,制定机关\n" + rows])
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted()
        #expect(names == ["CON-record.yaml", "CONSOLE.yaml", "Com1-record.yaml", "LPT9-record.yaml", "nul-record.txt.yaml"], "\(names)")
    }

    /// An interrupting signal sent to the run's process alone (`timeout`, a cancelled CI job) ends
    /// its worker processes too: they ran on to the end of their file, holding the output open.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["LEGALITY_SANITIZER"] != nil, "a sanitizer's runtime handles signals itself"))
    func aTerminatedRunEndsItsWorkers() throws {
        // Files slow to read whose workers write next to nothing until the file's end: five
        // documents each of a list of 1.9 million numbers.
        let list = "[" + Array(repeating: "0", count: 1_900_000).joined(separator: ",") + "]"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry])
        for name in ["a", "b", "c"] {
            let documents = (0..<5).map { "---\nid: \(name)\($0)\nkind: other\ntitle: t\nsteps: [{type: decision, date: 2025-01-01}]\nx_list: \(list)\n" }
            try documents.joined().write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }
        let script = """
            children() { for f in /proc/[0-9]*/stat; do awk -v p="$1" '$4 == p { print $1 }' "$f" 2>/dev/null; done; }
            "$0" check --jobs 3 --as-of 2025-12-31 a.yaml b.yaml c.yaml > /dev/null 2>&1 &
            main=$!
            for i in $(seq 200); do kids=$(children $main); [ -n "$kids" ] && break; sleep 0.05; done
            [ -n "$kids" ] || { echo "no workers"; exit 0; }
            kill -TERM $main
            wait $main
            sleep 0.3
            for k in $kids; do
              state=$(awk '{ print $3 }' /proc/$k/stat 2>/dev/null)
              case "$state" in R|S|D) echo "worker $k still running ($state)"; kill -KILL $k ;; esac
            done
            echo done
            """
        let result = try CLIRunner.shell(script, in: folder)
        #expect(result.stdout.contains("done") && !result.stdout.contains("still running"), "\(result.stdout)\(result.stderr)")
    }

    /// Under a tight limit on a user's processes (`ulimit -u 2`), a run of several jobs runs as
    /// one: it slept for ever, the thread library retrying to start its threads. (Run as another
    /// user with `setpriv`, as the limit binds no root.)
    @Test(.disabled(if: ProcessInfo.processInfo.environment["LEGALITY_SANITIZER"] != nil, "a sanitizer's runtime starts threads of its own"))
    func aTightProcessLimitRunsOneJob() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": Fixtures.lateReview])
        let script = """
            command -v setpriv > /dev/null || { echo "no setpriv"; exit 0; }
            timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups bash -c 'ulimit -u 2; exec "$0" check --jobs 8 --as-of 2024-12-31 --lang en a.yaml b.yaml' "$0" 2>&1
            echo "exit $?"
            """
        let result = try CLIRunner.shell(script, in: folder)
        #expect(result.stdout.contains("no setpriv") || (result.stdout.contains("checked 2 records") && result.stdout.contains("exit 1")), "\(result.stdout)\(result.stderr)")
    }
}
