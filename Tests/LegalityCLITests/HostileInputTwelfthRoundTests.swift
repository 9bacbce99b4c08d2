import Foundation
import Testing

/// What the twelfth review (encodings and how editors and offices write keys) passed: a key and
/// its value run together in a flow mapping, a Chinese key with a space or an invisible character
/// inside it, a facts key with a right-to-left override. Each was read as nothing, and the item READY.
@Suite struct HostileInputTwelfthRoundTests {
    static func check(_ record: String) throws -> (status: Int32, findings: [[String: Any]]) {
        try ValueReadingTests.findings(record)
    }

    /// `{stability_risk：true}` or `{status:planned}` is, in a flow mapping, one key with no value:
    /// refused at the colon, as the same line in block style is (REC-000, the record blocked).
    @Test(arguments: [
        ("facts: {stability_risk：true}", "4:23", "全角冒号“：”不能分隔键和值；请写作“stability_risk: ”"),
        ("facts: {status:planned}", "4:15", "冒号后要有空格才分隔键和值；请写作“status: ”"),
        ("facts: {status:\u{3000}planned}", "4:15", "冒号后要有空格才分隔键和值"),
        ("facts: {a: 1, 重大案件：是}", "4:19", "请写作“重大案件: ”"),
    ])
    func aKeyAndValueRunTogetherInAFlowMappingAreRefused(line: String, place: String, message: String) throws {
        let record = "id: F-1\nkind: major_administrative_decision\ntitle: t\n\(line)\nsteps:\n  - {type: decision, date: 2024-03-20, by: [P-1]}\n"
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("错误[REC-000]") && result.stdout.contains("--> a.yaml:\(place)"), "\(result.stdout)")
        #expect(result.stdout.contains(message), "\(result.stdout)")
    }

    /// A time, a URL-like text or a quoted key with a colon is no key run together with a value;
    /// nor is a key whose value is given.
    @Test(arguments: ["x_times: {会议 10:30}", "x_times: {10:30}", "x_link: {\"a:b\"}", "x_note: {备注：无: 是}", "x_at: {2025-09-26T09:30:00+08:00}",
                      "x_at: {上午9:30}", "x_mail: {mailto:fzk@zy.gov.cn}", "x_file: {D:\\材料\\决定书.pdf}", "x_url: {https://www.gov.cn/}"])
    func aColonThatSeparatesNothingIsRead(line: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "\(line)\nsteps:\n")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(!result.stdout.contains("REC-000"), "\(result.stdout)")
    }

    /// A Chinese name of a fact or a question with a space or an invisible character inside it
    /// (`重大\u{3000}案件`, `重大\u{200B}案件`, `已完 成`) held nothing, where the name itself held the item.
    @Test(arguments: [
        ("facts", "重大\u{3000}案件: 是"), ("facts", "重大\u{A0}案件: 是"), ("facts", "重大\u{200B}案件: true"),
        ("facts", "重大案件\u{AD}: 是"), ("facts", "重大 案件: 是"), ("facts", "重大案件\u{FE0F}: 是"),
    ])
    func aFactsChineseNameWithASpaceOrAnInvisibleCharacterHoldsTheGate(place: String, line: String) throws {
        let withoutFact = try ValueReadingTests.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "")
        let record = ValueReadingTests.placed(line, place, in: withoutFact)
        let item = try ValueReadingTests.gateItem(record)
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(item)")
    }

    /// A review's question or answer with a space inside a Chinese word: `已完 成: 否`, `审查结论: 不通 过`.
    @Test(arguments: ["已完 成: 否", "审查结论: 不通 过", "审查\u{200B}结论: 不通过"])
    func aReviewsAnswerWithASpaceInsideAWordHoldsTheGate(line: String) throws {
        let planned = try #require(Fixtures.compliant.components(separatedBy: "  - {type: decision").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        let record = planned.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n    \(line)\n")
        #expect(record != planned)
        let item = try HostileInputEleventhRoundTests.gate(record)
        #expect(item["ready"] as? Bool == false, "\(item)")
        // (The record without it is READY.)
        #expect(try HostileInputEleventhRoundTests.gate(planned)["ready"] as? Bool == true)
    }

    /// A facts key with a right-to-left override shows as `stability_risk` and reads as
    /// `kcir_ytilibats`: no fact, unsaid. It is REC-007 naming the character, and holds the item.
    @Test func aFactsKeyWithCharactersNoOneSeesHoldsTheGate() throws {
        let withoutFact = try ValueReadingTests.penaltyCase().replacingOccurrences(of: "  major: true\n", with: "")
        let record = ValueReadingTests.placed("\u{202E}rojam\u{202C}: true", "facts", in: withoutFact)
        let (status, findings) = try Self.check(record)
        #expect(status == 0)
        let key = try #require(findings.first { $0["rule"] as? String == "REC-007" }?["message"] as? String, "\(findings)")
        #expect(key.contains("facts 下有一个键含有看不见的字符（U+202E），显示的文字与读到的"), "\(key)")
        let item = try ValueReadingTests.gateItem(record)
        #expect(item["ready"] as? Bool == false && item["misreadKey"] as? Bool == true, "\(item)")
        // A fact of the office's own in plain letters is free, as before.
        let own = ValueReadingTests.placed("预算科目: 城建", "facts", in: withoutFact)
        #expect(try Self.check(own).findings.allSatisfy { $0["rule"] as? String != "REC-007" })
    }

    /// An id with a Kangxi radical (text copied from a PDF: `泽⼯` with U+2F2F for 工), a
    /// compatibility ideograph or a combining mark reads as another id that looks the same: a
    /// duplicate went unnoticed. It is REC-001 naming the character, as a Cyrillic letter is.
    @Test(arguments: [("泽\u{2F2F}-2025-008", "U+2F2F"), ("\u{F967}-2025-008", "U+F967"), ("CAFE\u{0301}-1", "U+0301")])
    func anIdWithARadicalOrACombiningMarkIsRefused(id: String, code: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: \(id)")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "a.yaml"], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let message = try #require(findings.first { $0["rule"] as? String == "REC-001" }?["message"] as? String, "\(findings)")
        #expect(message.contains("的第 ") && message.contains("个字符是 \(code)"), "\(message)")
    }

    /// A full-width or no-break space in the indentation or after a key's colon was told on the
    /// next line, at a harmless key, among causes that did not name it.
    @Test(arguments: [("\u{3000}\u{3000}  outcome: passed", "8:1", "全角空格"), ("    outcome:\u{3000}passed", "8:13", "全角空格"),
                      ("\u{A0}\u{A0}\u{A0}\u{A0}outcome: passed", "8:1", "不换行空格（U+00A0）")])
    func anOddSpaceIsToldWhereItIs(line: String, place: String, name: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "    outcome: passed\n", with: "\(line)\n")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.stdout.contains("--> a.yaml:\(place)") && result.stdout.contains(name), "\(result.stdout)")
    }

    /// A review's conclusion that the draft has legality problems (`存在合法性问题`), beside
    /// `outcome: passed`, was READY: it is a returned review's word, and the two disagree. One
    /// saying there is none (`不存在合法性问题`, `未发现存在合法性问题`) holds nothing.
    @Test(arguments: [("审查结论: 存在合法性问题", false), ("审查意见: 存在合法性问题，建议修改后再提交", false), ("审查结论: 有合法性问题", false),
                      ("审查结论: 部分条款存在合法性问题", false), ("审查结论: 发现合法性问题", false), ("审查结论: 建议退回修改", false),
                      ("审查结论: 不存在合法性问题", true), ("审查意见: 未发现存在合法性问题", true), ("审查意见: 经审查，不存在合法性问题", true),
                      ("审查结论: 建议通过", true)])
    func aConclusionOfLegalityProblemsHoldsTheGate(line: String, ready: Bool) throws {
        let planned = try #require(Fixtures.compliant.components(separatedBy: "  - {type: decision").first)
            .replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        let record = planned.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n    \(line)\n")
        #expect(try HostileInputEleventhRoundTests.gate(record)["ready"] as? Bool == ready)
    }

    /// Ids that differ only in case or width are one id to a reader: the gate held them, and
    /// `check` found no duplicate (three records, `ZY-1`, `zy-1` and `ＺＹ－１`, each passed).
    @Test func idsDifferingInCaseOrWidthAreDuplicates() throws {
        let folder = try CLIRunner.folder([
            "registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant,
            "b.yaml": Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: t-2024-001"),
            "c.yaml": Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: \"Ｔ－２０２４－００１\""),
            "d.yaml": Fixtures.compliant.replacingOccurrences(of: "id: T-2024-001", with: "id: T-2024-002"),
        ])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let findings = try #require(try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]])
        let duplicates = findings.filter { $0["rule"] as? String == "REC-002" }.compactMap { $0["file"] as? String }.sorted()
        #expect(duplicates == ["b.yaml", "c.yaml"], "\(findings)")
    }

    /// A paragraph of a block text indented with full-width spaces is the text's own: a bad
    /// escape two lines below was blamed on it.
    @Test func aBlockTextsFullWidthIndentIsNotBlamed() throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "steps:\n", with: "x_说明: |\n  \u{3000}\u{3000}第一条 为规范管理，制定本办法。\nx_附件: \"D:\\公文\\决定书.docx\"\nsteps:\n")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let result = try CLIRunner.run(["check", "--as-of", "2024-12-31", "a.yaml"], in: folder)
        #expect(result.stdout.contains("双引号中的反斜杠") && !result.stdout.contains("全角空格"), "\(result.stdout)")
    }

    /// An adviser's objection in words of its own (`反对`, `有异议`, `不建议提交会议`, `不同意上会`,
    /// `object`) was a signoff read as an opinion given, and the item READY; agreeing in the same
    /// words (`同意上会`, `无异议`, `no objection`) holds nothing.
    @Test(arguments: [("意见: 反对", false), ("意见: 有异议", false), ("意见: 不建议提交会议", false), ("签署意见: 不同意上会", false),
                      ("opinion: object", false), ("意见: 同意上会", true), ("意见: 无异议", true), ("opinion: no objection", true)])
    func anAdvisersObjectionInWordsOfItsOwnHoldsTheItem(line: String, ready: Bool) throws {
        let record = try HostileInputEleventhRoundTests.planned(with: line, signoff: true)
        #expect(try HostileInputEleventhRoundTests.gate(record)["ready"] as? Bool == ready)
    }

    /// A meeting named as a county clerk names it (`县政府常务会议`, `镇长办公会`), and a decision
    /// step typed `决定`, were REC-006 errors of a lawful item.
    @Test(arguments: ["meeting: {type: 县政府常务会议, minutes: true}", "meeting: {type: 镇政府全体会议, minutes: true}", "meeting: {type: 局务会议, minutes: true}"])
    func meetingsNamedAsClerksNameThemAreRead(meeting: String) throws {
        let record = Fixtures.compliant.replacingOccurrences(of: "meeting: {type: executive, minutes: true}", with: meeting)
            .replacingOccurrences(of: "{type: decision, date: 2024-03-20", with: "{type: 决定, date: 2024-03-20")
        #expect(record != Fixtures.compliant)
        let (_, findings) = try ValueReadingTests.findings(record, asOf: "2024-12-31")
        #expect(!findings.contains { $0["rule"] as? String == "REC-006" }, "\(findings)")
    }
}
