import Foundation
import Testing

/// `legality check`: the exit-status and JSON contract of cli.md, run on the built executable.
@Suite struct CheckCommandTests {
    func check(_ files: [String: String], _ arguments: [String]) throws -> CLIRunner.Result {
        let folder = try CLIRunner.folder(files)
        return try CLIRunner.run(["check", "--as-of", "2024-12-31"] + arguments, in: folder)
    }

    @Test func aCompliantRecordExitsZero() throws {
        let result = try check(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant], ["a.yaml"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("检查了 1 条记录"))
    }

    @Test func aViolationExitsOneAndIsReportedWithItsPlace() throws {
        let result = try check(["registry.yaml": Fixtures.registry, "b.yaml": Fixtures.lateReview], ["--lang", "en", "b.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error[MAD-002]: Legality review after the collective discussion"))
        let line = try #require(Fixtures.lateReview.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("type: collective_discussion") }) + 1
        #expect(result.stdout.contains("--> b.yaml:\(line):5"))
        #expect(result.stdout.contains("\(line) |   - type: collective_discussion"))
    }

    @Test func warningsFailOnlyWhenAsked() throws {
        let files = ["registry.yaml": Fixtures.registry, "c.yaml": Fixtures.noMinutes]
        #expect(try check(files, ["c.yaml"]).status == 0)
        #expect(try check(files, ["--fail-on", "warning", "c.yaml"]).status == 1)
        #expect(try check(files, ["--fail-on", "never", "c.yaml"]).status == 0)
    }

    @Test func aMissingPathExitsTwo() throws {
        let result = try check([:], ["no-such.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no-such.yaml: no such file or folder"))
    }

    @Test func aUsageErrorExitsTwoNotSixtyFour() throws {
        let result = try check([:], ["--format", "pdf"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("pdf"))
        #expect(try CLIRunner.run(["check", "--no-such-option"]).status == 2)
    }

    @Test func aMalformedRegistryExitsTwoNamingLineAndColumn() throws {
        let result = try check(["a.yaml": Fixtures.compliant, "bad.yaml": "people:\n  - id: P-1\n    name: x: y\n"], ["--registry", "bad.yaml", "a.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.yaml:3:12"), "\(result.stderr)")
    }

    @Test func anInvalidRuleFileExitsTwoNamingItsPosition() throws {
        let rule = "id: X-1\nseverity: eror\ntitle: {zh: 标题, en: t}\nmessage: {zh: m, en: m}\nbasis: {instrument: i}\nviolation: true\n"
        let result = try check(["a.yaml": Fixtures.compliant, "rules/x.yaml": rule], ["--rules", "rules", "a.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules/x.yaml:2:11"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'error'"))
    }

    @Test func jsonFollowsTheContractAndIsDeterministic() throws {
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": Fixtures.lateReview, "z.yaml": "id: [broken\n"]
        let folder = try CLIRunner.folder(files)
        let first = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let second = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        let report = try CLIRunner.json(first.stdout)
        let summary = try #require(report["summary"] as? [String: Any])
        // Records read (documents that are mappings), files, and files that could not be read.
        #expect(summary["records"] as? Int == 2)
        #expect(summary["files"] as? Int == 3)
        #expect(summary["unreadable"] as? Int == 1)
        #expect(summary["errors"] as? Int == 2)
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["MAD-002", "REC-000"])
        #expect(findings.map { $0["file"] as? String } == ["b.yaml", "z.yaml"])
        #expect(findings[1]["record"] is NSNull)
        #expect(findings[1]["line"] as? Int == 2)
        for key in ["rule", "severity", "record", "file", "line", "column", "title", "message", "basis"] {
            #expect(findings[0][key] != nil, "finding lacks \(key)")
        }
    }

    @Test func outputIsWrittenToAFileAndAFailedWriteLeavesNoPartialFile() throws {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--output", "report.json", "a.yaml"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOf: folder.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(try CLIRunner.json(written)["summary"] != nil)
        let failed = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--output", "missing/dir/report.json", "a.yaml"], in: folder)
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("missing/dir/report.json: cannot write"))
    }

    @Test func noRegistryGivesOneRunLevelWarning() throws {
        let result = try check(["a.yaml": Fixtures.compliant, "b.yaml": Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-009")], ["--format", "json", "."])
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "REC-005")
        #expect(findings.first?["record"] is NSNull)
        #expect(result.status == 0)
    }

    @Test func hostileFilesGiveFindingsAndTheOtherFilesAreStillChecked() throws {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            bomb += "l\(level): &l\(level) [*\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous), *\(previous)]\n"
        }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a-bomb.yaml": bomb, "b-deep.yaml": deep, "c.yaml": Fixtures.lateReview])
        let started = Date()
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--lang", "en", "."], in: folder)
        #expect(Date().timeIntervalSince(started) < 30, "a hostile file must not take long (this bound only catches hangs)")
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.map { $0["rule"] as? String } == ["REC-000", "REC-000", "MAD-002"])
        #expect((findings[0]["message"] as? String)?.contains("aliases expand to more than") == true)
        #expect((findings[1]["message"] as? String)?.contains("nested more than") == true)
    }

    @Test func theBundledCasesGiveTheExpectedFindings() throws {
        let expectedText = try String(contentsOf: CLIRunner.root.appendingPathComponent("Tests/Fixtures/bundled-cases.expected.yaml"), encoding: .utf8)
        var expected: [String: [String]] = [:]
        for line in expectedText.split(separator: "\n") where line.hasPrefix("  cases/") {
            let parts = line.split(separator: ":", maxSplits: 1)
            let rules = parts[1].split(separator: "#")[0]
                .trimmingCharacters(in: CharacterSet(charactersIn: " []"))
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            expected[parts[0].trimmingCharacters(in: .whitespaces)] = rules.sorted()
        }
        #expect(expected.count >= 15)
        let result = try CLIRunner.run(["check", "--as-of", "2026-11-27", "--format", "json", "cases"])
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        var got: [String: [String]] = [:]
        for finding in findings {
            got[finding["file"] as? String ?? "", default: []].append(finding["rule"] as? String ?? "")
        }
        for (file, rules) in expected {
            #expect((got[file] ?? []).sorted() == rules, "\(file)")
        }
        #expect(Set(got.keys).isSubset(of: Set(expected.keys)))
    }

    /// SARIF says of a pending finding itself that it is work still ahead (`properties.pending`),
    /// as every other format does; `kind: open` alone is read by few viewers.
    @Test func sarifMarksPendingFindings() throws {
        let planned = "id: P-1\nkind: major_administrative_decision\ntitle: 某方案\nsteps:\n  - {type: collective_discussion, date: 2026-12-20, status: planned, meeting: {type: executive}}\n"
        let folder = try CLIRunner.folder(["p.yaml": planned, "registry.yaml": Fixtures.registry])
        let sarif = try CLIRunner.json(try CLIRunner.run(["check", "--format", "sarif", "--as-of", "2026-12-01", "p.yaml"], in: folder).stdout)
        let results = ((sarif["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
        let pending = results.filter { ($0["properties"] as? [String: Any])?["pending"] as? Bool == true }
        #expect(!pending.isEmpty && pending.allSatisfy { $0["kind"] as? String == "open" && $0["level"] as? String == "none" }, "\(results)")
        #expect(pending.contains { $0["ruleId"] as? String == "MAD-001" }, "\(results)")
    }

    /// `Registry.yaml`, `registry.YAML` and `registry.yml` are the registry, as record files'
    /// extensions are told without regard to case: each was read as a record (REC-001 four
    /// times), and the run had no registry (REC-005).
    @Test(arguments: ["Registry.yaml", "registry.YAML", "registry.yml"])
    func aRegistryNamedInOtherLettersIsTheRegistry(name: String) throws {
        let folder = try CLIRunner.folder([name: Fixtures.registry, "a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-12-31", "."], in: folder)
        let json = try CLIRunner.json(result.stdout)
        let rules = ((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
        #expect(!rules.contains("REC-001") && !rules.contains("REC-005"), "\(rules) \(result.stderr)")
        #expect((json["registries"] as? [String])?.first?.hasSuffix(name) == true, "\(json["registries"] ?? "none")")
    }
}

/// `--jobs`: the report is byte-identical whatever the number of workers, duplicates included.
@Suite struct ParallelCheckTests {
    @Test func theReportDoesNotDependOnTheNumberOfJobs() throws {
        var files = ["registry.yaml": Fixtures.registry]
        for index in 0..<40 {
            // Every fifth record repeats an earlier id, so REC-002 depends on the order of files.
            let id = index % 5 == 4 ? "T-DUP-\(index - 4)" : "T-DUP-\(index)"
            files["r\(String(format: "%02d", index)).yaml"] = (index % 2 == 0 ? Fixtures.compliant : Fixtures.lateReview)
                .replacingOccurrences(of: "T-2024-001", with: id).replacingOccurrences(of: "T-2024-002", with: id)
        }
        let folder = try CLIRunner.folder(files)
        let outputs = try [1, 2, 3, 8].map { jobs in
            try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "--jobs", String(jobs), "."], in: folder).stdout
        }
        #expect(Set(outputs).count == 1)
        let findings = try #require(try CLIRunner.json(outputs[0])["findings"] as? [[String: Any]])
        let duplicates = findings.filter { $0["rule"] as? String == "REC-002" }.compactMap { $0["file"] as? String }
        #expect(duplicates == (0..<40).filter { $0 % 5 == 4 }.map { "r\(String(format: "%02d", $0)).yaml" })
    }
}

/// Configuration: parameters of the wrong kind and misspelt values are refused with their place.
@Suite struct ConfigurationTests {
    @Test func aParameterOfTheWrongKindIsRefused() throws {
        let folder = try CLIRunner.folder([
            "a.yaml": Fixtures.compliant,
            ".legality.yaml": "parameters:\n  NOR-006: {days: thirty}\n  MAD-011: {meeting_types: office}\nlang: cn\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".legality.yaml:2:19: NOR-006's parameter 'days' takes a number"), "\(result.stderr)")
        #expect(result.stderr.contains(".legality.yaml:3:28: MAD-011's parameter 'meeting_types' takes a list"), "\(result.stderr)")
        #expect(result.stderr.contains("'lang' is zh or en; did you mean 'en'?") || result.stderr.contains("'lang' is zh or en; did you mean 'zh'?"))
    }

    @Test func aMissingPathInTheConfigurationIsPointedAt() throws {
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant, ".legality.yaml": "lang: zh\nregistry: nope.yaml\n"])
        let result = try CLIRunner.run(["check", "a.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains(".legality.yaml:2:11: '") && result.stderr.contains("nope.yaml' does not exist"), "\(result.stderr)")
    }

    @Test func suggestionsDoNotDependOnOrder() throws {
        let folder = try CLIRunner.folder(["a.yaml": Fixtures.compliant, ".legality.yaml": "disable: [MAD-01]\n"])
        let messages = try (0..<4).map { _ in try CLIRunner.run(["check", "a.yaml"], in: folder).stderr }
        #expect(Set(messages).count == 1)
        #expect(messages[0].contains("did you mean 'MAD-001'?"), "\(messages[0])")
    }

    /// A waiver's reason and approver say why and who: spaces alone (full-width ones too) say
    /// nothing, and such a waiver was taken.
    @Test(arguments: ["reason: \" \"", "reason: \"\u{3000}\"", "approved_by: \"  \""])
    func aWaiverOfBlankReasonOrApproverIsRefused(field: String) throws {
        var waiver = ["rule: MAD-002", "record: T-2024-002", "reason: 已补充审查", "approved_by: 县司法局", "expires: 2030-12-31"]
        let key = field.prefix { $0 != ":" }
        waiver = waiver.map { $0.hasPrefix(key + ":") ? field : $0 }
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Fixtures.lateReview, ".legality.yaml": "waivers:\n  - {\(waiver.joined(separator: ", "))}\n"])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "b.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("a waiver needs '\(key)'"), "\(result.stderr)")
    }

    @Test func aWaivedErrorDoesNotFailTheAuditButIsNoPass() throws {
        let waiver = """
            waivers:
              - {rule: MAD-002, record: T-2024-002, reason: 已补充审查, approved_by: 县司法局, expires: 2030-12-31}

            """
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "b.yaml": Fixtures.lateReview, ".legality.yaml": waiver])
        let check = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "b.yaml"], in: folder)
        #expect(check.status == 0)
        let junit = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "junit", "b.yaml"], in: folder)
        #expect(junit.status == 0)
        #expect(!junit.stdout.contains("<failure"), "\(junit.stdout)")
        #expect(junit.stdout.contains("已豁免"))
        let audit = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let report = try CLIRunner.json(audit.stdout)
        let records = try #require(report["records"] as? [[String: Any]])
        // Neither does it undo the deviation: the record is "waived", not compliant, and the
        // rule's check of it did not pass (as the annual report says), though it is no error.
        #expect(records.first?["status"] as? String == "waived")
        let rules = try #require(report["rules"] as? [[String: Any]])
        let rate = try #require(rules.first { $0["key"] as? String == "MAD-002" })
        #expect(rate["passed"] as? Int == 0 && rate["failed"] as? Int == 1 && rate["errors"] as? Int == 0)
        #expect(audit.status == 0)
    }

    /// JUnit: a record's failing findings are one `<failure>` (consumers that read one a case
    /// showed only the first of two), every rule named in its message; a record no rule beyond
    /// the record format applied to is `<skipped/>`, not a test passed.
    @Test func junitHasOneFailureACaseAndSkipsWhatWasNotChecked() throws {
        // Decided with neither a review nor a discussion: two errors.
        let twoErrors = "id: T-9\nkind: major_administrative_decision\ntitle: 某方案\nsteps:\n  - {type: decision, date: 2024-03-20, by: [P-1]}\n"
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": twoErrors,
            "o.yaml": "id: O-1\nkind: other\ntitle: 其他事项\nsteps:\n  - {type: decision, date: 2024-03-20}\n",
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "junit", "--lang", "en", "."], in: folder)
        #expect(result.status == 1)
        let parsed = try CLIRunner.shell("python3 -c 'import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.read()); print(len(d.getElementsByTagName(\"failure\")), len(d.getElementsByTagName(\"skipped\")))' <<'XML'\n\(result.stdout)\nXML", in: folder)
        #expect(parsed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1 1", "\(parsed.stderr)\(result.stdout)")
        let failure = try #require(result.stdout.split(separator: "\n").first { $0.contains("<failure") })
        #expect(failure.contains("MAD-001") && failure.contains("; "), "\(failure)")
        #expect(result.stdout.contains("<testsuites name=\"legality\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"1\">"), "\(result.stdout)")
    }

    /// A rule that fires twice on a record is named once in the failure's message, with its count.
    @Test func junitNamesARuleOnceWithItsCount() throws {
        let record = "id: T-8\nkind: other\ntitle: 某事项\nsteps:\n  - {type: decision, date: 2024-03-20, by: [X-1, X-2]}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "junit", "--fail-on", "warning", "--lang", "en", "a.yaml"], in: folder)
        let failure = try #require(result.stdout.split(separator: "\n").first { $0.contains("<failure") })
        let message = try #require(failure.split(separator: "\"").dropFirst().first)
        #expect(message.hasPrefix("REC-004: ") && message.hasSuffix("(×2)") && !message.contains("; "), "\(failure)")
    }

    /// `import --out a/b` makes the folders that are missing, as its help says.
    @Test func importMakesTheFoldersOfItsOutput() throws {
        let folder = try CLIRunner.folder(["a.csv": "案件编号,案件名称,立案日期\nX-1,某案,2025-03-03\n"])
        let result = try CLIRunner.run(["import", "a.csv", "--out", "out/deeper"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/deeper/X-1.yaml").path))
    }
}
