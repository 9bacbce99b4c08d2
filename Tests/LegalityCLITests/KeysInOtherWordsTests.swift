import Foundation
import Testing

/// Keys the rules decide by, written in words of one's own where the format has none of them —
/// in a signoff (`结论: 不通过`), a meeting (`会议日期`), beside the key itself (`执法人员` beside
/// `officers`) or beside a kind no rule checks (`记录类型: 重大行政决策` with `kind: other`): each
/// was listed under a READY item, and what it said was never checked.
@Suite struct KeysInOtherWordsTests {
    /// The gate's item of the compliant decision with `change` applied, its discussion planned for
    /// the meeting.
    static func gateItem(_ change: (String) -> String) throws -> [String: Any] {
        let planned = Fixtures.compliant
            .replacingOccurrences(of: "  - type: collective_discussion\n    date: 2024-03-20\n", with: "  - type: collective_discussion\n    status: planned\n    date: 2024-03-20\n")
            .replacingOccurrences(of: "\n  - {type: decision, date: 2024-03-20, by: [P-1]}\n  - {type: publication, date: 2024-03-25}", with: "")
        let record = change(planned)
        #expect(record != planned, "the change did nothing")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": record])
        let gate = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--today", "2024-03-19", "--format", "json", "a.yaml"], in: folder)
        return try #require((try CLIRunner.json(gate.stdout)["items"] as? [[String: Any]])?.first, "\(gate.stdout)")
    }

    static func messages(_ item: [String: Any]) -> [String] {
        (item["findings"] as? [[String: Any]] ?? []).filter { $0["rule"] as? String == "REC-007" }.compactMap { $0["message"] as? String }
    }

    /// A signoff saying it is planned, or the adviser's conclusion failed or disagreeing, holds the
    /// item: a signoff reads as an opinion given whatever it says. One agreeing is only listed.
    @Test(arguments: [
        ("状态: 计划", true, "其值是 status 的取值（planned）；签署没有 status"), ("结论: 不通过", true, "其值是 outcome 的取值（failed）"),
        ("审查结论: 不通过", true, "其值是 outcome 的取值（failed）"), ("result: failed", true, "其值是 outcome 的取值（failed）"),
        ("是否同意: 否", true, "说此人不同意或审查没有通过（是否同意: 否）"),
        ("结论: 通过", false, "与此一致；可删去"), ("是否同意: 是", false, "所说的与读取的一致"),
    ])
    func aSignoffsKeyOfAnotherFieldHoldsTheItem(key: String, holds: Bool, said: String) throws {
        let item = try Self.gateItem { $0.replacingOccurrences(of: "date: 2024-03-15}", with: "date: 2024-03-15, \(key)}") }
        #expect(item["misreadKey"] as? Bool == holds && item["ready"] as? Bool == !holds, "\(item)")
        #expect(Self.messages(item).contains { $0.contains(said) }, "\(Self.messages(item))")
    }

    /// A meeting's `会议日期` (the format's `date`, a step's key) holds the item, as `date` there does.
    @Test func aMeetingsDateInChineseHoldsTheItem() throws {
        let item = try Self.gateItem { $0.replacingOccurrences(of: "meeting: {type: executive, minutes: true}", with: "meeting: {type: executive, minutes: true, 会议日期: 2024-03-27}") }
        #expect(item["misreadKey"] as? Bool == true, "\(item)")
        #expect(Self.messages(item).contains { $0.contains("字段 会议日期 似为 date，其日期与此集体讨论的日期不同") }, "\(Self.messages(item))")
        // The discussion's own day, or a time of day, is only listed.
        for same in ["会议日期: 2024-03-20", "会议日期: 2024年3月20日", "时间: 上午9:00"] {
            let listed = try Self.gateItem { $0.replacingOccurrences(of: "meeting: {type: executive, minutes: true}", with: "meeting: {type: executive, minutes: true, \(same)}") }
            #expect(listed["misreadKey"] as? Bool == false, "\(same): \(listed)")
        }
    }

    /// A name of a key beside it saying the same thing, or in words of its own, is only listed
    /// (each was held by the first version of this check): a review's free conclusion beside
    /// `outcome: passed`, people's names beside their ids, the same date in Chinese, 亮证 saying yes.
    @Test(arguments: [
        "    outcome: passed\n    审查结论: 合法\n", "    outcome: passed\n    审查结果: 同意提交集体讨论\n", "    outcome: passed\n    审查人: 钱律师\n",
        "    outcome: passed\n    审查日期: 2024年3月15日\n",
    ])
    func aKeysOtherNameSayingNothingOtherIsOnlyListed(lines: String) throws {
        let item = try Self.gateItem { $0.replacingOccurrences(of: "    outcome: passed\n", with: lines) }
        #expect(item["misreadKey"] as? Bool == false && item["ready"] as? Bool == true, "\(item)")
        #expect(!Self.messages(item).isEmpty, "\(item)")
    }

    /// A name of a key the step has already, saying another thing (`审查日期` beside `date`), holds
    /// the item; saying the same thing, it is only listed. (`会议类型` beside a step's `type` is
    /// another level's type, and only listed.)
    @Test(arguments: [("审查日期: 2024-03-21", true), ("审查日期: 2024-03-15", false), ("会议类型: 常务会议", false)])
    func aKeysOtherNameBesideItHoldsWhenItDisagrees(line: String, holds: Bool) throws {
        let item = try Self.gateItem { $0.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: passed\n    \(line)\n") }
        #expect(item["misreadKey"] as? Bool == holds, "\(item)")
        #expect(!Self.messages(item).isEmpty, "\(item)")
    }

    /// A record's or a step's own field in Chinese naming another level's key (`承办人` at the
    /// record's top, `会议纪要` on the discussion step) is common, and only listed.
    @Test func aRecordsOrStepsFieldOfAnotherLevelsNameIsOnlyListed() throws {
        let item = try Self.gateItem {
            $0.replacingOccurrences(of: "steps:\n", with: "承办人: 张三\nsteps:\n")
                .replacingOccurrences(of: "    status: planned\n    date: 2024-03-20\n", with: "    status: planned\n    date: 2024-03-20\n    会议纪要: 有\n")
        }
        #expect(item["misreadKey"] as? Bool == false && item["ready"] as? Bool == true, "\(item)")
        #expect(Self.messages(item).count == 2, "\(Self.messages(item))")
    }

    /// `kind: other` (no rule checks it) beside `记录类型: 重大行政决策` left the record's keys and its
    /// failed review unlooked at: the item was READY as a record of no rules.
    @Test func aKindInOtherWordsBesideAnUncheckedKindHoldsTheItem() throws {
        let item = try Self.gateItem {
            $0.replacingOccurrences(of: "kind: major_administrative_decision\n", with: "kind: other\n记录类型: 重大行政决策\n")
                .replacingOccurrences(of: "outcome: passed", with: "outcome: failed")
        }
        #expect(item["misreadKey"] as? Bool == true && item["ready"] as? Bool == false, "\(item)")
        #expect(Self.messages(item).contains { $0.contains("字段 记录类型 似为 kind，其值为记录类型 major_administrative_decision，而此记录的 kind 是 other") }, "\(Self.messages(item))")
    }

    /// An uncertified officer listed beside `officers` under its Chinese name (`执法人员`) was read
    /// by no rule: the case went READY with a warning naming neither.
    @Test func officersInChineseBesideOfficersHoldTheCase() throws {
        let record = try ValueReadingTests.penaltyCase()
            .replacingOccurrences(of: "    officers: [ZY-041, ZY-042]\n", with: "    officers: [ZY-041, ZY-042]\n    执法人员: [ZY-045]\n")
        let item = try ValueReadingTests.gateItem(record)
        #expect(item["misreadKey"] as? Bool == true && item["ready"] as? Bool == false, "\(item)")
        #expect(Self.messages(item).contains { $0.contains("字段 执法人员 似为 officers，而这里已有 officers") }, "\(Self.messages(item))")
        // Their names beside their ids say nothing other, and 亮证: 是 beside credentials_shown: true neither.
        let named = try ValueReadingTests.penaltyCase()
            .replacingOccurrences(of: "    officers: [ZY-041, ZY-042]\n", with: "    officers: [ZY-041, ZY-042]\n    执法人员: 王立新、李春燕\n    亮证: 是\n")
        let listed = try ValueReadingTests.gateItem(named)
        #expect(listed["misreadKey"] as? Bool == false, "\(listed)")
    }
}
