/// The nodes of one YAML document, stored together: an entry per node, the scalars' texts, and the
/// children of every collection as entry numbers, each in one block of memory.
///
/// A document is built once and never changed. A tree of separate nodes (an array per collection,
/// an enum per node) cost an allocation per collection to build and, when a record was done with,
/// a chain of releases through every node to take apart. The blocks are read through pointers the
/// document owns, so reading a node retains nothing (an array's storage was retained and released
/// on every read); they are only read, so a document may be shared across tasks.
@usableFromInline
final class YAMLDocument: @unchecked Sendable {
    /// One node: where it is, what it is, and where its text or children are.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var range: SourceRange
        @usableFromInline var kind: YAMLNode.Kind
        @usableFromInline var style: ScalarStyle
        /// The explicit tag's number in `tags`, or -1 for an implicit tag.
        @usableFromInline var tag: Int32
        /// A scalar's text's number in `scalars`; a collection's first child's place in `children`.
        @usableFromInline var first: Int32
        /// A collection's number of children (a mapping's keys and values alternate); a scalar's
        /// length in bytes (at most `Int32.max`), so keys of another length are passed over unread.
        @usableFromInline var count: Int32
    }

    @usableFromInline let entries: UnsafeMutableBufferPointer<Entry>
    @usableFromInline let scalars: UnsafeMutableBufferPointer<String>
    /// The children of every collection, as entry numbers; an alias is the number of the node it names.
    @usableFromInline let children: UnsafeMutableBufferPointer<Int32>
    @usableFromInline let tags: [String]

    /// A document that owns the given memory (each block initialized to its count) from now on.
    init(entries: UnsafeMutableBufferPointer<Entry>, scalars: UnsafeMutableBufferPointer<String>,
         children: UnsafeMutableBufferPointer<Int32>, tags: [String]) {
        self.entries = entries
        self.scalars = scalars
        self.children = children
        self.tags = tags
    }

    deinit {
        entries.deallocate()
        children.deallocate()
        // The texts are released one by one in code made for `String`: deinitializing the block
        // as a whole goes through the runtime's generic destruction, a call per text.
        if let base = scalars.baseAddress {
            for index in 0..<scalars.count { _ = (base + index).move() }
        }
        scalars.deallocate()
    }
}

/// Collects the nodes of one document as they are made, children before their collection.
struct YAMLDocumentBuilder: ~Copyable {
    /// The most entries (and children) a document may hold: they are numbered in 32 bits.
    static let capacity = Int(Int32.max)

    private var entries: NodeBlock<YAMLDocument.Entry>
    private var scalars: NodeBlock<String>
    private var tags: [String] = []
    private var children: NodeBlock<Int32>

    /// Room for about `nodes` nodes, made at once rather than grown append by append.
    init(expectedNodes nodes: Int = 0) {
        entries = NodeBlock(capacity: nodes)
        scalars = NodeBlock(capacity: nodes * 3 / 4)
        children = NodeBlock(capacity: nodes)
    }

    /// The text of a scalar node, or nil for a collection.
    func scalarText(_ node: Int32) -> String? {
        let entry = entries[Int(node)]
        return entry.kind == .scalar ? scalars[Int(entry.first)] : nil
    }

    /// A node's entry.
    func entry(_ node: Int32) -> YAMLDocument.Entry {
        entries[Int(node)]
    }

    /// Where a node starts.
    func position(of node: Int32) -> SourcePosition {
        entries[Int(node)].range.start
    }

    /// A collection's child at `place` in the children.
    func child(at place: Int) -> Int32 {
        children[place]
    }

    /// An explicit tag by its number.
    func tag(_ number: Int32) -> String {
        tags[Int(number)]
    }

    /// Whether `nodes` more entries and `children` more children still fit.
    func hasRoom(nodes: Int, children more: Int) -> Bool {
        entries.count + nodes < Self.capacity && children.count + more < Self.capacity
    }

    /// Adds a scalar and returns its entry number.
    @inline(__always)
    mutating func appendScalar(_ scalar: YAMLScalar, range: SourceRange, tag: String?) -> Int32 {
        appendScalar(text: scalar.text, style: scalar.style, range: range, tag: tag)
    }

    /// Adds a scalar of this text and style (the text moved into the document, not copied).
    @inline(__always)
    mutating func appendScalar(text: consuming String, style: ScalarStyle, range: SourceRange, tag: String?) -> Int32 {
        let length = Int32(clamping: text.utf8.count)
        scalars.append(text)
        return append(YAMLDocument.Entry(
            range: range, kind: .scalar, style: style, tag: number(of: tag), first: Int32(scalars.count - 1), count: length))
    }

    /// Adds a collection whose children (entry numbers, a mapping's keys and values alternating)
    /// are already in the document, and returns its entry number.
    mutating func appendCollection(
        _ kind: YAMLNode.Kind, children members: some Collection<Int32>, range: SourceRange, tag: String?
    ) -> Int32 {
        let first = Int32(children.count)
        children.append(contentsOf: members)
        return append(YAMLDocument.Entry(
            range: range, kind: kind, style: .plain, tag: number(of: tag), first: first, count: Int32(children.count) - first))
    }

    /// Adds a copy of a node of another document, and of everything under it; returns its entry number.
    mutating func appendCopy(of node: YAMLNode) -> Int32 {
        let entry = node.document.entries[node.index]
        if entry.kind == .scalar {
            return appendScalar(YAMLScalar(text: node.document.scalars[Int(entry.first)], style: entry.style), range: entry.range, tag: node.tag)
        }
        var members: [Int32] = []
        members.reserveCapacity(Int(entry.count))
        for place in Int(entry.first)..<Int(entry.first + entry.count) {
            members.append(appendCopy(of: YAMLNode(document: node.document, index: Int(node.document.children[place]))))
        }
        return appendCollection(entry.kind, children: members, range: entry.range, tag: node.tag)
    }

    /// The finished document, which takes the builder's memory; the builder starts again, empty,
    /// with room for another document of the same size.
    mutating func finish() -> YAMLDocument {
        let document = YAMLDocument(
            entries: entries.take(nextCapacity: entries.count), scalars: scalars.take(nextCapacity: scalars.count),
            children: children.take(nextCapacity: children.count), tags: tags)
        tags = []
        return document
    }

    @inline(__always)
    private mutating func append(_ entry: YAMLDocument.Entry) -> Int32 {
        entries.append(entry)
        return Int32(entries.count - 1)
    }

    @inline(__always)
    private mutating func number(of tag: String?) -> Int32 {
        guard let tag else { return -1 }
        tags.append(tag)
        return Int32(tags.count - 1)
    }
}
