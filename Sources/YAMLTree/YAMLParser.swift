internal import CYAML

/// Reads YAML text into trees of `YAMLNode`, one per document, with 1-based positions.
///
/// The parser pulls libyaml's events and builds each node once, with an explicit stack
/// (no recursion, so deep input cannot overflow the call stack). Duplicate keys, undefined
/// aliases, excessive alias expansion and excessive depth are errors.
public enum YAMLParser {
    /// Parses every document of a YAML stream.
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8; a byte-order mark and CRLF line ends are accepted).
    ///   - file: the file's name as it should appear in messages.
    ///   - limits: the limits to enforce.
    /// - Returns: the root node of each document, in order.
    /// - Throws: `YAMLError` naming the file, line and column of the problem.
    public static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits = .standard) throws(YAMLError) -> [YAMLNode] {
        var documents: [YAMLNode] = []
        try parse(bytes, file: file, limits: limits) { document throws(YAMLError) in documents.append(document) }
        return documents
    }

    /// Parses a YAML stream and hands each document to `body` as soon as it is complete,
    /// so a caller can check and drop documents one at a time.
    /// - Returns: how many documents the stream held (none for an empty file or one of comments).
    /// - Throws: `YAMLError` for a problem in the text, or whatever `body` throws.
    @discardableResult
    public static func parse(
        _ bytes: [UInt8],
        file: String,
        limits: YAMLLimits = .standard,
        each body: (YAMLNode) throws(YAMLError) -> Void
    ) throws(YAMLError) -> Int {
        if let problem = EncodingSniffer.problem(in: bytes) {
            throw YAMLError(kind: .encoding, message: problem, file: file, position: .start)
        }
        // libyaml reads the array's own storage, so a large file is never held twice.
        return try bytes.withUnsafeBufferPointer { (input) throws(YAMLError) in
            // About one node for every eight bytes (a record's keys, dates and codes are short).
            let expectedNodes = min(bytes.count / 8, 4096)
            return try pull(EventParser(input: input, bytes: bytes), file: file, limits: limits, expectedNodes: expectedNodes, each: body)
        }
    }

    /// Parses a YAML stream read piece by piece — a large file need never be in memory whole —
    /// and hands each document to `body` as soon as it is complete.
    /// - Parameters:
    ///   - read: fills a buffer with the next bytes and returns how many (0 at the end), or nil
    ///     when the source cannot be read.
    /// - Returns: how many documents the stream held.
    /// - Throws: `YAMLError`; for an encoding problem its `byteOffset` says where the bad byte is,
    ///   since the position cannot be computed from bytes already discarded.
    @discardableResult
    public static func parse(
        reading read: @escaping (UnsafeMutableBufferPointer<UInt8>) -> Int?,
        file: String,
        limits: YAMLLimits = .standard,
        each body: (YAMLNode) throws(YAMLError) -> Void
    ) throws(YAMLError) -> Int {
        let source = SourceReader(read: read)
        if let problem = EncodingSniffer.problem(in: source.prefix) {
            throw YAMLError(kind: .encoding, message: problem, file: file, position: .start)
        }
        do {
            return try pull(EventParser(source: source), file: file, limits: limits, expectedNodes: 256, each: body)
        } catch {
            if source.failed {
                var failure = YAMLError(kind: .size, message: "the file could not be read to its end", file: file, position: .start)
                failure.chineseMessage = "未能读到文件末尾"
                throw failure
            }
            throw error
        }
    }

    /// Whether bytes are valid UTF-8 text (so they may be quoted in a report).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        EncodingSniffer.problem(in: bytes) == nil && EncodingSniffer.firstInvalidByte(in: bytes, from: 0) == nil
    }

    /// Whether bytes are text a report may quote: UTF-8 without a control character YAML does not
    /// allow (a NUL, a bell, DEL; tab and line ends are text). Such a file is no YAML, and its lines
    /// may be anything (`/proc/self/environ` is variables separated by NULs).
    public static func isQuotableText(_ bytes: [UInt8]) -> Bool {
        let hasControl = bytes.withUnsafeBufferPointer { buffer in
            buffer.contains { byte in (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F }
        }
        return !hasControl && isValidUTF8(bytes)
    }

    /// The 1-based position of a byte offset in a file's bytes (columns in Unicode scalars), for an
    /// encoding error met while reading piece by piece.
    public static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        EventParser.position(ofByte: offset, in: bytes)
    }

    /// Pulls events into trees, document by document; returns how many there were.
    private static func pull(
        _ parser: EventParser, file: String, limits: YAMLLimits, expectedNodes: Int,
        each body: (YAMLNode) throws(YAMLError) -> Void
    ) throws(YAMLError) -> Int {
        var builder = TreeBuilder(file: file, limits: limits, expectedNodes: expectedNodes)
        var documentCount = 0
        while true {
            let event = try parser.next(file: file)
            if parser.holdsSeparators, event.type == .scalar || event.type == .streamEnd {
                try parser.checkSeparators(through: event.type == .scalar ? event : nil, file: file)
            }
            switch event.type {
            case .streamEnd:
                return documentCount
            case .documentStart:
                documentCount += 1
                if documentCount > limits.maxDocuments {
                    var error = YAMLError(
                        kind: .size,
                        message: "the file holds more than \(limits.maxDocuments) documents (raise the limit with --max-documents)",
                        file: file, position: event.start)
                    error.chineseMessage = "文件中的文档超过 \(limits.maxDocuments) 个（可用 --max-documents 提高上限）"
                    throw error
                }
            case .documentEnd:
                if let document = builder.finishDocument() { try body(document) }
            default:
                try builder.consume(event, from: parser)
            }
        }
    }
}

/// Recognises encodings that are not UTF-8 before libyaml sees them, so the message can say what to do.
enum EncodingSniffer {
    static func problem(in bytes: [UInt8]) -> String? {
        if bytes.count >= 4, bytes.starts(with: [0xFF, 0xFE, 0, 0]) || bytes.starts(with: [0, 0, 0xFE, 0xFF]) {
            return "the file is UTF-32, not UTF-8; save it again as UTF-8 (Notepad or WPS: Save As, encoding UTF-8; 另存为，编码选 UTF-8), or convert it: iconv -f UTF-32 -t UTF-8 FILE > FILE.utf8"
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return "the file is UTF-16, not UTF-8; save it again as UTF-8 (Notepad or WPS: Save As, encoding UTF-8; 另存为，编码选 UTF-8), or convert it: iconv -f UTF-16 -t UTF-8 FILE > FILE.utf8"
        }
        if bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] != 0, bytes[3] == 0 {
            return "the file looks like UTF-16 without a byte-order mark, not UTF-8; save it again as UTF-8 (Notepad or WPS: Save As, encoding UTF-8; 另存为，编码选 UTF-8), or convert it with iconv -f UTF-16LE -t UTF-8"
        }
        return nil
    }

    /// The offset of the first byte of the first invalid UTF-8 sequence at or after `start`
    /// (libyaml may name the byte after a truncated sequence); nil when there is none.
    static func firstInvalidByte(in bytes: [UInt8], from start: Int) -> Int? {
        var index = min(max(0, start), bytes.count)
        // Start on the first byte of a character, not inside one.
        while index > 0, index < bytes.count, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        while index < bytes.count {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
            guard length > 0, index + length <= bytes.count else { return index }
            for offset in 1..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// A hint for libyaml's UTF-8 complaints: most such files in this domain are GBK.
    static let gbkHint = "the file is not valid UTF-8 (files saved by older Chinese office software are often GBK/GB18030); save it again as UTF-8 (Notepad or WPS: Save As, encoding UTF-8; 另存为，编码选 UTF-8), or convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.utf8"
}
