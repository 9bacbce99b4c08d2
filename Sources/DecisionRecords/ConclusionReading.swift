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
    public static func saysPassed(_ written: String) -> Bool {
        guard written.utf8.count <= 640 else { return false }
        var text = HintReading.plain(written)
        if plainYes.contains(text) { return true }
        // (No objection said with a negation in it, `无不同意见`, `不存在法律障碍`: read as the
        // agreement it is, before `不同意` is read as an objection.)
        for phrase in agreementsWithANegation where text.contains(phrase) { text = text.replacing(phrase, with: "同意") }
        if reversals.contains(where: { text.contains($0) }) { return false }
        for clause in text.split(whereSeparator: { clauseMarks.contains($0) }) {
            switch verdict(of: clause) {
            case true?: return true
            case false?: return false
            case nil: continue
            }
        }
        return false
    }

    /// What a clause says: true for no fault found or words of passing none of them negated, false
    /// for an objection or a word of passing negated, nil for neither.
    private static func verdict(of clause: Substring) -> Bool? {
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
                                       "赞成", "赞同", "认可", "于法有据", "上会", "提交", "提请", "详见", "见附件", "已出具", "已审查", "建议采纳",
                                       "pass", "approv", "lawful", "agree", "concur", "no legal issue", "no issue", "no problem", "looks good", "endorse"]
    /// Words before a word of passing that negate it (`不合法`, `无法同意`, `do not agree`).
    private static let negations = ["不", "未", "没", "没有", "无法", "难以", "并未", "不能", "非", "not ", "n't ", "never ", "cannot "]
    /// Agreement said with a negation in it.
    private static let agreementsWithANegation = ["无不同意见", "没有不同意见", "未提出不同意见", "无其他意见", "没有其他意见", "没有异议", "未提出异议",
                                                  "不存在法律障碍", "无法律障碍", "没有法律障碍", "未发现法律障碍", "风险可控", "no objection", "no further comment"]
    /// Words saying no fault was found, and the faults.
    private static let noFaultWords = ["未发现", "没有发现", "不存在", "未见", "没有", "无", "不违", "未违", "不抵触", "不冲突", "no "]
    private static let faultWords = ["抵触", "违法", "违规", "问题", "冲突", "违反", "不一致", "不当", "风险", "障碍", "issue", "problem", "conflict"]
    /// A clause objecting, or leaving the matter open.
    private static let objections = [
        "反对", "暂缓", "不宜", "不予", "退回", "驳回", "否决", "有异议", "提出异议", "保留意见", "存在合法性问题", "存在法律风险", "存在问题", "合法性问题",
        "违法", "存疑", "不足", "无法确认", "无法认定", "难以认定", "难以确认", "不具备", "超越", "越权", "与否", "定夺", "待定", "待审", "待补", "未定", "尚未", "暂不",
        "pending", "tbd", "disagree", "object", "oppose", "against", "reject", "refuse", "declin", "withheld", "withhold", "unlawful", "illegal",
        "unclear", "fail", "disapprov",
    ]
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
        yesNoWords.read(key: key, value: value)
            ?? (saysReviewFailed(value) ? YesNoKey(question: .passed, answer: false, namesReview: true, namesPerson: false) : nil)
    }

    /// Whether a text says in words of its own that the review did not pass
    /// (`合法性审查意见为不合法`, `司法局审查认为该方案超越法定权限`): it names the review, holds a
    /// word of a failed outcome or of unlawfulness, and does not read as passing (`saysPassed`).
    public func saysReviewFailed(_ text: String) -> Bool {
        yesNoWords.mentionsReview(key: text)
            && (WordSearch.containsAny(text, failingOutcomeWords) || WordSearch.containsAny(text, Self.unlawfulWords))
            && !Self.saysPassed(text)
    }

    /// Words saying a draft is unlawful, as a review's opinion says it.
    static let unlawfulWords = ["不合法", "违法", "违反上位法", "超越法定权限", "超越职权", "存在合法性问题", "与上位法相抵触"]

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
