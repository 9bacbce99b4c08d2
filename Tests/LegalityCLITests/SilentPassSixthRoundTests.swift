import Foundation
import Testing

/// Records written as clerks write them that went to the meeting READY though they said
/// themselves that something was wrong (the sixth round of reviews by hand).
@Suite struct SilentPassSixthRoundTests {
    /// A penalty case before its meeting of 2024-03-20: filed, investigated by two certified
    /// officers, reviewed, the discussion planned; `extra` is added to the investigation step.
    static func penaltyCase(investigationAdding extra: String = "", recordAdding recordExtra: String = "") -> String {
        """
        id: C-9
        kind: administrative_penalty
        title: 某企业违法排污案
        facts: {major: true}\(recordExtra.isEmpty ? "" : "\n" + recordExtra)
        steps:
          - {type: case_filing, date: 2024-03-01}
          - {type: investigation, date: 2024-03-05, officers: [P-3, P-4], credentials_shown: true\(extra.isEmpty ? "" : ", " + extra)}
          - {type: notice_of_rights, date: 2024-03-10}
          - {type: legal_review, date: 2024-03-15, outcome: passed, by: [P-2]}
          - {type: collective_discussion, date: 2024-03-20, status: planned, meeting: {type: executive}}
        """
    }

    static func ready(_ record: String) throws -> Bool? {
        let result = try CLIRunner.run(["gate", "--meeting", "2024-03-20", "--format", "json", "."],
                                       in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "c.yaml": record]))
        let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]], "\(result.stdout)\(result.stderr)")
        return items.first { $0["record"] as? String == "C-9" }?["ready"] as? Bool
    }

    /// The case saying in its own words that an officer held no valid enforcement certificate
    /// (`执法证: 无`, `执法人员是否持证: 否`, `执法证: 已注销`): no rule read it, the registry gave
    /// both officers a valid one, and the case went READY. Held now; a yes agreeing with the
    /// registry is listed, and a licence of no one named (`是否持证: 否`, `licensed: no`) may be the
    /// party's, whose missing licence is the violation punished: listed too.
    @Test func aCaseSayingItsOfficersHadNoCertificateIsHeld() throws {
        #expect(try Self.ready(Self.penaltyCase()) == true)
        for words in ["执法证: 无", "执法人员是否持证: 否", "持证情况: 执法人员无证", "持证上岗: 否", "certified: false", "执法证: 已过有效期",
                      "执法证: 已注销", "执法证: 尚未取得", "执法证号: 无", "执法证状态: 注销"] {
            #expect(try Self.ready(Self.penaltyCase(investigationAdding: words)) == false, "\(words)")
        }
        #expect(try Self.ready(Self.penaltyCase(recordAdding: "执法人员持证情况: 无证")) == false)
        for words in ["是否持证: 是", "执法证: 有效", "是否持证: 否", "证件: 无", "licensed: no", "是否持证: 否（当事人无食品经营许可证）"] {
            #expect(try Self.ready(Self.penaltyCase(investigationAdding: words)) == true, "\(words)")
        }
        for fact in ["是否持证: 否", "licensed: false", "法律顾问意见: 未出具"] {
            #expect(try Self.ready(Self.penaltyCase(recordAdding: "x_note: 1").replacingOccurrences(of: "facts: {major: true}", with: "facts: {major: true, \(fact)}")) == true, "\(fact)")
        }
        let check = try CLIRunner.run(["check", "--as-of", "2024-03-19", "."],
                                      in: try CLIRunner.folder(["registry.yaml": Fixtures.registry, "c.yaml": Self.penaltyCase(investigationAdding: "执法证: 无")]))
        #expect(check.stdout.contains("说执法人员没有有效的执法证（执法证: 无）"), "\(check.stdout)")
    }

    /// A penalty case's fact in words of its own (`复杂: 是`, `情节严重: 是`, `complicated: true`):
    /// facts are free, no rule read it, and a case needing legal review before its meeting went
    /// READY without one. Held now, with the fact meant; a fact of the office's own is not.
    @Test func aCaseFactInWordsOfItsOwnIsHeld() throws {
        let unreviewed = Self.penaltyCase().replacingOccurrences(of: "facts: {major: true}", with: "facts: {FACT}")
            .replacingOccurrences(of: "  - {type: legal_review, date: 2024-03-15, outcome: passed, by: [P-2]}\n", with: "")
        #expect(!unreviewed.contains("legal_review"))
        for fact in ["复杂: 是", "疑难: 是", "案件重大: 是", "重大行政处罚: 是", "情节严重: 是", "complicated: true", "difficult: true", "serious: true"] {
            #expect(try Self.ready(unreviewed.replacingOccurrences(of: "FACT", with: fact)) == false, "\(fact)")
        }
        for fact in ["一般案件: 是", "罚款金额: 300", "major: false"] {
            #expect(try Self.ready(unreviewed.replacingOccurrences(of: "FACT", with: fact)) == true, "\(fact)")
        }
    }

    /// An adviser's opinion advising against the meeting, finding a legal risk, or given only by
    /// word of mouth (`建议暂缓提交`, `存在法律风险`, `口头同意，书面意见后补`): listed as a key no rule
    /// reads, the signoff an opinion given, READY. Held now; one finding no risk is not.
    @Test func anAdvisersWithheldOpinionHoldsTheItem() throws {
        for (opinion, ready) in [("建议暂缓提交", false), ("存在法律风险", false), ("口头同意，书面意见后补", false), ("不同意提交", false),
                                 ("同意提交", true), ("经审查无法律风险", true), ("未发现法律风险", true)] {
            let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(
                of: "role: legal_adviser, date: 2024-03-15}", with: "role: legal_adviser, date: 2024-03-15, 意见: \(opinion)}")
            #expect(record.contains(opinion))
            #expect(try SilentPassFifthRoundTests.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": record]) == ["T-2024-001": ready], "\(opinion)")
        }
    }

    /// A record whose kind is no kind's code (`kind: 重大行政决测`, `kind: 行政决策`) is blocked by the
    /// record pack, and was in no rule's figures: beside three such unreviewed decisions the audit
    /// read "no legality review" 1/1, 100 %. Counted as a record with no kind is: applicable to
    /// every rule that judged a record of the period, and could not be checked.
    @Test func aRecordOfAMisspeltKindFailsTheAuditsRates() throws {
        let misspelt = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-002")
            .replacingOccurrences(of: "kind: major_administrative_decision", with: "kind: 重大行政决测")
        let other = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-003")
            .replacingOccurrences(of: "kind: major_administrative_decision", with: "kind: 行政决策")
        #expect(misspelt.contains("重大行政决测") && other.contains("行政决策"))
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": misspelt, "c.yaml": other])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let rules = try #require(try CLIRunner.json(result.stdout)["rules"] as? [[String: Any]], "\(result.stdout)")
        let first = try #require(rules.first { $0["key"] as? String == "MAD-001" }, "\(rules)")
        #expect(first["applicable"] as? Int == 3 && first["passed"] as? Int == 1 && first["unverifiable"] as? Int == 2, "\(first)")
        // (The record pack judged the two itself: its kind rule counts them as it found.)
        let kindRule = try #require(rules.first { $0["key"] as? String == "REC-006" }, "\(rules)")
        #expect(kindRule["failed"] as? Int == 2, "\(kindRule)")
    }

    /// Two records of one id, the later (which the record pack marks) outside the period: the
    /// period's audit said 合规 with no word of the other, where the gate holds the record back.
    /// Its row's note names the other record now, in each period's audit.
    @Test func anIdSharedWithARecordOutsideThePeriodIsNoted() throws {
        let later = Fixtures.compliant.replacingOccurrences(of: "2024-03", with: "2025-03").replacingOccurrences(of: "outcome: passed", with: "outcome: failed")
        #expect(later.contains("T-2024-001") && later.contains("2025-03-20"))
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": later])
        for (year, other) in [("2024", "b.yaml"), ("2025", "a.yaml")] {
            let result = try CLIRunner.run(["audit", "--from", "\(year)-01-01", "--to", "\(year)-12-31", "--as-of", "2025-12-31", "--format", "csv"], in: folder)
            let rows = result.stdout.split(separator: "\r\n").filter { $0.hasPrefix("T-2024-001,") }
            #expect(rows.count == 1 && rows.allSatisfy { $0.hasSuffix("编号与期间外的记录相同，无法确定哪一条属实：\(other)") }, "\(year): \(result.stdout)")
        }
        // The id as a reader tells ids apart (`t-2024-001` is T-2024-001 to the duplicate check),
        // and in JSON too.
        let lower = later.replacingOccurrences(of: "id: T-2024-001", with: "id: t-2024-001")
        let folded = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": lower])
        let json = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2025-12-31", "--format", "json"], in: folded)
        let records = try #require(try CLIRunner.json(json.stdout)["records"] as? [[String: Any]], "\(json.stdout)")
        #expect(records.first { $0["record"] as? String == "T-2024-001" }?["sameIdOutsidePeriod"] as? [String] == ["b.yaml"], "\(records)")
    }

    /// The agenda item (`SilentPassFifthRoundTests.agendaItem`) with `extra` added to its adviser's signoff.
    static func signoff(adding extra: String) -> String {
        SilentPassFifthRoundTests.agendaItem.replacingOccurrences(
            of: "role: legal_adviser, date: 2024-03-15}", with: "role: legal_adviser, date: 2024-03-15, \(extra)}")
    }

    static func verdict(_ record: String) throws -> Bool? {
        try SilentPassFifthRoundTests.verdicts(["registry.yaml": Fixtures.registry, "r.yaml": record])["T-2024-001"]
    }

    /// A signoff's opinion in words of its own that does not say the person agreed (`意见: 不赞成`,
    /// `需进一步研究`, `do not agree`, `pending`, `无`): the signoff read as an opinion given, READY.
    /// Held now unless it says agreement; a key that is no opinion (`意见书编号`, `备注`) holds nothing.
    @Test(arguments: [
        ("意见: 不同意本方案", false), ("意见: 不赞成", false), ("意见: 不能同意", false), ("意见: 不宜上会", false), ("意见: 需进一步研究", false),
        ("意见: 持保留意见", false), ("意见: 原则同意，但须修改", false), ("意见: 无", false), ("意见: 待定", false),
        ("opinion: do not agree", false), ("opinion: against", false), ("opinion: pending", false), ("opinion: TBD", false), ("comment: I object", false),
        ("意见: 不合规", false), ("意见: 不符合法定程序", false), ("意见: 同意（口头）", false), ("意见: 同意，但第五条须修改后方可提交", false),
        ("opinion: Approved in principle", false), ("opinion: Unlawful in part", false),
        ("意见: 同意", true), ("意见: 无异议", true), ("意见: 经审查，同意提交常务会议审议", true), ("opinion: no objection", true), ("opinion: approved", true),
        ("意见: 无不同意见", true), ("意见: 不存在法律障碍", true), ("意见: 该方案于法有据", true), ("意见: 赞同", true), ("意见: 法律风险可控", true),
        ("opinion: No legal issues found", true), ("意见书编号: 泽法〔2024〕3号", true), ("备注: 电话确认", true), ("position: 律师事务所合伙人", true),
    ])
    func anAdvisersOpinionInWordsOfItsOwnIsRead(written: String, ready: Bool) throws {
        let record = Self.signoff(adding: written)
        #expect(record.contains(written))
        #expect(try Self.verdict(record) == ready, "\(written)")
    }

    /// A document of a review read as done and passed that says otherwise (`结论: 不合法`,
    /// `ref: 待出具`, a type `退回函`): the format reads a document's type and ref alone, and each went
    /// READY with no finding at all. Held now; a document as the format writes it is not.
    @Test(arguments: [
        ("{type: review_opinion, ref: 镇司审〔2024〕4号, 结论: 不合法}", false), ("{type: review_opinion, ref: 待出具}", false),
        ("{type: review_opinion, ref: pending}", false), ("{type: 审查意见书（不予通过）, ref: 镇司审〔2024〕4号}", false),
        ("{type: 退回函, ref: 镇司函〔2024〕2号}", false), ("{type: review_opinion, ref: 镇司审〔2024〕4号, 意见: 不同意提请常务会议审议}", false),
        ("{type: review_opinion, ref: 审查中}", false), ("{type: 审查意见书（存在合法性问题）, ref: x}", false), ("{type: rejection letter, ref: x}", false),
        ("{type: review_opinion, ref: 镇司审〔2024〕4号}", true), ("{type: review_opinion, ref: 镇司审〔2024〕4号, 结论: 合法}", true),
        ("{type: review_opinion, ref: 镇司审〔2024〕4号, 页数: 3}", true), ("{type: 初审退回意见, ref: 镇司审〔2024〕2号}", true),
        ("{type: 退回修改意见的回复函, ref: 镇政函〔2024〕12号}", true), ("{type: review_opinion, ref: 未编号}", true), ("{type: 风险评估报告, ref: 无}", true),
        ("{type: review_opinion, ref: 镇司审〔2024〕4号, 审查意见: 建议提交常务会议审议}", true),
        ("{type: 征求意见稿, ref: 无}", true), ("{type: review_opinion, ref: 未单独发文}", true), ("{type: 退回补正材料通知书, ref: 镇司函〔2024〕1号}", true),
        ("{type: 关于违法建设专项整治实施方案（送审稿）, ref: x}", true), ("{type: review_opinion, ref: （待出具）}", false),
        ("{type: 审查意见书（不予同意）, ref: x}", false), ("{type: legal_opinion, ref: pending}", false),
    ])
    func aReviewsDocumentSayingOtherwiseHoldsTheItem(document: String, ready: Bool) throws {
        let record = SilentPassFifthRoundTests.review(adding: "    documents:\n      - \(document)")
        #expect(record.contains(document))
        #expect(try Self.verdict(record) == ready, "\(document)")
    }

    /// A fact saying the review is pending or the adviser did not agree (`legality_review: pending`,
    /// `法律顾问意见: 不同意`, `adviser_opinion: against`): facts are free, and these went READY with
    /// no finding. Held now, as `合法性审查: 尚未出具意见` was.
    @Test func aFactSayingTheReviewOrTheAdviserSaidNoHoldsTheItem() throws {
        for fact in ["legality_review: pending", "法律顾问: 未出具意见", "法律顾问意见: 不同意", "adviser_opinion: against", "法律意见: 不同意",
                     "是否经法律顾问审查: 否", "顾问意见: 无"] {
            let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "steps:\n", with: "facts: {\(fact)}\nsteps:\n")
            #expect(record.contains(fact))
            #expect(try Self.verdict(record) == false, "\(fact)")
        }
        let agreed = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: "steps:\n", with: "facts: {法律顾问意见: 同意}\nsteps:\n")
        #expect(try Self.verdict(agreed) == true)
        // Of the whole record too, in the words of a law firm's opinion.
        for key in ["律师事务所意见: 不同意", "外聘律师意见: 未出具"] {
            #expect(try Self.verdict(SilentPassFifthRoundTests.agendaItem + "\n\(key)\n") == false, "\(key)")
        }
    }

    /// A name of `credentials_shown` asked as a question (`是否出示证件: 否`) beside
    /// `credentials_shown: true` went READY where `亮证: 否` was held.
    @Test func aCredentialsKeyAskedAsAQuestionIsRead() throws {
        for words in ["是否出示证件: 否", "是否出示执法证件: 未出示", "出示证件情况: 未出示", "亮证: 未亮证", "证件出示: 否"] {
            #expect(try Self.ready(Self.penaltyCase(investigationAdding: words)) == false, "\(words)")
        }
        #expect(try Self.ready(Self.penaltyCase(investigationAdding: "是否出示证件: 是")) == true)
    }

    /// The statute's own words for the review of a normative document and a conditional pass
    /// (`合法性审核`, `有条件通过`) are names of the vocabulary: they were REC-006, and the item held.
    @Test func theStatutesOwnWordsAreNamesOfTheVocabulary() throws {
        for (code, name) in [("type: legality_review", "type: 合法性审核"), ("outcome: passed", "outcome: 有条件通过")] {
            let record = SilentPassFifthRoundTests.agendaItem.replacingOccurrences(of: code, with: name)
            #expect(record.contains(name))
            #expect(try Self.verdict(record) == true, "\(name)")
        }
    }

    /// A record whose kind is a typo of a kind's name (`重大行政决测`) is counted by that kind's
    /// rules alone: counted by every rule, it took the penalty pack's rates down with a decision.
    /// One whose kind is near none counts in every rule that judged the period.
    @Test func aMisspeltKindCountsInItsKindsRulesAlone() throws {
        let misspelt = Fixtures.compliant.replacingOccurrences(of: "T-2024-001", with: "T-2024-002")
            .replacingOccurrences(of: "kind: major_administrative_decision", with: "kind: 重大行政决测")
        let penalty = Self.penaltyCase().replacingOccurrences(of: "status: planned, ", with: "")
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "a.yaml": Fixtures.compliant, "b.yaml": misspelt, "p.yaml": penalty])
        let result = try CLIRunner.run(["audit", "--from", "2024-01-01", "--to", "2024-12-31", "--as-of", "2024-12-31", "--format", "json", "."], in: folder)
        let rules = try #require(try CLIRunner.json(result.stdout)["rules"] as? [[String: Any]], "\(result.stdout)")
        let decision = try #require(rules.first { $0["key"] as? String == "MAD-001" }, "\(rules)")
        #expect(decision["applicable"] as? Int == 2 && decision["unverifiable"] as? Int == 1, "\(decision)")
        let officers = try #require(rules.first { $0["key"] as? String == "PEN-001" }, "\(rules)")
        #expect(officers["applicable"] as? Int == 1 && officers["unverifiable"] as? Int == 0, "\(officers)")
    }

    /// A ledger's column of the adviser's opinion is read as the same key of an imported record
    /// is: `原则同意，但须修改后上会` went READY in the ledger and was held once imported, and an
    /// agreement with a suggestion (`同意，建议加强风险防控`) was held once imported.
    @Test func aLedgersAdvisersOpinionIsReadAsAnImportedRecordsIs() throws {
        let header = "决策编号,决策事项名称,决策机关,承办单位,是否涉及公共利益,征求意见开始日期,征求意见结束日期,送审日期,审查完成日期,审查方式,审查结论,审查人员,法律顾问,法律顾问意见日期,法律顾问意见,集体讨论日期,会议类型"
        let opinions = [("同意，建议加强风险防控", true), ("经审查，同意，无需修改", true), ("/", true), ("原则同意，但须修改后上会", false), ("不同意提交", false)]
        let rows = opinions.enumerated().map { index, opinion in
            "SQ-\(index + 1),事项\(index),石桥镇人民政府,党政办,否,,,2026-11-20,2026-12-01,正式审查,通过,P-2,P-2,2026-11-30,\(opinion.0),,"
        }
        let folder = try CLIRunner.folder(["registry.yaml": Fixtures.registry, "台账.csv": ([header] + rows).joined(separator: "\n") + "\n"])
        let result = try CLIRunner.run(["gate", "--meeting", "2026-12-10", "--today", "2026-12-09", "--format", "json", "."], in: folder)
        let items = try #require(try CLIRunner.json(result.stdout)["items"] as? [[String: Any]], "\(result.stdout)\(result.stderr)")
        for (index, opinion) in opinions.enumerated() {
            #expect(items.first { $0["record"] as? String == "SQ-\(index + 1)" }?["ready"] as? Bool == opinion.1, "\(opinion.0): \(items)")
        }
    }
}
