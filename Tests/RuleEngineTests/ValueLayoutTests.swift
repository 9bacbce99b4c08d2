@testable import RuleEngine
import Testing

/// A value is copied at its size on every read of a rule: its payloads stay within four words
/// (a text and its position, a bilingual text, a node held in place rather than boxed).
@Suite struct ValueLayoutTests {
    @Test func aValueIsAtMostFourWordsAndATag() {
        #expect(MemoryLayout<Value>.size <= 33)
    }
}
