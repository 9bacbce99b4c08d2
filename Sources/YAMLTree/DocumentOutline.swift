/// The top of a file's first document, as far as telling what kind of file it is needs: the root
/// mapping's keys, the scalars under them and one level below, which of its keys hold lists, and
/// whether the file holds anything a record reader would read otherwise than the outline shows
/// (an alias, a key that is no scalar, another document). Read from libyaml's events without
/// building a tree, so a file of any size is outlined in constant memory (a large report is
/// passed over without being held).
public struct DocumentOutline: Sendable, Equatable {
    /// The root mapping's keys that are scalars, in written order; empty when the root is no mapping.
    public var keys: [String] = []
    /// The scalar values of the root's keys (`"version"`), and of the keys of a mapping under a
    /// root key (`"tool.name"`). An alias is no scalar here: it is not followed.
    public var scalars: [String: String] = [:]
    /// The root's keys whose value is a sequence.
    public var sequences: Set<String> = []
    /// Whether the first document has an alias anywhere, or a key that is no scalar at its top
    /// two levels: what the record reader reads there is not what the outline shows.
    public var hasAliasesOrComplexKeys = false
    /// Whether another document follows the first.
    public var hasMoreDocuments = false
    /// Whether the text is valid YAML to the end: false when outlining stopped at an error, and
    /// the outline holds what came before it.
    public var isComplete = true

    /// An empty outline: a root that is no mapping, or an empty file.
    public init() {}
}

extension YAMLParser {
    /// The outline of the first document of a YAML (or JSON) stream read piece by piece, and
    /// whether another document follows. Text that is no valid YAML (or a scalar or nesting beyond
    /// `limits`) ends the outline there, with `isComplete` false.
    /// - Parameters:
    ///   - read: fills a buffer with the next bytes and returns how many (0 at the end), or nil
    ///     when the source cannot be read.
    ///   - limits: the longest scalar kept, and the deepest nesting passed over.
    public static func outline(
        reading read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int?,
        file: String,
        limits: YAMLLimits = .standard
    ) -> DocumentOutline {
        let source = SourceReader(read: read)
        var outline = DocumentOutline()
        guard EncodingSniffer.problem(in: source.prefix) == nil else {
            outline.isComplete = false
            return outline
        }
        let reader = OutlineReader(parser: EventParser(source: source), file: file, limits: limits)
        do {
            try reader.read(into: &outline)
        } catch {
            outline.isComplete = false
        }
        return outline
    }
}

/// Pulls the events of a document's first two levels into a `DocumentOutline`, and passes over
/// everything deeper by counting its nesting.
private struct OutlineReader {
    let parser: EventParser
    let file: String
    let limits: YAMLLimits

    func read(into outline: inout DocumentOutline) throws(YAMLError) {
        var event = try parser.next(file: file)
        while event.type == .streamStart || event.type == .documentStart { event = try parser.next(file: file) }
        if event.type == .mappingStart {
            try readMapping(&outline) { key, value, event, outline throws(YAMLError) in
                outline.keys.append(key)
                switch event.type {
                case .scalar: outline.scalars[key] = value
                case .sequenceStart:
                    outline.sequences.insert(key)
                    try skipCollection(opened: event, &outline)
                case .mappingStart:
                    try readMapping(&outline) { innerKey, innerValue, innerEvent, outline throws(YAMLError) in
                        if innerEvent.type == .scalar {
                            outline.scalars[key + "." + innerKey] = innerValue
                        } else {
                            try skipCollection(opened: innerEvent, &outline)
                        }
                    }
                default: try skipCollection(opened: event, &outline)
                }
            }
        } else {
            try skipCollection(opened: event, &outline)
        }
        // The first document's end, then the stream's end or another document.
        while true {
            let next = try parser.next(file: file)
            switch next.type {
            case .streamEnd: return
            case .documentStart:
                outline.hasMoreDocuments = true
                return
            default: continue
            }
        }
    }

    /// Reads the pairs of a mapping just opened, up to its end: `pair` gets each scalar key, the
    /// value's text when it is a scalar, the value's event (a collection, which `pair` reads or
    /// passes over) and the outline. A key that is no scalar is passed over with its value, and
    /// marked.
    private func readMapping(
        _ outline: inout DocumentOutline, _ pair: (String, String?, Event, inout DocumentOutline) throws(YAMLError) -> Void
    ) throws(YAMLError) {
        while true {
            let keyEvent = try parser.next(file: file)
            switch keyEvent.type {
            case .mappingEnd, .documentEnd, .streamEnd:
                return
            case .scalar:
                let key = try scalar(at: keyEvent)
                let valueEvent = try parser.next(file: file)
                try pair(key, valueEvent.type == .scalar ? try scalar(at: valueEvent) : nil, valueEvent, &outline)
            default:
                outline.hasAliasesOrComplexKeys = true
                try skipCollection(opened: keyEvent, &outline)
                try skipCollection(opened: try parser.next(file: file), &outline)
            }
        }
    }

    /// Passes over a collection whose start event was just pulled (nothing for a scalar or an
    /// alias), marking an alias met in it.
    private func skipCollection(opened event: Event, _ outline: inout DocumentOutline) throws(YAMLError) {
        if event.type == .alias { outline.hasAliasesOrComplexKeys = true }
        guard event.type == .sequenceStart || event.type == .mappingStart else { return }
        var depth = 1
        while depth > 0 {
            let next = try parser.next(file: file)
            switch next.type {
            case .sequenceStart, .mappingStart:
                depth += 1
                if depth > limits.maxDepth {
                    var error = YAMLError(kind: .nestingDepth, message: "collections are nested more than \(limits.maxDepth) levels deep", file: file, position: next.start)
                    error.chineseMessage = "列表和映射嵌套超过 \(limits.maxDepth) 层"
                    throw error
                }
            case .sequenceEnd, .mappingEnd: depth -= 1
            case .alias: outline.hasAliasesOrComplexKeys = true
            case .streamEnd: return
            default: break
            }
        }
    }

    private func scalar(at event: Event) throws(YAMLError) -> String {
        let bytes = parser.scalarBytes
        if bytes.count > limits.maxScalarBytes {
            var error = YAMLError(kind: .size, message: "a scalar of \(bytes.count) bytes exceeds the limit of \(limits.maxScalarBytes) bytes", file: file, position: event.start)
            error.chineseMessage = "此值有 \(bytes.count) 字节，超过上限 \(limits.maxScalarBytes) 字节"
            throw error
        }
        return ScalarText.string(bytes)
    }
}
