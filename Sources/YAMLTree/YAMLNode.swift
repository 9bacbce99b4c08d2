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
/// Aliases are resolved when the tree is built, so an alias appears as a copy of the
/// node it names (copies are cheap: the storage is shared).
public struct YAMLNode: Sendable {
    /// What a node holds.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    /// The node's content.
    public var content: Content
    /// Where the node starts and ends in its file.
    public var range: SourceRange
    /// The explicit tag, if the source gave one (`!!str`, `!custom`); nil for implicit tags.
    public var tag: String?

    /// Creates a node.
    public init(_ content: Content, range: SourceRange, tag: String? = nil) {
        self.content = content
        self.range = range
        self.tag = tag
    }

    /// Where the node starts.
    public var position: SourcePosition { range.start }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, if this node is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs, if this node is a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a scalar key in a mapping, or nil when absent or when this is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content, let index = Self.index(of: key, in: pairs) else { return nil }
        return pairs[index].value
    }

    /// What `body` makes of the value for a scalar key, or nil when absent or when this is not a
    /// mapping. The value is lent to `body` where it lies in the mapping: the subscript's copy
    /// retained its text or items, and released them again, on every field a rule read.
    @inlinable
    public func withValue<Result>(for key: String, _ body: (YAMLNode) -> Result) -> Result? {
        guard case .mapping(let pairs) = content, let index = Self.index(of: key, in: pairs) else { return nil }
        return body(pairs[index].value)
    }

    /// The pair whose key is the given scalar, so callers can point at the key itself.
    public func pair(for key: String) -> YAMLPair? {
        guard case .mapping(let pairs) = content, let index = Self.index(of: key, in: pairs) else { return nil }
        return pairs[index]
    }

    /// The first pair whose key is the scalar `key`; keys are compared in place, without copying a
    /// node, and by length first (most keys of a mapping differ in length from the one sought, and
    /// the length is at hand while a string comparison is a call).
    @usableFromInline
    static func index(of key: String, in pairs: [YAMLPair]) -> Int? {
        let length = key.utf8.count
        for index in pairs.indices {
            if case .scalar(let scalar) = pairs[index].key.content, scalar.text.utf8.count == length, scalar.text == key { return index }
        }
        return nil
    }

    /// A word for the node's kind, for messages ("a mapping", "a list", "a text").
    public var kindDescription: String {
        switch content {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }

    /// The scalar's value resolved by the YAML 1.2 core schema; nil for collections.
    public var coreValue: CoreValue? {
        guard let scalar else { return nil }
        return CoreValue.resolve(scalar, tag: tag)
    }
}
