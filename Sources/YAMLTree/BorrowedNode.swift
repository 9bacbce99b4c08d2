/// A node read without holding its document: a place in a document that a `YAMLNode` keeps alive.
///
/// Every `YAMLNode` holds its document, so making one (a mapping's value, a list's item) counts a
/// reference to the document, an atomic operation, and dropping it counts again: reading the
/// fields of a record cost some 185 of them. A borrowed node is the place and nothing more. It is
/// valid only inside `YAMLNode.withBorrowed(_:)` of a node of the same document, and must not be
/// kept past it (as the pointer of `withUnsafeBufferPointer`); `owned` makes a `YAMLNode` of it
/// that may be kept.
public struct BorrowedNode {
    @usableFromInline let document: Unmanaged<YAMLDocument>
    @usableFromInline let index: Int

    @inlinable
    init(document: Unmanaged<YAMLDocument>, index: Int) {
        self.document = document
        self.index = index
    }

    /// The node at `index` of the same document.
    @inlinable
    func node(_ index: Int32) -> BorrowedNode {
        BorrowedNode(document: document, index: Int(index))
    }

    @inlinable
    var entry: YAMLDocument.Entry {
        document._withUnsafeGuaranteedRef { $0.entries[index] }
    }

    /// The node as a `YAMLNode`, which holds the document and may be kept.
    public var owned: YAMLNode {
        YAMLNode(document: document.takeUnretainedValue(), index: index)
    }

    /// The node's kind.
    @inlinable
    public var kind: YAMLNode.Kind { entry.kind }

    /// Where the node starts and ends in its file.
    @inlinable
    public var range: SourceRange { entry.range }

    /// Where the node starts.
    @inlinable
    public var position: SourcePosition { entry.range.start }

    /// The explicit tag, if the source gave one.
    public var tag: String? {
        document._withUnsafeGuaranteedRef { $0.tag(at: index) }
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        document._withUnsafeGuaranteedRef { $0.scalar(at: index) }
    }

    /// The scalar's value resolved by the YAML 1.2 core schema; nil for collections.
    public var coreValue: CoreValue? {
        document._withUnsafeGuaranteedRef { $0.coreValue(at: index) }
    }

    /// How many items, if this node is a sequence.
    @inlinable
    public var itemCount: Int? {
        document._withUnsafeGuaranteedRef { $0.itemCount(at: index) }
    }

    /// The item at `position` of this sequence (`0..<itemCount`).
    @inlinable
    public func item(_ position: Int) -> BorrowedNode {
        let entry = entry
        precondition(entry.kind == .sequence && position >= 0 && position < Int(entry.count), "index out of range")
        return node(document._withUnsafeGuaranteedRef { $0.children[Int(entry.first) + position] })
    }

    /// The value for a scalar key in a mapping, or nil when absent or when this is not a mapping.
    @inlinable
    public subscript(key: String) -> BorrowedNode? {
        document._withUnsafeGuaranteedRef { document -> BorrowedNode? in
            let place = YAMLNode.valuePlace(in: document, entry: document.entries[index], key: key, length: Int32(clamping: key.utf8.count))
            return place.map { node(document.children[$0]) }
        }
    }

    /// Goes through the items of this sequence: a mapping's value for the scalar key `key`, when it
    /// has one, is handed to `value`; an item that is a sequence is handed to `sequence` whole; a
    /// scalar is passed over. (The same as `item(i)[key]` of each item, with the key measured
    /// once.) Nothing is done when this is no sequence.
    public func forEachItem(key: String, value: (BorrowedNode) -> Void, sequence: (BorrowedNode) -> Void) {
        let entry = entry
        guard entry.kind == .sequence else { return }
        let length = Int32(clamping: key.utf8.count)
        let first = Int(entry.first)
        document._withUnsafeGuaranteedRef { document in
            for place in first..<(first + Int(entry.count)) {
                let item = document.children[place]
                let itemEntry = document.entries[Int(item)]
                switch itemEntry.kind {
                case .mapping:
                    if let found = YAMLNode.valuePlace(in: document, entry: itemEntry, key: key, length: length) {
                        value(node(document.children[found]))
                    }
                case .sequence: sequence(node(item))
                case .scalar: break
                }
            }
        }
    }

    /// The places of a mapping's pairs, in written order (none when this is no mapping), read with
    /// `keyText(at:)`, `key(at:)` and `value(at:)`.
    @inlinable
    public var pairPlaces: StrideTo<Int> {
        document._withUnsafeGuaranteedRef { $0.pairPlaces(at: index) }
    }

    /// The text of the key at a place of `pairPlaces`; nil when the key is no scalar.
    public func keyText(at place: Int) -> String? {
        document._withUnsafeGuaranteedRef { $0.keyText(at: place) }
    }

    /// The key at a place of `pairPlaces`.
    @inlinable
    public func key(at place: Int) -> BorrowedNode {
        node(document._withUnsafeGuaranteedRef { $0.children[place] })
    }

    /// The value at a place of `pairPlaces`.
    @inlinable
    public func value(at place: Int) -> BorrowedNode {
        node(document._withUnsafeGuaranteedRef { $0.children[place + 1] })
    }
}

extension YAMLNode {
    /// Calls `body` with this node borrowed: it, and every node read from it, is valid until
    /// `body` returns (see `BorrowedNode`).
    @inlinable
    public func withBorrowed<Result>(_ body: (BorrowedNode) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(document) { try body(unsafeBorrowed) }
    }

    /// This node borrowed without a scope: valid only while this node, or another that holds its
    /// document, is alive, which the caller must see to (code that reads a node held by a
    /// constant it holds itself, as a rule's evaluation reads its record). A node read through
    /// `withBorrowed(_:)` is the one to prefer; reaching a node held in a list of a class through
    /// it counts the document, which this does not.
    @inlinable
    public var unsafeBorrowed: BorrowedNode {
        BorrowedNode(document: .passUnretained(document), index: index)
    }
}

/// Reading a node of a document by its entry's number, for `YAMLNode` and `BorrowedNode` alike.
extension YAMLDocument {
    /// How many items the node at entry `index` has, if it is a sequence.
    @inlinable
    func itemCount(at index: Int) -> Int? {
        let entry = entries[index]
        return entry.kind == .sequence ? Int(entry.count) : nil
    }

    /// The places in `children` of the keys of the node at entry `index` (none when it is no
    /// mapping); the value of each follows its key.
    @inlinable
    func pairPlaces(at index: Int) -> StrideTo<Int> {
        let entry = entries[index]
        let first = Int(entry.first)
        return stride(from: first, to: entry.kind == .mapping ? first + Int(entry.count) : first, by: 2)
    }

    /// The text of the key at a place of `children`; nil when the key is no scalar.
    @usableFromInline
    func keyText(at place: Int) -> String? {
        let keyEntry = entries[Int(children[place])]
        return keyEntry.kind == .scalar ? string(of: keyEntry) : nil
    }

    /// The scalar at entry `index`, or nil when that node is a collection.
    @usableFromInline
    func scalar(at index: Int) -> YAMLScalar? {
        let entry = entries[index]
        return entry.kind == .scalar ? YAMLScalar(text: string(of: entry), style: entry.style) : nil
    }

    /// The value of the node at entry `index` resolved by the YAML 1.2 core schema; nil for a
    /// collection. An untagged scalar (nearly all) is resolved from its text and style as they
    /// lie, without a `YAMLScalar` made of it and its tag compared with each of the schema's.
    @usableFromInline
    func coreValue(at index: Int) -> CoreValue? {
        let entry = entries[index]
        guard entry.kind == .scalar else { return nil }
        guard entry.tag < 0 else { return CoreValue.resolve(YAMLScalar(text: string(of: entry), style: entry.style), tag: tags[Int(entry.tag)]) }
        return entry.style == .plain ? CoreValue.resolvePlain(string(of: entry)) : .string(string(of: entry))
    }

    /// The explicit tag of the node at entry `index`, if the source gave one.
    @usableFromInline
    func tag(at index: Int) -> String? {
        let number = entries[index].tag
        return number < 0 ? nil : tags[Int(number)]
    }
}
