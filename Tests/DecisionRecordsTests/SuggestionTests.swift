@testable import DecisionRecords
import Testing

/// "Did you mean": the closest candidate, and whether two texts are one edit apart.
@Suite struct SuggestionTests {
    static let words = ["", "a", "ab", "ba", "abc", "acb", "abd", "abcd", "xabc", "P-010", "P-01", "P-0100", "P-011", "Q-010",
                        "孙明", "孙敏", "孙小明", "孙", "明", "张三", " 张三", "ZY-048", "ZY-0488", "ZY-084", "é", "e\u{301}", "😀a", "a😀",
                        "legality_review", "legality_reveiw", "legal_review", "collective_discussion", "collective_disscussion"]

    @Test func oneEditApartIsAnEditDistanceOfOne() {
        for first in Self.words {
            for second in Self.words {
                #expect(Suggestion.areOneEditApart(first, second) == (Suggestion.editDistance(first, second) == 1), "\(first) / \(second)")
            }
        }
    }

    /// The closest candidate within the limit, ties to the first in byte order, as comparing every
    /// candidate by its distance finds it; a text far longer than every candidate has none.
    @Test func theClosestCandidateIsTheOneEveryDistanceNames() {
        for word in Self.words {
            let limit = max(1, min(3, word.count / 3))
            let expected = Self.words
                .map { ($0, Suggestion.typoDistance(word, $0)) }
                .filter { $0.1 <= limit }
                .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.precedesInUTF8($1.0) }?.0
            #expect(Suggestion.closest(to: word, in: Self.words) == expected, "\(word)")
        }
        #expect(Suggestion.closest(to: String(repeating: "长", count: 300_000), in: Self.words) == nil)
    }

    /// A swap of two neighbouring characters is one typo; otherwise the distance is Levenshtein's.
    @Test func aSwapOfNeighboursIsOneTypo() {
        #expect(Suggestion.typoDistance("fomr", "form") == 1)
        #expect(Suggestion.editDistance("fomr", "form") == 2)
        #expect(Suggestion.typoDistance("审合查法性", "审查合法性") == 1)
        #expect(Suggestion.typoDistance("审查方式", "方式审查") == 4)
        #expect(Suggestion.typoDistance("ca", "abc") == 3)
        #expect(Suggestion.closest(to: "fomr", in: ["form", "from_date", "date"]) == "form")
        #expect(Suggestion.closest(to: "tpye", in: ["type", "date"]) == "type")
        for first in Self.words {
            for second in Self.words {
                let typo = Suggestion.typoDistance(first, second)
                #expect(typo <= Suggestion.editDistance(first, second), "\(first) / \(second)")
                #expect(typo == Suggestion.typoDistance(second, first), "\(first) / \(second)")
                #expect((typo == 0) == first.unicodeScalars.elementsEqual(second.unicodeScalars), "\(first) / \(second)")
            }
        }
    }

    /// A name of the vocabulary written inside a longer one (a meeting named with its government)
    /// is too far by edits; the longest code or name the value holds is proposed. Short codes
    /// and single characters, in too many words, are not.
    @Test(arguments: [
        ("县政府常务会议", "meeting_types", "executive"), ("市政府第30次常务会议", "meeting_types", "executive"),
        ("正式审查意见书", "forms", "formal_review"), ("会", "meeting_types", nil),
        // Never where the longer value may mean the opposite, or another: a hint to write it
        // would turn a fault into a pass.
        // (`审查未通过` is `审查不通过`, a name of failed, with "not" written another way: that is proposed.)
        ("审查未通过", "outcomes", "failed"), ("not passed", "outcomes", nil), ("县法律顾问室主任", "roles", nil),
        ("非正式审查", "forms", nil), ("尚未完成", "statuses", nil), ("有条件通过", "outcomes", "conditional"),
        ("未通过", "outcomes", "failed"), ("已完成了", "statuses", "done"),
        ("沒通过", "outcomes", "failed"), ("notpassed", "outcomes", nil), ("impassed", "outcomes", nil),
        ("passedn't", "outcomes", nil), ("Ｎｏ passed", "outcomes", nil), ("𝗻𝗼 passed", "outcomes", nil),
        ("通过✗", "outcomes", nil), ("passd", "outcomes", "passed"), ("inspecton", "step_types", "inspection"),
        // Nor where the rest of the value makes it another thing (an advice-truth review: each of
        // these hints, followed, turned an unlawful record into one that passed).
        ("征求合法性审查意见", "step_types", nil), ("合法性审查（征求意见）", "step_types", nil), ("合法性审查会签", "step_types", nil),
        ("风险评估（免于评估）", "step_types", nil), ("免于风险评估", "step_types", nil), ("集体讨论（书面传签）", "step_types", nil),
        ("集体讨论（传阅）", "step_types", nil), ("正式审查（会签）", "forms", nil), ("听证告知", "step_types", "notice_of_rights"),
        ("建议通过", "outcomes", nil), ("决定（草案）", "step_types", nil), ("徵求合法性审查意见", "step_types", nil),
        ("集体讨论（傳簽）", "step_types", nil),
        // A short Chinese value one character off is another word, unless it says "not" another way.
        ("审查", "step_types", nil), ("送审", "step_types", nil), ("党组会", "meeting_types", nil),
        ("合法性审察", "step_types", "legality_review"), ("常务会义", "meeting_types", "executive"),
        // The words are found however written (spaces, traditional characters), and more of them.
        ("征 求合法性审查意见", "step_types", nil), ("咨询合法性审查意见", "step_types", nil), ("商请合法性审查", "step_types", nil),
        ("集体讨论（圈阅）", "step_types", nil), ("集体讨论（轮签）", "step_types", nil), ("集体讨论（传閱）", "step_types", nil),
        ("法制审核（初审）", "step_types", nil), ("risk_assessment_waived", "step_types", nil), ("draft_decision", "step_types", nil),
        // A short value with characters added or dropped at an end, or written in traditional
        // characters, is still proposed its name; one character changed for another is not.
        ("常务会", "meeting_types", "executive"), ("全体会", "meeting_types", "plenary"), ("已通过", "outcomes", "passed"),
        ("通过了", "outcomes", "passed"), ("通过。", "outcomes", "passed"), ("送達", "step_types", "delivery"), ("聽證", "step_types", "hearing"),
        ("同过", "outcomes", nil),
        // Nor work still to come, proposed, internal, on paper or an assistant's (a second
        // review: each made a pending or paper step a done one).
        ("待通过", "outcomes", nil), ("拟作出决定", "step_types", nil), ("集体讨论（书面）", "step_types", nil),
        ("集体讨论（通讯表决）", "step_types", nil), ("公开征求意见（内部）", "step_types", nil), ("待送达", "step_types", nil),
        ("法律顾问助理", "roles", nil), ("withdrawn decision", "step_types", nil), ("pending delivery", "step_types", nil),
    ] as [(String, String, String?)])
    func aNameInsideALongerValueIsProposed(value: String, section: String, code: String?) {
        let proposed = builtinVocabulary.suggestion(for: value, in: section)
        #expect(proposed.flatMap { builtinVocabulary.code(for: $0, in: section) ?? $0 } == code, "\(proposed ?? "none")")
    }

    /// Reading a value plainly changes no simplified text: every name of the built-in vocabulary
    /// reads as itself (a table of traditional characters one place out of step read 情况紧急 as
    /// 情緊內急, and the fact's own name was told it is none).
    @Test func readingPlainlyLeavesSimplifiedTextAsItIs() {
        for section in builtinVocabulary.sections.keys {
            // (Full-width letters and brackets read as ASCII, as they are meant to.)
            for name in builtinVocabulary.section(section).names
            where HintReading.isChinese(name) && !name.unicodeScalars.contains(where: { (0xFF01...0xFF5E).contains($0.value) }) {
                #expect(HintReading.plain(name) == name.lowercased(), "\(section): \(name) reads \(HintReading.plain(name))")
            }
        }
        #expect(HintReading.plain("情況緊急") == "情况紧急")
        #expect(HintReading.plain("ＭＡＪＯＲ") == "major")
    }

    /// A value longer than any name is proposed none, however near its start: each such value was
    /// compared with every name and searched for each (a 16 KB type aliased on 990 steps took 92 s).
    @Test func aValueLongerThanAnyNameIsProposedNone() {
        #expect(builtinVocabulary.suggestion(for: "legality_reveiw", in: "step_types") == "legality_review")
        let long = "legality_reveiw" + String(repeating: "e\u{301}", count: 5_333)
        #expect(builtinVocabulary.suggestion(for: long, in: "step_types") == nil)
        #expect(builtinVocabulary.suggestion(for: String(repeating: "常务会议", count: 30), in: "meeting_types") == nil)
    }
}
