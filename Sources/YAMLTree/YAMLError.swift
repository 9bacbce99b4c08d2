/// Why a YAML file could not be read as a tree.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class of problem, stable for programs; the wording is in `message`.
    public enum Kind: String, Sendable, Hashable {
        /// libyaml rejected the text (a syntax error).
        case syntax
        /// The bytes are not UTF-8 (GBK, UTF-16, binary data).
        case encoding
        /// Aliases expand to more nodes than the limit allows.
        case aliasExpansion
        /// Collections are nested deeper than the limit allows.
        case nestingDepth
        /// A mapping has the same key twice.
        case duplicateKey
        /// An alias names an anchor that was not defined before it.
        case undefinedAlias
        /// A size limit was exceeded (file size, scalar length, document count).
        case size
    }

    /// The class of problem.
    public var kind: Kind
    /// A sentence for a person: what is wrong and, where it helps, how to fix it.
    public var message: String
    /// The file as it was named.
    public var file: String
    /// Where the problem is (where the parser stopped, for syntax errors).
    public var position: SourcePosition
    /// The problem explained in Chinese for a person who does not read libyaml's English, naming
    /// the common cause (a full-width colon, a tab, an unclosed quote); nil when there is none.
    public var chineseMessage: String?
    /// For an encoding problem in input read piece by piece: the byte offset of the bad byte, from
    /// which a caller that can read the input again computes the real position.
    public var byteOffset: Int?

    /// Creates an error.
    public init(kind: Kind, message: String, file: String, position: SourcePosition) {
        self.kind = kind
        self.message = message
        self.file = file
        self.position = position
    }

    public var description: String { "\(file):\(position.line):\(position.column): \(message)" }

    /// What is wrong, in Chinese: the Chinese message, with the parser's own words beside it for
    /// a problem libyaml found (the words a search engine knows).
    public var chineseExplanation: String {
        switch (kind, chineseMessage) {
        case (.syntax, let chinese?), (.encoding, let chinese?): "\(chinese)（解析器原文：\(message)）"
        case (_, let chinese?): chinese
        case (.encoding, nil): "无法作为 UTF-8 文本读取（原文：\(message)）"
        case (_, nil): "无法解析为 YAML（解析器原文：\(message)）"
        }
    }

    /// `file:line:column: message`, in Chinese (`file:line:column：说明`) when `chinese` is set.
    public func description(chinese: Bool) -> String {
        chinese ? "\(file):\(position.line):\(position.column)：\(chineseExplanation)" : description
    }
}

/// Limits that keep hostile input from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes that alias resolution may add to a file.
    public var maxAliasExpansion: Int
    /// Longest scalar, in bytes.
    public var maxScalarBytes: Int
    /// Most documents in one file.
    public var maxDocuments: Int
    /// Most nodes (keys, values and items) in one document, aliases' counted once. No limit unless
    /// given: records are given one (a registry may hold a hundred thousand people).
    public var maxNodes: Int

    /// Most bytes of text that alias resolution may add to a file: 160 for each node it may add.
    /// An alias of a long scalar is one node, so a count of nodes alone let 20,000 aliases of a
    /// 90 KB scalar (a file of 750 KB) make 1.8 GB of report in 10 GB of memory.
    public var maxAliasExpansionBytes: Int { maxAliasExpansion.multipliedReportingOverflow(by: 160).overflow ? .max : maxAliasExpansion * 160 }

    /// Creates limits.
    public init(maxDepth: Int = 256, maxAliasExpansion: Int = 100_000, maxScalarBytes: Int = 1 << 20, maxDocuments: Int = 100_000, maxNodes: Int = .max) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxScalarBytes = maxScalarBytes
        self.maxDocuments = maxDocuments
        self.maxNodes = maxNodes
    }

    /// Limits suited to decision records, rules and registries.
    public static let standard = YAMLLimits()
}
