import YAMLTree

/// A mapping of a record as read, and its copy once a name in it was rewritten to its code. Most
/// records write codes, and their mappings are kept as they are: the copy is made only then.
struct MappingRewrite {
    /// The mapping as read.
    let original: BorrowedNode
    /// The copy with the rewrites made so far; nil while there are none.
    private(set) var rewritten: YAMLNode?

    init(_ original: BorrowedNode) {
        self.original = original
    }

    /// Replaces the value of `key` with `value`.
    mutating func replace(_ key: String, with value: YAMLNode) {
        rewritten = (rewritten ?? original.owned).replacing(key, with: value)
    }

    /// Replaces the scalar value of `key` with a code (same place, plain style).
    mutating func replace(_ key: String, withCode code: String) {
        rewritten = (rewritten ?? original.owned).replacing(key, with: code)
    }
}
