@testable import DecisionRecords
import Testing

/// A short list of texts finds a text among those of its length in bytes, and nothing else; a
/// vocabulary section numbers its codes through one.
@Suite struct ShortTextListTests {
    let list = ShortTextList(["type", "date", "form", "by", "meeting", "outcome", "legality_review"])

    @Test(arguments: [("type", 0), ("date", 1), ("form", 2), ("by", 3), ("meeting", 4), ("outcome", 5), ("legality_review", 6)])
    func eachTextIsFoundAtItsPlace(text: String, place: Int) {
        #expect(list.placeOfSameLength(text) == place)
        #expect(list.containsSameLength(text))
    }

    @Test(arguments: ["Type", "typ", "types", "dare", "", "会议", "legality_reviews", "outcom"])
    func otherTextsAreNotFound(text: String) {
        #expect(list.placeOfSameLength(text) == nil)
        #expect(!list.containsSameLength(text))
    }

    @Test func theFirstOfTwoEqualTextsIsFound() {
        #expect(ShortTextList(["a", "bb", "bb"]).placeOfSameLength("bb") == 1)
    }

    @Test func aSectionNumbersItsCodesByTheirPlaceInOrder() {
        var vocabulary = Vocabulary()
        for code in ["legality_review", "decision", "expert_review", "hearing"] {
            vocabulary.add(code, names: LocalizedText(zh: code, en: code), to: "step_types")
        }
        let section = vocabulary.section("step_types")
        #expect(section.numbering.codes == ["decision", "expert_review", "hearing", "legality_review"])
        #expect(section.number(of: "hearing") == 2)
        #expect(section.number(of: "legality_review") == 3)
        #expect(section.number(of: "Hearing") == nil)
        #expect(section.number(of: "hearings") == nil)
    }
}
