import Foundation
import Testing

/// Version 2, "the record pack, settled" (v2.md section 3).
@Suite struct RecordPackTests {
    @Test func theRestOfTheRecordPackRunsOnABlockedRecord() throws {
        let first = "id: R-1\nkind: other\ntitle: 甲\nsteps:\n  - {type: decision, date: 2024-03-12, by: [P-1]}\n"
        let second = "id: R-1\nkind: other\ntitle: 乙\nsteps:\n  - {type: decision, by: [P-999]}\n"
        let (_, report) = try TrustTests.check(["a.yaml": first, "b.yaml": second])
        #expect(TrustTests.rules(report).sorted() == ["REC-002", "REC-003", "REC-004"])
        let person = try #require((report["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "REC-004" })
        #expect(person["line"] as? Int == 5 && person["column"] as? Int == 27, "REC-004 points at the person id")
    }

    @Test(arguments: [
        ("id: 91", "REC-001"), ("id: \"\"", "REC-001"), ("title: 2021", "REC-001"),
        ("officers: P-3", "REC-003"), ("start: 2024-01-02", "REC-003"),
    ])
    func wrongTypesAndShapes(change: String, rule: String) throws {
        var record = "id: R-2\nkind: administrative_penalty\ntitle: 某案\nsteps:\n  - {type: investigation, date: 2024-03-03, officers: [P-3, P-4], credentials_shown: true}\n"
        if change.hasPrefix("officers") {
            record = record.replacingOccurrences(of: "officers: [P-3, P-4]", with: change)
        } else if change.hasPrefix("start") {
            record = record.replacingOccurrences(of: "credentials_shown: true", with: "credentials_shown: true, \(change)")
        } else {
            let key = String(change.prefix { $0 != ":" })
            record = record.split(separator: "\n").map { $0.hasPrefix(key + ":") ? change : String($0) }.joined(separator: "\n") + "\n"
        }
        let (status, report) = try TrustTests.check(["a.yaml": record])
        #expect(status == 1)
        #expect(TrustTests.rules(report) == [rule])
    }

    @Test func eachFolderUsesItsNearestRegistry() throws {
        let a = "id: A-1\nkind: other\ntitle: 甲\nsteps:\n  - {type: decision, date: 2024-03-12, by: [P-100]}\n"
        let b = "id: B-1\nkind: other\ntitle: 乙\nsteps:\n  - {type: decision, date: 2024-03-12, by: [P-200]}\n"
        let folder = try CLIRunner.folder([
            "A/a.yaml": a, "A/registry.yaml": "people: [{id: P-100, name: 甲}]\n",
            "B/b.yaml": b, "B/registry.yaml": "people: [{id: P-200, name: 乙}]\n",
        ])
        for order in [["A", "B"], ["B", "A"]] {
            let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json"] + order, in: folder)
            #expect(result.status == 0, "\(result.stdout)")
            let report = try CLIRunner.json(result.stdout)
            #expect(report["registries"] as? [String] == ["A/registry.yaml", "B/registry.yaml"])
        }
    }

    @Test func countsOfRecordsFilesAndUnreadableFiles() throws {
        let (_, report) = try TrustTests.check([
            "a.yaml": Fixtures.compliant, "b.yaml": "steps: [\n",
            "c.yaml": Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-008") + "\n---\n- a list\n",
        ])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["records"] as? Int == 2)
        #expect(summary["files"] as? Int == 3)
        #expect(summary["unreadable"] as? Int == 1)
    }

    /// REC-004's message says what a text that is no registered id most likely is: the id of the
    /// one person of that name, the ids of several who share it, or the person a typo away.
    @Test func anUnregisteredPersonIsExplained() throws {
        let registry = Fixtures.registry + "\n  - {id: P-5, name: 张执法}\n"
        let record = "id: R-3\nkind: other\ntitle: 某事\nsteps:\n  - {type: decision, date: 2024-03-12, by: [王镇长, 张执法, 钱律帅, P-9]}\n"
        let (_, report) = try TrustTests.check(["a.yaml": record, "registry.yaml": registry])
        let messages = ((report["findings"] as? [[String: Any]]) ?? []).filter { $0["rule"] as? String == "REC-004" }.compactMap { $0["message"] as? String }
        #expect(messages == [
            "人员 王镇长 未在人员名册中登记；是否应为 P-1（王镇长）？",
            "人员 张执法 无法确定：人员名册中有 2 人同名（P-3、P-5），应写明所指人员的编号",
            "人员 钱律帅 未在人员名册中登记；是否应为 P-2（钱律师）？",
            "人员 P-9 未在人员名册中登记",
        ])
    }

    /// Every finding of a record names its id: an id of a megabyte with 3,000 unknown people made
    /// 3 GB of JSON. An id of more than 200 characters is REC-001, and findings name its first 200.
    @Test func anIdOfMoreThan200CharactersIsREC001AndNamedShort() throws {
        let id = String(repeating: "编", count: 201)
        let record = "id: \(id)\nkind: other\ntitle: 某事\nsteps:\n  - {type: decision, date: 2024-03-12, by: [P-8, P-9]}\n"
        let (status, report) = try TrustTests.check(["a.yaml": record])
        #expect(status == 1)
        #expect(TrustTests.rules(report).sorted() == ["REC-001", "REC-004", "REC-004"])
        let findings = (report["findings"] as? [[String: Any]]) ?? []
        #expect(findings.allSatisfy { $0["record"] as? String == String(repeating: "编", count: 200) + "…" })
        let tooLong = try #require(findings.first { $0["rule"] as? String == "REC-001" })
        #expect((tooLong["message"] as? String)?.hasSuffix("id 有 201 个字符，超过上限 200 个；记录编号应为简短的编号（如文号、台账编号）") == true)
        let (_, fine) = try TrustTests.check(["a.yaml": record.replacingOccurrences(of: id, with: String(id.dropLast()))])
        #expect(TrustTests.rules(fine).sorted() == ["REC-004", "REC-004"])
    }
}
