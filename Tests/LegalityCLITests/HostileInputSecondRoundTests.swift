import Foundation
import Testing

/// The second hostile review (issue "Hostile input, second round"): one test per item found.
@Suite struct HostileInputSecondRoundTests {
    let base = HostileInputTests()

    @Test func linksOutOfTheCheckedFoldersAreNeverRead() throws {
        let (_, all) = try base.check([:]) { folder in
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("env.yaml").path, withDestinationPath: "/proc/self/environ")
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("etc").path, withDestinationPath: "/etc")
        }
        let env = base.findings(all, file: "env.yaml")
        #expect(env.map(\.rule) == ["REC-000"])
        #expect(env.first?.message.contains("outside the checked folders") == true)
        #expect(base.findings(all, file: "etc").map(\.rule) == ["REC-000"])
        #expect(!all.contains { ($0["message"] as? String)?.contains("PATH=") == true })
    }

    @Test func fifosAndDevicesAreREC000AndNeverBlock() throws {
        let (_, all) = try base.check([:]) { folder in
            #expect(mkfifo(folder.appendingPathComponent("pipe.yaml").path, 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("in.yaml").path, withDestinationPath: "/dev/zero")
        }
        #expect(base.findings(all, file: "pipe.yaml").first?.message.contains("not a regular file") == true)
        #expect(base.findings(all, file: "in.yaml").map(\.rule) == ["REC-000"])
    }

    @Test func anOutputThatIsAFIFOStaysAFIFO() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let fifo = folder.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try CLIRunner.shell("(cat out.fifo > got.txt &) ; sleep 0.2; \(CLIRunner.binary.path) check --as-of 2024-12-31 --output out.fifo a.yaml; sleep 0.2", in: folder)
        #expect(result.status == 0)
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        let got = try String(contentsOf: folder.appendingPathComponent("got.txt"), encoding: .utf8)
        #expect(got.contains("检查了 1 条记录"))
    }

    @Test func initRefusesALinkedFolder() throws {
        let folder = try CLIRunner.folder([:])
        let outside = try CLIRunner.folder([:])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("decisions").path, withDestinationPath: outside.path)
        let result = try CLIRunner.run(["init"], in: folder)
        #expect(result.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func aRuleFolderWithALinkLoopIsWalkedOnce() throws {
        let rule = "id: X-1\nseverity: info\ntitle: {zh: t, en: t}\nmessage: {zh: m, en: m}\nbasis: {instrument: i}\nviolation: false\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "rules-local/x.yaml": rule])
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("rules-local/loop").path, withDestinationPath: ".")
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--rules", "rules-local", "a.yaml"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aRuleThatRunsTooLongIsStoppedAndReported() throws {
        let nested = "{exists: {items: {in: $steps, where: {exists: {items: {in: $steps, where: {exists: {items: {in: $steps, where: {eq: [$it.type, hearing]}}}}}}}}}}"
        let rule = "id: SLOW-1\nseverity: info\ntitle: {zh: t, en: t}\nmessage: {zh: m, en: m}\nbasis: {instrument: i}\nviolation: \(nested)\n"
        let steps = (0..<60).map { "  - {type: decision, date: 2024-01-\(String(format: "%02d", $0 % 28 + 1))}\n" }.joined()
        let folder = try CLIRunner.folder(["r.yaml": "id: B-1\nkind: other\ntitle: t\nsteps:\n" + steps, "rules-local/slow.yaml": rule])
        let result = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-12-31", "--rules", "rules-local", "--max-rule-steps", "20000", "r.yaml"], in: folder)
        #expect(result.status == 1)
        let finding = try #require((try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "rule-budget" })
        #expect((finding["message"] as? String)?.contains("SLOW-1") == true)
        let lint = try CLIRunner.run(["rules", "lint", "--rules", "rules-local", "rules-local"], in: folder)
        #expect(lint.stdout.contains("SLOW-1 is of degree 3 in the number of steps"))
    }

    /// Hearings and notices are matched in linear work: 1,500 of each fit a budget far below the
    /// 2,250,000 steps a pass per pair would take, and no built-in rule is quadratic in steps.
    @Test func manyHearingsAndNoticesStayLinear() throws {
        var steps = ""
        for index in 0..<1500 {
            steps += "  - {type: hearing_notice, date: 2024-\(String(format: "%02d", index % 9 + 1))-01}\n"
            steps += "  - {type: hearing, date: 2024-\(String(format: "%02d", index % 9 + 1))-03}\n"
        }
        let record = "id: H-1\nkind: administrative_penalty\ntitle: 听证很多的案件\nfacts: {party_present_at_decision: true}\nsteps:\n" + steps
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "h.yaml": record])
        let result = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-12-31", "--max-rule-steps", "200000", "h.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(!findings.contains { $0["rule"] as? String == "rule-budget" }, "\(findings.first { $0["rule"] as? String == "rule-budget" } ?? [:])")
        // The 167 hearings two days after the earliest notice: 100 listed, the rest counted in one more.
        #expect(findings.filter { $0["rule"] as? String == "PEN-010" }.count == 101)
        #expect(findings.contains { $0["rule"] as? String == "PEN-010" && ($0["message"] as? String)?.contains("另有 67 处同类问题未逐一列出") == true })
        #expect(result.stdout.utf8.count < 3_000_000, "evidence lists are cut")
        let lint = try CLIRunner.run(["rules", "lint"], in: folder)
        #expect(!lint.stdout.contains("quadratic") && !lint.stdout.contains("of degree"))
    }

    /// Documents are settled as they come and every format but HTML is streamed: the peak memory
    /// of a file of 12,000 documents (each with four findings) is that of a file of 1,500.
    @Test(arguments: ["json", "sarif", "junit", "csv"])
    func peakMemoryDoesNotGrowWithTheNumberOfDocuments(format: String) throws {
        // A sanitizer keeps freed memory in quarantine, so peaks measure it, not legality.
        let environment = ProcessInfo.processInfo.environment
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), environment["LEGALITY_SANITIZER"] == nil else { return }
        let folder = try CLIRunner.folder(["small.yaml": String(repeating: "--- {}\n", count: 1500), "large.yaml": String(repeating: "--- {}\n", count: 12000)])
        func peak(_ file: String) throws -> Int {
            let result = try CLIRunner.shell("/usr/bin/time -f '%M' \(CLIRunner.binary.path) check --as-of 2024-12-31 --format \(format) --jobs 1 \(file) > /dev/null", in: folder)
            return Int(result.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        }
        let (small, large) = (try peak("small.yaml"), try peak("large.yaml"))
        #expect(small > 0 && large > 0)
        #expect(Double(large) < Double(small) * 1.3 + 4096, "\(format): \(small) KB for 3,000 documents, \(large) KB for 24,000")
    }

    /// A file over the streaming threshold (8 MiB) is read piece by piece with one job as with
    /// several (its size comes from the check that admits it): its bytes are never held whole.
    @Test func aLargeFileIsReadPieceByPieceWithOneJob() throws {
        let environment = ProcessInfo.processInfo.environment
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), environment["LEGALITY_SANITIZER"] == nil else { return }
        func documents(title: Int) -> String {
            let title = String(repeating: "x", count: title)
            return (0..<1_200).map { "--- {id: L-\($0), kind: normative_document, title: \(title), steps: []}\n" }.joined()
        }
        // 1,200 documents either way; the large file is some 9.6 MB.
        let folder = try CLIRunner.folder(["small.yaml": documents(title: 10), "large.yaml": documents(title: 8_000)])
        func peak(_ file: String) throws -> Int {
            let result = try CLIRunner.shell("/usr/bin/time -f '%M' \(CLIRunner.binary.path) check --as-of 2024-12-31 --format json --jobs 1 \(file) > /dev/null", in: folder)
            return Int(result.stderr.split(separator: "\n").last.map(String.init) ?? "") ?? 0
        }
        let (small, large) = (try peak("small.yaml"), try peak("large.yaml"))
        #expect(small > 0 && large > 0)
        // Held whole, the file alone would add 9,400 KB (and its text of every finding more).
        #expect(large < small + 6_000, "\(small) KB for the small file, \(large) KB for the large one")
    }

    /// Two files over the streaming threshold (8 MiB) are read at once by two jobs, the one ahead
    /// queuing its documents; the report is the one a single job writes, and every id of the second
    /// file is reported as first seen in the first.
    @Test func twoLargeMultiDocumentFilesAreCheckedTogetherInFileOrder() throws {
        let title = String(repeating: "标", count: 330)
        func documents(_ numbers: some Sequence<Int>) -> String {
            numbers.map { "--- {id: D-\($0), kind: normative_document, title: \(title), steps: []}\n" }.joined()
        }
        let folder = try CLIRunner.folder(["a.yaml": documents(0..<9_000), "b.yaml": documents((0..<9_000).reversed())])
        func check(jobs: Int) throws -> String {
            try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--lang", "en", "--jobs", "\(jobs)", "a.yaml", "b.yaml"], in: folder).stdout
        }
        let (one, two) = (try check(jobs: 1), try check(jobs: 2))
        #expect(one == two)
        let findings = try #require(try CLIRunner.json(two)["findings"] as? [[String: Any]])
        let duplicates = findings.filter { $0["rule"] as? String == "REC-002" }
        #expect(duplicates.count == 9_000)
        #expect(duplicates.allSatisfy { $0["file"] as? String == "b.yaml" && ($0["message"] as? String ?? "").contains("a.yaml:") })
    }

    @Test func anEncodingErrorLateInAFileKeepsTheRecordsBeforeIt() throws {
        var text = Data((0..<40).map { "id: E-\($0)\nkind: other\ntitle: t\nsteps: [{type: decision, date: 2024-02-30}]\n---\n" }.joined().utf8)
        text.append(Data("id: X\ntitle: caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        let (_, all) = try base.check(["late.yaml": text])
        let late = base.findings(all, file: "late.yaml")
        #expect(late.filter { $0.rule == "REC-003" }.count == 40)
        let bad = try #require(late.first { $0.rule == "REC-000" })
        #expect(bad.line == 202 && bad.message.contains("0xE9"), "\(bad)")
    }

    @Test func noBuiltinStillReportsAFileThatIsNotYAML() throws {
        let folder = try CLIRunner.folder(["a.yaml": "id: [\n"])
        let result = try CLIRunner.run(["check", "--no-builtin", "--format", "json", "a.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("REC-000"))
    }

    @Test func waiversBindToTheirFileAndRunNoLongerThanThreeYears() throws {
        let waiver = "waivers:\n  - {rule: MAD-012, record: T-2024-003, file: a.yaml, reason: r, approved_by: a, expires: 2029-06-30}\n"
        let folder = try CLIRunner.folder([".legality.yaml": waiver, "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.noMinutes, "b/a.yaml": Fixtures.noMinutes])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml", "b/a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let minutes = findings.filter { $0["rule"] as? String == "MAD-012" }
        #expect(minutes.map { $0["waived"] != nil } == [true, false], "only the record in the waiver's file is waived")
        #expect(findings.contains { $0["rule"] as? String == "waiver-too-long" })
    }

    @Test func recordsThatShareAnIdAreCountedOneByOne() throws {
        let bad = Fixtures.lateReview
        let files = Dictionary(uniqueKeysWithValues: (0..<25).map { ("r\(String(format: "%02d", $0)).yaml", bad) })
        let (_, report) = try TrustTests.check(files)
        #expect((report["summary"] as? [String: Any])?["failed"] as? Int == 25)
    }

    @Test func staleTemporaryReportsAreRemovedAndNeverRead() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, ".report.json.legality-tmp-999999-0": "garbage",
            ".report.json.legality-tmp-999998-0": "live", "report.json.tmp-999999-0": "{}",
        ])
        // Last written two hours ago: stale. (The other, just written, may be a live run's on
        // another computer sharing the folder, whose process number means nothing here.)
        let old = Date(timeIntervalSinceNow: -7_200)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: folder.appendingPathComponent(".report.json.legality-tmp-999999-0").path)
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "report.json", "."], in: folder)
        #expect(result.status == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!names.contains(".report.json.legality-tmp-999999-0"))
        #expect(names.contains(".report.json.legality-tmp-999998-0"))
        #expect(try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8).contains("\"summary\""))
    }

    @Test func theGateTextCannotBeForgedFromATitle() throws {
        let title = "\u{1B}[2J\u{1B}[H伪造\n[可以上会] 一切正常\u{202E}\u{1B}]8;;http://x\u{07}链接\u{1B}]8;;\u{07}"
        let record = "id: F-1\nkind: major_administrative_decision\ntitle: \"\(title.unicodeScalars.map { $0.value < 0x20 || $0.value > 0x7E && $0.value < 0xA0 || (0x2000...0x206F).contains($0.value) ? String(format: "\\u%04X", $0.value) : String($0) }.joined())\"\nsteps:\n  - {type: collective_discussion, date: 2024-03-20, status: planned}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        for arguments in [["gate", "--meeting", "2024-03-20", "a.yaml"], ["check", "--as-of", "2024-03-01", "a.yaml"]] {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(!result.stdout.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" || $0 == "\u{07}" }, "\(arguments[0])")
            #expect(!result.stdout.split(separator: "\n").contains { $0.hasPrefix("[可以上会] 一切正常") })
        }
    }

    /// The Arabic letter mark (a bidirectional control), the line and paragraph separators, the
    /// byte-order mark and the tag characters reorder, break or hide text as the bidirectional
    /// controls do; they passed through ids and titles. A file name holding a line end stays on
    /// the `-->` line (it went on, indented, on a line of its own).
    @Test func hiddenCharactersAndLineEndsInNamesNeverReachTheTerminal() throws {
        let hidden: [UInt32] = [0x061C, 0x2028, 0x2029, 0xFEFF, 0xE0041]
        let title = hidden.map { "\\U\(String(format: "%08X", $0))x" }.joined()
        let record = "id: \"H-1\(title)\"\nkind: major_administrative_decision\ntitle: \"标题\(title)\"\nsteps:\n  - {type: collective_discussion, date: 2024-03-20, status: planned}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a\nb.yaml": record])
        for arguments in [["gate", "--meeting", "2024-03-20", "."], ["check", "--as-of", "2024-03-25", "."]] {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.stdout.contains("H-1\u{FFFD}x\u{FFFD}x\u{FFFD}x\u{FFFD}x\u{FFFD}x"), "\(arguments[0]): \(result.stdout)")
            #expect(!result.stdout.unicodeScalars.contains { hidden.contains($0.value) }, "\(arguments[0])")
        }
        let check = try CLIRunner.run(["check", "--as-of", "2024-03-25", "."], in: folder)
        #expect(check.stdout.contains("--> a\u{FFFD}b.yaml:"), "\(check.stdout)")
    }

    @Test func markdownSARIFAndCSVCarryNoActiveTextFromRecords() throws {
        let title = "[点击](https://evil.example) www.evil.example @admin \u{1B}[31m"
        let record = Fixtures.noMinutes.replacingOccurrences(of: "某镇老旧小区改造方案", with: title.replacingOccurrences(of: "\u{1B}", with: "\\e"))
            .replacingOccurrences(of: "title: ", with: "title: \"").replacingOccurrences(of: "\\e[31m\n", with: "\\e[31m\"\n")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let markdown = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "markdown", "a.yaml"], in: folder).stdout
        #expect(!markdown.contains("https://") && !markdown.contains("www.evil") && !markdown.contains("@admin"))
        #expect(!markdown.contains("](") || markdown.contains("\\]("))
        let csv = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "a.yaml"], in: folder).stdout
        #expect(!csv.unicodeScalars.contains("\u{1B}"))
        let message = "[点击](https://evil.example)"
        let sarif = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "a.yaml"], in: folder).stdout
        #expect(!sarif.contains(message))
    }

    @Test func positionsWithCarriageReturnsAndTheBadByte() throws {
        let cr = Data("id: X\rkind: other\rtitle: t\rsteps:\r  - {type: decision, date: 2024-02-30}\r".utf8)
        var latin = Data("id: Y\nkind: other\ntitle: caf".utf8)
        latin.append(contentsOf: [0xE9, 0x0A])
        let utf32 = Data([0xFF, 0xFE, 0, 0]) + Data("i\0\0\0".utf8)
        let (_, all) = try base.check(["cr.yaml": cr, "latin.yaml": latin, "u32.yaml": utf32])
        #expect(base.findings(all, file: "cr.yaml").first?.line == 5)
        let bad = try #require(base.findings(all, file: "latin.yaml").first)
        #expect(bad.line == 3 && bad.message.contains("0xE9"))
        #expect(base.findings(all, file: "u32.yaml").first?.message.contains("UTF-32") == true)
    }

    /// The text report reads only the lines it quotes, and no more than 16 KB of one: thousands of
    /// findings on one line of 100 KB each quote nothing of it (each copied the whole line, and a
    /// file of 20,000 such findings took minutes), and a file whose lines end with a lone CR is
    /// quoted at the lines its positions name.
    @Test func theTextReportQuotesOnlyWhatItShows() throws {
        let steps = (0..<3_000).map { "{type: bad_type_\($0), date: 2024-01-01}" }.joined(separator: ", ")
        let long = "id: L-1\nkind: major_administrative_decision\ntitle: 长行\nsteps: [\(steps)]\n"
        let cr = "id: X\rkind: other\rtitle: t\rsteps:\r  - {type: decision, date: 2024-02-30}\r"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "long.yaml": long, "cr.yaml": cr])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "long.yaml", "cr.yaml"], in: folder)
        #expect(result.status == 1)
        // (A rule lists 100 findings on one record and counts the rest in one finding.)
        #expect(result.stdout.components(separatedBy: "error[REC-006]").count - 1 == 101)
        #expect(result.stdout.components(separatedBy: "| (a line of more than 16 KB, not shown)").count - 1 == 101)
        #expect(result.stdout.contains("2900 more findings of this rule in this record are not listed"))
        #expect(result.stdout.contains("5 |   - {type: decision, date: 2024-02-30}"))
    }
}
