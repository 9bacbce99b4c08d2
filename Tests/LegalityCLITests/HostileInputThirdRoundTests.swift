import Foundation
@testable import LegalityCLI
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

    /// A folder that cannot be listed is a finding of its own, and the records beside it are
    /// checked (it stopped the whole run with exit 2). Run as another user, since root lists any
    /// folder; skipped where that cannot be done.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv to run as another user"))
    func aFolderThatCannotBeListedHidesNothingElse() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.lateReview, "locked/b.yaml": Fixtures.compliant])
        // The other user reaches the folder and the binary's rules; the locked folder it cannot list.
        let script = """
            chmod -R a+rX "$PWD" && chmod 000 locked
            setpriv --reuid=65534 --regid=65534 --clear-groups "$0" check --as-of 2024-12-31 --lang en --format json . > out.json 2> err.txt
            echo "status $?"
            chmod 755 locked
            """
        let result = try CLIRunner.shell(script, in: folder)
        let err = (try? String(contentsOf: folder.appendingPathComponent("err.txt"), encoding: .utf8)) ?? ""
        // (Where the other user cannot reach the test's folder at all, there is nothing to see.)
        guard !err.contains("Permission denied") || err.contains("locked") else { return }
        #expect(result.stdout.contains("status 1"), "\(result.stdout) \(err)")
        let report = try CLIRunner.json(String(contentsOf: folder.appendingPathComponent("out.json"), encoding: .utf8))
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "REC-000" && ($0["file"] as? String)?.hasSuffix("locked") == true }, "\(findings)")
        #expect(findings.contains { $0["rule"] as? String == "MAD-002" && ($0["file"] as? String)?.hasSuffix("a.yaml") == true })
    }

    /// `import` names each record's file by its id, cut to a length every file system takes, and
    /// never `registry.yaml` (a folder search would read the record as the registry): every row
    /// is written, and the folder checks.
    @Test func importNamesEveryRecordsFileSafely() throws {
        let long = String(repeating: "审", count: 90)
        let ascii = String(repeating: "A", count: 300)
        let csv = "文件编号,文件名称,制定机关\nGF-1,甲,某镇\n\(long),乙,某镇\nregistry,丙,某镇\n\(ascii),丁,某镇\nGF-5,戊,某镇\n"
        let folder = try CLIRunner.folder(["登记表.csv": csv])
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted()
        #expect(names.count == 5, "\(names)")
        #expect(!names.contains("registry.yaml") && names.contains("registry-record.yaml"))
        #expect(names.allSatisfy { $0.utf8.count <= 200 })
        let check = try CLIRunner.run(["check", "--as-of", "2026-06-30", "--format", "json", "records"], in: folder)
        #expect(check.status != 2, "\(check.stderr)")
    }

    /// A repeated id's file takes its row's number, and that name may be another row's id: the
    /// record written first was replaced (with --force) or the row skipped as "existing" (without).
    /// Each name is taken once in a run, so every row is written.
    @Test func aRepeatedIdNeverReplacesAnotherRowsRecord() throws {
        let csv = "文件编号,文件名称,制定机关\nA_002,甲,某镇\nA,乙,某镇\nA,丙,某镇\n"
        let folder = try CLIRunner.folder(["登记表.csv": csv])
        for arguments in [[String](), ["--force"]] {
            let result = try CLIRunner.run(["import", "登记表.csv", "--out", "records"] + arguments, in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted()
            #expect(names == ["A.yaml", "A_002.yaml", "A_003.yaml"])
            let titles = try names.map { try String(contentsOf: folder.appendingPathComponent("records/\($0)"), encoding: .utf8) }
            #expect(titles.contains { $0.contains("title: \"甲\"") } && titles.contains { $0.contains("title: \"乙\"") } && titles.contains { $0.contains("title: \"丙\"") })
        }
    }

    /// Ids that differ only in case name one file where case is ignored (macOS, Windows): the
    /// second took the first's file with --force. They get two names.
    @Test func idsDifferingInCaseGetTwoFiles() throws {
        let folder = try CLIRunner.folder(["登记表.csv": "文件编号,文件名称,制定机关\nA-1,甲,某镇\na-1,乙,某镇\n"])
        let result = try CLIRunner.run(["import", "登记表.csv", "--out", "records"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted()
        #expect(names == ["A-1.yaml", "a-1_002.yaml"])
    }

    /// `--jobs` beyond four a core runs four a core (a thread a file made 20,000 files take 25 s).
    @Test func jobsAreAtMostFourACore() throws {
        let options = try RuleOptions.parse(["--jobs", "1000000"])
        #expect(options.workerCount == RuleOptions.mostWorkersPerCore * FileSystem.coreCount())
        #expect(try RuleOptions.parse(["--jobs", "1"]).workerCount == 1)
    }

    /// A configuration found in the folder (a repository's, possibly anyone's) names only files
    /// inside its repository, links resolved: a registry of `/etc/passwd` had the error quote its
    /// first line. Named with `--config`, the configuration is the user's own and may name any file.
    @Test func aFoundConfigurationNamesOnlyFilesInsideItsRepository() throws {
        for configuration in ["registry: /etc/passwd\n", "rules: [root-link/etc]\n", "calendars: [../outside.yaml]\n"] {
            let folder = try CLIRunner.folder([
                "repo/.legality.yaml": configuration, "repo/a.yaml": Fixtures.compliant, "repo/registry.yaml": Fixtures.registry,
                "outside.yaml": "calendar: {}\n",
            ])
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("repo/root-link").path, withDestinationPath: "/")
            let repository = folder.appendingPathComponent("repo")
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: repository)
            #expect(result.status == 2, "\(configuration): \(result.stderr)")
            #expect(result.stderr.contains(".legality.yaml:1:") && result.stderr.contains("outside the repository"), "\(result.stderr)")
            #expect(!result.stderr.contains("root:"))
        }
        // A folder it names holding a link out is refused too, the link not followed.
        let linked = try CLIRunner.folder(["repo/.legality.yaml": "rules: [myrules]\n", "repo/a.yaml": Fixtures.compliant, "repo/registry.yaml": Fixtures.registry, "repo/myrules/README.txt": "x\n"])
        try FileManager.default.createSymbolicLink(atPath: linked.appendingPathComponent("repo/myrules/escape").path, withDestinationPath: "/")
        let refused = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: linked.appendingPathComponent("repo"))
        #expect(refused.status == 2 && refused.stderr.contains("a link that leads outside the repository"), "\(refused.stderr)")
        // Inside the repository, a configuration's files are read as before.
        let inside = try CLIRunner.folder(["repo/.legality.yaml": "registry: people/registry.yaml\n", "repo/people/registry.yaml": Fixtures.registry, "repo/a.yaml": Fixtures.compliant])
        let fine = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: inside.appendingPathComponent("repo"))
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    /// A syntax error stops the parser: the documents after it are not read, and the finding says
    /// so (they went unchecked without a word); a document that is only a `---` is said to be empty.
    @Test func aBrokenDocumentSaysTheDocumentsAfterItWentUnread() throws {
        let good = "id: A\nkind: other\ntitle: t\nsteps: [{type: decision, date: 2020-01-01}]\n"
        let folder = try CLIRunner.folder([
            "multi.yaml": good + "---\nid: [unclosed\n---\n" + good.replacingOccurrences(of: "id: A", with: "id: C"),
            "empty.yaml": "---\n---\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "."], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let broken = try #require(findings.first { $0["rule"] as? String == "REC-000" && $0["file"] as? String == "multi.yaml" })
        #expect((broken["message"] as? String)?.hasSuffix("the documents after it, from line 7 on, could not be read and were not checked") == true, "\(broken)")
        let empty = findings.filter { $0["file"] as? String == "empty.yaml" }
        #expect(!empty.isEmpty && empty.allSatisfy { ($0["message"] as? String)?.contains("the document is empty") == true }, "\(empty)")
    }

    /// An empty item of a list of people (`officers: [P-3, ~]`) is the record pack's shape problem
    /// only: no rule reads it as a person ("the person —" at the record's first line).
    @Test func anEmptyItemOfAListOfPeopleIsNoPerson() throws {
        let record = """
            id: NP-1
            kind: administrative_penalty
            title: 空人员
            steps:
              - {type: inspection, date: 2024-09-09, officers: [P-3, ~]}
              - {type: decision, date: 2024-09-20, by: [~]}
            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["rule"] as? String == "REC-003" }.count == 2, "\(findings)")
        #expect(!findings.contains { $0["rule"] as? String == "REC-004" }, "\(findings)")
    }

    /// `--output -` is standard output (it made a file named "-"); an empty `--output` is an error.
    @Test func outputDashIsStandardOutput() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let dash = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "-", "a.yaml"], in: folder)
        #expect(dash.status == 0 && dash.stdout.contains("\"findings\""), "\(dash.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        let empty = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--output", "", "a.yaml"], in: folder)
        #expect(empty.status == 2 && empty.stderr.contains("--output"), "\(empty.stderr)")
    }

    /// A parameter of counts (days, officers) takes a whole number of 0 or more: `min_days: -1`
    /// and `.nan` were taken, and the rule never held.
    /// (100,000 was taken, beyond the days date arithmetic counts: every record met a rule-error.)
    @Test(arguments: ["-1", ".nan", "1e20", "2.5", "100000", "36501"])
    func aParameterOfCountsTakesAWholeNumber(value: String) throws {
        let folder = try CLIRunner.folder([".legality.yaml": "parameters:\n  MAD-006: {min_days: \(value)}\n", "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(value): \(result.stderr)")
        #expect(result.stderr.contains("takes a whole number from 0 to 36500"), "\(result.stderr)")
    }

    /// A minimum the law sets "generally" (一般不少于三十日, 七个工作日) may be shortened by the
    /// configuration, not set to 0: that switched the rule off, the gate's too, named as a
    /// changed parameter, not as a rule disabled.
    @Test(arguments: [("MAD-006", "min_days"), ("MAD-007", "min_working_days")])
    func aMinimumTheLawSetsMayNotBeZero(rule: String, parameter: String) throws {
        let folder = try CLIRunner.folder([".legality.yaml": "parameters:\n  \(rule): {\(parameter): 0}\n", "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "a.yaml"], in: folder)
        #expect(result.status == 2, "\(result.stderr)")
        let shortened = try CLIRunner.folder([".legality.yaml": "parameters:\n  \(rule): {\(parameter): 5}\n", "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: shortened).status != 2)
    }

    /// A link named on the command line that leads nowhere (a loop) is read, and reported as it is
    /// when found in a folder; it said "no such file or folder".
    @Test func aLinkLoopNamedOnTheCommandLineIsReported() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop1.yaml").path, withDestinationPath: "loop2.yaml")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop2.yaml").path, withDestinationPath: "loop1.yaml")
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "loop1.yaml", "a.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stderr)")
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "REC-000" && $0["file"] as? String == "loop1.yaml" }, "\(findings)")
    }

    /// A folder or a file whose name is no UTF-8 (git stores such names) is reported, naming what
    /// to do: the folder went unchecked without a word, the file was "no such file".
    @Test func aNameThatIsNoUTF8IsReportedNotPassedOver() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let base = folder.path
        for (name, isFolder) in [("sub\u{FF}", true), ("b\u{FF}.yaml", false)] {
            var bytes = Array(base.utf8) + [UInt8(ascii: "/")] + name.unicodeScalars.map { UInt8($0.value) } + [0]
            if isFolder {
                #expect(bytes.withUnsafeMutableBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) } == 0)
                bytes.removeLast()
                bytes += Array("/z.yaml".utf8) + [0]
            }
            let descriptor = bytes.withUnsafeMutableBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
            #expect(descriptor >= 0)
            _ = Fixtures.noMinutes.withCString { write(descriptor, $0, strlen($0)) }
            close(descriptor)
        }
        // A folder of such a name that holds no record file (scanned PDFs from a Windows archive)
        // is nothing to check: passed over, without a finding.
        var pdfs = Array(base.utf8) + Array("/附件".utf8) + [0xB8, 0xBD] + [0]
        #expect(pdfs.withUnsafeMutableBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) } == 0)
        pdfs.removeLast()
        pdfs += Array("/scan.pdf".utf8) + [0]
        close(pdfs.withUnsafeMutableBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) })
        // A link of such a name is kept too (it was taken for a folder of nothing to check).
        var link = Array(base.utf8) + Array("/c".utf8) + [0xFF] + Array(".yaml".utf8) + [0]
        #expect(link.withUnsafeMutableBufferPointer { symlink("/etc/hostname", UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) } == 0)
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "."], in: folder)
        #expect(result.status == 1)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let unreadable = findings.filter { $0["rule"] as? String == "REC-000" }.compactMap { $0["file"] as? String }.sorted()
        #expect(unreadable == ["b\u{FFFD}.yaml", "c\u{FFFD}.yaml", "sub\u{FFFD}"], "\(findings)")
        #expect(findings.contains { ($0["message"] as? String)?.contains("is not UTF-8 (shown with �), so it cannot be read; rename it") == true })
    }

    /// A link committed at the report's path to a device (`report.sarif -> /dev/null`, or a disk)
    /// took the report, and the link stayed: CI uploaded an empty file. Such a link is refused;
    /// a device named as itself (`/dev/stdout`, `/dev/null`) is still written into.
    @Test func aLinkToADeviceAtTheReportsPathIsRefused() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("report.sarif").path, withDestinationPath: "/dev/null")
        let refused = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "--output", "report.sarif", "a.yaml"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("report.sarif: is a link to a device or FIFO, not a file; not written"), "\(refused.stderr)")
        let device = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "--output", "/dev/null", "a.yaml"], in: folder)
        #expect(device.status == 0, "\(device.stderr)")
    }

    /// A calendar committed with the records listing every day of a year as a holiday erased every
    /// working-day deadline (no day ever came). A year left with fewer than 200 working days is a
    /// calendar error; one that adds a few local holidays is fine.
    @Test func aCalendarThatErasesAYearsWorkingDaysIsRefused() throws {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let days = lengths.enumerated().flatMap { month, length in (1...length).map { String(format: "2025-%02d-%02d", month + 1, $0) } }
        let erasing = "years:\n  2025:\n    holidays: [\(days.joined(separator: ", "))]\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "cal.yaml": erasing])
        let refused = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--calendar", "cal.yaml", "a.yaml"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("leave 2025 only 0 working days, fewer than 200"), "\(refused.stderr)")
        let local = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "cal.yaml": "years:\n  2025:\n    holidays: [2025-06-03, 2025-06-04]\n",
        ])
        #expect(try CLIRunner.run(["check", "--as-of", "2024-12-31", "--calendar", "cal.yaml", "a.yaml"], in: local).status == 0)
    }

    /// `rules lint` counts `$record.steps` as a pass over the steps, as `$steps` is: two nested
    /// `items` over it are quadratic.
    @Test func lintCountsRecordStepsAsAPassOverTheSteps() throws {
        let rule = """
            id: LOC-R
            severity: error
            kinds: [other]
            title: {zh: t, en: t}
            message: {zh: "m", en: "m"}
            basis: {instrument: x, article: y}
            violation:
              exists: {items: {in: $record.steps, where: {exists: {items: {in: $record.steps, where: {eq: [$it, 1]}}}}}}
            """
        let folder = try CLIRunner.folder(["local/LOC-R.yaml": rule])
        let result = try CLIRunner.run(["rules", "lint", "--rules", "local"], in: folder)
        #expect(result.stdout.contains("LOC-R is quadratic in the number of steps"), "\(result.stdout) \(result.stderr)")
    }

    /// A run ended by a signal leaves no temporary report behind (the hidden file beside the
    /// target, as large as the report had grown, stayed until a later run of the same target).
    @Test(.disabled(if: ProcessInfo.processInfo.environment["LEGALITY_SANITIZER"] != nil, "a sanitizer's runtime handles signals itself"),
          arguments: ["TERM", "HUP"])
    func anInterruptedRunLeavesNoTemporaryReport(signal: String) throws {
        let folder = try WorkerProcessTests.folder(copies: 120)
        let script = """
            out=$(mktemp -d)
            "$0" check --jobs 1 --format json --as-of 2026-12-03 --output "$out/report.json" . &
            run=$!
            # Killed once the temporary report is there.
            for attempt in $(seq 400); do
              ls -A "$out" | grep -q legality-tmp && break
              sleep 0.01
            done
            kill -\(signal) "$run"
            wait "$run"
            echo "status $?"
            ls -A "$out" | wc -l
            rm -r "$out"
            """
        // A run that ended before the signal came (status 1: the report written) is tried again.
        var lines: [Substring] = []
        for _ in 0..<3 {
            lines = try CLIRunner.shell(script, in: folder).stdout.split(separator: "\n")
            if lines.first != "status 1", lines.first != "status 0" { break }
        }
        #expect(lines.first?.hasPrefix("status ") == true && lines.first != "status 0" && lines.first != "status 1", "\(lines)")
        #expect(lines.last == "0", "files left: \(lines)")
    }

    /// A record naming thousands of people a registry of thousands lacks: each was compared with
    /// every person for a likely one (REC-004's hint), within one step of the rule's budget, and
    /// 40,000 of each took 50 s. A name is now looked up, and a record's first 64 unknown people
    /// are searched for (spending the budget as they go), the others reported without a hint.
    @Test func unknownPeopleAgainstALargeRegistryStayWithinTheRuleBudget() throws {
        let count = 6_000
        let registry = "people:\n" + (0..<count).map { "  - {id: P-\(100_000 + $0), name: 人员\($0)}\n" }.joined()
        let unknown = (0..<count).map { "Q-\(100_000 + $0)" }.joined(separator: ", ")
        let record = "id: U-1\nkind: normative_document\ntitle: t\nsteps:\n  - {type: decision, date: 2024-03-01, by: [\(unknown)]}\n"
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "a.yaml"], in: folder)
        #expect(result.status == 1)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let unregistered = findings.filter { $0["rule"] as? String == "REC-004" }
        // (A rule lists 100 findings on one record and counts the rest in one finding.)
        #expect(unregistered.count == 101)
        #expect(findings.contains { ($0["message"] as? String)?.contains("5900 more findings of this rule in this record are not listed") == true })
        #expect(!findings.contains { $0["rule"] as? String == "rule-budget" })
        #expect(unregistered.filter { ($0["message"] as? String)?.contains("did you mean") == true }.count == 64)
        // A few unknown people in the same registry still get their hints.
        let few = "id: U-2\nkind: normative_document\ntitle: t\nsteps:\n  - {type: decision, date: 2024-03-01, by: [P-100007x, 人员7]}\n"
        let small = try CLIRunner.folder(["registry.yaml": registry, "b.yaml": few])
        let hinted = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "--format", "json", "b.yaml"], in: small)
        let messages = ((try CLIRunner.json(hinted.stdout)["findings"] as? [[String: Any]]) ?? []).compactMap { $0["message"] as? String }
        #expect(messages.contains("the person P-100007x is not in the registry; did you mean P-100007 (人员7)?"), "\(messages)")
        #expect(messages.contains("the person 人员7 is not in the registry; did you mean P-100007 (人员7)?"), "\(messages)")
    }

    /// A configuration found with the records is anyone's: it may raise a limit only so far
    /// (`max_depth: 1000000000` with 500,000 nested lists took 211 s), while the command line,
    /// the user's own, may go further.
    @Test func aConfigurationRaisesLimitsOnlySoFar() throws {
        let deep = "x: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n"
        let folder = try CLIRunner.folder([".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": "limits: {max_depth: 1000000000}\n", "a.yaml": deep])
        let refused = try CLIRunner.run(["check", "a.yaml"], in: folder)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains(".legality.yaml:1:21: the limit max_depth is at most 10000 in a configuration (give --max-depth on the command line to go further)"), "\(refused.stderr)")
        let within = try CLIRunner.folder([".git/HEAD": "ref: refs/heads/main\n", ".legality.yaml": "limits: {max_depth: 10000, max_rule_steps: 100000000}\n", "a.yaml": deep])
        let deepFinding = try CLIRunner.run(["check", "--format", "json", "a.yaml"], in: within)
        #expect(deepFinding.status == 1)
        #expect(deepFinding.stdout.contains("nested more than 10000 levels"))
    }
}
