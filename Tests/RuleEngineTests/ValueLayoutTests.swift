@testable import RuleEngine
import Testing

/// A value is copied at its size on every read of a rule, and every program returns one: a value
/// of at most four machine words comes back in registers, a larger one through memory. Its
/// payloads stay within that (a text and its position, a node held in place; a bilingual text,
/// which is rare, boxed).
@Suite struct ValueLayoutTests {
    @Test func aValueFitsInFourWords() {
        #expect(MemoryLayout<Value>.size <= 4 * MemoryLayout<Int>.size)
    }
}
