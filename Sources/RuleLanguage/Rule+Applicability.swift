extension Rule {
    /// Whether the rule's applying to a record may turn on the record's facts: its `when`, or a
    /// `let` the `when` reads, reads `$facts` or `$record.facts` (`is_true: $facts.major`). A
    /// record with a key that may be a well-known fact and was not read (`案件类型: 重大` beside
    /// `facts`) leaves such a rule's not applying in doubt. (A shared definition the `when` reads
    /// is not followed.)
    public var applicabilityReadsFacts: Bool {
        guard case .record(let check) = body, let when = check.when else { return false }
        var waiting = [when]
        var followedSlots: Set<Int> = []
        while let expression = waiting.popLast() {
            for part in expression.descendants {
                guard case .reference(let reference) = part else { continue }
                switch reference.root {
                case .facts: return true
                case .record where reference.path.first == "facts": return true
                case .slot(let slot) where followedSlots.insert(slot).inserted:
                    waiting += check.lets.filter { $0.slot == slot }.map(\.expression)
                default: continue
                }
            }
        }
        return false
    }
}
