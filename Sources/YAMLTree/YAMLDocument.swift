/// The nodes of one YAML document, stored together: an entry per node, the scalars' texts, and the
/// children of every collection as entry numbers, each in one block of memory.
///
/// A document is built once and never changed. A tree of separate nodes (an array per collection,
/// an enum per node) cost an allocation per collection to build and, when a record was done with,
/// a chain of releases through every node to take apart. The blocks are read through pointers the
/// document owns, so reading a node retains nothing (an array's storage was retained and released
/// on every read); they are only read, so a document may be shared across tasks.
///
/// A text of up to 15 bytes (keys, codes, dates, most of a record's scalars) is kept as a `String`,
/// which holds it in place, without an allocation, and compares it as two words. A longer text
/// parsed (titles, names, references) is kept as bytes, one after another in one block, and made a
/// string only when it is read: most are never read, and making each a string as it was parsed (an
/// allocation, a check of its UTF-8, a release with the document) cost more than libyaml's work. A
/// longer text written as a string (`YAMLTreeWriter`: a ledger's row) stays the string it is.
@usableFromInline
final class YAMLDocument: @unchecked Sendable {
    /// One node: where it is, what it is, and where its text or children are.
    @usableFromInline
    struct Entry: Sendable {
        @usableFromInline var range: SourceRange
        @usableFromInline var kind: YAMLNode.Kind
        @usableFromInline var style: ScalarStyle
        /// Whether a scalar's text is bytes in `text` (else a string in `scalars`).
        @usableFromInline var inBytes = false
        /// The explicit tag's number in `tags`, or -1 for an implicit tag.
        @usableFromInline var tag: Int32
        /// A scalar's text's number in `scalars`, or its start in `text` (see `inBytes`); a
        /// collection's first child's place in `children`.
        @usableFromInline var first: Int32
        /// A collection's number of children (a mapping's keys and values alternate); a scalar's
        /// length in bytes, so keys of another length are passed over unread.
        @usableFromInline var count: Int32
    }

    @usableFromInline let entries: UnsafeMutableBufferPointer<Entry>
    /// The texts of the scalars not `inBytes`.
    @usableFromInline let scalars: UnsafeMutableBufferPointer<String>
    /// The texts of the scalars `inBytes`, as UTF-8, one after another (valid: libyaml refuses invalid input,
    /// and a node written by `YAMLTreeWriter` comes from a `String`).
    @usableFromInline let text: UnsafeMutableBufferPointer<UInt8>
    /// The children of every collection, as entry numbers; an alias is the number of the node it names.
    @usableFromInline let children: UnsafeMutableBufferPointer<Int32>
    @usableFromInline let tags: [String]
    /// Whether some text in `scalars` may own memory: only a text written as a string
    /// (`YAMLTreeWriter`, a copied node) may; one parsed is at most 15 bytes, held in place.
    private let mayOwnTextMemory: Bool

    /// A document that owns the given memory (each block initialized to its count) from now on.
    init(entries: UnsafeMutableBufferPointer<Entry>, scalars: UnsafeMutableBufferPointer<String>,
         text: UnsafeMutableBufferPointer<UInt8>, children: UnsafeMutableBufferPointer<Int32>, tags: [String],
         mayOwnTextMemory: Bool = true) {
        self.entries = entries
        self.scalars = scalars
        self.text = text
        self.children = children
        self.tags = tags
        self.mayOwnTextMemory = mayOwnTextMemory
    }

    deinit {
        entries.deallocate()
        children.deallocate()
        text.deallocate()
        // The texts are released one by one in code made for `String` (deinitializing the block
        // as a whole went through the runtime's generic destruction, a call per text), and only
        // when one may own memory: a parsed document's texts are held in place, and releasing
        // each of them, to no effect, was a call per scalar of every record.
        if mayOwnTextMemory, let base = scalars.baseAddress {
            for index in 0..<scalars.count { _ = (base + index).move() }
        }
        scalars.deallocate()
    }

    /// A scalar's text.
    @inlinable
    func string(of entry: Entry) -> String {
        entry.inBytes ? ScalarText.string(bytes(of: entry)) : scalars[Int(entry.first)]
    }

    /// Whether a scalar's text, of the same length in bytes as `other`, equals it as strings do.
    @inlinable
    func hasText(_ entry: Entry, _ other: String) -> Bool {
        guard entry.inBytes else { return scalars[Int(entry.first)] == other }
        var other = other
        return other.withUTF8 { ScalarText.equal(bytes(of: entry), $0) }
    }

    /// The bytes of a scalar's text kept `inBytes`.
    @inlinable
    func bytes(of entry: Entry) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(entry.first)..<Int(entry.first) + Int(entry.count)])
    }
}

/// Scalar texts as bytes: made into strings, compared.
@usableFromInline
enum ScalarText {
    /// The most bytes of UTF-8 a `String` holds in place, without an allocation (on 64-bit platforms).
    @inlinable
    static var inPlaceCapacity: Int { 15 }

    /// A string of UTF-8 bytes. A short one is copied into a string of its own size (no
    /// allocation) before it is checked as UTF-8, which costs less than decoding it through the
    /// general path.
    @usableFromInline
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count <= inPlaceCapacity else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            // (Copied as raw memory: the generic `initialize(from:)` cost three times the copy.)
            if let source = bytes.baseAddress, let target = buffer.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: bytes.count)
            }
            return bytes.count
        }
    }

    /// Whether two texts of the same length in bytes are equal as strings are: the same bytes, or
    /// canonically equivalent, as `String`'s `==` says. Texts whose first different bytes are both
    /// ASCII differ (two different ASCII characters after the same bytes stay different in every
    /// canonical form); otherwise the strings are compared.
    @usableFromInline
    static func equal(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in first.indices {
            let (one, other) = (first[index], second[index])
            if one != other { return (one | other) < 0x80 ? false : string(first) == string(second) }
        }
        return true
    }
}

/// Collects the nodes of one document as they are made, children before their collection.
struct YAMLDocumentBuilder: ~Copyable {
    /// The most entries, children and bytes of long texts a document may hold: they are numbered
    /// in 32 bits.
    static let capacity = Int(Int32.max)

    private var entries: NodeBlock<YAMLDocument.Entry>
    private var scalars: NodeBlock<String>
    private var text: NodeBlock<UInt8>
    private var tags: [String] = []
    private var children: NodeBlock<Int32>
    /// Whether a text was added as a string that may own memory (not made from parsed bytes).
    private var addedOwnedText = false

    /// Room for about `nodes` nodes, made at once rather than grown append by append.
    init(expectedNodes nodes: Int = 0) {
        entries = NodeBlock(capacity: nodes)
        scalars = NodeBlock(capacity: nodes * 3 / 4)
        text = NodeBlock(capacity: nodes * 4)
        children = NodeBlock(capacity: nodes)
    }

    /// The text of a scalar node, or nil for a collection.
    func scalarText(_ node: Int32) -> String? {
        let entry = entries[Int(node)]
        guard entry.kind == .scalar else { return nil }
        return entry.inBytes ? ScalarText.string(bytes(of: entry)) : scalars[Int(entry.first)]
    }

    /// Whether two scalar nodes whose texts have the same length in bytes have equal texts, as
    /// strings are equal.
    func sameText(_ node: Int32, _ other: Int32) -> Bool {
        let (entry, otherEntry) = (entries[Int(node)], entries[Int(other)])
        switch (entry.inBytes, otherEntry.inBytes) {
        case (false, false): return scalars[Int(entry.first)] == scalars[Int(otherEntry.first)]
        case (true, true): return ScalarText.equal(bytes(of: entry), bytes(of: otherEntry))
        default: return scalarText(node) == scalarText(other)
        }
    }

    private func bytes(of entry: YAMLDocument.Entry) -> UnsafeBufferPointer<UInt8> {
        text.elements(Int(entry.first), count: Int(entry.count))
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

    /// The bytes of text of a node's scalars, its own and its descendants' (an alias's node counted
    /// again wherever it stands).
    func textBytes(under node: Int32) -> Int {
        var total = 0
        var waiting = [node]
        while let next = waiting.popLast() {
            let entry = entries[Int(next)]
            if entry.kind == .scalar {
                total += Int(entry.count)
            } else {
                for place in Int(entry.first)..<(Int(entry.first) + Int(entry.count)) { waiting.append(children[place]) }
            }
        }
        return total
    }

    /// An explicit tag by its number.
    func tag(_ number: Int32) -> String {
        tags[Int(number)]
    }

    /// How many nodes the document holds so far.
    var nodeCount: Int { entries.count }

    /// Whether `nodes` more entries, `children` more children and `bytes` more bytes of text still
    /// fit: the entries below `nodeLimit` (a limit of the caller's, no more than `capacity`).
    func hasRoom(nodes: Int, children more: Int, bytes: Int = 0, nodeLimit: Int = capacity) -> Bool {
        entries.count + nodes < nodeLimit && children.count + more < Self.capacity && text.count + bytes < Self.capacity
    }

    /// Adds a scalar, its text kept as the string it is, and returns its entry number. (A document
    /// written so, a ledger's row or a record rewritten, holds far fewer than 2^31 scalars.)
    mutating func appendScalar(_ scalar: YAMLScalar, range: SourceRange, tag: String?) -> Int32 {
        addedOwnedText = true
        return appendString(scalar.text, length: scalar.text.utf8.count, style: scalar.style, range: range, tag: tag)
    }

    /// Adds a scalar of this text (a short one made a string, a longer one copied into the
    /// document's bytes) and style, and returns its entry number; the caller has made sure that
    /// it fits (`hasRoom`).
    @inline(__always)
    mutating func appendScalar(bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, range: SourceRange, tag: String?) -> Int32 {
        if bytes.count <= ScalarText.inPlaceCapacity {
            return appendString(ScalarText.string(bytes), length: bytes.count, style: style, range: range, tag: tag)
        }
        let first = Int32(text.count)
        text.append(copying: bytes)
        return append(YAMLDocument.Entry(
            range: range, kind: .scalar, style: style, inBytes: true, tag: number(of: tag), first: first, count: Int32(bytes.count)))
    }

    @inline(__always)
    private mutating func appendString(
        _ string: consuming String, length: Int, style: ScalarStyle, range: SourceRange, tag: String?
    ) -> Int32 {
        scalars.append(string)
        return append(YAMLDocument.Entry(
            range: range, kind: .scalar, style: style, tag: number(of: tag), first: Int32(scalars.count - 1), count: Int32(clamping: length)))
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
            guard entry.inBytes else {
                addedOwnedText = true
                return appendString(node.document.scalars[Int(entry.first)], length: Int(entry.count), style: entry.style, range: entry.range, tag: node.tag)
            }
            return appendScalar(bytes: node.document.bytes(of: entry), style: entry.style, range: entry.range, tag: node.tag)
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
            text: text.take(nextCapacity: text.count),
            children: children.take(nextCapacity: children.count), tags: tags, mayOwnTextMemory: addedOwnedText)
        tags = []
        addedOwnedText = false
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
