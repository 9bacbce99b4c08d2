/// The guard on names a vocabulary file gives codes the rules decide by: a name of another
/// meaning given to a code that lets a record pass (`passed` also 未通过审查) passed a failing one.
extension Vocabulary {
    /// The words of `name` that change what a code means which none of the code's names in
    /// `section` holds: a meaning-changing word (`HintReading`), or one saying "not" or "under
    /// way" (`未`, `不`, `审查中`, `not`, `pending`). A later vocabulary file naming `passed` also
    /// 未通过审查, `done` also 审查中, or `legality_review` also 征求合法性审查意见 made a failed,
    /// unfinished or solicited review a passed, done or formal one, and the gate said READY.
    public func wordsChangingMeaning(of name: String, code: String, in section: String) -> [String] {
        let known = [names(of: code, in: section)?.zh, names(of: code, in: section)?.en].compactMap { $0 } + otherNames(of: code, in: section)
        let plain = HintReading.plain(name)
        let compact = plain.filter { !$0.isWhitespace }
        var words = HintReading.qualifiers(in: name) + (Self.otherWords[section]?[code] ?? Self.otherWords[section]?["*"] ?? []).filter { compact.contains($0) }
        // Saying "not" or "under way" turns an outcome, a status or a form into its opposite; in
        // the name of a step, a meeting or a role it is a part of the name (不予行政处罚决定,
        // 不动产登记中心主任).
        if [RecordFormat.Section.outcomes, RecordFormat.Section.statuses, RecordFormat.Section.forms].contains(section) {
            words += Self.notWords.filter { compact.contains($0) }
            if compact.hasSuffix("中") { words.append("中") }
            let tokens = plain.split { !$0.isLetter }.map(String.init)
            words += tokens.filter { Self.englishNotWords.contains($0) || $0.hasPrefix("un") || $0.hasPrefix("non") }
        }
        let knownPlain = known.map { HintReading.plain($0).filter { !$0.isWhitespace } }
        return words.filter { word in
            !knownPlain.contains { other in other.contains(word) || (word == "中" && other.hasSuffix("中")) }
        }
    }

    /// Whether names of a code let a record pass where it is written — a passing outcome, a
    /// step done, a formal review, any step type, meeting type or role (the step, the meeting,
    /// the signer is there) —, so a name of another meaning given to it may pass a record that
    /// fails. (Names of `failed`, `returned`, `planned` or an opinion solicitation say "not" as
    /// their codes do: 未通过 for failed is no danger.)
    public static func namesPassARecord(_ code: String, in section: String) -> Bool {
        switch section {
        case RecordFormat.Section.outcomes: RecordFormat.passingOutcomes.contains(code)
        case RecordFormat.Section.statuses: code == RecordFormat.defaultCodes["status"]
        case RecordFormat.Section.forms: code == RecordFormat.defaultCodes["form"]
        case RecordFormat.Section.stepTypes, RecordFormat.Section.meetingTypes, RecordFormat.Section.roles: true
        default: false
        }
    }

    /// Words of other meanings, by section and code (`*` for every code of the section): a review
    /// turned down (驳回, 退回, 违法) as a passing outcome, a step sent on or received (已送审, 已受理)
    /// as one done, an approval by one leader (审批) as a collective discussion.
    private static let otherWords: [String: [String: [String]]] = [
        RecordFormat.Section.outcomes: ["*": ["驳回", "退回", "违法", "否决", "不予", "撤销", "refus", "deni", "reject", "return", "fail", "illegal"]],
        RecordFormat.Section.statuses: ["*": ["送审", "提交", "受理", "报送", "草稿", "安排", "submit", "receiv", "schedul", "draft", "sent"]],
        RecordFormat.Section.stepTypes: ["collective_discussion": ["审批", "批示", "签批", "圈阅", "传阅", "个人", "approv"]],
    ]

    /// Words saying "not" or "under way" in Chinese.
    private static let notWords = ["未", "不", "没", "无", "非", "否", "尚", "正在", "进行中"]
    /// Words saying "not", "under way" or "not yet" in English.
    private static let englishNotWords: Set<String> = ["not", "no", "never", "without", "pending", "ongoing", "progress", "yet", "failed", "rejected"]
}
