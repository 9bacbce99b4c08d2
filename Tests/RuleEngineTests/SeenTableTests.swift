@testable import RuleEngine
import Testing

@Suite("The table of values seen before")
struct SeenTableTests {
    @Test("A value is first seen once; later lookups name its first place")
    func firstPlace() {
        var table = SeenTable()
        let first = SeenTable.Place(record: "A-1", file: 3, line: 7)
        #expect(table.firstPlace(of: "A-1", else: first) == nil)
        #expect(table.firstPlace(of: "A-1", else: SeenTable.Place(record: "A-1", file: 4, line: 1)) == first)
        #expect(table.firstPlace(of: "A-1", else: SeenTable.Place(record: "A-1", file: 5, line: 2)) == first)
        #expect(table.count == 1)
    }

    @Test("A record id other than the value is kept beside it")
    func recordOtherThanValue() {
        var table = SeenTable()
        let first = SeenTable.Place(record: "甲-记录", file: 0, line: 12)
        #expect(table.firstPlace(of: "泽阳县人民政府\u{1F}泽政发〔2026〕1号", else: first) == nil)
        #expect(table.firstPlace(of: "泽阳县人民政府\u{1F}泽政发〔2026〕1号", else: SeenTable.Place(record: "乙", file: 1, line: 1)) == first)
        // A prefix of a kept value, or the value with one more byte, is another value.
        #expect(table.firstPlace(of: "泽阳县人民政府", else: first) == nil)
        #expect(table.firstPlace(of: "泽阳县人民政府\u{1F}泽政发〔2026〕1号 ", else: first) == nil)
    }

    @Test("Empty values and empty record ids are values like any other")
    func emptyValues() {
        var table = SeenTable()
        let place = SeenTable.Place(record: "", file: 0, line: 1)
        #expect(table.firstPlace(of: "", else: place) == nil)
        #expect(table.firstPlace(of: "", else: SeenTable.Place(record: "x", file: 1, line: 2)) == place)
        let named = SeenTable.Place(record: "", file: 2, line: 3)
        #expect(table.firstPlace(of: "y", else: named) == nil)
        #expect(table.firstPlace(of: "y", else: place) == named)
    }

    @Test("Every one of many values keeps its own first place as the index grows")
    func manyValues() {
        var table = SeenTable()
        let count = 50_000
        for number in 0..<count {
            #expect(table.firstPlace(of: "BM-\(number)", else: SeenTable.Place(record: "BM-\(number)", file: number, line: number % 97)) == nil)
        }
        #expect(table.count == count)
        var wrong = 0
        for number in stride(from: 0, to: count, by: 7) {
            let place = table.firstPlace(of: "BM-\(number)", else: SeenTable.Place(record: "later", file: -1, line: 0))
            if place != SeenTable.Place(record: "BM-\(number)", file: number, line: number % 97) { wrong += 1 }
        }
        #expect(wrong == 0)
        #expect(table.firstPlace(of: "BM-\(count)", else: SeenTable.Place(record: "new", file: 0, line: 0)) == nil)
    }
}
