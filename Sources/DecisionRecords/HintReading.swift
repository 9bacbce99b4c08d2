/// How a "did you mean" hint reads a value that is no code: as a reader would (traditional
/// characters and full-width letters as their plain forms), and which words in it make it another
/// thing than a name without them. A hint that drops such a word (征求合法性审查意见 → 合法性审查)
/// turned an opinion solicited into a formal review, and an unlawful record into one that passed.
enum HintReading {
    /// The value with the traditional characters of the vocabulary's names and of the
    /// meaning-changing words as simplified ones, full-width letters and digits as ASCII, and
    /// letters in lower case (`送達` reads 送达, `ＭＡＪＯＲ` reads major).
    static func plain(_ value: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) {
                result.append(folded)
            } else if let simplified = simplifiedCharacters[scalar] {
                result.append(simplified)
            } else {
                result.append(scalar)
            }
        }
        return String(result).lowercased()
    }

    /// The meaning-changing words a value holds, read plain and without spaces (`征 求` is 征求).
    static func qualifiers(in value: String) -> [String] {
        let compact = plain(value).filter { !$0.isWhitespace }
        return meaningChangingWords.filter { compact.contains($0) }
    }

    /// Whether a name holds every one of `words` (read as `qualifiers` reads a value).
    static func holds(_ words: [String], _ name: String) -> Bool {
        guard !words.isEmpty else { return true }
        let compact = plain(name).filter { !$0.isWhitespace }
        return words.allSatisfy { compact.contains($0) }
    }

    /// Whether a value is written in Chinese characters.
    static func isChinese(_ value: String) -> Bool {
        value.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0xF900...0xFAFF).contains($0.value) }
    }

    /// Whether one text is the other with characters added or dropped at one end only (常务会 and
    /// 常务会议, 已通过 and 通过), not with one character changed for another (同过, 审查 for 检查).
    static func differAtAnEnd(_ one: String, _ other: String) -> Bool {
        let (shorter, longer) = one.count <= other.count ? (one, other) : (other, one)
        return shorter.count < longer.count && (longer.hasPrefix(shorter) || longer.hasSuffix(shorter))
    }

    /// Words that make a value another thing than a name without them: what is asked or consulted
    /// on, waived, signed, read or voted round in writing, done in a simple or first pass, told of
    /// in advance, proposed, drafted, still to come, internal, held back or undone, or an
    /// assistant's. A value holding one is proposed only names holding it too. (Written in
    /// simplified characters and lower case, as `plain` reads a value. A written review, 书面审查,
    /// and the notice of the intended penalty, 拟作出处罚决定告知, lose their hint with them: a
    /// hint that turned 待通过 into 通过 or 集体讨论（书面） into a discussion held made a
    /// pending or paper step a done one.)
    static let meaningChangingWords = [
        "征求", "征询", "咨询", "征集", "商请", "免", "传签", "传阅", "圈阅", "轮签", "会签", "书面", "通讯", "代替", "替代",
        "简易", "初步", "初审", "预", "拟", "待", "草案", "草拟", "告知", "申请", "建议", "意向", "暂", "撤销", "撤回", "模拟",
        "内部", "助理",
        "waive", "exempt", "draft", "planned", "pending", "solicit", "request", "circulat", "propos", "prelim", "consult",
        "withdraw", "revok", "cancel", "assistant",
    ]

    /// Traditional characters of the vocabulary's names and of the meaning-changing words, with
    /// their simplified forms.
    static let simplifiedCharacters: [Unicode.Scalar: Unicode.Scalar] = {
        // Each pair: a traditional character, then its simplified form.
        let pairs = [
            "開开", "徵征", "見见", "專专", "論论", "證证", "風风", "險险", "評评", "審审", "體体", "討讨", "決决", "佈布", "備备",
            "調调", "檢检", "權权", "聽听", "達达", "處处", "罰罚", "規规", "範范", "劃划", "計计", "條条", "過过", "務务", "會会",
            "議议", "辦办", "黨党", "職职", "師师", "顧顾", "問问", "員员", "長长", "機机", "關关", "執执", "詢询", "傳传", "簽签",
            "閱阅", "書书", "簡简", "預预", "擬拟", "請请", "暫暂", "銷销", "諮咨", "輪轮", "並并", "與与", "參参", "記记", "錄录",
            "紀纪", "談谈", "準准", "許许", "強强", "協协", "項项", "屆届", "況况", "緊紧", "內内", "訊讯",
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for pair in pairs {
            let scalars = Array(pair.unicodeScalars)
            if scalars.count == 2 { table[scalars[0]] = scalars[1] }
        }
        return table
    }()
}

extension Vocabulary {
    /// The words of `name` that change what a code means which none of the code's names in
    /// `section` holds: a meaning-changing word (`HintReading`), or one saying "not" or "under
    /// way" (`未`, `不`, `审查中`, `not`, `pending`). A later vocabulary file naming `passed` also
    /// 未通过审查, `done` also 审查中, or `legality_review` also 征求合法性审查意见 made a failed,
    /// unfinished or solicited review a passed, done or formal one, and the gate said READY.
    public func wordsChangingMeaning(of name: String, code: String, in section: String) -> [String] {
        let known = [names(of: code, in: section)?.zh, names(of: code, in: section)?.en].compactMap { $0 } + otherNames(of: code, in: section)
        let compact = HintReading.plain(name).filter { !$0.isWhitespace }
        var words = HintReading.qualifiers(in: name) + (Self.otherWords[section]?[code] ?? Self.otherWords[section]?["*"] ?? []).filter { compact.contains($0) }
        // Saying "not" or "under way" turns an outcome, a status or a form into its opposite; in
        // the name of a step, a meeting or a role it is a part of the name (不予行政处罚决定,
        // 不动产登记中心主任).
        if [RecordFormat.Section.outcomes, RecordFormat.Section.statuses, RecordFormat.Section.forms].contains(section) {
            words += Self.notWords.filter { compact.contains($0) }
            if compact.hasSuffix("中") { words.append("中") }
            let tokens = HintReading.plain(name).split { !$0.isLetter }.map(String.init)
            words += tokens.filter { Self.englishNotWords.contains($0) || $0.hasPrefix("un") || $0.hasPrefix("non") }
        }
        return words.filter { word in
            !known.contains { other in
                let plain = HintReading.plain(other).filter { !$0.isWhitespace }
                return plain.contains(word) || (word == "中" && plain.hasSuffix("中"))
            }
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
