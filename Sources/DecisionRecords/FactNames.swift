/// How a key no rule reads is told to be meant as a well-known fact: its Chinese name
/// (`情况紧急`, `重大案件`), the code in other letters (`AFFECTS_PUBLIC_INTEREST`,
/// `affectsPublicInterest`), one typo from it (`affects_publc_interest`), a name holding the code's
/// words (`major_case: true`) or a shorter Chinese form of its name (`是否重大执法决定: 是`), with
/// what is in brackets left out (`可能影响社会稳定（是/否）`). Unread, each switched off the rule the
/// fact switches on (public comment for a decision affecting the public, legal review of a major
/// penalty) without a word.
extension RecordFormat {
    /// The fact among `known` (codes of well-known facts) that `key` looks meant as; nil when none.
    /// Names and shorter forms count only when the value says yes or no (`valueSaysYesOrNo`):
    /// `stability_risk_level: 低` is a fact of the office's own; a typo counts only when `typos`.
    /// A name saying "not" is meant as none: `not_exploratory_reform` was told
    /// `exploratory_reform`, which lifted a failed review's error when followed.
    public func factMeant(byKey key: String, valueSaysYesOrNo: Bool, among known: [String], typos: Bool = true) -> String? {
        let name = KeyText.named(key)
        guard !FactNames.words(name).contains(where: FactNames.negationWords.contains) else { return nil }
        let booleans = codes.booleanFacts
        let folded = FactNames.folded(name)
        let plain = HintReading.plain(name)
        // (A name after `是否` too: `是否重大: 是` asks whether the case is 重大, one of `major`'s names.)
        return (booleans.code(for: plain) ?? booleans.code(for: String(FactNames.withoutAsking(Array(plain))))).flatMap { known.contains($0) ? $0 : nil }
            ?? known.first { FactNames.folded($0) == folded }
            ?? (typos ? Suggestion.closest(to: folded, in: known.map(FactNames.folded)).flatMap { near in known.first { FactNames.folded($0) == near } } : nil)
            ?? (valueSaysYesOrNo ? FactNames.namedWithin(name, known) : nil)
            ?? (valueSaysYesOrNo ? chineseFactMeant(name, among: known.filter(booleans.isCode)) : nil)
    }

    /// Whether a key may name one of `known` facts for some value: by its own words (a value saying
    /// yes) or as a category (a value naming the fact). `factMeant(byKey:valueSaysYesOrNo: true,…)`
    /// and `factMeant(byCategory:…)` are nil for every value of a key that may not. (Asked once of
    /// a ledger's header: its cells need not be asked one by one.)
    public func mayNameFact(key: String, among known: [String]) -> Bool {
        guard key.utf8.count <= YesNoWords.mostKeyBytes else { return false }
        return Self.namesACategory(key) || factMeant(byKey: key, valueSaysYesOrNo: true, among: known, typos: false) != nil
    }

    /// Whether a key, as written, names a kind of case or a category (`案件类型（一般/重大）`);
    /// never one longer than a key asking yes or no may be (`YesNoWords.mostKeyBytes`).
    private static func namesACategory(_ key: String) -> Bool {
        key.utf8.count <= YesNoWords.mostKeyBytes && FactNames.namesACategory(KeyText.named(key))
    }

    /// The well-known fact a value names where its key names a kind of case or a category
    /// (`案件类型: 重大`, `案件性质: 重大案件`, `case_type: major`, a ledger's `案件类型（一般/重大）`
    /// = 重大): the value read as `factMeant(byKey:)` reads a name. Read by no rule, each passed a
    /// major case without legal review, unsaid. nil when the key names no category or the value
    /// no fact among `known` (`案件类型: 一般`, `案件类型: 食品安全`).
    public func factMeant(byCategory key: String, value: String, among known: [String]) -> String? {
        guard Self.namesACategory(key) else { return nil }
        // (Through quotation marks and brackets: `案件性质: “重大案件”` passed unsaid.)
        return factMeant(byKey: KeyText.unwrapped(value), valueSaysYesOrNo: true, among: known, typos: false)
    }

    /// Whether a fact's value, written as text, says yes or no as Chinese users write it (`是`,
    /// `否`, `有`, `无`, `yes`, `1`, `√`...): a fact in Chinese so written was meant as one the rules
    /// read (`涉及公共利益: 是`), where a number or a text (`预算: 300`) is an office's own.
    public static func saysYesOrNo(_ text: String) -> Bool {
        FactNames.yesOrNoWords.contains(HintReading.plain(Vocabulary.trimmed(text)))
    }

    /// The well-known yes-or-no fact a Chinese name is a shorter form of: its characters, after a
    /// `是否` or `有无`, all in one of the fact's Chinese names in order (`涉及公共利益` of 涉及重大公共
    /// 利益或社会公众切身利益, `重大执法决定` of 重大执法决定或情节复杂、重大违法), at least four of them.
    private func chineseFactMeant(_ key: String, among facts: [String]) -> String? {
        // (Without the marks between its words: `可能影响社会稳定、公共安全` is 可能影响社会稳定或公共安全.)
        let name = FactNames.withoutAsking(Array(HintReading.plain(key).filter { !"、，,；;/ ".contains($0) }))
        guard name.count >= 4, HintReading.isChinese(key) else { return nil }
        return facts.first { code in
            let names = [vocabulary.names(of: code, in: Section.booleanFacts)?.zh].compactMap { $0 }
                + vocabulary.otherNames(of: code, in: Section.booleanFacts)
            return names.contains { FactNames.holdsInOrder(Array(HintReading.plain($0)), name) }
        }
    }
}

/// The words facts' names are compared by.
enum FactNames {
    /// Words of a fact's name that say "not".
    static let negationWords: Set<String> = ["not", "non", "no", "never", "without", "un", "无", "非", "不", "未", "否"]

    /// Words a fact's name may hold beside a well-known fact's and mean it still.
    static let fillerWords: Set<String> = [
        "is", "has", "have", "if", "whether", "case", "matter", "decision", "flag", "item",
        // What the fact is of, and how much of it (`major_penalty`, `high_stability_risk`,
        // `social_stability_risk`, `technical_issue`): each passed a case the fact was meant of.
        "and", "or", "penalty", "punishment", "sanction", "enforcement", "administrative", "high", "higher",
        "significant", "serious", "severe", "social", "issue", "issues", "problem", "involved", "involves", "involving",
    ]

    static let yesOrNoWords: Set<String> = ["是", "否", "有", "无", "对", "错", "真", "假", "yes", "no", "y", "n", "true", "false", "1", "0", "√", "×"]

    /// Words a key ends in that name a kind or category of its record (`案件类型`, `案件性质`).
    static let categoryWords = ["类型", "类别", "性质", "等级", "级别", "分类", "种类", "属性", "程度"]

    /// The same in English, as a key's last word (`case_type`, `caseCategory`).
    static let englishCategoryWords: Set<String> = ["type", "category", "class", "classification", "level", "kind", "nature", "grade"]

    /// Whether a key names a kind or category of its record.
    static func namesACategory(_ key: String) -> Bool {
        // (A name of a category is short: a ledger's header of 30,000 characters was read through
        // for every cell under it. See `YesNoWords.mostBytes`.)
        guard key.utf8.count <= YesNoWords.mostBytes else { return false }
        let plain = HintReading.plain(key).filter { !$0.isWhitespace }
        return categoryWords.contains(where: plain.hasSuffix) || words(key).last.map(englishCategoryWords.contains) == true
    }

    /// The words that ask a Chinese name, longest first.
    static let askingWords = ["是否属于", "是否存在", "是否为", "是否系", "是否", "有无", "是不是", "存在", "具有", "属于"]

    /// Whether a key starts with words that ask it (`是否重大行政决策`), as written.
    static func asks(_ key: String) -> Bool {
        // (By the first character first: 是, 有, 存, 具, 属 begin every asking word.)
        guard let first = key.unicodeScalars.first, "是有存具属".unicodeScalars.contains(first) else { return false }
        return askingWords.contains(where: key.hasPrefix)
    }

    /// A Chinese name without the words that ask it (`是否重大` is 重大, `有无听证` is 听证).
    static func withoutAsking(_ name: [Character]) -> [Character] {
        for prefix in askingWords where name.starts(with: Array(prefix)) {
            return Array(name.dropFirst(prefix.count))
        }
        return name
    }

    /// Whether `text` holds every character of `part`, in order.
    static func holdsInOrder(_ text: [Character], _ part: [Character]) -> Bool {
        var index = text.startIndex
        for character in part {
            guard let found = text[index...].firstIndex(of: character) else { return false }
            index = found + 1
        }
        return true
    }

    /// The well-known fact whose code a key holds as whole words beside words that add nothing
    /// (`major_case`, `is_major`, `majorCase` hold `major`), the longest; nil when none.
    /// (`major_case: true` beside no legal review was read by no rule, and unsaid.)
    static func namedWithin(_ key: String, _ known: [String]) -> String? {
        let words = words(key)
        guard words.count > 1 else { return nil }
        // (Another fact's words add nothing either: `complex_major`, `major_and_complex`.)
        let factWords = Set(known.flatMap { Self.words($0) })
        return known.filter { code in
            let wanted = Self.words(code)
            guard words.count > wanted.count,
                  let start = (0...(words.count - wanted.count)).first(where: { Array(words[$0..<$0 + wanted.count]) == wanted }) else { return false }
            // Only words that add nothing to the fact (`is`, `case`): `not_exploratory_reform` was
            // told `exploratory_reform`, which lifted the failed review's error, and
            // `stability_risk_assessed` is another thing than `stability_risk`.
            let others = words[..<start] + words[(start + wanted.count)...]
            return others.allSatisfy { fillerWords.contains($0) || factWords.contains($0) }
        }.max { $0.count < $1.count }
    }

    /// A fact's name as words: split at `_`, `-`, spaces and a capital after a small letter, in
    /// lower case (`isMajor` and `IS_MAJOR` are `is`, `major`).
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in name {
            if character == "_" || character == "-" || character.isWhitespace {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            if character.isUppercase, previousWasLower, !current.isEmpty {
                words.append(current)
                current = ""
            }
            current += character.lowercased()
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A fact's name as a reader tells it apart: letters plain and in lower case, without `_`,
    /// `-` or spaces (`AFFECTS_PUBLIC_INTEREST`, `affectsPublicInterest` and `affects public
    /// interest` are one name).
    static func folded(_ name: String) -> String {
        HintReading.plain(name).filter { $0 != "_" && $0 != "-" && !$0.isWhitespace }
    }
}
