/// Memory for a document's nodes as they are made: it grows like an array, and is then handed over
/// whole, without a copy, to the document (`take`), which frees it.
///
/// (An array's elements could only be copied out of it, and the array's own then destroyed: every
/// scalar's text was retained, released and released again on its way into a document.)
struct NodeBlock<Element>: ~Copyable {
    /// The memory; nil while the block has none (after `take`, until an element is added).
    private var base: UnsafeMutablePointer<Element>?
    private var capacity: Int
    /// The room made once an element is added to a block that has no memory.
    private var nextCapacity = 8
    /// How many elements are held.
    private(set) var count = 0

    /// An empty block with room for `capacity` elements.
    init(capacity: Int) {
        self.capacity = max(capacity, 8)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base?.deinitialize(count: count)
        base?.deallocate()
    }

    /// The memory, which a block holding elements or room for them has.
    @inline(__always)
    private var memory: UnsafeMutablePointer<Element> { base.unsafelyUnwrapped }

    @inline(__always)
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "index out of range")
        return memory[index]
    }

    @inline(__always)
    mutating func append(_ element: consuming Element) {
        if count == capacity { grow(to: count + 1) }
        (memory + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf elements: some Collection<Element>) {
        if count + elements.count > capacity { grow(to: count + elements.count) }
        guard !elements.isEmpty else { return }
        // Elements in one block of memory (a collection's children, taken from the pending list)
        // are copied at once, not one by one.
        let target = memory + count
        let copied = elements.withContiguousStorageIfAvailable { buffer -> Bool in
            guard let source = buffer.baseAddress else { return false }
            target.initialize(from: source, count: buffer.count)
            return true
        }
        if copied != true {
            var place = target
            for element in elements {
                place.initialize(to: element)
                place += 1
            }
        }
        count += elements.count
    }

    /// The last element, if any.
    var last: Element? {
        count > 0 ? memory[count - 1] : nil
    }

    /// Removes the last `removed` elements.
    mutating func removeLast(_ removed: Int) {
        precondition(removed >= 0 && removed <= count, "removing more elements than held")
        guard removed > 0 else { return }
        (memory + count - removed).deinitialize(count: removed)
        count -= removed
    }

    /// Removes and returns the last element, if any.
    mutating func popLast() -> Element? {
        guard count > 0 else { return nil }
        count -= 1
        return (memory + count).move()
    }

    /// Appends copies of the elements in `buffer`.
    @inline(__always)
    mutating func append(copying buffer: UnsafeBufferPointer<Element>) {
        if count + buffer.count > capacity { grow(to: count + buffer.count) }
        if let source = buffer.baseAddress, buffer.count > 0 { (memory + count).initialize(from: source, count: buffer.count) }
        count += buffer.count
    }

    /// `count` elements from `start`, read in place (valid until the block changes).
    @inline(__always)
    func elements(_ start: Int, count length: Int) -> UnsafeBufferPointer<Element> {
        precondition(start >= 0 && length >= 0 && start + length <= count, "range out of bounds")
        return UnsafeBufferPointer(start: base.map { $0 + start }, count: length)
    }

    /// Hands the elements over: the caller owns the returned memory (and must deinitialize and
    /// deallocate it; its base is nil when the block had none). The block starts again, empty,
    /// and makes room for `nextCapacity` elements only once one is added: a file of one document
    /// never adds one, and the memory made for a next document was freed unused.
    mutating func take(nextCapacity: Int) -> UnsafeMutableBufferPointer<Element> {
        let taken = UnsafeMutableBufferPointer(start: base, count: count)
        self.nextCapacity = max(nextCapacity, 8)
        capacity = 0
        base = nil
        count = 0
        return taken
    }

    private mutating func grow(to minimum: Int) {
        let grown = max(capacity * 2, minimum, nextCapacity)
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: grown)
        if let base {
            moved.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = moved
        capacity = grown
    }
}
