/// The slots of the rule under evaluation (its loop items, `$it` and `let`s) and, above them, the
/// slots of each shared definition being computed, which has slots of its own: one block of memory
/// for a record's evaluation, read and written in place, frame by frame.
///
/// (Two arrays, copied for each record from shared empty ones on their first write, checked for
/// a sole owner on every write, and set aside and made anew for every definition computed, cost
/// some 450 instructions a rule on every record.)
///
/// Every slot above the innermost frame is empty and has no `let`: a frame is emptied as it ends.
struct SlotStack: ~Copyable {
    private var values: UnsafeMutablePointer<Value?>
    /// For each slot, the index in the frame's `let` bindings of the one that computes it; -1 for none.
    private var lets: UnsafeMutablePointer<Int>
    private var capacity: Int
    /// Where the innermost frame starts, and how many slots it has.
    private var base = 0
    private var size = 0

    /// A stack with room for `capacity` slots (it grows when a frame needs more).
    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        values = .allocate(capacity: self.capacity)
        values.initialize(repeating: nil, count: self.capacity)
        lets = .allocate(capacity: self.capacity)
        lets.initialize(repeating: -1, count: self.capacity)
    }

    deinit {
        values.deinitialize(count: capacity)
        values.deallocate()
        lets.deallocate()
    }

    /// A slot of the innermost frame.
    subscript(slot: Int) -> Value? {
        get {
            precondition(slot >= 0 && slot < size, "slot out of its frame")
            return values[base + slot]
        }
        set {
            precondition(slot >= 0 && slot < size, "slot out of its frame")
            values[base + slot] = newValue
        }
    }

    /// Empties a slot of the innermost frame. (Only a slot that holds a value is written: nothing
    /// written over nothing still destroyed the old value, a call.)
    mutating func empty(_ slot: Int) {
        precondition(slot >= 0 && slot < size, "slot out of its frame")
        if case .some = values[base + slot] { values[base + slot] = nil }
    }

    /// The index of the `let` that computes a slot of the innermost frame; -1 for none.
    func letIndex(_ slot: Int) -> Int {
        precondition(slot >= 0 && slot < size, "slot out of its frame")
        return lets[base + slot]
    }

    /// Says which `let` computes a slot of the innermost frame.
    mutating func setLet(_ slot: Int, to index: Int) {
        precondition(slot >= 0 && slot < size, "slot out of its frame")
        lets[base + slot] = index
    }

    /// Empties the rule's frame, at the bottom, and gives it `count` slots (no definition's frame
    /// is open between rules).
    mutating func startRule(slotCount count: Int) {
        precondition(base == 0, "a definition's frame is still open")
        clear(from: 0, count: size)
        reserve(count)
        size = count
    }

    /// Opens a frame of `count` empty slots above the innermost one; `end(_:)` closes it with what
    /// this returns.
    mutating func open(slotCount count: Int) -> (base: Int, size: Int) {
        let outer = (base, size)
        base += size
        reserve(base + count)
        size = count
        return outer
    }

    /// Empties the innermost frame and makes `outer` (what `open` returned) the innermost again.
    mutating func end(_ outer: (base: Int, size: Int)) {
        clear(from: base, count: size)
        (base, size) = outer
    }

    private mutating func clear(from start: Int, count: Int) {
        for slot in start..<(start + count) {
            // (See `empty(_:)`.)
            if case .some = values[slot] { values[slot] = nil }
            lets[slot] = -1
        }
    }

    /// Makes room for `needed` slots in all, keeping the slots held.
    private mutating func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        let grown = max(needed, capacity * 2)
        let movedValues = UnsafeMutablePointer<Value?>.allocate(capacity: grown)
        movedValues.moveInitialize(from: values, count: capacity)
        (movedValues + capacity).initialize(repeating: nil, count: grown - capacity)
        values.deallocate()
        values = movedValues
        let movedLets = UnsafeMutablePointer<Int>.allocate(capacity: grown)
        movedLets.moveInitialize(from: lets, count: capacity)
        (movedLets + capacity).initialize(repeating: -1, count: grown - capacity)
        lets.deallocate()
        lets = movedLets
        capacity = grown
    }
}
