/// Builds a document's nodes from events with an explicit stack, resolving aliases and enforcing limits.
///
/// The children of every open collection wait on one shared list (as entry numbers), innermost
/// collection last, and a collection takes its children from there in one piece when it ends.
struct TreeBuilder: ~Copyable {
    /// An open collection. (Plain values only: its tag and anchor, which few collections have,
    /// wait in `labels`, and a large mapping's index of keys in `keyIndexes`; a frame that held
    /// them released two empty texts and an empty index when it ended.)
    private struct Frame {
        var isMapping: Bool
        /// Whether the collection has an explicit tag or an anchor, in `labels`.
        var isLabelled: Bool
        var start: SourcePosition
        /// Where the collection's children start in `pending`.
        var firstChild: Int
        /// Nodes in this collection's subtree, itself included, counting alias copies; the
        /// innermost collection's count is `innermostNodeCount` until it ends or another opens.
        var nodeCount = 1
    }

    private let file: String
    private let limits: YAMLLimits
    /// One more than the nodes a document may hold: the lower of `limits.maxNodes` and what a
    /// document can number (`YAMLDocumentBuilder.hasRoom`).
    private let nodeLimit: Int
    private var stack: [Frame] = []
    /// The explicit tags and anchors of the open collections that have one, innermost last.
    private var labels: [(tag: String?, anchor: String?)] = []
    /// The keys of each open mapping too large to be searched in place, by its depth in the stack.
    private var keyIndexes: [Int: [String: SourcePosition]] = [:]
    /// The node count of the innermost open collection, the one field of the stack changed for
    /// every node (changing it in the stack checked the array's storage for a sole owner each time).
    private var innermostNodeCount = 0
    /// The children of the open collections; a mapping's keys and values alternate. (A block, not
    /// an array: an array checked its storage for a sole owner on every append.)
    private var pending = NodeBlock<Int32>(capacity: 64)
    private var document: YAMLDocumentBuilder
    private var anchors: [String: (node: Int32, count: Int)] = [:]
    private var expandedByAliases = 0
    private var expandedTextBytes = 0
    private var root: Int32?
    /// Whether the document has a scalar `<<`, the one text a merge key can be: its mappings are
    /// searched for merge keys only then (most documents have none, and every mapping was searched).
    private var mayHaveMergeKeys = false

    /// - Parameter expectedNodes: about how many nodes the first document has, so its storage is
    ///   made once at that size.
    init(file: String, limits: YAMLLimits, expectedNodes: Int) {
        self.file = file
        self.limits = limits
        nodeLimit = limits.maxNodes < YAMLDocumentBuilder.capacity ? limits.maxNodes + 1 : YAMLDocumentBuilder.capacity
        document = YAMLDocumentBuilder(expectedNodes: expectedNodes)
        stack.reserveCapacity(16)
    }

    /// The finished document's root, and a clean slate for the next document.
    mutating func finishDocument() -> YAMLNode? {
        defer {
            root = nil
            anchors.removeAll(keepingCapacity: true)
            // Anchors are per document, and so is the alias budget.
            expandedByAliases = 0
            expandedTextBytes = 0
            mayHaveMergeKeys = false
        }
        let finished = document.finish()
        return root.map { YAMLNode(document: finished, index: Int($0)) }
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
            throw error(.size, "a scalar of \(byteCount) bytes exceeds the limit of \(limits.maxScalarBytes) bytes (raise it with --max-scalar-bytes)", zh: "此值有 \(byteCount) 字节，超过上限 \(limits.maxScalarBytes) 字节（可用 --max-scalar-bytes 提高上限）", at: event.start)
        }
        try requireRoom(nodes: 1, children: 0, bytes: byteCount, at: event.start)
        let bytes = parser.scalarBytes
        if bytes.count == 2, bytes[0] == UInt8(ascii: "<"), bytes[1] == UInt8(ascii: "<") { mayHaveMergeKeys = true }
        let range = SourceRange(start: event.start, end: event.end)
        guard parser.hasTagOrAnchor else {
            pending.append(document.appendScalar(bytes: bytes, style: parser.scalarStyle, range: range, tag: nil))
            return try adoptLastChild(count: 1, anchor: nil)
        }
        let tag = parser.tag
        // A key tagged as a merge key is one whatever its text (`!!merge note:`), as PyYAML reads it.
        if tag == Self.mergeTag { mayHaveMergeKeys = true }
        pending.append(document.appendScalar(bytes: bytes, style: parser.scalarStyle, range: range, tag: tag))
        try adoptLastChild(count: 1, anchor: parser.anchor)
    }

    /// An alias, as the node its anchor names, within the expansion budget.
    private mutating func addAlias(_ event: Event, from parser: EventParser) throws(YAMLError) {
        let name = parser.anchor ?? ""
        guard let anchored = anchors[name] else {
            throw error(.undefinedAlias, "the alias *\(name) names no anchor defined before it", zh: "别名 *\(name) 引用的锚点 &\(name) 未在其前面定义", at: event.start)
        }
        expandedByAliases += anchored.count
        if expandedByAliases > limits.maxAliasExpansion {
            throw error(.aliasExpansion, "aliases expand to more than \(limits.maxAliasExpansion) nodes (a \"billion laughs\" file?); raise the limit with --max-alias-expansion if the file is genuine", zh: "别名展开后超过 \(limits.maxAliasExpansion) 个节点（可能是恶意构造的“十亿笑声”文件）；文件确属正常时可用 --max-alias-expansion 提高上限", at: event.start)
        }
        // The walk visits the nodes just counted, so all of a file's walks are within the same limit.
        expandedTextBytes += document.textBytes(under: anchored.node)
        if expandedTextBytes > limits.maxAliasExpansionBytes {
            throw error(.aliasExpansion, "aliases expand to more than \(limits.maxAliasExpansionBytes) bytes of text (one long text repeated by aliases?); raise the limit with --max-alias-expansion if the file is genuine", zh: "别名展开后的文本超过 \(limits.maxAliasExpansionBytes) 字节（是否用别名重复了一段长文本？）；文件确属正常时可用 --max-alias-expansion 提高上限", at: event.start)
        }
        pending.append(anchored.node)
        try adoptLastChild(count: anchored.count, anchor: nil)
    }

    /// A sequence or mapping begins, within the depth limit.
    private mutating func open(_ event: Event, from parser: EventParser) throws(YAMLError) {
        if stack.count >= limits.maxDepth {
            throw error(.nestingDepth, "collections are nested more than \(limits.maxDepth) levels deep (raise the limit with --max-depth)", zh: "列表和映射嵌套超过 \(limits.maxDepth) 层（可用 --max-depth 提高上限）", at: event.start)
        }
        if !stack.isEmpty { stack[stack.count - 1].nodeCount = innermostNodeCount }
        let isLabelled = parser.hasTagOrAnchor
        if isLabelled {
            let tag = parser.tag
            // A collection tagged as a merge key is one too, as PyYAML reads it (`!!merge [a]:`).
            if tag == Self.mergeTag { mayHaveMergeKeys = true }
            labels.append((tag, parser.anchor))
        }
        stack.append(Frame(isMapping: event.type == .mappingStart, isLabelled: isLabelled, start: event.start, firstChild: pending.count))
        innermostNodeCount = 1
    }

    /// A sequence or mapping ends: its children, taken off the end of the pending list, become its own.
    private mutating func close(_ event: Event) throws(YAMLError) {
        guard var frame = stack.popLast() else { return }
        frame.nodeCount = innermostNodeCount
        innermostNodeCount = stack.last?.nodeCount ?? 0
        if !keyIndexes.isEmpty { keyIndexes[stack.count] = nil }
        let range = SourceRange(start: frame.start, end: event.end)
        // (A mapping's events always pair up; a lone key could only come from a broken parser.)
        if frame.isMapping, (pending.count - frame.firstChild) % 2 == 1 { pending.removeLast(1) }
        guard frame.isLabelled, let label = labels.popLast() else {
            return try adoptCollection(frame, range: range, tag: nil, anchor: nil)
        }
        try adoptCollection(frame, range: range, tag: label.tag, anchor: label.anchor)
    }

    /// Adds the collection a frame ends to the document, in place of its children in `pending`.
    @inline(__always)
    private mutating func adoptCollection(_ frame: Frame, range: SourceRange, tag: String?, anchor: String?) throws(YAMLError) {
        let node = try appendCollection(frame, range: range, tag: tag)
        pending.removeLast(pending.count - frame.firstChild)
        pending.append(node)
        try adoptLastChild(count: frame.nodeCount, anchor: anchor)
    }

    /// Adds the collection a frame ends, with its children from `pending`, to the document.
    private mutating func appendCollection(_ frame: Frame, range: SourceRange, tag: String?) throws(YAMLError) -> Int32 {
        let members = pending.elements(frame.firstChild, count: pending.count - frame.firstChild)
        let merged = frame.isMapping && mayHaveMergeKeys ? try mergedPairs(members) : nil
        try requireRoom(nodes: 1, children: merged?.count ?? members.count, at: frame.start)
        if let merged {
            return document.appendCollection(.mapping, children: merged, range: range, tag: tag)
        }
        return document.appendCollection(frame.isMapping ? .mapping : .sequence, children: members, range: range, tag: tag)
    }

    /// Takes the node just appended to `pending` into the open collection, or as the document's root.
    @inline(__always)
    private mutating func adoptLastChild(count: Int, anchor: String?) throws(YAMLError) {
        if let anchor, let node = pending.last { anchors[anchor] = (node, count) }
        guard !stack.isEmpty else {
            root = pending.popLast()
            return
        }
        let top = stack.count - 1
        innermostNodeCount += count
        // In a mapping, an even number of children before this one means it is a key.
        let index = pending.count - 1
        guard stack[top].isMapping else { return }
        if (index - stack[top].firstChild) % 2 == 0 {
            try checkDuplicate(keyAt: index, in: top)
        } else {
            try checkKeyWithoutValue(valueAt: index)
        }
    }

    /// Refuses a key with no value whose text runs a key and a value together (`SeparatorInKey`).
    @inline(__always)
    private func checkKeyWithoutValue(valueAt index: Int) throws(YAMLError) {
        let value = document.entry(pending[index])
        guard value.kind == .scalar, value.count == 0, value.style == .plain, value.tag < 0 else { return }
        let key = pending[index - 1]
        let keyEntry = document.entry(key)
        guard keyEntry.kind == .scalar, keyEntry.style == .plain, keyEntry.count > 1, let text = document.scalarText(key),
              let offset = SeparatorInKey.colonOffset(in: text) else { return }
        throw SeparatorInKey.error(key: text, colonOffset: offset, at: keyEntry.range.start, file: file)
    }

    /// Small mappings are searched in place; large ones get an index, so a hostile
    /// mapping of many keys stays linear.
    private mutating func checkDuplicate(keyAt keyIndex: Int, in top: Int) throws(YAMLError) {
        let keyEntry = document.entry(pending[keyIndex])
        guard keyEntry.kind == .scalar else { return }
        let firstChild = stack[top].firstChild
        let keys = stride(from: firstChild, to: keyIndex, by: 2)
        var first: SourcePosition?
        // (A mapping gets its index at its sixteenth key, and loses it when it ends: one of fewer
        // keys has none, and its keys are searched in place.)
        if (keyIndex - firstChild) / 2 < 16 {
            // Keys of another length (their entries hold it) are passed over, the others compared
            // as texts (`sameText`: short ones as strings, long ones by their bytes first).
            for index in keys {
                let other = document.entry(pending[index])
                if other.count == keyEntry.count, other.kind == .scalar, document.sameText(pending[index], pending[keyIndex]) {
                    first = other.range.start
                    break
                }
            }
        } else {
            if keyIndexes[top] == nil {
                var index: [String: SourcePosition] = [:]
                for place in keys {
                    if let existing = document.scalarText(pending[place]) {
                        index[existing] = index[existing] ?? document.position(of: pending[place])
                    }
                }
                keyIndexes[top] = index
            }
            let text = document.scalarText(pending[keyIndex]) ?? ""
            first = keyIndexes[top]?[text]
            if first == nil { keyIndexes[top]?[text] = keyEntry.range.start }
        }
        if let first {
            let text = document.scalarText(pending[keyIndex]) ?? ""
            throw error(.duplicateKey, "the key '\(text)' appears twice in one mapping (first at line \(first.line), column \(first.column))", zh: "同一映射中键 \(text) 出现了两次（第一次在第 \(first.line) 行第 \(first.column) 列）；请删去或合并其中一个", at: keyEntry.range.start)
        }
    }

    /// A mapping's keys and values after its `<<` merge keys are applied as PyYAML does (the one
    /// YAML 1.1 feature legality reads), or nil when it has none: the mapping, or each mapping of a
    /// list, is merged into the mapping holding the key; keys written there win, and among merged
    /// mappings the earlier wins. Merged nodes keep their own positions.
    private func mergedPairs(_ members: UnsafeBufferPointer<Int32>) throws(YAMLError) -> [Int32]? {
        let keys = stride(from: members.startIndex, to: members.endIndex, by: 2)
        let mergeKeys = keys.filter { isMergeKey(members[$0]) }
        guard !mergeKeys.isEmpty else { return nil }
        // Two merge keys in one mapping (`<<` and `!!merge x`; two `<<` are a duplicate key): PyYAML
        // lets the later win, where one key's list lets the earlier win; refused rather than read
        // one way while the file's author, or another tool, reads it the other.
        if mergeKeys.count > 1 {
            throw error(.syntax, "a mapping holds \(mergeKeys.count) merge keys (<< or !!merge); write one '<<' with a list of the mappings to merge, the first of which wins", zh: "同一映射中有 \(mergeKeys.count) 个合并键（<< 或 !!merge）；请只写一个 <<，其值为要合并的映射的列表，靠前者优先", at: document.position(of: members[mergeKeys[1]]))
        }
        var own: [Int32] = []
        var merged: [Int32] = []
        var mergedKeys: Set<String> = []
        for place in keys {
            let (key, value) = (members[place], members[place + 1])
            guard isMergeKey(key) else {
                own += [key, value]
                continue
            }
            let valueEntry = document.entry(value)
            let sources: [Int32] = switch valueEntry.kind {
            case .mapping: [value]
            case .sequence: (Int(valueEntry.first)..<Int(valueEntry.first + valueEntry.count)).map { document.child(at: $0) }
            case .scalar: []
            }
            guard !sources.isEmpty, sources.allSatisfy({ document.entry($0).kind == .mapping }) else {
                throw error(.syntax, "a merge key '<<' takes a mapping or a list of mappings (usually an alias such as *defaults), found \(valueEntry.kind.description)", zh: "合并键 << 的值应为映射或映射的列表（通常是别名，如 *defaults），实际是\(valueEntry.kind.chineseDescription)", at: document.position(of: key))
            }
            for source in sources {
                let entry = document.entry(source)
                for place in stride(from: Int(entry.first), to: Int(entry.first + entry.count), by: 2) {
                    let (innerKey, innerValue) = (document.child(at: place), document.child(at: place + 1))
                    guard let text = document.scalarText(innerKey) else { continue }
                    if mergedKeys.insert(text).inserted { merged += [innerKey, innerValue] }
                }
            }
        }
        let ownKeys = Set(stride(from: 0, to: own.count, by: 2).compactMap { document.scalarText(own[$0]) })
        for place in stride(from: 0, to: merged.count, by: 2) where !ownKeys.contains(document.scalarText(merged[place]) ?? "") {
            own += [merged[place], merged[place + 1]]
        }
        return own
    }

    /// The tag of a merge key.
    private static let mergeTag = "tag:yaml.org,2002:merge"

    /// Whether a key is a merge key, as PyYAML reads one: a plain `<<` without a tag, or any key
    /// tagged `!!merge`, a scalar or a collection (a key `!!merge note:` merged its mapping into
    /// PyYAML's record and was read here as a key `note`, whose facts no rule saw).
    private func isMergeKey(_ key: Int32) -> Bool {
        // Asked of every key of every mapping: the tag and length are compared before the text.
        let entry = document.entry(key)
        guard entry.tag < 0 else { return document.tag(entry.tag) == Self.mergeTag }
        guard entry.kind == .scalar else { return false }
        // (The entry holds the text's length: no text is made for the other keys.)
        return entry.style == .plain && entry.count == 2 && document.scalarText(key) == "<<"
    }

    /// Refuses a node that would take the document past its limits: the nodes `limits` allow (a
    /// flow list of 30 million numbers, 60 MB, took 1.9 GB of memory), and what a document can
    /// number. (Both are asked in one comparison of the nodes: this is asked of every node.)
    @inline(__always)
    private func requireRoom(nodes: Int, children: Int, bytes: Int = 0, at position: SourcePosition) throws(YAMLError) {
        guard !document.hasRoom(nodes: nodes, children: children, bytes: bytes, nodeLimit: nodeLimit) else { return }
        if document.nodeCount + nodes > limits.maxNodes {
            throw error(
                .size, "the document holds more than \(limits.maxNodes) nodes (keys, values and items; a decision record holds some hundreds); split it, or raise the limit with --max-nodes",
                zh: "文档的节点（键、值和列表项）超过 \(limits.maxNodes) 个（一条决策记录只有几百个）；请拆分，或用 --max-nodes 提高上限", at: position)
        }
        throw error(.size, "the document holds more than \(YAMLDocumentBuilder.capacity) nodes or bytes of text; split it into several documents or files", zh: "文档的节点或文本字节超过 \(YAMLDocumentBuilder.capacity) 个；请拆分为多个文档或文件", at: position)
    }

    private func error(_ kind: YAMLError.Kind, _ message: String, zh: String?, at position: SourcePosition) -> YAMLError {
        var error = YAMLError(kind: kind, message: message, file: file, position: position)
        error.chineseMessage = zh
        return error
    }
}
