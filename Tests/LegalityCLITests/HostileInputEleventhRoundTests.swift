import Foundation
import Testing

/// A hostile or careless file (the eleventh review, of YAML- and text-level tricks): what hung a
/// run or passed an unlawful decision is now bounded, or read, or held.
@Suite struct HostileInputEleventhRoundTests {
    static func gate(_ record: String, meeting: String = "2024-03-20") throws -> [String: Any] {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["gate", "--meeting", meeting, "--today", "2024-03-18", "--format", "json", "a.yaml"], in: folder)
        return try #require((try CLIRunner.json(result.stdout)["items"] as? [[String: Any]])?.first, "\(result.stdout)")
    }

    static func keyProblems(_ record: String) throws -> [String] {
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        return findings.filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
    }

    /// Each unread key of a mapping was weighed against the mapping's other keys, each a search:
    /// 20,000 keys in `facts` took 10 s, 200,000 (3 MB) some 17 minutes. Past 64 unread keys in one
    /// mapping the rest are counted, not weighed, and said in one problem that holds the item (one
    /// of them may be `状态: 计划` hidden behind the others).
    @Test func manyUnreadKeysInOneMappingAreCountedAndHoldTheItem() throws {
        let keys = (0..<200).map { "    k\($0): v\n" }.joined()
        let hidden = Fixtures.compliant.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n\(keys)    状态: 计划\n")
        let problems = try Self.keyProblems(hidden)
        #expect(problems.count == 65, "\(problems.count)")
        #expect(problems.contains { $0.contains("第 1 个步骤中有 201 个字段既不是记录格式的字段，也没有规则读取它；前 64 个已逐一检查，其余 137 个未逐一检查") }, "\(problems.suffix(2))")
        let planned = try #require(hidden.components(separatedBy: "  - {type: decision").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        let item = try Self.gate(planned)
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(item)")
        // (The same record without the keys is READY.)
        let plain = try #require(Fixtures.compliant.components(separatedBy: "  - {type: decision").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        #expect(try Self.gate(plain)["ready"] as? Bool == true)
        // So at the record's top; 64 unread keys are each listed, and no more is said. Facts of an
        // office's own, never reported, are weighed to a thousand without a search each (a
        // checklist of 65 facts held the item, "the first 64 listed" where none was).
        let facts = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n" + (0..<100).map { "  k\($0): true\n" }.joined() + "steps:\n")
        #expect(try Self.keyProblems(facts).isEmpty)
        let manyFacts = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "facts:\n" + (0..<1_001).map { "  k\($0): v\n" }.joined() + "steps:\n")
        #expect(try Self.keyProblems(manyFacts).contains { $0.contains("中有 1001 个字段既不是记录格式的字段，也没有规则读取它；前 1000 个已逐一检查") })
        let top = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: (0..<64).map { "k\($0): v\n" }.joined() + "steps:\n")
        let listed = try Self.keyProblems(top)
        #expect(listed.count == 64 && !listed.contains { $0.contains("未逐一检查") }, "\(listed.count)")
    }

    /// The compliant decision with its discussion planned for the meeting, and `line` written
    /// after the review's outcome (or, with `signoff`, in the adviser's signoff).
    static func planned(with line: String, signoff: Bool = false) throws -> String {
        let record = try #require(Fixtures.compliant.components(separatedBy: "  - {type: decision").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        return signoff
            ? record.replacingOccurrences(of: "      - {person: P-2, role: legal_adviser, date: 2024-03-15}\n", with: "      - person: P-2\n        role: legal_adviser\n        date: 2024-03-15\n        \(line)\n")
            : record.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n    \(line)\n")
    }

    /// An answer in quotation marks or brackets, or after them (`“否”`, `【不通过】`, `否！`,
    /// `2026-12-11（补）`), was no answer, and the review it said was not done or failed was READY;
    /// so were a review's failure in the words reviews end in (`不合法`, `驳回`, `经审查，不通过`,
    /// `是否合法: 否`, `result: rejected`) and an adviser's disagreement in English (`agreed: false`,
    /// `opinion: disagree`). Each holds the item.
    @Test(arguments: [
        "已完成: “否”", "是否完成: （否）", "是否完成: 否！", "审查结论: “不通过”", "审查结论: 【不通过】", "审查结论: '\"不通过\"'",
        "审查情况: “未审查”", "方式: “征求意见”", "审查日期: 2024-03-25（补）", "审查日期: 3月25日",
        "审查结论: 不合法", "审查结果: 违法", "审查结论: 驳回", "审查结论: 经审查，不通过", "审查结论: [不通过]", "是否合法: 否",
        "result: rejected", "lawful: false",
    ])
    func aReviewSaidNotDoneOrFailedThroughMarksOrWordsHoldsTheItem(line: String) throws {
        let item = try Self.gate(try Self.planned(with: line))
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(line): \(item)")
    }

    @Test(arguments: ["agreed: false", "concur: false", "opinion: disagree", "opinion: 不同意", "签署情况: “未签署”"])
    func anAdviserDisagreeingInOtherWordsHoldsTheItem(line: String) throws {
        let item = try Self.gate(try Self.planned(with: line, signoff: true))
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(line): \(item)")
    }

    /// What says the review passed or is done, in the same marks, holds nothing (`“通过”`, the same day).
    @Test(arguments: ["审查结论: “通过”", "已完成: 【是】", "审查日期: 2024-03-15（补）", "审查结论: 经审查，合法"])
    func aReviewSaidDoneThroughMarksHoldsNothing(line: String) throws {
        let item = try Self.gate(try Self.planned(with: line))
        #expect(item["ready"] as? Bool == true, "\(line): \(item)")
    }

    /// A category in quotation marks (`案件性质: “重大案件”`) was read by nothing and said by
    /// nothing: a major penalty case without legal review passed check and the gate. A record of
    /// no checked kind beside its kind in other words (`类型: 重大行政决策`, `是否重大行政决策: 是`,
    /// `记录类型: “重大行政决策”`) was READY unsaid.
    @Test(arguments: ["案件性质: “重大案件”", "案件性质: 【重大案件】"])
    func aQuotedCategoryNamingAFactIsReported(line: String) throws {
        let penalty = try String(contentsOf: CLIRunner.root.appendingPathComponent("cases/penalty/building-materials-major-hearing.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "  major: true\n", with: "  \(line)\n")
        let problems = try Self.keyProblems(penalty)
        #expect(problems.contains { $0.contains("似指事实 major") }, "\(problems)")
    }

    @Test(arguments: ["类型: 重大行政决策", "决策类型: 重大行政决策", "是否重大行政决策: 是", "记录类型: “重大行政决策”"])
    func anUncheckedKindBesideAKindInOtherWordsHoldsTheItem(line: String) throws {
        let record = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "kind: major_administrative_decision\n", with: "kind: other\n\(line)\n")
        let item = try Self.gate(record)
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(line): \(item)")
        // (The same record without the line is READY: a record of no checked kind is checked for its format only.)
        let plain = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "kind: major_administrative_decision\n", with: "kind: other\n")
        #expect(try Self.gate(plain)["ready"] as? Bool == true)
    }

    /// `officers: [ZY-043，ZY-047]` is one item to YAML: one unregistered officer was said, and the
    /// two the clerk meant were never checked. It is a step problem with the list to write.
    @Test func idsJoinedByAChineseCommaInAListAreAStepProblem() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "by: [P-1]", with: "by: [P-1，P-2]")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "REC-003" && ($0["message"] as? String)?.contains("应写成列表：by: [P-1, P-2]（用半角逗号分隔）") == true }, "\(findings)")
        // Written as one text, the hint splits it too.
        let one = Fixtures.compliant.replacingOccurrences(of: "by: [P-1]", with: "by: P-1、P-2")
        let text = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": one]))
        #expect(text.stdout.contains("应写成列表：by: [P-1, P-2]"), "\(text.stdout)")
    }

    /// A record file named as a registry is (`Registry.yaml`, `registry.yml`) beside the records,
    /// with `--registry` naming another, was neither checked nor read, unsaid.
    @Test func aRecordFileNamedAsARegistryIsSaid() throws {
        let folder = try CLIRunner.folder(["people.yaml": Fixtures.registry, "agenda/a.yaml": Fixtures.compliant, "agenda/Registry.yaml": Fixtures.lateReview])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--registry", "people.yaml", "--lang", "en", "agenda"], in: folder)
        #expect(result.stderr.contains("agenda/Registry.yaml is named as a registry is, so it is not checked as records, and this run does not read it as its registry"), "\(result.stderr)")
        // The registry a run reads is not said.
        let read = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--lang", "en", "agenda"], in: try CLIRunner.folder(["agenda/registry.yaml": Fixtures.registry, "agenda/a.yaml": Fixtures.compliant]))
        #expect(!read.stderr.contains("named as a registry"), "\(read.stderr)")
    }

    /// Reports as a reader sees them (the output review): a waiver's reason with an override
    /// reached SARIF's suppression unchanged where every other text shows `�`; CSV dropped hidden
    /// characters, naming a file that is not there; a title of 6,000 characters filled eight pages
    /// of the one-page checklist, whose continuation page named no meeting; printed without
    /// backgrounds, READY and BLOCKED were the same pale grey.
    @Test func reportsShowWhatAReaderNeeds() throws {
        let override = "\u{202E}"
        let configuration = "waivers:\n  - {rule: MAD-002, record: T-2024-002, reason: \"会后\(override)补充审查\", approved_by: \"县政府\(override)办公室\", expires: 2030-12-31}\n"
        let folder = try CLIRunner.folder([
            ".legality.yaml": configuration, "registry.yaml": Fixtures.registry, "rtl\(override)LMTH.yaml": Fixtures.lateReview,
        ])
        let sarif = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "sarif", "."], in: folder)
        #expect(sarif.stdout.contains("\"justification\": \"会后\u{FFFD}补充审查\""), "\(sarif.stdout)")
        #expect(!sarif.stdout.contains(override))
        let csv = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "csv", "."], in: folder)
        #expect(csv.stdout.contains("rtl\u{FFFD}LMTH.yaml") && !csv.stdout.contains(override), "\(csv.stdout)")

        let long = String(repeating: "长", count: 6_000)
        let record = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "title: 某镇老旧小区改造方案", with: "title: \(long)")
        let gateFolder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let html = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--today", "2024-03-18", "--format", "html", "a.yaml"], in: gateFolder).stdout
        #expect(html.contains(String(repeating: "长", count: 299) + "…") && !html.contains(String(repeating: "长", count: 301)), "\(html.suffix(2000))")
        #expect(html.contains("@bottom-center { content: \"会议议题合法性审查清单 · 会议日期 2024-03-20 · 第 \" counter(page)"), "\(html.prefix(3000))")
        #expect(html.contains("tr.ready .badge { color: #1b5e20; border-color: #1b5e20; } tr.blocked .badge { color: #b71c1c;"))
    }

    /// What the regression review of this round found held where nothing was wrong: a reply of no
    /// comments (`反馈意见: 无`, `法制办回复无意见`), an earlier meeting's result on its discussion
    /// (`审议结果: 退回修改`), an office's own `x_类型` on a record of no checked kind. None holds.
    @Test(arguments: ["反馈意见: 无", "回复意见: 无", "备注: 法制办回复无意见", "备注: 法制办返回无修改", "反馈意见: 无修改意见"])
    func aReplyOfNoCommentsHoldsNothing(line: String) throws {
        let item = try Self.gate(try Self.planned(with: line))
        #expect(item["ready"] as? Bool == true, "\(line): \(item)")
    }

    @Test func anEarlierMeetingsResultAndAnOfficesOwnTypeHoldNothing() throws {
        let earlier = try Self.planned(with: "x_note: 备注")
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - {type: collective_discussion, date: 2024-03-18, 审议结果: 退回修改, meeting: {type: executive}}\n  - type: collective_discussion\n")
        #expect(try Self.gate(earlier)["ready"] as? Bool == true)
        let own = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "kind: major_administrative_decision\n", with: "kind: other\nx_类型: 重大行政决策\n")
        #expect(try Self.gate(own)["ready"] as? Bool == true)
        // (`是否重大行政决策: “是”` is a yes all the same.)
        let quoted = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "kind: major_administrative_decision\n", with: "kind: other\n是否重大行政决策: “是”\n")
        #expect(try Self.gate(quoted)["ready"] as? Bool == false)
        // A discussion's date under another name, `讨论日期`, other than its own day holds.
        let otherDay = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "    status: planned\n", with: "    status: planned\n    讨论日期: 2024-03-21\n")
        #expect(try Self.gate(otherDay)["ready"] as? Bool == false)
        // `outcome: 合法` is a review passed, as `不合法` is one failed.
        let lawful = try Self.planned(with: "x_note: 备注").replacingOccurrences(of: "outcome: passed", with: "outcome: 合法")
        #expect(try Self.gate(lawful)["ready"] as? Bool == true)
    }

    /// Another folder's registry, which a run of records elsewhere does not read, is said of no more.
    @Test func aRegistryNotReadIsNotSaid() throws {
        let folder = try CLIRunner.folder(["county/registry.yaml": Fixtures.registry, "county/town/registry.yaml": Fixtures.registry, "county/town/a.yaml": Fixtures.compliant])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--registry", "county/town/registry.yaml", "--lang", "en", "county"], in: folder)
        #expect(!result.stderr.contains("named as a registry"), "\(result.stderr)")
    }
}
