@testable import RuleEngine
import Testing

/// The slots of a rule and, above them, of the definitions it computes: each frame starts empty,
/// and ending one leaves the frame below as it was.
@Suite("Slots of rules and definitions")
struct SlotStackTests {
    func text(_ value: Value?) -> String? {
        if case .text(let text, _)? = value { return text }
        return nil
    }

    @Test func aRuleStartsWithEmptySlots() {
        var slots = SlotStack(capacity: 4)
        slots.startRule(slotCount: 3)
        slots[0] = .text("loop item", nil)
        slots[2] = .text("a let", nil)
        slots.setLet(2, to: 0)
        slots.startRule(slotCount: 2)
        #expect(slots[0] == nil)
        #expect(slots[1] == nil)
        #expect(slots.letIndex(1) == -1)
        // The next rule's slots beyond the last one's size are empty too.
        slots.startRule(slotCount: 3)
        #expect(slots[2] == nil)
        #expect(slots.letIndex(2) == -1)
    }

    @Test func aDefinitionsFrameIsItsOwn() {
        var slots = SlotStack(capacity: 8)
        slots.startRule(slotCount: 2)
        slots[0] = .text("rule", nil)
        slots.setLet(1, to: 3)
        let outer = slots.open(slotCount: 2)
        // The definition's slot 0 is not the rule's.
        #expect(slots[0] == nil)
        #expect(slots.letIndex(1) == -1)
        slots[0] = .text("definition", nil)
        let inner = slots.open(slotCount: 1)
        #expect(slots[0] == nil)
        slots[0] = .text("nested", nil)
        slots.end(inner)
        #expect(text(slots[0]) == "definition")
        slots.end(outer)
        #expect(text(slots[0]) == "rule")
        #expect(slots.letIndex(1) == 3)
        // A frame opened again starts empty.
        let again = slots.open(slotCount: 2)
        #expect(slots[0] == nil)
        slots.end(again)
    }

    @Test func framesGrowPastTheFirstRoom() {
        var slots = SlotStack(capacity: 2)
        slots.startRule(slotCount: 2)
        slots[1] = .text("kept", nil)
        var frames: [(base: Int, size: Int)] = []
        for depth in 0..<20 {
            frames.append(slots.open(slotCount: 5))
            slots[4] = .text("depth \(depth)", nil)
        }
        for depth in (0..<20).reversed() {
            #expect(text(slots[4]) == "depth \(depth)")
            slots.end(frames.removeLast())
        }
        #expect(text(slots[1]) == "kept")
    }
}
