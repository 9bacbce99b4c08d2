/// Writes new nodes into one document: a record made from a ledger's row, a record whose names were
/// rewritten to codes. Children are written before the collection that holds them.
///
/// (Each node made on its own is a document of its own, and a collection made of such nodes copies
/// them into its document: a tree made node by node was copied once for every level.)
public struct YAMLTreeWriter: ~Copyable {
    /// A node written so far, to be used as a child or as the root.
    public struct Written: Sendable {
        fileprivate let number: Int32
    }

    private var document = YAMLDocumentBuilder()

    /// An empty writer.
    public init() {}

    /// Writes a scalar.
    public mutating func scalar(_ scalar: YAMLScalar, range: SourceRange, tag: String? = nil) -> Written {
        Written(number: document.appendScalar(scalar, range: range, tag: tag))
    }

    /// Writes a sequence of nodes written before.
    public mutating func sequence(_ items: [Written], range: SourceRange, tag: String? = nil) -> Written {
        Written(number: document.appendCollection(.sequence, children: items.lazy.map(\.number), range: range, tag: tag))
    }

    /// Writes a mapping of nodes written before.
    public mutating func mapping(_ pairs: [(key: Written, value: Written)], range: SourceRange, tag: String? = nil) -> Written {
        var members: [Int32] = []
        members.reserveCapacity(pairs.count * 2)
        for pair in pairs { members += [pair.key.number, pair.value.number] }
        return Written(number: document.appendCollection(.mapping, children: members, range: range, tag: tag))
    }

    /// Writes a copy of a node of another document, and of everything under it.
    public mutating func copy(_ node: YAMLNode) -> Written {
        Written(number: document.appendCopy(of: node))
    }

    /// The finished tree, whose root is `root`.
    public consuming func finish(root: Written) -> YAMLNode {
        YAMLNode(document: document.finish(), index: Int(root.number))
    }
}
