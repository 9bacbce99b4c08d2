/// A key that asks yes or no of something the record format says another way: whether a step is
/// done (`done: false`, `已完成: 否`, `审查状态: 未完成`, `是否经合法性审查: 否`), a review passed
/// (`审查是否通过: 否`), a signoff signed (`signed: false`, `签署情况: 未签署`). The format says these
/// with a step's `status`, a review's `outcome` and a signoff being there; no rule reads such a
/// key, and a review written `done: false` was read as done, the meeting's item READY.
public struct YesNoKey: Sendable, Equatable {
    /// What a key asks: the codes of the vocabulary's `yes_no_words` (beside `about` and `adviser`).
    public enum Question: String, Sendable, CaseIterable {
        case signed, passed, done
        /// Whether the officers hold their enforcement certificates (`执法证: 无`, `执法人员是否持证`):
        /// the registry says that, for the rules to compare with each step's date.
        case certified
    }

    public var question: Question
    /// What the key and its value answer together (`未完成: 是`, `审查中: 是` and `是否完成: 未完成`
    /// say not done).
    public var answer: Bool
    /// Whether the key or its value names the review (`审查`, `合法性审查`): a key of a whole record
    /// or a ledger's row must, as a row holds many steps (`是否办结` of a row asks whether the
    /// matter is closed, which none on an agenda is); a step's is asked of a review only.
    public var namesReview: Bool
    /// Whether the key or its value names the adviser or the signer (`法律顾问`, `本人`): asked of
    /// a review or a signoff only.
    public var namesPerson: Bool
}

/// Reads keys and values as questions and answers of `YesNoKey`, with the vocabulary's words
/// (`yes_no_words`: the words asking each question; under `about` the words naming the review,
/// under `adviser` those naming the adviser or signer) and the few words of grammar around them.
///
/// A key is read only when it is made of such words and nothing else, and asks a question (a
/// question's word, an outcome of the vocabulary, `审查中`, `待审`, or `经`, `已` or a negation
/// before the review: `是否已审查`, `未审`): `审查是否通过`,
/// `是否完成`, `未签署`, `is_done`, `Review passed?`, `是否通过（是/否）`. One with any other word
/// asks about something else (`是否按期完成`, `无异议通过`, `当事人是否签字`, `completed_on_time`,
/// `是否通过政府网站公开`), and one naming only a person or the review (`公职律师: 无`, `是否复核: 否`,
/// `审查意见: 无`) asks nothing of these.
public struct YesNoWords: Sendable {
    /// Every word and what it is, longest first: a word of a key that is none of them whole is
    /// read from its start, the longest word at each place (`审查是否通过`, `ISDONE`).
    private let tokens: [(word: String, meaning: Meaning)]
    /// The same words, for a word of a key that is one of them whole.
    private let words: [String: Meaning]

    /// What a word of a key or a value is.
    private enum Meaning: Sendable, Equatable {
        case question(YesNoKey.Question)
        /// Names the review (`审查`).
        case review
        /// Names the adviser or the signer (`法律顾问`, `本人`).
        case person
        /// Before the review, asks whether it was done (`经`, `已`, `进行`); else a filler.
        case reviewVerb
        /// Says "not" of the question (`未`, `不`, `not`).
        case negation
        /// Says "not yet": under way (`审查中`, `正在`) or waiting (`待审`, `送审`).
        case notYet
        /// Says yes or no on its own (`是`, `否`, `true`).
        case answer(Bool)
        /// An outcome of the vocabulary (`退回`, `不通过`, `附条件通过`): whether the review passed,
        /// and the answer.
        case outcome(passing: Bool)
        /// Asks or qualifies without changing the question (`是否`, `状态`, `is`).
        case filler
        /// Names a certificate or licence of no one in particular (`持证`, `证件`, `licensed`): the
        /// officers' (`certified`) only beside a word naming them, for a case's party has one too
        /// (`是否持证: 否` of an unlicensed business is the violation punished).
        case credential
        /// Names the enforcement officers (`执法人员`, `officers`).
        case officer
    }

    init(_ vocabulary: Vocabulary) {
        let section = RecordFormat.Section.yesNoWords
        var meanings: [String: Meaning] = [:]
        for (word, meaning) in Self.grammar { meanings[Self.folded(word)] = meaning }
        func add(_ code: String, as meaning: Meaning) {
            guard let names = vocabulary.names(of: code, in: section) else { return }
            for word in [code, names.zh, names.en] + vocabulary.otherNames(of: code, in: section) {
                let folded = Self.folded(word)
                if !folded.isEmpty { meanings[folded] = meaning }
            }
        }
        add(Self.reviewCode, as: .review)
        add(Self.personCode, as: .person)
        // (The outcomes' names before the questions' words: `通过` asks whether passed.)
        let outcomes = RecordFormat.Section.outcomes
        for code in vocabulary.codes(in: outcomes) {
            guard let names = vocabulary.names(of: code, in: outcomes) else { continue }
            for word in [code, names.zh, names.en] + vocabulary.otherNames(of: code, in: outcomes) {
                let folded = Self.folded(word)
                if !folded.isEmpty { meanings[folded] = .outcome(passing: RecordFormat.passingOutcomes.contains(code)) }
            }
        }
        for question in YesNoKey.Question.allCases { add(question.rawValue, as: .question(question)) }
        // (Each word's length counted once: counted for every comparison, the sort was a twentieth
        // of a one-record check's start-up.)
        tokens = meanings.map { (word: $0.key, meaning: $0.value, length: $0.key.count) }
            .sorted { $0.length != $1.length ? $0.length > $1.length : $0.word < $1.word }
            .map { ($0.word, $0.meaning) }
        words = meanings
    }

    /// The code under `yes_no_words` whose words name the review.
    public static let reviewCode = "about"
    /// The code under `yes_no_words` whose words name the adviser or the signer.
    public static let personCode = "adviser"

    /// The question a key asks and the answer it and its value give; nil when the key is not made
    /// of the words of a question (see the type), or the two give no yes or no.
    public func read(key: String, value: String) -> YesNoKey? {
        guard key.utf8.count <= Self.mostKeyBytes, let asked = parse(KeyText.named(KeyText.unwrapped(key))), let said = parse(answerPart(of: KeyText.unwrapped(value))) else { return nil }
        // The question is the key's (a key still under way, `审查中`, `待签`, asks it negated); a
        // key naming only what it asks of takes the value's (`审查状态: 未完成`, `签署情况: 未签署`),
        // and a value still under way asks whether done (`审查状态: 审查中`).
        let keyAsks = asked.asks
        guard let question = keyAsks ?? said.asks else { return nil }
        let answer: Bool
        if let passing = said.outcome {
            // (`退回`, `退回修改`, `不通过`: no; `附条件通过`: yes.)
            answer = passing != said.negated
        } else if said.asks == nil {
            // (`否`, `false`; `未`, `尚未`, `没有`: a negation alone says no.)
            guard said.answer != nil || said.negated else { return nil }
            answer = (said.answer ?? true) != said.negated
        } else {
            // (`已完成`, `通过`, `已审查`: yes; `未完成`, `审查中`, `待审`, `未审`: no.)
            answer = !(said.negated || said.notYet)
        }
        // An outcome in a key is answered by a yes only: `退回: 否` or `conditional: false` says
        // not which outcome it was.
        if asked.outcome != nil, !answer { return nil }
        let keyNegated = (asked.negated != (asked.notYet && keyAsks != nil)) != (asked.outcome == false)
        return YesNoKey(question: question, answer: answer != keyNegated,
                        namesReview: asked.review || said.review, namesPerson: asked.person || said.person)
    }

    /// Whether a key may ask yes or no of something, whatever its value: `read(key:value:)` is
    /// nil and `namesReview(key:)` false for every value of a key that may not. (Asked once of a
    /// ledger's header: its cells need not be asked one by one.)
    public func mayAsk(key: String) -> Bool {
        guard key.utf8.count <= Self.mostKeyBytes else { return false }
        return parse(KeyText.named(KeyText.unwrapped(key))) != nil || parse(KeyText.named(key)) != nil
    }

    /// Whether a key (a ledger's header) is made of the words of a question and names the review
    /// (`审查状态`, `复核结论`, `是否通过合法性审查`): its cell speaks of the review.
    public func namesReview(key: String) -> Bool {
        guard key.utf8.count <= Self.mostKeyBytes else { return false }
        return parse(KeyText.named(key))?.review ?? false
    }

    /// Whether a key holds a word naming the review among words of its own, which `mayAsk` reads
    /// not (`最终审查结论`, `县司法局审查结论`, `复审结论`, `审查结论2`): a ledger's column of a
    /// second or final review, whose `不通过` went unread and its row READY. A word of the review of
    /// one character is none here: `审` is also of a meeting's `审议`, `审批` and `审计`, whose
    /// `待上会` held a row as if its review were not done.
    public func mentionsReview(key: String) -> Bool {
        guard key.utf8.count <= Self.mostKeyBytes else { return false }
        let folded = Self.folded(key)
        // (Another review's column, `公平竞争审查结论` = 不涉及, is none of the legality review's.)
        guard !Self.otherReviews.contains(where: { folded.contains($0) }) else { return false }
        return folded.contains("复审") || tokens.contains { $0.meaning == .review && $0.word.count > 1 && folded.contains($0.word) }
    }

    /// Reviews of other kinds than the legality review, named in a key (`mentionsReview`).
    private static let otherReviews = ["公平竞争", "备案", "保密", "安全", "资格", "财务", "预算", "审计", "风险", "专家", "论证", "环境", "环评", "技术", "质量"]

    /// The key a ledger's cell under a header that only mentions the review (`mentionsReview`) is
    /// read with, as that review's conclusion.
    public static let reviewConclusionKey = "审查结论"

    /// What a text's words say, when it is made of them alone.
    private struct Parsed {
        var question: YesNoKey.Question?
        /// An outcome named, and whether it passes.
        var outcome: Bool?
        var review = false
        var person = false
        /// `经`, `已`, `进行` or a negation right before the review: asks whether it was done.
        var reviewDone = false
        var negated = false
        var notYet = false
        var answer: Bool?
        var credential = false
        var officer = false
        var previous: Meaning?

        /// The question the words ask: a question's word or an outcome; whether the officers hold
        /// certificates, of a certificate beside them; whether done, of words still under way
        /// (`审查中`, `待审`) or of the review after `经`, `已` or a negation (`未审`).
        var asks: YesNoKey.Question? { question ?? (credential && officer ? .certified : nil) ?? (notYet || reviewDone ? .done : nil) }
    }

    /// The most bytes a text made of the words alone may have: some fifty Chinese characters, far
    /// more than any key asking yes or no (`审查是否通过`). A longer one is none, told at once: a
    /// ledger's header of 30,000 characters was read word by word, against every word, for every
    /// cell under it (8 such columns of 200 rows took three minutes).
    static let mostBytes = 160
    /// The most bytes a key may have, as written (with the brackets, marks and a ledger's column
    /// label `KeyText.named` takes off), to be read for the words at all.
    public static let mostKeyBytes = 4 * mostBytes

    private func parse(_ text: String) -> Parsed? {
        guard text.utf8.count <= Self.mostBytes else { return nil }
        var parsed = Parsed()
        var sawWord = false
        for word in Self.words(of: text) {
            if let meaning = words[word] {
                guard note(meaning, in: &parsed) else { return nil }
                sawWord = true
                continue
            }
            // A word that is a question's word after a prefix saying "not" (`unsigned`, `incomplete`).
            if let prefix = Self.negationPrefixes.first(where: { word.hasPrefix($0) }),
               case .question(let question)? = words[String(word.dropFirst(prefix.count))] {
                guard note(.negation, in: &parsed), note(.question(question), in: &parsed) else { return nil }
                sawWord = true
                continue
            }
            // Chinese, or words run together: read from the start, the longest word first.
            // (Told by bytes: the words compared by characters cost some 110 µs a text, and a
            // ledger's spare columns had every cell's header read so.)
            var rest = Substring(word)
            while !rest.isEmpty {
                if let length = Self.meetingPhraseLength(rest) {
                    guard note(.filler, in: &parsed) else { return nil }
                    rest = rest[rest.utf8.index(rest.startIndex, offsetBy: length)...]
                    sawWord = true
                    continue
                }
                guard let (found, meaning) = tokens.first(where: { rest.utf8.starts(with: $0.word.utf8) }) else { return nil }
                guard note(meaning, in: &parsed) else { return nil }
                rest = rest[rest.utf8.index(rest.startIndex, offsetBy: found.utf8.count)...]
                sawWord = true
            }
        }
        return sawWord ? parsed : nil
    }

    /// The bytes a meeting asked for takes from the start of a text: a word asking for it, the
    /// meeting in words of its own, and what it is to do (`提交局务会议`, `提请区政府常务会议审议`,
    /// `报请镇党委会研究`, `待提交第5次常务会议`); nil when the text starts with none. The meetings
    /// were words of the table one by one, and an objection naming another
    /// (`不同意提交局务会议`) was read as no answer, the signoff as an opinion given, the item READY.
    private static func meetingPhraseLength(_ text: Substring) -> Int? {
        guard let lead = meetingLeads.first(where: { text.hasPrefix($0) }) else { return nil }
        let nameStart = text.index(text.startIndex, offsetBy: lead.count)
        var index = nameStart
        var previous: Character?
        while index < text.endIndex, text.distance(from: nameStart, to: index) <= mostMeetingNameCharacters {
            let character = text[index]
            let next = text.index(after: index)
            // (`会议`, or `会` ending the text or before what the meeting does: `党委会研究`. A
            // meeting's name ends as bodies' do, `常务`, `党委`, `党组`, `办公`; `会签` and `会审` are
            // forms of asking opinions.)
            if character == "会", previous.map({ meetingNameEndings.contains($0) }) ?? true {
                var end = next
                if end < text.endIndex, text[end] == "议" { end = text.index(after: end) }
                let verb = meetingVerbs.first { text[end...].hasPrefix($0) }
                if end == text.endIndex || end > next || verb != nil {
                    if let verb { end = text.index(end, offsetBy: verb.count) }
                    return text.utf8.distance(from: text.startIndex, to: end)
                }
            }
            // (A word of a review or of yes or no is none of a meeting's name: `提交审查后再上会`.)
            guard !wordsOutsideMeetingNames.contains(character) else { return nil }
            previous = character
            index = next
        }
        return nil
    }

    /// Words asking for a meeting (`meetingPhraseLength`).
    private static let meetingLeads = ["待提交", "待提请", "待报请", "提交", "提请", "报请", "报送", "提报", "上报"]
    /// What a meeting asked for is to do.
    private static let meetingVerbs = ["讨论", "审议", "研究", "审定", "决定", "决策"]
    /// The last character of a meeting's name before `会`: `常务会议`, `局务会`, `党委会`, `党组会议`,
    /// `全体会议`, `办公会`, `联席会议`, `专题会议`, `第5次会议`, `主任会议`, `理事会`.
    private static let meetingNameEndings: Set<Character> = ["务", "委", "组", "体", "公", "席", "题", "次", "任", "事", "长", "府", "局", "镇", "县", "市", "区"]
    /// Characters a meeting's name does not hold: the review's, a negation's, waiting's, order's.
    private static let wordsOutsideMeetingNames: Set<Character> = [
        "不", "未", "否", "没", "无", "非", "待", "审", "查", "核", "签", "后", "前", "再", "已", "经", "，", ",", "；", ";", "。", "（", "(",
    ]
    /// The most characters of a meeting's own name (`区人民政府第十二次常务`).
    private static let mostMeetingNameCharacters = 24

    /// Adds a word's meaning to what a text says; false when the text asks two questions.
    private func note(_ meaning: Meaning, in parsed: inout Parsed) -> Bool {
        switch meaning {
        case .question(let question):
            guard parsed.question == nil || parsed.question == question else { return false }
            parsed.question = question
        case .review:
            parsed.review = true
            if parsed.previous == .reviewVerb || parsed.previous == .negation { parsed.reviewDone = true }
        case .outcome(let passing):
            guard parsed.question == nil || parsed.question == .passed, parsed.outcome == nil else { return false }
            parsed.question = .passed
            parsed.outcome = passing
        case .person: parsed.person = true
        case .negation: parsed.negated.toggle()
        case .notYet: parsed.notYet = true
        case .answer(let yes):
            guard parsed.answer == nil else { return false }
            parsed.answer = yes
        case .credential: parsed.credential = true
        case .officer: parsed.officer = true
        case .reviewVerb, .filler: break
        }
        // (A person between a verb and the review is passed over: `是否经法律顾问审查` asks whether
        // the review was done.)
        if meaning != .person { parsed.previous = meaning }
        return true
    }

    /// The words of grammar around a question (fixed: the vocabulary gives the questions' words,
    /// the review's and the adviser's).
    private static let grammar: [(String, Meaning)] = [
        ("是否", .filler), ("是不是", .filler), ("有无", .filler), ("有没有", .filler), ("均", .filler), ("都", .filler),
        ("尚", .filler), ("暂", .filler), ("了", .filler), ("予", .filler), ("情况", .filler), ("状态", .filler), ("进度", .filler), ("进展", .filler), ("结论", .filler),
        ("结果", .filler), ("方式", .filler), ("形式", .filler), ("意见", .filler), ("办理", .filler), ("确认", .filler), ("修改", .filler), ("备注", .filler), ("说明", .filler),
        ("?", .filler), ("？", .filler), (":", .filler), ("：", .filler), ("。", .filler), (".", .filler), ("*", .filler), ("＊", .filler),
        ("经", .reviewVerb), ("经过", .reviewVerb), ("已", .reviewVerb), ("已经", .reviewVerb), ("进行", .reviewVerb),
        ("未", .negation), ("不", .negation), ("没", .negation), ("没有", .negation), ("无", .negation), ("非", .negation),
        ("待", .notYet), ("中", .notYet), ("正在", .notYet), ("送审", .notYet), ("还在", .notYet), ("仍在", .notYet), ("在", .notYet),
        ("等待", .notYet), ("还", .filler), ("仍", .filler), ("补", .filler),
        // A reply as a noun, and a reply of no comments: `反馈意见: 无`, `回复无意见` say the
        // review came back with nothing to change, not that it never came back.
        ("反馈意见", .filler), ("回复意见", .filler), ("返回意见", .filler), ("无意见", .filler), ("无修改意见", .filler), ("无修改", .filler),
        ("无异议", .filler), ("没有意见", .filler),
        // An adviser's objection in words of its own (`意见: 反对`, `有异议`, `不建议提交会议`,
        // `不同意上会`): each was a signoff read as an opinion given, and the item READY.
        ("反对", .outcome(passing: false)), ("有异议", .outcome(passing: false)), ("异议", .outcome(passing: false)),
        ("不建议", .outcome(passing: false)), ("暂缓", .outcome(passing: false)),
        // A legal risk found (`存在法律风险`), and an opinion not yet written (`口头同意`,
        // `书面意见后补`): each held no item.
        ("法律风险", .outcome(passing: false)), ("口头", .notYet), ("后补", .notYet), ("书面", .filler), ("书面意见", .filler),
        ("提交", .filler), ("提请审议", .filler), ("审议", .filler), ("方案", .filler), ("本方案", .filler), ("该方案", .filler),
        // An objection in other words (`不宜上会`, `持保留意见`, `against`), and a question left open
        // (`需进一步研究`): each was a signoff read as an opinion given.
        ("不宜", .outcome(passing: false)), ("保留意见", .outcome(passing: false)), ("持", .filler), ("能", .filler), ("需", .filler), ("需要", .filler),
        ("进一步研究", .notYet), ("进一步论证", .notYet), ("against", .outcome(passing: false)), ("oppose", .outcome(passing: false)),
        ("opposed", .outcome(passing: false)), ("do", .filler), ("does", .filler), ("did", .filler), ("pending", .notYet), ("awaiting", .notYet),
        ("progress", .notYet), ("under", .notYet), ("in", .filler), ("tbd", .notYet), ("意见书", .filler), ("object", .outcome(passing: false)), ("objects", .outcome(passing: false)),
        ("objection", .outcome(passing: false)), ("objected", .outcome(passing: false)),
        ("上会", .filler), ("提交会议", .filler), ("提交讨论", .filler), ("提交集体讨论", .filler), ("提交审议", .filler),
        // (The meeting named: `不同意提交常务会议` was read as no answer, the item READY. Whole,
        // not `会议` alone: a discussion's `会议是否通过` asks of the meeting, not of the review.)
        ("提交常务会议", .filler), ("提交政府常务会议", .filler), ("提交全体会议", .filler), ("提交党组会议", .filler),
        ("提交会议讨论", .filler), ("提交会议审议", .filler), ("提交常务会议讨论", .filler), ("提交常务会议审议", .filler),
        ("提请", .filler), ("提请会议", .filler), ("提请常务会议", .filler), ("提请集体讨论", .filler),
        // Waiting for the meeting is no review waiting (`备注: 待提请常务会议` on a passed review):
        // whole, before `待` is read as "not yet".
        // The officers whose certificates are asked of (`执法人员是否持证`), and a certificate out of
        // date or withdrawn (`执法证已过期`, `证件失效`).
        ("执法人员", .officer), ("办案人员", .officer), ("检查人员", .officer), ("调查人员", .officer), ("人员", .filler),
        ("officer", .officer), ("officers", .officer), ("过期", .negation), ("失效", .negation), ("expired", .negation),
        ("持证", .credential), ("证件", .credential), ("证", .credential), ("licensed", .credential), ("license", .credential),
        ("licence", .credential), ("certificate", .credential), ("certificates", .credential),
        ("注销", .negation), ("吊销", .negation), ("暂扣", .negation), ("过有效期", .negation), ("过期未换发", .negation), ("取得", .filler),
        ("none", .negation), ("revoked", .negation), ("suspended", .negation),
        ("待上会", .filler), ("待提交", .filler), ("待提请", .filler), ("待提交会议", .filler), ("待提交常务会议", .filler),
        ("待提请常务会议", .filler), ("待提交集体讨论", .filler), ("待提请集体讨论", .filler), ("待提交审议", .filler),
        // A review finding the draft has legality problems, in the words reviews use
        // (`部分条款存在合法性问题`, `发现合法性问题`; `不存在合法性问题` says the opposite).
        ("合法性问题", .outcome(passing: false)), ("存在", .filler), ("发现", .filler), ("部分", .filler), ("一定", .filler),
        ("条款", .filler), ("部分条款", .filler), ("建议", .filler),
        ("是", .answer(true)), ("有", .answer(true)), ("对", .answer(true)), ("真", .answer(true)), ("√", .answer(true)), ("✓", .answer(true)),
        ("否", .answer(false)), ("错", .answer(false)), ("假", .answer(false)), ("×", .answer(false)), ("✗", .answer(false)), ("✘", .answer(false)),
        ("yes", .answer(true)), ("y", .answer(true)), ("true", .answer(true)), ("1", .answer(true)), ("on", .answer(true)),
        ("false", .answer(false)), ("n", .answer(false)), ("0", .answer(false)), ("off", .answer(false)), ("f", .answer(false)),
        ("no", .negation), ("not", .negation), ("never", .negation), ("without", .negation), ("non", .negation),
        ("is", .filler), ("has", .filler), ("have", .filler), ("been", .filler), ("was", .filler), ("already", .filler),
        ("the", .filler), ("step", .filler), ("status", .filler), ("state", .filler), ("result", .filler), ("yet", .filler),
        ("note", .filler), ("notes", .filler), ("remark", .filler), ("remarks", .filler), ("comment", .filler),
        ("opinion", .filler), ("conclusion", .filler), ("comments", .filler), ("advice", .filler),
    ]

    /// Prefixes of a question's word that say "not" (`unsigned`, `incomplete`).
    private static let negationPrefixes = ["un", "in", "non", "not", "dis"]

    /// A value's answer: its first part (`否，正在审查`, `否；尚在审查`), or the first that
    /// answers when the first only names what is answered (`经审查，不通过`: read as its first part,
    /// a review done, it passed a failed review).
    private func answerPart(of value: String) -> String {
        let parts = value.split(whereSeparator: { "（(，,；;".contains($0) }).map(String.init)
        guard parts.count > 1 else { return value }
        return parts.first { part in
            guard let said = parse(part) else { return false }
            return said.outcome != nil || said.answer != nil || said.negated || said.notYet || said.question != nil
        } ?? parts[0]
    }

    /// A word as keys are compared (`KeyText.folded`).
    private static func folded(_ text: String) -> String {
        KeyText.folded(text)
    }

    /// A text's words: split at `_`, `-`, white space and a lower-case letter before a capital,
    /// each read plain, in lower case (`HintReading`).
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in text {
            if character == "_" || character == "-" || character.isWhitespace || (character.isUppercase && previousWasLower) {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                if !character.isLetter { continue }
            }
            current.append(character)
            previousWasLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words.map(HintReading.plain).filter { !$0.isEmpty }
    }
}
