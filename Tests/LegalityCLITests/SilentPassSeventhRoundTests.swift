import Foundation
import Testing

/// Records written as clerks write them that went to the meeting READY, or passed `check`, though
/// they said themselves that something was wrong (the seventh round of reviews by hand).
@Suite struct SilentPassSeventhRoundTests {
    static func verdict(_ record: String) throws -> Bool? {
        try SilentPassSixthRoundTests.verdict(record)
    }

    /// A review's own opinion or conclusion in words (`审查意见: 经审查，该方案超越法定权限`) beside
    /// `outcome: passed`: the rules read the outcome, and the item went READY under a warning.
    /// Held now unless the words read as passing.
    @Test(arguments: [
        ("审查意见: 经审查，该方案超越法定权限", false), ("审查意见: 经审查，该方案违反上位法", false), ("结论: 请补正后重新报送", false),
        ("审查意见: 不合法", false), ("审查结论: 不具备上会条件", false),
        ("审查意见: 经审查，同意提交常务会议审议", true), ("审查意见: 经审查，未发现合法性问题", true), ("审查意见: 合法合规", true),
        ("审查意见: 详见审查意见书", true), ("结论: 通过", true), ("意见书编号: 镇司审〔2024〕4号", true),
        // (Found in the regression review: a fault found none, the opinion named by its number,
        // a provision found unlawful after an agreement.)
        ("审查意见: 经审查，该草案制定主体适格，未超越法定权限，内容不与上位法相抵触，同意提交审议", true), ("审查意见: 不存在超越法定权限的情形", true),
        ("审查意见: 未发现不合法内容", true), ("审查意见: 见审查意见书（泽司审〔2024〕44号）", true), ("审查意见: 泽司审〔2024〕44号", true),
        ("审查意见: 同意提交，但第八条超越法定权限", false), ("审查意见: 合法。第三条设定的收费无法律依据，应删除", false),
        ("审查意见: 同意。第五条违反《行政处罚法》第十六条", false),
        // (Found in the second regression review: a draft amended named as a noun, a fault put
        // right, a lawful basis or accord said, and faults named after an agreement.)
        ("审查意见: 经审查，修改后的方案符合法律规定，同意提交", true), ("审查意见: 经审查，前次指出的第八条超越法定权限问题已修改，同意提交审议", true),
        ("审查意见: 经审查，该方案收费项目均有法律依据", true), ("审查意见: 经审查，该方案与上位法规定一致", true),
        ("审查意见: 同意提交，但程序违法", false), ("审查意见: 同意，第八条越权", false), ("审查意见: 合法，但第五条收费依据不足", false),
    ])
    func aReviewsOwnOpinionInWordsIsRead(written: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.review(adding: "    \(written)")
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(written)")
    }

    /// A review passed on conditions says its conditions, and the faults they remove: they hold
    /// nothing; a refusal does.
    @Test(arguments: [("修改后通过", true), ("同意，但须按审查意见修改第五条", true), ("附条件通过：删除第八条后提交", true),
                      ("附条件通过，但第八条违反上位法", true), ("经审查，第八条超越法定权限，应予删除；其余内容合法，删除后同意提交审议", true),
                      ("不同意", false), ("不同意，退回修改", false)])
    func aConditionalReviewsConditionsHoldNothing(opinion: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "    outcome: passed\n", with: "    outcome: conditional\n    审查意见: \(opinion)\n")
        #expect(record.contains(opinion))
        #expect(try Self.verdict(record) == ready, "\(opinion)")
    }

    /// A penalty's legal review speaks of the party's offence (`违法事实清楚`): no fault of the
    /// draft decision, and the case is READY.
    @Test(arguments: ["审核意见: 违法事实清楚，证据确凿，同意按拟定意见处罚", "审核意见: 经审核，当事人的违法行为证据确凿，拟处罚决定合法适当",
                      "审核意见: 违法事实清楚", "审核意见: 当事人构成违法，建议按自由裁量基准第三档处罚",
                      "审核意见: 该公司违法储存危险化学品的事实清楚，证据确凿，同意处罚"])
    func aPenaltysReviewOfTheOffenceIsNoFault(opinion: String) throws {
        let record = SilentPassSixthRoundTests.penaltyCase().replacingOccurrences(of: "outcome: passed, by: [P-2]}", with: "outcome: passed, by: [P-2], \(opinion)}")
        #expect(record.contains(opinion))
        #expect(try SilentPassSixthRoundTests.ready(record) == true)
    }

    /// A penalty's review agreeing and naming a fault of the case is held.
    @Test(arguments: ["审核意见: 同意处罚，但证据不足", "审核意见: 同意处罚，但程序违法", "审核意见: 同意处罚，但适用法律错误"])
    func aPenaltysReviewNamingAFaultHolds(opinion: String) throws {
        let record = SilentPassSixthRoundTests.penaltyCase().replacingOccurrences(of: "outcome: passed, by: [P-2]}", with: "outcome: passed, by: [P-2], \(opinion)}")
        #expect(record.contains(opinion))
        #expect(try SilentPassSixthRoundTests.ready(record) == false)
    }

    /// Another step's key, or the record's or a fact's, saying in words of its own that the review
    /// is not done or did not pass (`备注: 审查意见书尚未出具，先上会`, `审查情况: 司法局审查意见为不合法`):
    /// held, as the same words were at the record's top level; a yes, or words saying it passed, are not.
    @Test(arguments: [
        ("discussion", "备注: 审查意见书尚未出具，先上会", false), ("discussion", "是否经合法性审查: 否", false),
        ("discussion", "备注: 合法性审查意见为不合法", false), ("discussion", "是否经合法性审查: 是", true),
        ("discussion", "备注: 审查意见书已出具", true), ("discussion", "备注: 经合法性审查，不存在违法情形", true),
        ("facts", "审查情况: 司法局审查意见为不合法，尚未修改", false), ("facts", "审查结论: 尚未审查", false),
        ("facts", "审查情况: 经审查，同意提交", true), ("facts", "审查结果: 通过", true),
        ("record", "备注: 司法局审查认为该方案不合法", false), ("record", "审查意见: 详见审查意见书", true),
        ("record", "备注: 尚未送审", false), ("record", "备注: 法律顾问认为存在合法性问题", false), ("record", "备注: 经审查，该方案违反上位法", false),
        ("record", "备注: 审查意见指出第五条违反上位法，承办单位已修改", true), ("record", "备注: 第一次审查未通过，修改后重新送审已通过", true),
        ("record", "备注: 审核认为违法行为成立", true), ("record", "备注: 整治违法建设专项行动", true),
        ("record", "备注: 第一次审查未通过，修改后第二次审查通过", true), ("record", "备注: 首次送审因材料不全被退回，补正后已审查通过", true),
        ("discussion", "备注: 审查意见还没回来，先上会", false), ("discussion", "备注: 待司法局审查后上会", false),
        ("discussion", "备注: 司法局审查认为方案部分条款违法", false), ("discussion", "备注: 司法局认为方案存在越权问题", false),
        ("discussion", "备注: 会议材料会后补发", true), ("record", "备注: 司法局已出具审查意见，同意上会", true),
    ])
    func aRemarkSayingTheReviewDidNotPassHoldsTheItem(place: String, written: String, ready: Bool) throws {
        let item = SilentPassFifthRoundTests.agendaItem
        let record = switch place {
        case "discussion": item.replacingOccurrences(of: "    meeting: {type: executive, minutes: true}", with: "    meeting: {type: executive, minutes: true}\n    \(written)")
        case "facts": item.replacingOccurrences(of: "steps:\n", with: "facts: {\(written)}\nsteps:\n")
        default: item + "\n\(written)\n"
        }
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(place): \(written)")
    }

    /// A ledger's remark (`备注`, a column the layout ignores) saying in words of its own that the
    /// review failed (`合法性审查意见为不合法`): the row went READY.
    @Test func aLedgersRemarkSayingTheReviewFailedHoldsTheRow() throws {
        let header = "决策编号,决策事项名称,决策机关,承办单位,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,集体讨论日期,会议类型,会议名称,备注"
        func row(_ remark: String) -> String {
            "\u{FEFF}\(header)\nT-9,某镇停车方案,某镇人民政府,党政办,2024-03-01,2024-03-15,正式审查,通过,P-2,P-2,2024-03-15,2024-03-20,常务会议,第9次常务会议,\(remark)\n"
        }
        func ready(_ remark: String) throws -> Bool? {
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": row(remark)])
            let result = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--format", "json", "."], in: folder)
            let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]], "\(result.stdout)\(result.stderr)")
            return items.first?["ready"] as? Bool
        }
        #expect(try ready("合法性审查意见为不合法") == false)
        #expect(try ready("电话确认") == true)
    }

    /// An item whose discussion comes before the regulations came into force is READY by the law,
    /// and the checklist says why no rule applied (it said "no pack checks its kind", of a kind
    /// the mad pack checks).
    @Test func anItemBeforeItsLawSaysSo() throws {
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "2024-03", with: "2019-08")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": record])
        let result = try CLIRunner.run(["gate", "--meeting", "2019-08-20", "--today", "2019-08-19", "."], in: folder)
        #expect(result.stdout.contains("[可以上会]"), "\(result.stdout)")
        #expect(result.stdout.contains("所依据的法律在其所判断的行为之日（如首次集体讨论之日）尚未施行") && result.stdout.contains("MAD-001"), "\(result.stdout)")
        #expect(!result.stdout.contains("如其类型没有规则包检查"), "\(result.stdout)")
    }

    /// A register of normative documents in its own words: `正式审核`, `审核通过` (the words of
    /// 国办发〔2018〕115号) were REC-006 errors; the adviser's opinion has a date column, so one
    /// given after the deliberation is NOR-008 (undated, every opinion counted as on time); a
    /// remark saying the review found the draft unlawful, or that it was never submitted, holds the row.
    @Test func aRegisterOfNormativeDocumentsIsReadInItsOwnWords() throws {
        let header = "文件编号,文件名称,送审日期,审核完成日期,审核方式,审核结论,审核人员,法律顾问,法律顾问意见日期,集体审议日期,会议类型,备注"
        func row(form: String = "正式审核", outcome: String = "审核通过", adviser: String = "P-2", adviserDay: String = "2024-03-14", remark: String = "") -> String {
            "\u{FEFF}\(header)\nN-1,某规定,2024-03-01,2024-03-15,\(form),\(outcome),P-2,\(adviser),\(adviserDay),2024-03-20,常务会议,\(remark)\n"
        }
        func run(_ csv: String) throws -> (rules: [String], ready: Bool?) {
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "登记表.csv": csv])
            let check = try CLIRunner.run(["check", "--format", "json", "--as-of", "2024-03-31", "."], in: folder)
            let rules = (try CLIRunner.json(check.stdout)["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String } ?? []
            return (rules, try SilentPassFifthRoundTests.verdicts(["registry.yaml": Fixtures.registry, "登记表.csv": csv])["N-1"])
        }
        let plain = try run(row())
        #expect(!plain.rules.contains("REC-006") && !plain.rules.contains("NOR-008") && plain.ready == true, "\(plain)")
        #expect(try run(row(adviserDay: "2024-03-25")).rules.contains("NOR-008"))
        #expect(try run(row(outcome: "审核不通过")).rules.contains("NOR-002"))
        #expect(try run(row(remark: "经审核，该文件与上位法相抵触")).ready == false)
        #expect(try run(row(remark: "尚未送审")).ready == false)
        #expect(try run(row(remark: "电话通知起草单位")).ready == true)
        // An adviser's cell saying no one (`无`, `/`) misses no date: NOR-008 says the rest.
        for none in ["无", "/"] {
            let noAdviser = try run(row(adviser: none, adviserDay: ""))
            #expect(noAdviser.ready == true && noAdviser.rules.contains("NOR-008") && !noAdviser.rules.contains("REC-007"), "\(none): \(noAdviser)")
        }
    }
}
