/// Builds nodes from events with an explicit stack, resolving aliases and enforcing limits.
///
/// The children of every open collection wait on one shared list, innermost collection last, and
/// a collection takes its children from there in one piece when it ends: one allocation per
/// collection instead of an array that grows append by append.
struct TreeBuilder {
    private struct Frame {
        var isMapping: Bool
        var start: SourcePosition
        var tag: String?
        var anchor: String?
        /// Where the collection's children start in `children`.
        var firstChild: Int
        var keyIndex: [String: SourcePosition]?
        /// Nodes in this collection's subtree, itself included, counting alias copies.
        var nodeCount = 1
    }

    private let file: String
    private let limits: YAMLLimits
    private var stack: [Frame] = []
    /// The children of the open collections; a mapping's keys and values alternate.
    private var children: [YAMLNode] = []
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    private var expandedByAliases = 0
    private var root: YAMLNode?

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
    }

    /// The finished document's root, and a clean slate for the next document.
    mutating func finishDocument() -> YAMLNode? {
        defer {
            root = nil
            anchors.removeAll(keepingCapacity: true)
            // Anchors are per document, and so is the alias budget.
            expandedByAliases = 0
        }
        return root
    }

    /// Adds one event to the tree, reading the texts it needs from the parser the event came from.
    mutating func consume(_ event: Event, from parser: EventParser) throws(YAMLError) {
        switch event.type {
        case .scalar: try addScalar(event, from: parser)
        case .alias: try addAlias(event, from: parser)
        case .sequenceStart, .mappingStart: try open(event, from: parser)
        case .sequenceEnd, .mappingEnd: try close(event)
        default: break
        }
    }

    /// A scalar, within the size limit, as a node.
    private mutating func addScalar(_ event: Event, from parser: EventParser) throws(YAMLError) {
        let byteCount = parser.scalarByteCount
        if byteCount > limits.maxScalarBytes {
            throw error(.size, "a scalar of \(byteCount) bytes exceeds the limit of \(limits.maxScalarBytes) bytes (raise it with --max-scalar-bytes)", at: event.start)
        }
        children.append(YAMLNode(.scalar(parser.scalar), range: SourceRange(start: event.start, end: event.end), tag: parser.tag))
        try adoptLastChild(count: 1, anchor: parser.anchor)
    }

    /// An alias, as a copy of the node its anchor names, within the expansion budget.
    private mutating func addAlias(_ event: Event, from parser: EventParser) throws(YAMLError) {
        let name = parser.anchor ?? ""
        guard let anchored = anchors[name] else {
            throw error(.undefinedAlias, "the alias *\(name) names no anchor defined before it", at: event.start)
        }
        expandedByAliases += anchored.count
        if expandedByAliases > limits.maxAliasExpansion {
            throw error(.aliasExpansion, "aliases expand to more than \(limits.maxAliasExpansion) nodes (a \"billion laughs\" file?); raise the limit with --max-alias-expansion if the file is genuine", at: event.start)
        }
        children.append(anchored.node)
        try adoptLastChild(count: anchored.count, anchor: nil)
    }

    /// A sequence or mapping begins, within the depth limit.
    private mutating func open(_ event: Event, from parser: EventParser) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw error(.nestingDepth, "collections are nested more than \(limits.maxDepth) levels deep (raise the limit with --max-depth)", at: event.start)
        }
        stack.append(Frame(isMapping: event.type == .mappingStart, start: event.start, tag: parser.tag, anchor: parser.anchor, firstChild: children.count))
    }

    /// A sequence or mapping ends: its children become its content.
    private mutating func close(_ event: Event) throws(YAMLError) {
        guard let frame = stack.popLast() else { return }
        let range = SourceRange(start: frame.start, end: event.end)
        // Children are moved off the end of the shared list, last first, and then put in order
        // by swapping them in place (copying them out and then removing them retained and released
        // every node once more; the array's own `reverse` copied each pair three times).
        let content: YAMLNode.Content
        if frame.isMapping {
            // (A mapping's events always pair up; a lone key could only come from a broken parser.)
            if (children.count - frame.firstChild) % 2 == 1 { children.removeLast() }
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity((children.count - frame.firstChild) / 2)
            while children.count > frame.firstChild {
                let value = children.removeLast()
                pairs.append(YAMLPair(key: children.removeLast(), value: value))
            }
            pairs.withUnsafeMutableBufferPointer { $0.reverse() }
            content = .mapping(try applyingMergeKeys(pairs))
        } else {
            var items: [YAMLNode] = []
            items.reserveCapacity(children.count - frame.firstChild)
            while children.count > frame.firstChild { items.append(children.removeLast()) }
            items.withUnsafeMutableBufferPointer { $0.reverse() }
            content = .sequence(items)
        }
        children.append(YAMLNode(content, range: range, tag: frame.tag))
        try adoptLastChild(count: frame.nodeCount, anchor: frame.anchor)
    }

    /// Takes the node just appended to `children` into the open collection, or as the document's
    /// root. (Nodes are appended where they are made, so none is copied on its way in.)
    private mutating func adoptLastChild(count: Int, anchor: String?) throws(YAMLError) {
        if let anchor, let node = children.last { anchors[anchor] = (node, count) }
        guard !stack.isEmpty else {
            root = children.popLast()
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += count
        // In a mapping, an even number of children before this one means it is a key.
        let index = children.count - 1
        if stack[top].isMapping, (index - stack[top].firstChild) % 2 == 0 {
            try checkDuplicate(keyAt: index, in: top)
        }
    }

    /// Small mappings are searched in place; large ones get an index, so a hostile
    /// mapping of many keys stays linear.
    private mutating func checkDuplicate(keyAt keyIndex: Int, in top: Int) throws(YAMLError) {
        guard case .scalar(let scalar) = children[keyIndex].content else { return }
        let text = scalar.text
        let position = children[keyIndex].position
        let keys = stride(from: stack[top].firstChild, to: keyIndex, by: 2)
        var first: SourcePosition?
        if stack[top].keyIndex == nil, (keyIndex - stack[top].firstChild) / 2 < 16 {
            // Compared in place: copying each key would retain its text.
            let length = text.utf8.count
            for index in keys {
                if case .scalar(let other) = children[index].content, other.text.utf8.count == length, other.text == text {
                    first = children[index].position
                    break
                }
            }
        } else {
            if stack[top].keyIndex == nil {
                var index: [String: SourcePosition] = [:]
                for place in keys {
                    if case .scalar(let existing) = children[place].content { index[existing.text] = index[existing.text] ?? children[place].position }
                }
                stack[top].keyIndex = index
            }
            first = stack[top].keyIndex?[text]
            if first == nil { stack[top].keyIndex?[text] = position }
        }
        if let first {
            throw error(.duplicateKey, "the key '\(text)' appears twice in one mapping (first at line \(first.line), column \(first.column))", at: position)
        }
    }

    /// Applies `<<` merge keys as PyYAML does (the one YAML 1.1 feature legality reads): the
    /// mapping, or each mapping of a list, is merged into the mapping holding the key; keys written
    /// there win, and among merged mappings the earlier wins. Merged nodes keep their own positions.
    private func applyingMergeKeys(_ pairs: [YAMLPair]) throws(YAMLError) -> [YAMLPair] {
        guard pairs.contains(where: { Self.isMergeKey($0.key) }) else { return pairs }
        var own: [YAMLPair] = []
        var merged: [YAMLPair] = []
        var mergedKeys: Set<String> = []
        for pair in pairs {
            guard Self.isMergeKey(pair.key) else {
                own.append(pair)
                continue
            }
            let sources = pair.value.mapping != nil ? [pair.value] : (pair.value.sequence ?? [])
            guard !sources.isEmpty, sources.allSatisfy({ $0.mapping != nil }) else {
                throw error(.syntax, "a merge key '<<' takes a mapping or a list of mappings (usually an alias such as *defaults), found \(pair.value.kindDescription)", at: pair.key.position)
            }
            for source in sources {
                for inner in source.mapping ?? [] {
                    guard let key = inner.key.scalar?.text else { continue }
                    if mergedKeys.insert(key).inserted { merged.append(inner) }
                }
            }
        }
        let ownKeys = Set(own.compactMap { $0.key.scalar?.text })
        return own + merged.filter { !ownKeys.contains($0.key.scalar?.text ?? "") }
    }

    private static func isMergeKey(_ key: YAMLNode) -> Bool {
        // Asked of every key of every mapping: the length is compared before the text.
        guard case .scalar(let scalar) = key.content, scalar.text.utf8.count == 2, scalar.text == "<<", scalar.style == .plain else { return false }
        return key.tag == nil || key.tag == "tag:yaml.org,2002:merge"
    }

    private func error(_ kind: YAMLError.Kind, _ message: String, at position: SourcePosition) -> YAMLError {
        YAMLError(kind: kind, message: message, file: file, position: position)
    }
}
