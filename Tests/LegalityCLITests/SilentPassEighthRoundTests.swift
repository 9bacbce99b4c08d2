import Foundation
import Testing

/// Records written as clerks write them that went to the meeting READY though they said
/// themselves that the item was not ready (the eighth round of reviews by hand, a legal adviser's
/// gate before a meeting).
@Suite struct SilentPassEighthRoundTests {
    static func verdict(_ record: String) throws -> Bool? {
        try SilentPassSixthRoundTests.verdict(record)
    }

    /// An agreement followed by words holding the draft back from the meeting (`同意，但建议暂缓
    /// 提交`, `同意（第五条除外）`), in the review's own opinion or the adviser's: read by its first
    /// clause as agreeing, READY. Held now; suggestions after an agreement still hold nothing.
    @Test(arguments: [
        ("同意，但建议暂缓提交", false), ("无异议，但建议暂缓提交", false), ("同意，但不宜上会", false), ("同意，但存在法律风险", false),
        ("同意，暂不上会", false), ("同意，建议下次会议再议", false), ("经审查，同意。建议暂缓提交常务会议", false),
        ("同意。但第三条、第七条须删除，否则不宜上会", false), ("同意（第五条除外）", false), ("同意，但不同意提交常务会议", false),
        ("同意，建议加强风险防控", true), ("同意，对于不同意搬迁的商户做好解释工作", true), ("同意，该暂缓征收方案合法", true),
        ("经审查，同意提交常务会议审议", true),
        // (Found in the regression review: a risk or a wait negated, the words of a law quoted, a
        // re-review's history, and holding words first missed.)
        ("同意，不存在法律风险", true), ("同意。经审查，未发现存在法律风险的内容", true), ("同意。经审查，未发现不合法内容，无需再议", true),
        ("同意。方案第十二条“法律、法规另有规定的除外”的表述与上位法一致", true), ("同意，建议在实施方案中明确除外情形", true),
        ("同意提交审议（前次送审退回修改，本次为重新送审稿）", true),
        ("同意，但建议推迟上会", false), ("同意，但存在较大法律风险", false), ("同意（除第五条外）", false), ("同意，但建议本次会议不作审议", false),
        // (Found in the second regression review: the next meeting agreed to, a larger risk
        // negated, an editorial deletion, a decision that itself postpones a charge.)
        ("同意提请下次会议审议", true), ("同意，可提交下次会议讨论", true), ("同意，不存在较大法律风险", true), ("合法，无较大法律风险", true),
        ("同意，应删除第五条中重复表述", true), ("同意暂缓征收2025年度城区垃圾处理费", true),
    ])
    func anAgreementHoldingTheDraftBackIsNone(opinion: String, ready: Bool) throws {
        let review = SilentPassFifthRoundTests.review(adding: "    审查意见: \(opinion)")
        #expect(review.contains(opinion))
        #expect(try Self.verdict(review) == ready, "审查意见: \(opinion)")
        let signoff = SilentPassSixthRoundTests.signoff(adding: "意见: \(opinion)")
        #expect(signoff.contains(opinion))
        #expect(try Self.verdict(signoff) == ready, "意见: \(opinion)")
    }

    /// A remark of the whole record saying the review was returned or withdrawn, or that the
    /// adviser would not take the draft to the meeting: READY under a plain warning. Held now.
    @Test(arguments: [
        ("备注: 审查通过后又发现新问题，已退回重审；法律顾问认为不宜上会", false), ("备注: 合法性审查已于3月18日撤回送审材料，重新修改", false),
        ("备注: 合法性审查意见为同意，但建议暂缓提交", false), ("备注: 法律顾问意见：同意，但不宜上会", false),
        ("备注: 第一次审查退回修改，已按审查意见修改并审查通过", true), ("备注: 经合法性审查通过", true),
        ("备注: 原送审稿于10月撤回送审，3月1日重新送审", true), ("备注: 根据司法局意见，第五条增加“法律另有规定的除外”", true),
        ("备注: 法律顾问建议具体补偿细则在实施中再议", true),
        ("备注: 首次送审被退回，修改后重新送审，审查通过", true), ("备注: 审查期间退回补充材料一次", true), ("备注: 审查期间群众有不同意见", true),
        // (A fault and an agreement side by side tell no history.)
        ("备注: 法律顾问认为存在合法性问题，同意提交", false),
    ])
    func aRemarkHoldingTheDraftBackHoldsTheItem(remark: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "steps:\n", with: "\(remark)\nsteps:\n")
        #expect(record.contains(remark))
        #expect(try Self.verdict(record) == ready, "\(remark)")
    }

    /// A review with no `form` whose channel or documents say it was a request for opinions
    /// (`channel: 书面征求司法局意见`, a document `opinion_request`): read as the formal review the
    /// form defaults to, READY with no finding at all, the very thing MAD-004 forbids. Held now; a
    /// review that asked others' opinions and issued its own is one.
    @Test(arguments: [
        ("    channel: 书面征求司法局意见", false), ("    documents: [{type: opinion_request, ref: 泽发改函〔2024〕31号}]", false),
        ("    documents: [{type: 征求意见函, ref: 泽发改函〔2024〕31号}]", false), ("    documents: [{type: 会签单, ref: 无}]", false),
        ("    documents: [{type: 征求意见函, ref: 泽发改函〔2024〕31号}, {type: review_opinion, ref: 泽司审〔2024〕4号}]", true),
        ("    documents: [{type: review_opinion, ref: 泽司审〔2024〕4号}]", true), ("    channel: 送司法局审查", true),
        ("    channel: 书面征询司法局意见", false), ("    documents: [{type: 征询意见函, ref: 泽发改函〔2024〕31号}]", false),
        // (Found in the regression review: a reply or a report is the review's opinion under another name.)
        ("    documents: [{type: 征求意见函, ref: 柳政函〔2024〕30号}, {type: 司法局复函, ref: 泽司函〔2024〕44号}]", true),
        ("    documents: [{type: 征求意见函, ref: 柳政函〔2024〕30号}, {type: 审查报告, ref: 泽司审〔2024〕44号}]", true),
        ("    channel: 司法局书面审查\n    documents: [{type: 部门意见征求情况, ref: 无}]", true),
        // (A review's opinion still to come, `status: planned` in the document, is none yet.)
        ("    documents: [{type: review_opinion, ref: 泽司审〔2024〕4号, status: planned}]", false),
        ("    documents: [{type: review_opinion, ref: 泽司审〔2024〕4号, 状态: 计划}]", false),
    ])
    func aSolicitationWrittenWithoutItsFormIsHeld(written: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.review(adding: written)
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(written)")
    }

    /// A review planned on or before the meeting, after one done and passed (a revised draft sent
    /// again): the rules read the earlier review, and the item went READY though the draft on the
    /// agenda had no conclusion. REC-003 now once its day has come, nothing before.
    @Test func aReviewLeftOpenBeforeTheMeetingHoldsTheItem() throws {
        let reReview = "  - {type: legality_review, status: planned, submitted: 2024-03-16, date: 2024-03-19}\n"
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "  - type: collective_discussion\n", with: reReview + "  - type: collective_discussion\n")
        #expect(record.contains(reReview))
        #expect(try Self.verdict(record) == false)
        let planned = record.replacingOccurrences(of: "  - type: collective_discussion\n", with: "  - type: collective_discussion\n    status: planned\n")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": planned])
        let due = try CLIRunner.run(["check", "--as-of", "2024-03-20", "."], in: folder)
        #expect(due.status == 1 && due.stdout.contains("错误[REC-003]") && due.stdout.contains("标为计划（2024-03-19）"), "\(due.stdout)")
        // (Late, with the meeting still to come, it is no fault yet, as a first review late is not.)
        let before = try CLIRunner.run(["check", "--as-of", "2024-03-19", "."], in: folder)
        #expect(before.status == 0 && !before.stdout.contains("REC-003"), "\(before.stdout)")
        // A review planned after the meeting, or with no review done before it (MAD-001's), is none of this.
        let later = record.replacingOccurrences(of: "date: 2024-03-19}", with: "date: 2024-03-25}")
        #expect(try Self.verdict(later) == true)
    }

    /// A key of the user's own (`x_备注`, a signoff's `x_意见`), read by no rule and never
    /// reported as unknown, saying the review did not pass or the adviser did not agree: READY
    /// with no finding at all. REC-011 now, a warning that holds the item; one saying anything
    /// else is still no one's business.
    @Test(arguments: [
        ("x_备注: 审查未通过，先上会", false), ("x-备注: 尚未送审", false), ("x_合法性审查是否通过: 否", false),
        ("x_备注: 经合法性审查通过", true), ("x_是否公开: 否", true), ("x_经办人: 王芳", true), ("x_备注: 电话通知参会人员", true),
        ("x_审查结论: 违反上位法", false), ("x_备注: 首次送审被退回，修改后重新送审，审查通过", true), ("x_备注: 审查期间发改局提出不同意见", true),
    ])
    func aKeyOfYourOwnSayingTheReviewFailedHolds(written: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "steps:\n", with: "\(written)\nsteps:\n")
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(written)")
    }

    /// Keys of one's own are read up to a number (20,000 of 600 bytes took 99 s); one past it may
    /// say the review failed, so the record is held, and says how many were not read.
    @Test func keysOfYourOwnPastTheNumberReadHoldTheItem() throws {
        let many = (0..<300).map { "x_记录\($0): 第\($0)项" }.joined(separator: "\n")
        let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "steps:\n", with: "\(many)\nsteps:\n")
        #expect(try Self.verdict(record) == false)
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": record])
        let check = try CLIRunner.run(["check", "--as-of", "2024-03-20", "--format", "json", "."], in: folder)
        #expect(check.stdout.contains("前 256 个已逐一读取，其余 44 个没有读取"), "\(check.stdout)")
    }

    @Test(arguments: [("x_意见: 不同意", false), ("x_意见: 同意，但建议暂缓提交", false), ("x_意见: 同意（口头）", false), ("x_意见: 同意", true),
                      ("x_意见: 需进一步沟通", true), ("x_意见: 同意暂缓征收2025年度垃圾处理费", true)])
    func aSignoffsOpinionOfItsOwnRefusingHolds(written: String, ready: Bool) throws {
        let record = SilentPassSixthRoundTests.signoff(adding: written)
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(written)")
        if !ready {
            let check = try CLIRunner.run(["check", "--as-of", "2024-03-20", "."], in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": record]))
            #expect(check.status == 0 && check.stdout.contains("警告[REC-011]"), "\(check.stdout)")
        }
    }

    /// A penalty case's investigation or hearing still `planned` on a day before its collective
    /// discussion: at the meeting, the rules of officers judged done steps alone (one auxiliary
    /// officer passed), and a hearing "planned" asked no legal review. REC-003 once the discussion's
    /// day has come, as once the decision is made; nothing before.
    @Test func aPenaltysStepLeftPlannedBeforeItsDiscussionHoldsTheCase() throws {
        // (A legal review rejecting the party's defence backs the penalty.)
        let rejecting = SilentPassSixthRoundTests.penaltyCase().replacingOccurrences(of: "outcome: passed, by: [P-2]}", with: "outcome: passed, by: [P-2], x_结论: 驳回当事人申辩}")
        #expect(rejecting.contains("驳回当事人申辩"))
        #expect(try SilentPassSixthRoundTests.ready(rejecting) == true)
        let case_ = SilentPassSixthRoundTests.penaltyCase()
        #expect(try SilentPassSixthRoundTests.ready(case_) == true)
        let investigation = case_.replacingOccurrences(of: "{type: investigation, date: 2024-03-05,", with: "{type: investigation, date: 2024-03-05, status: planned,")
        let hearing = case_.replacingOccurrences(
            of: "  - {type: legal_review", with: "  - {type: hearing, date: 2024-03-12, status: planned}\n  - {type: legal_review")
        // (Between two discussions, the first held: the second is the meeting's.)
        let between = case_.replacingOccurrences(
            of: "  - {type: notice_of_rights", with: "  - {type: collective_discussion, date: 2024-03-06, meeting: {type: executive}}\n  - {type: inspection, date: 2024-03-08, status: planned, officers: [P-3]}\n  - {type: notice_of_rights")
        for record in [investigation, hearing, between] {
            #expect(record != case_)
            #expect(try SilentPassSixthRoundTests.ready(record) == false, "\(record)")
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "c.yaml": record])
            let before = try CLIRunner.run(["check", "--as-of", "2024-03-16", "."], in: folder)
            #expect(!before.stdout.contains("REC-003"), "\(before.stdout)")
        }
    }

    /// A document with no id below the record in its file (a failed re-review added after a
    /// `---`): listed as an item of its own, while the record read READY beside it. Held now, with
    /// the document's place; a stray empty document continues nothing.
    @Test func aDocumentWithNoIdBesideTheRecordHoldsIt() throws {
        let continuation = "---\nsteps:\n  - {type: legality_review, date: 2024-03-18, outcome: failed, by: [P-2]}\n"
        let listed = "---\n- {type: legality_review, date: 2024-03-18, outcome: failed, by: [P-2]}\n"
        for (tail, held) in [(continuation, true), (listed, true), ("---\n", false)] {
            let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "r.yaml": SilentPassFifthRoundTests.agendaItem + "\n" + tail])
            let result = try CLIRunner.run(["gate"] + SilentPassFifthRoundTests.meeting, in: folder)
            let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]], "\(result.stdout)")
            let item = try #require(items.first { $0["record"] as? String == "T-2024-001" })
            #expect(item["ready"] as? Bool == !held, "\(tail)")
            #expect(((item["idlessDocumentBeside"] as? String)?.hasPrefix("r.yaml:") ?? false) == held, "\(tail): \(item)")
        }
    }

    /// An id that differs from another only by a character no reader sees (a full-width space at
    /// its end, a zero-width space) or by its dashes: the record on the agenda went READY beside
    /// the other's failed review, its "same id elsewhere" hold defeated. One id now, for the gate
    /// and for the duplicate check.
    @Test(arguments: ["T-2024-001\u{3000}", "T-2024-001\u{200B}", "T–2024–001", "\" T-2024-001 \""])
    func anIdDifferingOnlyInWhatNoOneSeesIsTheSameId(twin: String) throws {
        let failed = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "id: T-2024-001", with: "id: \(twin)")
            .replacingOccurrences(of: "outcome: passed", with: "outcome: failed").replacingOccurrences(of: "date: 2024-03-20", with: "date: 2024-03-27")
        let files = ["registry.yaml": Fixtures.registry, "a.yaml": SilentPassFifthRoundTests.agendaItem, "b.yaml": failed]
        #expect(try SilentPassFifthRoundTests.verdicts(files)["T-2024-001"] == false, "\(twin)")
        let check = try CLIRunner.run(["check", "--as-of", "2024-03-31", "--format", "json", "."], in: try CLIRunner.folder(files))
        #expect(check.stdout.contains("\"rule\": \"REC-002\""), "\(twin): \(check.stdout)")
    }
}
