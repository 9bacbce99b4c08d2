/// A key that asks yes or no of something the record format says another way: whether a step is
/// done (`done: false`, `已完成: 否`, `审查状态: 未完成`), a review passed (`审查是否通过: 否`),
/// a signoff signed or an adviser's opinion given (`signed: false`, `法律顾问是否出具意见: 否`). The
/// format says these with a step's `status`, a review's `outcome` and a signoff being there; no
/// rule reads such a key, and a review written `done: false` was read as done, the meeting's item
/// READY.
public struct YesNoKey: Sendable, Equatable {
    /// What a key asks: the codes of the vocabulary's `yes_no_words` (beside `about`).
    public enum Question: String, Sendable, CaseIterable {
        case signed, passed, done
    }

    public var question: Question
    /// What the key and its value answer together (`未完成: 是` and `是否完成: 未完成` say not done).
    public var answer: Bool
    /// Whether the key or its value names what it asks about (`审查`, `法律顾问`): a key of a
    /// whole record or a ledger's row must, as a row holds many steps (`是否办结` of a row asks
    /// whether the matter is closed, which none on an agenda is).
    public var namesItsSubject: Bool
}

/// Reads keys and values as questions and answers of `YesNoKey`, with the vocabulary's words
/// (`yes_no_words`: the words asking each question, and under `about` the words naming what is
/// asked about) and the few words of Chinese and English grammar around them.
///
/// A key is read only when it is made of such words and nothing else: `审查是否通过`, `是否完成`,
/// `未签署`, `is_done`, `Review passed?`. One with any other word asks about something else
/// (`是否按期完成`, `无异议通过`, `当事人是否签字`, `completed_on_time`, `是否通过政府网站公开`)
/// and is no such key.
public struct YesNoWords: Sendable {
    /// Every word and what it is, longest first: a word of a key that is none of them whole is
    /// read from its start, the longest word at each place (`审查是否通过`, `ISDONE`).
    private let tokens: [(word: String, meaning: Meaning)]
    /// The same words, for a word of a key that is one of them whole.
    private let words: [String: Meaning]

    /// What a word of a key or a value is.
    private enum Meaning: Sendable, Equatable {
        case question(YesNoKey.Question)
        /// What is asked about: the review, the adviser.
        case subject
        /// Says "not" of the question (`未`, `不`, `not`).
        case negation
        /// Says "not yet": still under way (`审查中`) or waiting (`待审`).
        case notYet
        /// Says yes or no on its own (`是`, `否`, `true`).
        case answer(Bool)
        /// Asks or qualifies without changing the question (`是否`, `已`, `状态`, `is`).
        case filler
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
        add(Self.subjectCode, as: .subject)
        for question in YesNoKey.Question.allCases { add(question.rawValue, as: .question(question)) }
        tokens = meanings.map { ($0.key, $0.value) }
            .sorted { $0.word.count != $1.word.count ? $0.word.count > $1.word.count : $0.word < $1.word }
        words = meanings
    }

    /// The code under `yes_no_words` whose words name what a question is about.
    public static let subjectCode = "about"

    /// The question a key asks and the answer it and its value give; nil when the key is not made
    /// of the words of a question (see the type), or the two give no yes or no.
    public func read(key: String, value: String) -> YesNoKey? {
        guard let asked = parse(Self.withoutColumnLabel(key)), let said = parse(Self.withoutRemark(value)) else { return nil }
        // The question is the key's; a key that names only its subject (`审查状态`, `签署情况`)
        // takes the value's (`未完成`, `未签署`), and a value still under way asks whether done.
        // A key naming only a review with a plain yes or no (`是否经合法性审查: 否`, `已审核: 否`) asks
        // whether it was done.
        let plainAnswer = said.question == nil && !said.notYet
        guard let question = asked.question ?? said.question ?? (said.notYet || (asked.subject && plainAnswer) ? .done : nil) else { return nil }
        let answer: Bool
        if plainAnswer {
            // (`否`, `false`; `未`, `尚未`, `没有`: a negation alone says no.)
            guard said.answer != nil || said.negated else { return nil }
            answer = (said.answer ?? true) != said.negated
        } else {
            // (`已完成`, `通过`: yes; `未完成`, `审查中`, `待审`: no.)
            answer = !(said.negated || said.notYet)
        }
        return YesNoKey(question: question, answer: answer != asked.negated, namesItsSubject: asked.subject || said.subject)
    }

    /// Whether a key (a ledger's header) is made of the words of a question and names what it asks
    /// about (`审查状态`, `复核结论`, `是否通过合法性审查`): its cell speaks of the review.
    public func namesSubject(key: String) -> Bool {
        parse(Self.withoutColumnLabel(key))?.subject ?? false
    }

    /// What a text's words say, when it is made of them alone.
    private struct Parsed {
        var question: YesNoKey.Question?
        var subject = false
        var negated = false
        var notYet = false
        var answer: Bool?
    }

    private func parse(_ text: String) -> Parsed? {
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
                guard parsed.question == nil || parsed.question == question else { return nil }
                parsed.question = question
                parsed.negated.toggle()
                sawWord = true
                continue
            }
            // Chinese, or words run together: read from the start, the longest word first.
            var rest = Substring(word)
            while !rest.isEmpty {
                guard let (found, meaning) = tokens.first(where: { rest.hasPrefix($0.word) }) else { return nil }
                guard note(meaning, in: &parsed) else { return nil }
                rest = rest.dropFirst(found.count)
                sawWord = true
            }
        }
        return sawWord ? parsed : nil
    }

    /// Adds a word's meaning to what a text says; false when the text asks two questions.
    private func note(_ meaning: Meaning, in parsed: inout Parsed) -> Bool {
        switch meaning {
        case .question(let question):
            guard parsed.question == nil || parsed.question == question else { return false }
            parsed.question = question
        case .subject: parsed.subject = true
        case .negation: parsed.negated.toggle()
        case .notYet: parsed.notYet = true
        case .answer(let yes):
            guard parsed.answer == nil else { return false }
            parsed.answer = yes
        case .filler: break
        }
        return true
    }

    /// The words of grammar around a question (fixed: the vocabulary gives the questions' words).
    /// A text of only a negation (`未`, `尚未`) answers no.
    private static let grammar: [(String, Meaning)] = [
        ("是否", .filler), ("是不是", .filler), ("有无", .filler), ("有没有", .filler), ("已经", .filler), ("已", .filler),
        ("均", .filler), ("都", .filler), ("尚", .filler), ("暂", .filler), ("经过", .filler), ("经", .filler), ("情况", .filler),
        ("状态", .filler), ("结论", .filler), ("结果", .filler), ("方式", .filler), ("形式", .filler), ("意见", .filler), ("办理", .filler),
        ("确认", .filler), ("?", .filler), ("？", .filler), (":", .filler), ("：", .filler), ("。", .filler), (".", .filler),
        ("未", .negation), ("不", .negation), ("没", .negation), ("没有", .negation), ("无", .negation), ("非", .negation),
        ("待", .notYet), ("中", .notYet),
        ("是", .answer(true)), ("有", .answer(true)), ("对", .answer(true)), ("真", .answer(true)), ("√", .answer(true)), ("✓", .answer(true)),
        ("否", .answer(false)), ("错", .answer(false)), ("假", .answer(false)), ("×", .answer(false)), ("✗", .answer(false)),
        ("yes", .answer(true)), ("y", .answer(true)), ("true", .answer(true)), ("1", .answer(true)), ("on", .answer(true)),
        ("false", .answer(false)), ("n", .answer(false)), ("0", .answer(false)), ("off", .answer(false)), ("f", .answer(false)),
        ("no", .negation), ("not", .negation), ("never", .negation), ("without", .negation), ("non", .negation),
        ("is", .filler), ("has", .filler), ("have", .filler), ("been", .filler), ("was", .filler), ("already", .filler),
        ("the", .filler), ("step", .filler), ("status", .filler), ("state", .filler), ("result", .filler),
    ]

    /// Prefixes of a question's word that say "not" (`unsigned`, `incomplete`).
    private static let negationPrefixes = ["un", "in", "non", "not"]

    /// A key as `legality import` writes a ledger's column it did not read (`列 U：是否通过合法性审查`):
    /// the column's header.
    private static func withoutColumnLabel(_ key: String) -> String {
        guard key.hasPrefix("列"), let colon = key.firstIndex(where: { $0 == "：" || $0 == ":" }) else { return key }
        return String(key[key.index(after: colon)...])
    }

    /// A value without a remark in brackets after its answer (`否（尚在审查）`).
    private static func withoutRemark(_ value: String) -> String {
        guard let open = value.firstIndex(where: { $0 == "（" || $0 == "(" }), open != value.startIndex else { return value }
        return String(value[..<open])
    }

    /// A word as keys are compared: letters plain and in lower case (`HintReading`).
    private static func folded(_ text: String) -> String {
        HintReading.plain(text).filter { !$0.isWhitespace && $0 != "_" && $0 != "-" }
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
