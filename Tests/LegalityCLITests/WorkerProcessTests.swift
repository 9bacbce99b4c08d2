import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LegalityCLI
import Testing

/// `check` with several jobs runs worker processes (see `WorkerProcesses`): whatever the number
/// of jobs, and whatever happens to a worker, the report is the one a single job writes.
@Suite struct WorkerProcessTests {
    /// A folder of `copies` copies of every bundled case (each copy's ids repeat the earlier ones',
    /// so duplicate ids are found across files checked by different processes), with a file that
    /// is no YAML, an empty one, one of several documents and one that is a list.
    static func folder(copies: Int) throws -> URL {
        let cases = CLIRunner.root.appendingPathComponent("cases")
        var texts: [(String, String)] = []
        let enumerator = FileManager.default.enumerator(at: cases, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml", url.lastPathComponent != "registry.yaml" else { continue }
            texts.append((url.lastPathComponent, try String(contentsOf: url, encoding: .utf8)))
        }
        texts.sort { $0.0 < $1.0 }
        var files: [String: String] = [:]
        for copy in 0..<copies {
            for (name, text) in texts { files["c\(copy / 10)/\(copy)/\(name)"] = text }
        }
        files["c0/broken.yaml"] = "id: X-1\nsteps: [unclosed\n"
        files["c0/empty.yaml"] = ""
        files["c1/list.yaml"] = "- a\n- b\n"
        files["c2/two.yaml"] = texts[0].1 + "\n---\n" + texts[1].1
        let folder = try CLIRunner.folder(files)
        // Ledgers too (a workbook and a CSV sheet), whose findings point at cells.
        let ledgers = cases.appendingPathComponent("ledgers")
        for name in try FileManager.default.contentsOfDirectory(atPath: ledgers.path) where !name.hasSuffix(".yaml") {
            for copy in 0..<3 {
                try FileManager.default.copyItem(at: ledgers.appendingPathComponent(name), to: folder.appendingPathComponent("c\(copy)/\(name)"))
            }
        }
        return folder
    }

    @Test(arguments: ["json", "sarif", "text", "junit", "csv"])
    func everyNumberOfJobsWritesTheSameReport(format: String) throws {
        let folder = try Self.folder(copies: 12)
        let one = try CLIRunner.run(["check", "--jobs", "1", "--format", format, "--as-of", "2026-12-03", "."], in: folder)
        #expect(one.status == 1)
        // The report is long (findings of every case, twelve times), so a difference is a real one.
        #expect(one.stdout.count > 20_000)
        for jobs in ["2", "3"] {
            let several = try CLIRunner.run(["check", "--jobs", jobs, "--format", format, "--as-of", "2026-12-03", "."], in: folder)
            #expect(several.status == one.status)
            #expect(several.stdout == one.stdout, "--jobs \(jobs), \(format)")
            #expect(several.stderr == one.stderr)
        }
    }

    /// Files larger than a run checked ahead keeps as pieces (1 MiB) are written as bytes while
    /// they wait for their turn: the report is the one a single job writes, in every format.
    @Test(arguments: ["json", "text"])
    func largeFilesCheckedAheadWriteTheSameReport(format: String) throws {
        let cases = CLIRunner.root.appendingPathComponent("cases/mad")
        let names = try FileManager.default.contentsOfDirectory(atPath: cases.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let documents = try names.map { try String(contentsOf: cases.appendingPathComponent($0), encoding: .utf8) }
        var files = ["registry.yaml": try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/registry.yaml"), encoding: .utf8)]
        // Six files of some 1.5 MB (each document a case, ids repeating across files), with small ones between.
        var large = ""
        while large.utf8.count < 3 << 19 { large += documents.joined(separator: "\n---\n") + "\n---\n" }
        for number in 0..<6 {
            files["f\(number)-large.yaml"] = large
            files["f\(number)-small.yaml"] = documents[number % documents.count]
        }
        let folder = try CLIRunner.folder(files)
        let one = try CLIRunner.run(["check", "--jobs", "1", "--format", format, "--as-of", "2026-12-03", "."], in: folder)
        let two = try CLIRunner.run(["check", "--jobs", "2", "--format", format, "--as-of", "2026-12-03", "."], in: folder)
        #expect(one.status == 1 && two.status == one.status)
        #expect(two.stdout == one.stdout)
        #expect(two.stderr == one.stderr)
    }

    /// A worker killed while the run goes on: its files are checked by the main process, which
    /// says so, and the report is still the whole one.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["LEGALITY_SANITIZER"] == "thread", "the thread sanitizer's runtime runs a thread of its own, so its builds check with threads"))
    func aWorkerKilledMidRunLosesNothing() throws {
        let folder = try Self.folder(copies: 120)
        // (The reports are written outside the folder checked.)
        let script = """
            out=$(mktemp -d)
            "$0" check --jobs 1 --format json --as-of 2026-12-03 . > "$out/one.json"
            "$0" check --jobs 2 --format json --as-of 2026-12-03 . > "$out/two.json" 2> "$out/two.err" &
            run=$!
            # The worker is killed as soon as it is there (a sanitizer's build starts slowly).
            for attempt in $(seq 200); do
              worker=$(pgrep -P "$run" | head -1)
              [ -n "$worker" ] && break
              sleep 0.05
            done
            sleep 0.1
            kill -KILL "$worker"
            wait "$run"
            echo "status $?"
            cmp "$out/one.json" "$out/two.json" && echo same
            cat "$out/two.err"
            rm -r "$out"
            """
        let result = try CLIRunner.shell(script, in: folder)
        #expect(result.stdout.contains("status 1"))
        #expect(result.stdout.contains("same"), "\(result.stdout)")
        #expect(result.stdout.contains("a worker process ended unexpectedly") || result.stdout.contains("一个工作进程意外结束"), "\(result.stdout)")
    }

    /// Runs claimed one after another cover every item once, in order: up to 16 items, shorter as
    /// the items run out, single items at the end.
    @Test func runsCoverEveryItemOnceInOrder() throws {
        for processes in 2...4 {
            for count in [1, 2, 3, 7, 16, 17, 100, 255, 1_000, 20_001] {
                let claims = try #require(RunClaims(count: count, processes: processes))
                defer { claims.release() }
                var runs: [Range<Int>] = []
                while let run = claims.claim() { runs.append(run) }
                #expect(runs.flatMap { Array($0) } == Array(0..<count), "\(count) items, \(processes) processes")
                #expect(runs.allSatisfy { $0.count >= 1 && $0.count <= 16 })
                #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.count >= $1.count }, "runs grow shorter")
                #expect(runs.last?.count == 1)
                if count >= processes * 8 * 16 { #expect(runs.first?.count == 16) }
                #expect(claims.claimed >= count && claims.claim() == nil)
            }
        }
    }

    /// Runs are claimed once each, in order, across processes: two forked processes claiming as
    /// fast as they can share every item between them, none twice.
    @Test(.disabled(if: ProcessInfo.processInfo.environment["LEGALITY_SANITIZER"] == "thread", "the thread sanitizer's runtime runs a thread of its own, so its builds check with threads"))
    func runsAreClaimedOnceEachAcrossProcesses() throws {
        let count = 200_000
        let claims = try #require(RunClaims(count: count, processes: 2))
        defer { claims.release() }
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        // (Made before the fork: the child allocates nothing.)
        var claimedInChild: [Int] = []
        claimedInChild.reserveCapacity(count)
        let pid = fork()
        if pid == 0 {
            // The child writes the runs it claimed, as 8-byte numbers, and leaves at once.
            close(ends[0])
            while let run = claims.claim() { claimedInChild.append(contentsOf: run) }
            claimedInChild.withUnsafeBytes { bytes in
                var written = 0
                while written < bytes.count {
                    let result = write(ends[1], bytes.baseAddress.map { $0 + written }, bytes.count - written)
                    if result <= 0 { break }
                    written += result
                }
            }
            _exit(0)
        }
        close(ends[1])
        var mine: [Int] = []
        while let run = claims.claim() { mine.append(contentsOf: run) }
        var theirs: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(ends[0], $0.baseAddress, $0.count) }
            if got <= 0 { break }
            theirs += buffer[..<got]
        }
        close(ends[0])
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        let childRuns = theirs.withUnsafeBytes { Array($0.bindMemory(to: Int.self)) }
        #expect(mine == mine.sorted() && childRuns == childRuns.sorted())
        #expect((mine + childRuns).sorted() == Array(0..<count))
        #expect(claims.claimed == count)
        #expect(claims.claim() == nil)
    }
}
