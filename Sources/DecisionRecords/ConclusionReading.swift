/// How a conclusion or an opinion in the writer's own words is read: whether it says the review
/// passed, or the person agreed.
extension RecordFormat {
    /// Whether a conclusion or an opinion in words of its own says the review passed or the person
    /// agreed (`符合法律规定`, `合法有效`, `无异议`, `未发现与上位法相抵触的内容`,
    /// `内容合法，建议提请常务会议审议`, `同意，建议加强风险防控`, a plain `是`); not `暂缓`, `待定`,
    /// `原则通过`, `修改后通过`, `存在合法性问题`, `不合规`, `同意（口头）`, `无`.
    ///
    /// Read clause by clause: the first clause that says anything decides — no fault found, an
    /// objection, or a word of passing not negated (`不合法`, `无法同意`, `do not agree` are none) —
    /// and a condition or a wait anywhere (`但须`, `修改后`, `口头`, `in principle`) undoes an
    /// agreement. What the suggestions after an agreement speak of (`风险`, `问题`, `不同意搬迁的商户`)
    /// says nothing of it. A text of more than 640 bytes is read as no passing, unread.
    ///
    /// - Parameter conditionsAllowed: whether a condition is what the text may say (the opinion of a
    ///   review whose outcome is `conditional`: `修改后通过`, `同意，但须修改第五条`).
    public static func saysPassed(_ written: String, conditionsAllowed: Bool = false) -> Bool {
        guard written.utf8.count <= 640 else { return false }
        var text = HintReading.plain(written)
        if plainYes.contains(text) || namesTheOpinion(text) { return true }
        // (The party's offence, in a penalty's review, is no fault of the draft: `违法事实清楚，
        // 证据确凿，同意处罚` agrees; of a text speaking of the penalty or the party, `违法` is the
        // party's, but a procedure's, `程序违法`.)
        for phrase in offencePhrases where text.contains(phrase) { text = text.replacing(phrase, with: "案情") }
        if text.contains("违法"), penaltyWords.contains(where: { text.contains($0) }) {
            text = text.replacing("程序违法", with: "程序不合法").replacing("违法", with: "案情")
        }
        // (Different opinions, `有不同意见`, are no disagreement; a decision that itself postpones a
        // charge, `同意暂缓征收`, is no wait; the party's defence rejected, `驳回当事人申辩`, backs the
        // penalty; materials returned to be completed, `退回补充材料`, are no failed review.)
        for (phrase, neutral) in neutralPhrases where text.contains(phrase) { text = text.replacing(phrase, with: neutral) }
        // (The review named is no word of passing: `合法性审查已撤回送审材料` said nothing of 合法.)
        for name in ["合法性审查", "合法性审核"] where text.contains(name) { text = text.replacing(name, with: "审查") }
        // (A draft amended is a noun, `修改后的方案`, no condition.)
        for phrase in amendedDrafts where text.contains(phrase) { text = text.replacing(phrase, with: "修订稿") }
        // (No objection said with a negation in it, `无不同意见`, `不存在法律障碍`: read as the
        // agreement it is, before `不同意` is read as an objection.)
        for phrase in agreementsWithANegation where text.contains(phrase) { text = text.replacing(phrase, with: "同意") }
        if !conditionsAllowed, reversals.contains(where: { text.contains($0) }) { return false }
        let clauses = text.split(whereSeparator: { clauseMarks.contains($0) })
        // (Passed on conditions, the faults the conditions remove are said: `第八条超越法定权限，应予
        // 删除；其余内容合法，删除后同意提交审议` agrees, unless a clause refuses.)
        if conditionsAllowed {
            return clauses.contains { verdict(of: $0) == true } && !clauses.contains { clause in refusals.contains { clause.contains($0) } }
        }
        for (place, clause) in clauses.enumerated() {
            switch verdict(of: clause) {
            case true?:
                // (An agreement with a provision found unlawful after it is none: `同意提交，但第八条
                // 超越法定权限`, `合法。第三条设定的收费无法律依据`; nor one holding the draft back
                // from the meeting with it or after it: `同意暂缓上会`, `同意，但建议暂缓提交`, `同意（第五条除外）`.)
                return !clauses[(place + 1)...].contains(where: findsAFault) && !clauses[place...].contains(where: holdsItBack)
            case false?: return false
            case nil: continue
            }
        }
        return false
    }

    /// Whether a clause finds a provision unlawful (`第八条超越法定权限`, `收费无法律依据`), not
    /// saying it found none (`未发现不合法内容`, `不存在超越法定权限的情形`).
    private static func findsAFault(_ clause: Substring) -> Bool {
        guard !resolutions.contains(where: { clause.contains($0) }), let fault = strongFaults.first(where: { clause.contains($0) }),
              let found = clause.firstRange(of: fault) else { return false }
        // (Negated right before it, `不与上位法相抵触`, or beside words finding none.)
        if negations.contains(where: { clause[..<found.lowerBound].hasSuffix($0) }) { return false }
        let rest = String(clause).replacing(fault, with: "")
        return !noFaultWords.contains { rest.contains($0) }
    }

    /// Whether an opinion in words of its own refuses or holds back the draft, finds it unlawful, or
    /// agrees only on a condition or by word of mouth (`不同意`, `建议暂缓提交`, `同意，但存在法律风险`,
    /// `第八条超越法定权限`, `同意（口头）`): read of a key of the user's own, by its words alone (an
    /// opinion that only fails to say agreement, `需进一步研究`, is none here). Not of the party in a
    /// penalty case: `驳回当事人申辩` backs the penalty.
    public static func refuses(_ written: String) -> Bool {
        guard written.utf8.count <= 640, !saysPassed(written), !WordSearch.containsAny(written, partyWords) else { return false }
        return WordSearch.containsAny(written, refusals) || WordSearch.containsAny(written, holdingBack)
            || WordSearch.containsAny(written, strongFaults) || WordSearch.containsAny(written, reversals)
            || WordSearch.containsAny(written, ["有异议", "保留意见", "不赞成", "不通过"])
    }

    /// Words naming the party of a penalty case, whose objection or defence is no opinion of the review.
    static let partyWords = ["当事人", "申辩", "相对人", "听证申请"]

    /// Whether a clause holds the draft back from the meeting, or agrees only in part (`建议暂缓提交`,
    /// `不宜上会`, `下次会议再议`, `第五条除外`, `存在法律风险`): after an agreement, it undoes it.
    /// (Not `暂缓` alone: a draft may itself be one to put off a charge, `暂缓征收方案`.)
    private static func holdsItBack(_ clause: Substring) -> Bool {
        guard !resolutions.contains(where: { clause.contains($0) }) else { return false }
        // (An agreement but for a provision: `同意（第五条除外）`, `同意（除第五条外）`; not the words
        // of a law quoted, `法律另有规定的除外`.)
        if !clause.contains("规定"), clause.hasPrefix("第") && clause.hasSuffix("除外") || clause.hasPrefix("除第") && clause.hasSuffix("外") { return true }
        // (Not one negated: `不存在法律风险`, `未发现存在法律风险的内容`, `无需下次会议讨论`.)
        return holdingBack.contains { word in
            var rest = clause[...]
            while let found = rest.firstRange(of: word) {
                let before = clause[..<found.lowerBound]
                if !negations.contains(where: { before.hasSuffix($0) }) && !holdingNegations.contains(where: { before.hasSuffix($0) }) { return true }
                rest = rest[found.upperBound...]
            }
            return false
        }
    }

    /// Words holding a draft back from the meeting (`holdsItBack`).
    static let holdingBack = ["暂缓提交", "暂缓上会", "暂缓提请", "暂缓审议", "暂缓讨论", "暂不提交", "暂不上会", "暂不提请", "暂不审议",
                              "不宜上会", "不宜提交", "不宜提请", "不宜审议", "不宜讨论", "不同意提交", "不同意上会", "不同意提请",
                              "不建议提交", "不建议上会", "不建议提请", "推迟上会", "推迟提交", "推迟审议", "延期提交", "延期上会", "延期审议", "缓议",
                              "不作审议", "不予审议", "下次会议再议", "下次再议", "择期再议", "存在法律风险", "存在较大法律风险", "法律风险较大",
                              "较大法律风险", "撤回送审", "撤回审查", "撤回审核", "撤回议题", "撤回上会", "建议撤回"]
    /// Words before a word holding the draft back that negate it (`不存在法律风险`, `未发现存在…`, `无需下次会议…`).
    private static let holdingNegations = ["未发现", "没有发现", "无需", "不需", "不必", "不再", "不存在", "无", "没有", "未见"]

    /// Whether a text only names the written opinion it stands for (`见审查意见书`, a document
    /// number `泽司审〔2026〕44号`): the opinion is issued, its words are in it.
    static func namesTheOpinion(_ text: String) -> Bool {
        if WordSearch.startsWithAny(text, ["见审查意见", "详见审查意见", "见审核意见", "详见审核意见", "见法律意见书", "详见法律意见书"]) { return true }
        let scalars = Array(text.unicodeScalars)
        guard let last = scalars.last, last == "号", scalars.count <= 40, scalars.contains(where: { ("0"..."9").contains($0) }),
              scalars.contains(where: { "〔[［【(（".unicodeScalars.contains($0) }) else { return false }
        return !scalars.contains { "，,。；;：:".unicodeScalars.contains($0) }
    }

    /// Phrases read as the neutral words beside them (`saysPassed`, `saysReviewFailed`).
    static let neutralPhrases: [(String, String)] = [
        ("不同意见", "其他意见"), ("暂缓征收", "缓征"), ("暂缓收取", "缓征"), ("暂缓收费", "缓征"), ("暂缓实施", "缓行"), ("暂缓执行", "缓行"),
        ("驳回当事人", "不采当事人"), ("退回补充材料", "补充材料"), ("退回补正", "补正"),
    ]

    /// The party's offence named in a penalty's review (`违法事实清楚`), no fault of the draft.
    static let offencePhrases = ["违法事实", "违法行为", "违法所得", "违法情节", "违法建设", "违法经营", "违法排污", "违法占地", "违法生产",
                                 "违法建筑", "违法主体", "违法当事人", "违法证据"]
    /// A provision found unlawful: after an agreement, it undoes it.
    static let strongFaults = ["不合法", "违反上位法", "违反《", "超越法定权限", "超越职权", "超越权限", "超出法定职权", "越权", "与上位法相抵触", "与上位法抵触",
                               "与上位法不一致", "无法律依据", "没有法律依据", "缺乏法律依据", "缺少法律依据", "于法无据", "依据不足", "存在合法性问题",
                               "程序违法", "违反法定程序", "不符合法定程序", "证据不足", "适用法律错误", "超过法定期限", "超出法定幅度", "违规设定",
                               "条款违法", "内容违法"]
    /// Words of a penalty's review, in which `违法` is the party's.
    private static let penaltyWords = ["处罚", "罚款", "当事人", "违法行为", "违法事实"]
    /// A draft amended, named as a noun (`修改后的方案`): no condition.
    private static let amendedDrafts = ["修改后的", "修订后的", "完善后的", "补正后的", "补充后的"]

    /// What a clause says: true for no fault found or words of passing none of them negated, false
    /// for an objection or a word of passing negated, nil for neither.
    private static func verdict(of clause: Substring) -> Bool? {
        // (A fault put right says nothing of the review's verdict: `前次指出的越权问题已修改`.)
        if resolutions.contains(where: { clause.contains($0) }),
           faultWords.contains(where: { clause.contains($0) }) || objections.contains(where: { clause.contains($0) }) { return nil }
        if noFaultWords.contains(where: { clause.contains($0) }) && faultWords.contains(where: { clause.contains($0) }) { return true }
        if objections.contains(where: { clause.contains($0) }) { return false }
        // (A word of passing negated decides the clause, whatever else it holds: `不同意提交`.)
        var passes = false
        for word in passingWords {
            var rest = clause[...]
            while let found = rest.firstRange(of: word) {
                if negations.contains(where: { clause[..<found.lowerBound].hasSuffix($0) }) { return false }
                passes = true
                rest = rest[found.upperBound...]
            }
        }
        return passes ? true : nil
    }

    /// Marks between clauses.
    private static let clauseMarks: Set<Character> = ["，", ",", "。", ".", "；", ";", "：", ":", "、", "！", "!", "？", "?", "\n", "（", "）", "(", ")"]
    /// Words of a review passing or a person agreeing.
    private static let passingWords = ["通过", "同意", "合法", "合规", "合格", "符合", "无异议", "无意见", "没有意见", "可以", "可行", "准予", "正当", "适当",
                                       "有法律依据", "依据充分", "规定一致", "相一致", "清楚", "证据确凿", "证据充分", "处罚",
                                       "赞成", "赞同", "认可", "于法有据", "上会", "提交", "提请", "详见", "见附件", "已出具", "已审查", "建议采纳",
                                       "pass", "approv", "lawful", "agree", "concur", "no legal issue", "no issue", "no problem", "looks good", "endorse"]
    /// Words before a word of passing that negate it (`不合法`, `无法同意`, `do not agree`).
    private static let negations = ["不", "未", "没", "没有", "无法", "难以", "并未", "不能", "非", "not ", "n't ", "never ", "cannot "]
    /// Agreement said with a negation in it.
    private static let agreementsWithANegation = ["无不同意见", "没有不同意见", "未提出不同意见", "无其他意见", "没有其他意见", "没有异议", "未提出异议",
                                                  "不存在法律障碍", "无法律障碍", "没有法律障碍", "未发现法律障碍", "风险可控", "no objection", "no further comment"]
    /// Words saying no fault was found, and the faults.
    private static let noFaultWords = ["未发现", "没有发现", "不存在", "未见", "没有", "无", "不违", "未违", "不抵触", "不冲突", "不与", "未超越", "没有超越",
                                       "未越权", "no "]
    private static let faultWords = ["抵触", "违法", "违规", "问题", "冲突", "违反", "不一致", "不当", "风险", "障碍", "超越", "越权", "不合法", "issue", "problem",
                                     "conflict"]
    /// A clause objecting, or leaving the matter open.
    private static let objections = [
        "反对", "暂缓", "不宜", "不予", "退回", "驳回", "否决", "有异议", "提出异议", "保留意见", "存在合法性问题", "存在法律风险", "存在问题", "合法性问题",
        "先上会", "先行上会",
        "违法", "存疑", "不足", "无法确认", "无法认定", "难以认定", "难以确认", "不具备", "超越", "越权", "与否", "定夺", "待定", "待审", "待补", "未定", "尚未", "暂不",
        "pending", "tbd", "disagree", "object", "oppose", "against", "reject", "refuse", "declin", "withheld", "withhold", "unlawful", "illegal",
        "unclear", "fail", "disapprov",
    ]
    /// A clause refusing the draft, whatever else the text says.
    private static let refusals = ["不同意", "不予通过", "不予同意", "退回", "驳回", "否决", "暂缓", "不宜", "反对", "disagree", "reject", "oppose"]
    /// A condition or a wait that undoes an agreement anywhere in the text.
    private static let reversals = [
        "但须", "但应", "但需", "但要", "但必须", "修改后", "后方可", "后可以", "后提交", "后上会", "后提请", "前须", "之前须", "原则同意",
        "原则上同意", "原则通过", "原则上通过", "口头同意", "口头表示", "（口头）", "(口头)", "待书面", "后补", "有条件", "附条件",
        "subject to", "in principle", "orally", "verbal", "by phone", "to follow", "provided that", "on condition", "resubmit",
    ]
    /// Whether a key names the adviser's or public lawyer's opinion (`法律顾问意见`, `法律意见`,
    /// `adviser_opinion`, a ledger's header): compared whole, so `法律意见书编号` names none.
    public static func namesAdvisersOpinion(_ key: String) -> Bool {
        adviserOpinionKeys.contains(KeyText.folded(KeyText.named(KeyText.unwrapped(key))))
    }

    /// Whether a key of the record or its facts names the legality review's opinion or result
    /// (`审查意见`, `审查情况`, `法制审核结论`): compared whole.
    public static func namesReviewsOpinion(_ key: String) -> Bool {
        reviewOpinionKeys.contains(KeyText.folded(KeyText.named(KeyText.unwrapped(key))))
    }

    /// A key and its value read as a question of yes or no (`YesNoWords.read`), or, where they are
    /// none, a text of its own saying the review did not pass (`saysReviewFailed`), read as
    /// `审查是否通过: 否`.
    public func readYesOrNo(key: String, value: String) -> YesNoKey? {
        let read = yesNoWords.read(key: key, value: value)
        // (Read as a yes, or as of nothing the review is, a sentence saying the review failed is
        // that: `经审查，该方案违反上位法` is no review done, `尚未送审` no step not done.)
        if read.map({ $0.answer || !($0.namesReview || $0.namesPerson) }) ?? true, saysReviewFailed(value) {
            return YesNoKey(question: .passed, answer: false, namesReview: true, namesPerson: false)
        }
        return read
    }

    /// Whether a text says in words of its own that the review did not pass
    /// (`合法性审查意见为不合法`, `司法局审查认为该方案超越法定权限`, `尚未送审`): it says the review
    /// was not made, or names the review with a word of a failed outcome or of a provision found
    /// unlawful; it tells no fault put right (`已按审查意见修改`), and does not read as passing
    /// (`saysPassed`). (Not `违法` alone: in a penalty it is the party's.)
    public func saysReviewFailed(_ written: String) -> Bool {
        guard written.utf8.count <= 640 else { return false }
        var text = written
        for phrase in Self.offencePhrases where text.contains(phrase) { text = text.replacing(phrase, with: "案情") }
        for (phrase, neutral) in Self.neutralPhrases where text.contains(phrase) { text = text.replacing(phrase, with: neutral) }
        // (A history ending in the review passed: `首次送审被退回，修改后重新送审，审查通过`; not one
        // saying it is yet to be made, `待司法局审查后上会`.)
        let notYet = WordSearch.containsAny(text, Self.notYetReviewed)
        if !notYet, Self.endsPassing(text) { return false }
        let failing = WordSearch.containsAny(text, failingOutcomeWords.filter { $0 != "违法" }) || WordSearch.containsAny(text, Self.strongFaults)
            || WordSearch.containsAny(text, Self.holdingBack)
        let namesIt = yesNoWords.mentionsReview(key: text) || WordSearch.containsAny(text, Self.adviserWords)
        return (notYet || namesIt && failing)
            && !WordSearch.containsAny(text, Self.resolutions)
            && !Self.saysPassed(written)
    }

    /// Whether a text tells a history (`首次…`, `…后重新送审`) whose last clause saying anything says
    /// the review passed or the person agreed (`首次送审被退回，修改后重新送审，审查通过`). (Not a
    /// fault and an agreement side by side, `法律顾问认为存在合法性问题，同意提交`: no history.)
    static func endsPassing(_ text: String) -> Bool {
        guard WordSearch.containsAny(text, historyWords) else { return false }
        let clauses = text.split(whereSeparator: { clauseMarks.contains($0) })
        for clause in clauses.reversed() {
            if let said = verdict(of: clause) { return said && !findsAFault(clause) && !holdsItBack(clause) }
        }
        return false
    }

    /// Words telling a history of rounds (`endsPassing`).
    private static let historyWords = ["首次", "第一次", "初次", "前次", "上次", "重新", "再次", "此后", "之后", "修改后", "补充后", "补正后", "完善后"]

    /// Words naming the legal adviser or public lawyer, whose opinion is the review's.
    static let adviserWords = ["法律顾问", "公职律师", "法律意见", "司法局", "司法所", "法制机构", "法制审核机构"]

    /// Words saying the review has not been made (`尚未送审`, `未经合法性审查`).
    static let notYetReviewed = ["尚未送审", "未送审", "未经审查", "未经审核", "未经合法性审查", "未经合法性审核", "尚未经过", "尚未审查", "尚未审核", "待审查", "待审核",
                                 "审查后上会", "审核后上会", "意见还没", "意见还未", "意见尚未", "意见书还没", "意见书还未", "意见书尚未", "意见书未出具",
                                 "意见会后", "意见书会后", "先上会", "先行上会"]
    /// Words saying a fault the review found was put right (`已按审查意见修改`, `重新送审已通过`):
    /// a remark telling the history of a compliant record.
    static let resolutions = ["已修改", "已按", "已整改", "已删除", "已纠正", "已修正", "已通过", "已采纳", "已完善", "后审查通过", "后审核通过",
                              "次审查通过", "次审核通过", "重新审查通过", "重新审核通过", "已审查通过", "已审核通过"]

    /// Whether a signoff's key names the person's opinion or conclusion (`意见`, `法律意见`,
    /// `opinion`): compared whole, so `意见书编号` or `意见日期` names none.
    static func namesOpinion(_ key: String) -> Bool {
        opinionKeys.contains(KeyText.folded(KeyText.named(KeyText.unwrapped(key))))
    }

    /// Keys naming a signoff's opinion (`namesOpinion`), as `KeyText.folded` writes them.
    private static let opinionKeys: Set<String> = [
        "意见", "法律意见", "顾问意见", "法律顾问意见", "律师意见", "公职律师意见", "审查意见", "审核意见", "签署意见", "出具意见", "意见内容",
        "具体意见", "结论", "审查结论", "审核结论", "意见结论", "结论意见", "看法", "态度", "表态",
        "opinion", "opinions", "comment", "comments", "conclusion", "advice", "view", "views", "verdict", "legalopinion",
    ]

    /// Keys naming the review's opinion or result (`namesReviewsOpinion`), as `KeyText.folded` writes them.
    private static let reviewOpinionKeys: Set<String> = [
        "审查意见", "审查结论", "审查情况", "审查结果", "合法性审查意见", "合法性审查结论", "合法性审查情况", "合法性审查结果",
        "审核意见", "审核结论", "审核情况", "审核结果", "合法性审核意见", "合法性审核结论", "法制审核意见", "法制审核结论", "法制审核情况",
        "法制审核结果", "司法局意见", "司法局审查意见", "司法所意见", "司法所审查意见", "法制机构意见", "法制机构审查意见",
        "reviewopinion", "reviewresult", "reviewconclusion", "reviewoutcome", "legalityreviewopinion", "legalityreviewresult",
    ]

    /// Keys naming the adviser's opinion (`namesAdvisersOpinion`), as `KeyText.folded` writes them.
    private static let adviserOpinionKeys: Set<String> = [
        "法律顾问意见", "法律意见", "顾问意见", "法律意见书", "律师意见", "公职律师意见", "法律顾问审查意见", "法律顾问审核意见", "顾问律师意见",
        "律师事务所意见", "律所意见", "外聘律师意见", "常年法律顾问意见", "政府法律顾问意见",
        "adviseropinion", "advisersopinion", "legalopinion", "lawyeropinion", "legaladviseropinion",
    ]

    /// Whether an opinion's cell or value says there is nothing to say here (`/`, `-`, `不涉及`):
    /// no opinion asked for, not one withheld.
    public static func saysNothingHere(_ text: String) -> Bool {
        let trimmed = HintReading.plain(Vocabulary.trimmed(text))
        return trimmed.isEmpty || ["/", "／", "-", "－", "—", "——", "不涉及", "不适用", "n/a"].contains(trimmed)
    }

    /// A yes on its own, said of the outcome.
    private static let plainYes: Set<String> = ["是", "yes", "y", "√", "✓", "true", "ok"]
}
