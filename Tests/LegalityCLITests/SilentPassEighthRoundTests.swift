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
        ("备注: 审查通过后又发现新问题，已退回重审；法律顾问认为不宜上会", false), ("备注: 已于3月18日撤回送审材料，重新修改", false),
        ("备注: 合法性审查意见为同意，但建议暂缓提交", false), ("备注: 法律顾问意见：同意，但不宜上会", false),
        ("备注: 第一次审查退回修改，已按审查意见修改并审查通过", true), ("备注: 经合法性审查通过", true),
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
        let due = try CLIRunner.run(["check", "--as-of", "2024-03-19", "."], in: folder)
        #expect(due.status == 1 && due.stdout.contains("错误[REC-003]") && due.stdout.contains("标为计划（2024-03-19）"), "\(due.stdout)")
        let before = try CLIRunner.run(["check", "--as-of", "2024-03-18", "."], in: folder)
        #expect(before.status == 0 && !before.stdout.contains("REC-003"), "\(before.stdout)")
        // A review planned after the meeting, or with no review done before it (MAD-001's), is none of this.
        let later = record.replacingOccurrences(of: "date: 2024-03-19}", with: "date: 2024-03-25}")
        #expect(try Self.verdict(later) == true)
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
