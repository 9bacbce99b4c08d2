/// The top of a file's first document, as far as telling what kind of file it is needs: the root
/// mapping's keys, the scalars under them and one level below, and which of its keys hold lists.
/// Read from libyaml's events without building a tree, so a file of any size is outlined in
/// constant memory (a large report is passed over without being held).
public struct DocumentOutline: Sendable, Equatable {
    /// The root mapping's keys that are scalars, in written order; empty when the root is no mapping.
    public var keys: [String] = []
    /// The scalar values of the root's keys (`"version"`), and of the keys of a mapping under a
    /// root key (`"tool.name"`). An alias is no scalar here: it is not followed.
    public var scalars: [String: String] = [:]
    /// The root's keys whose value is a sequence.
    public var sequences: Set<String> = []

    /// An empty outline: a root that is no mapping, or an empty file.
    public init() {}
}

extension YAMLParser {
    /// The outline of the first document of a YAML (or JSON) stream read piece by piece.
    /// - Parameters:
    ///   - read: fills a buffer with the next bytes and returns how many (0 at the end), or nil
    ///     when the source cannot be read.
    ///   - limits: the longest scalar kept, and the deepest nesting passed over.
    /// - Throws: `YAMLError` when the text up to the end of the root mapping is no valid YAML,
    ///   a kept scalar is too long, or the nesting too deep.
    public static func outline(
        reading read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int?,
        file: String,
        limits: YAMLLimits = .standard
    ) throws(YAMLError) -> DocumentOutline {
        let source = SourceReader(read: read)
        if let problem = EncodingSniffer.problem(in: source.prefix) {
            throw YAMLError(kind: .encoding, message: problem, file: file, position: .start)
        }
        return try OutlineReader(parser: EventParser(source: source), file: file, limits: limits).read()
    }
}

/// Pulls the events of a document's first two levels into a `DocumentOutline`, and passes over
/// everything deeper by counting its nesting.
private struct OutlineReader {
    let parser: EventParser
    let file: String
    let limits: YAMLLimits

    func read() throws(YAMLError) -> DocumentOutline {
        var outline = DocumentOutline()
        var event = try parser.next(file: file)
        while event.type == .streamStart || event.type == .documentStart { event = try parser.next(file: file) }
        guard event.type == .mappingStart else { return outline }
        try readMapping { key, value, event throws(YAMLError) in
            outline.keys.append(key)
            switch event.type {
            case .scalar: outline.scalars[key] = value
            case .sequenceStart:
                outline.sequences.insert(key)
                try skipCollection(opened: event)
            case .mappingStart:
                try readMapping { innerKey, innerValue, innerEvent throws(YAMLError) in
                    if innerEvent.type == .scalar {
                        outline.scalars[key + "." + innerKey] = innerValue
                    } else {
                        try skipCollection(opened: innerEvent)
                    }
                }
            default: break
            }
        }
        return outline
    }

    /// Reads the pairs of a mapping just opened, up to its end: `pair` gets each scalar key, the
    /// value's text when it is a scalar, and the value's event (a collection, which `pair` reads
    /// or passes over). A key that is no scalar is passed over with its value.
    private func readMapping(
        _ pair: (String, String?, Event) throws(YAMLError) -> Void
    ) throws(YAMLError) {
        while true {
            let keyEvent = try parser.next(file: file)
            switch keyEvent.type {
            case .mappingEnd, .documentEnd, .streamEnd:
                return
            case .scalar:
                let key = try scalar(at: keyEvent)
                let valueEvent = try parser.next(file: file)
                try pair(key, valueEvent.type == .scalar ? try scalar(at: valueEvent) : nil, valueEvent)
            default:
                try skipCollection(opened: keyEvent)
                let valueEvent = try parser.next(file: file)
                try skipCollection(opened: valueEvent)
            }
        }
    }

    /// Passes over a collection whose start event was just pulled (nothing for a scalar or an alias).
    private func skipCollection(opened event: Event) throws(YAMLError) {
        guard event.type == .sequenceStart || event.type == .mappingStart else { return }
        var depth = 1
        while depth > 0 {
            let next = try parser.next(file: file)
            switch next.type {
            case .sequenceStart, .mappingStart:
                depth += 1
                if depth > limits.maxDepth {
                    throw YAMLError(kind: .nestingDepth, message: "collections are nested more than \(limits.maxDepth) levels deep", file: file, position: next.start)
                }
            case .sequenceEnd, .mappingEnd: depth -= 1
            case .streamEnd: return
            default: break
            }
        }
    }

    private func scalar(at event: Event) throws(YAMLError) -> String {
        let bytes = parser.scalarBytes
        if bytes.count > limits.maxScalarBytes {
            throw YAMLError(kind: .size, message: "a scalar of \(bytes.count) bytes exceeds the limit of \(limits.maxScalarBytes) bytes", file: file, position: event.start)
        }
        return ScalarText.string(bytes)
    }
}
