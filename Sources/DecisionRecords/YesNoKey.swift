/// A key that asks yes or no of something the record format says another way: whether a step is
/// done (`done: false`, `已完成: 否`), a review passed (`审查是否通过: 否`), a signoff signed
/// (`signed: false`). The format says these with a step's `status`, a review's `outcome` and a
/// signoff being there; no rule reads such a key, and a review written `done: false` was read as
/// done, the meeting's item READY.
public struct YesNoKey: Sendable, Equatable {
    /// What a key asks: the codes of the vocabulary's `yes_no_words`.
    public enum Question: String, Sendable, CaseIterable {
        case signed, passed, done
    }

    public var question: Question
    /// What the value answers, a negation in the key taken into account (`未完成: 是` says not done).
    public var answer: Bool
}

/// The words that ask each `YesNoKey.Question`, read once from the vocabulary's `yes_no_words`
/// (a code's names and `also`): Chinese words are found anywhere in a key (`审查是否通过`), others
/// as a word of it (`is_done`, `signedOff`; `assigned` asks nothing).
public struct YesNoWords: Sendable {
    private let questions: [(question: YesNoKey.Question, chinese: [String], words: Set<String>)]

    init(_ vocabulary: Vocabulary) {
        let section = RecordFormat.Section.yesNoWords
        questions = YesNoKey.Question.allCases.compactMap { question in
            let code = question.rawValue
            guard let names = vocabulary.names(of: code, in: section) else { return nil }
            let all = ([code, names.zh, names.en] + vocabulary.otherNames(of: code, in: section)).map(Self.folded).filter { !$0.isEmpty }
            return (question, all.filter(HintReading.isChinese), Set(all.filter { !HintReading.isChinese($0) }))
        }
    }

    /// The question a key asks, and the answer its value gives (`是`, `否`, `true`, `0`...); nil
    /// when the key asks none of them or the value says neither yes nor no.
    public func read(key: String, value: String) -> YesNoKey? {
        guard let saysYes = RecordFormat.answer(of: value) else { return nil }
        let folded = Self.folded(key)
        // (The question words of Chinese, `是否` and `有无`, are no negation.)
        let chinese = ["是否", "是不是", "有无", "有没有"].reduce(folded) { $0.replacing($1, with: "") }
        let words = Self.words(of: key)
        for (question, chineseWords, otherWords) in questions {
            let negatedWord = words.first { word in Self.negationPrefixes.contains { word.hasPrefix($0) && otherWords.contains(String(word.dropFirst($0.count))) } }
            guard chineseWords.contains(where: chinese.contains) || words.contains(where: otherWords.contains) || negatedWord != nil else { continue }
            let negated = negatedWord != nil || words.contains(where: Self.negationWords.contains)
                || Self.chineseNegations.contains(where: chinese.contains)
            return YesNoKey(question: question, answer: saysYes != negated)
        }
        return nil
    }

    /// Words of a key that say "not", and prefixes that make one (`unsigned`, `incomplete`).
    private static let negationWords: Set<String> = ["not", "non", "no", "never", "without"]
    private static let negationPrefixes = ["un", "in", "non", "not"]
    private static let chineseNegations = ["未", "不", "没", "无", "非"]

    /// A word as keys are compared: letters plain and in lower case, without `_`, `-` or spaces.
    private static func folded(_ text: String) -> String {
        HintReading.plain(text).lowercased().filter { $0 != "_" && $0 != "-" && !$0.isWhitespace }
    }

    /// A key's words, split at `_`, `-`, spaces and a lower-case letter before a capital, read plain (`HintReading`).
    private static func words(of key: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        for character in key {
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
        return words.map(HintReading.plain)
    }
}
