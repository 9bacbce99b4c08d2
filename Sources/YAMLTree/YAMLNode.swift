/// The presentation style of a scalar, as written in the source.
public enum ScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's text and how it was written.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text after YAML unescaping and folding.
    public var text: String
    /// How it was written; only plain scalars resolve to null, booleans and numbers.
    public var style: ScalarStyle

    /// Creates a scalar.
    public init(text: String, style: ScalarStyle = .plain) {
        self.text = text
        self.style = style
    }
}

/// One key and its value in a mapping, in source order.
public struct YAMLPair: Sendable {
    /// The key node (nearly always a scalar).
    public var key: YAMLNode
    /// The value node.
    public var value: YAMLNode

    /// Creates a pair.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// An immutable YAML node: a scalar, a sequence or a mapping, with its source range and tag.
///
/// A node is a place in its document's storage (`YAMLDocument`), so copying one costs a reference.
/// Aliases are resolved when the tree is built: an alias is the node it names, with that node's
/// positions.
public struct YAMLNode: Sendable {
    /// What kind of node this is.
    public enum Kind: UInt8, Sendable, CustomStringConvertible {
        case scalar, sequence, mapping

        /// A word for the kind, for messages ("a mapping", "a list", "a scalar").
        public var description: String {
            switch self {
            case .scalar: "a scalar"
            case .sequence: "a list"
            case .mapping: "a mapping"
            }
        }

        /// The same word in Chinese ("映射", "列表", "标量").
        public var chineseDescription: String {
            switch self {
            case .scalar: "标量"
            case .sequence: "列表"
            case .mapping: "映射"
            }
        }
    }

    /// What a node holds, copied out of its document (the items and pairs are new arrays; reading
    /// a field, or going through `items` and `pairs`, copies nothing).
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    @usableFromInline let document: YAMLDocument
    @usableFromInline let index: Int

    @usableFromInline
    init(document: YAMLDocument, index: Int) {
        self.document = document
        self.index = index
    }

    /// Creates a node of its own (a document of its own, holding copies of the children).
    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        var writer = YAMLTreeWriter()
        let root = switch content {
        case .scalar(let scalar): writer.scalar(scalar, range: range, tag: tag)
        case .sequence(let items): writer.sequence(items.map { writer.copy($0) }, range: range, tag: tag)
        case .mapping(let pairs): writer.mapping(pairs.map { (writer.copy($0.key), writer.copy($0.value)) }, range: range, tag: tag)
        }
        self = writer.finish(root: root)
    }

    @inlinable
    var entry: YAMLDocument.Entry { document.entries[index] }

    /// The node's kind.
    @inlinable
    public var kind: Kind { entry.kind }

    /// Where the node starts and ends in its file.
    @inlinable
    public var range: SourceRange { entry.range }

    /// Where the node starts.
    @inlinable
    public var position: SourcePosition { entry.range.start }

    /// The explicit tag, if the source gave one (`!!str`, `!custom`); nil for implicit tags.
    @inlinable
    public var tag: String? {
        document.tag(at: index)
    }

    /// The node's content, copied out (see `Content`).
    public var content: Content {
        if let scalar { return .scalar(scalar) }
        return kind == .sequence ? .sequence(Array(children)) : .mapping(Array(Pairs(children: children)))
    }

    /// The scalar, if this node is one.
    @inlinable
    public var scalar: YAMLScalar? {
        document.scalar(at: index)
    }

    /// The items, if this node is a sequence, as a new array (`items` reads them in place).
    public var sequence: [YAMLNode]? {
        kind == .sequence ? Array(children) : nil
    }

    /// The pairs, if this node is a mapping, as a new array (`pairs` reads them in place).
    public var mapping: [YAMLPair]? {
        pairs.map(Array.init)
    }

    /// How many collections deep the node goes: 1 for a scalar or an empty collection, one more
    /// for each level of collections within it (an alias's node counted where it stands).
    public var nestingDepth: Int {
        var deepest = 1
        var waiting = [(index, 1)]
        while let (next, depth) = waiting.popLast() {
            deepest = max(deepest, depth)
            let entry = document.entries[next]
            guard entry.kind != .scalar else { continue }
            for place in Int(entry.first)..<Int(entry.first + entry.count) {
                let child = Int(document.children[place])
                if document.entries[child].kind != .scalar { waiting.append((child, depth + 1)) } else { deepest = max(deepest, depth + 1) }
            }
        }
        return deepest
    }

    /// The items, if this node is a sequence, read in place.
    @inlinable
    public var items: Children? {
        kind == .sequence ? children : nil
    }

    /// How many items, if this node is a sequence. (Asked without `items`, which holds the
    /// document: counting a reference to it, an atomic operation, for a number.)
    @inlinable
    public var itemCount: Int? {
        document.itemCount(at: index)
    }

    /// The pairs, if this node is a mapping, read in place.
    @inlinable
    public var pairs: Pairs? {
        kind == .mapping ? Pairs(children: children) : nil
    }

    @inlinable
    var children: Children {
        let entry = entry
        return Children(document: document, first: Int(entry.first), count: entry.kind == .scalar ? 0 : Int(entry.count))
    }

    /// The value for a scalar key in a mapping, or nil when absent or when this is not a mapping.
    @inlinable
    public subscript(key: String) -> YAMLNode? {
        valuePlace(for: key).map { YAMLNode(document: document, index: Int(document.children[$0])) }
    }

    /// The pair whose key is the given scalar, so callers can point at the key itself.
    public func pair(for key: String) -> YAMLPair? {
        valuePlace(for: key).map {
            YAMLPair(key: YAMLNode(document: document, index: Int(document.children[$0 - 1])),
                     value: YAMLNode(document: document, index: Int(document.children[$0])))
        }
    }

    /// Where in `children` the value of the first pair whose key is the scalar `key` is; keys are
    /// compared by length first, which each key's entry holds (most keys of a mapping differ in
    /// length from the one sought, and a string comparison is a call).
    @usableFromInline
    func valuePlace(for key: String) -> Int? {
        Self.valuePlace(in: document, entry: entry, key: key, length: Int32(clamping: key.utf8.count))
    }

    /// `valuePlace(for:)` of the node whose entry is `entry`, with the key's length in bytes.
    @usableFromInline
    static func valuePlace(in document: YAMLDocument, entry: YAMLDocument.Entry, key: String, length: Int32) -> Int? {
        guard entry.kind == .mapping else { return nil }
        var place = Int(entry.first)
        let end = place + Int(entry.count)
        while place < end {
            let keyEntry = document.entries[Int(document.children[place])]
            if keyEntry.count == length, keyEntry.kind == .scalar, document.hasText(keyEntry, key) { return place + 1 }
            place += 2
        }
        return nil
    }

    /// The places of a mapping's pairs, in written order (none when this is no mapping): a place
    /// is read with `keyText(at:)`, `key(at:)` and `value(at:)` of this node. (Going through the
    /// places makes no node of each key and value, which `pairs` does, each holding the document.)
    @inlinable
    public var pairPlaces: StrideTo<Int> {
        document.pairPlaces(at: index)
    }

    /// The text of the key at a place of `pairPlaces`; nil when the key is no scalar.
    @inlinable
    public func keyText(at place: Int) -> String? {
        document.keyText(at: place)
    }

    /// The key at a place of `pairPlaces`.
    @inlinable
    public func key(at place: Int) -> YAMLNode {
        YAMLNode(document: document, index: Int(document.children[place]))
    }

    /// The value at a place of `pairPlaces`.
    @inlinable
    public func value(at place: Int) -> YAMLNode {
        YAMLNode(document: document, index: Int(document.children[place + 1]))
    }

    /// A word for the node's kind, for messages ("a mapping", "a list", "a text").
    public var kindDescription: String { kind.description }

    /// The same word in Chinese ("映射", "列表", "标量").
    public var chineseKindDescription: String { kind.chineseDescription }

    /// The scalar's value resolved by the YAML 1.2 core schema; nil for collections.
    public var coreValue: CoreValue? {
        document.coreValue(at: index)
    }

    /// The items of a sequence, read where they lie in the document (`Pairs` reads a mapping's
    /// keys and values, which alternate, through them).
    public struct Children: RandomAccessCollection, Sendable {
        @usableFromInline let document: YAMLDocument
        @usableFromInline let first: Int
        /// How many items.
        public let count: Int

        @inlinable
        init(document: YAMLDocument, first: Int, count: Int) {
            self.document = document
            self.first = first
            self.count = count
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { count }

        @inlinable
        public subscript(position: Int) -> YAMLNode {
            precondition(position >= 0 && position < count, "index out of range")
            return YAMLNode(document: document, index: Int(document.children[first + position]))
        }
    }

    /// The pairs of a mapping, read where they lie in the document (its children, keys and values
    /// alternating, two by two).
    public struct Pairs: RandomAccessCollection, Sendable {
        @usableFromInline let children: Children

        @inlinable
        init(children: Children) {
            self.children = children
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { children.count / 2 }

        @inlinable
        public subscript(position: Int) -> YAMLPair {
            YAMLPair(key: children[2 * position], value: children[2 * position + 1])
        }
    }
}
