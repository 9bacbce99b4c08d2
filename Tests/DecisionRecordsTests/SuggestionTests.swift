import DecisionRecords
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
                .map { ($0, Suggestion.editDistance(word, $0)) }
                .filter { $0.1 <= limit }
                .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.precedesInUTF8($1.0) }?.0
            #expect(Suggestion.closest(to: word, in: Self.words) == expected, "\(word)")
        }
        #expect(Suggestion.closest(to: String(repeating: "长", count: 300_000), in: Self.words) == nil)
    }
}
