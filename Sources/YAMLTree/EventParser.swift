internal import CYAML

/// One libyaml event: its type and place. Its texts (a scalar's value, a tag, an anchor) stay in
/// libyaml's memory until the next event is pulled, and are read from the parser only where a
/// node needs them (copying every event's optional texts out, and destroying them, cost more than
/// building the node).
struct Event {
    enum EventType {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    var type: EventType
    var start: SourcePosition
    var end: SourcePosition
}

/// Owns a libyaml parser over the input's own memory (no copy; it must not outlive `input`),
/// or over a source read piece by piece.
final class EventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The event last pulled, valid until the next is pulled; all zeros before the first (which
    /// `yaml_event_delete` leaves alone).
    private let current: UnsafeMutablePointer<yaml_event_t>
    private let bytes: [UInt8]
    /// The piecewise source, kept alive while libyaml calls back into it.
    private let source: SourceReader?
    /// How positions differ from libyaml's when the text holds NEL, LS or PS (nil otherwise, and
    /// for a source read piece by piece).
    private let lineBreaks: LineBreakCorrection?
    private let correctsLines: Bool
    /// The first of the text's NEL, LS and PS not yet found harmless (`checkSeparators`).
    private var nextSeparator = 0

    /// - Parameters:
    ///   - input: the bytes' storage, valid while the parser is used.
    ///   - bytes: the same bytes, for positions in error messages.
    init(input: UnsafeBufferPointer<UInt8>, bytes: [UInt8]) {
        self.bytes = bytes
        source = nil
        lineBreaks = LineBreakCorrection(input)
        correctsLines = lineBreaks != nil
        parser = .allocate(capacity: 1)
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        // The encoding is left to libyaml, which drops a UTF-8 byte-order mark; UTF-16 was refused before.
        if let base = input.baseAddress {
            yaml_parser_set_input_string(parser, base, input.count)
        } else {
            yaml_parser_set_input_string(parser, "", 0)
        }
    }

    /// A parser that pulls its input from `source` as libyaml needs it. Positions of encoding
    /// errors are then only known as byte offsets (`YAMLError.byteOffset`).
    init(source: SourceReader) {
        bytes = []
        self.source = source
        lineBreaks = nil
        correctsLines = false
        parser = .allocate(capacity: 1)
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input(parser, sourceReadHandler, Unmanaged.passUnretained(source).toOpaque())
    }

    deinit {
        yaml_event_delete(current)
        current.deallocate()
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Pulls the next event; the previous one's texts are freed.
    /// - Throws: `YAMLError` when libyaml reports a problem.
    @inline(__always)
    func next(file: String) throws(YAMLError) -> Event {
        yaml_event_delete(current)
        guard yaml_parser_parse(parser, current) == 1 else {
            throw currentError(file: file)
        }
        let type: Event.EventType = switch current.pointee.type {
        case YAML_STREAM_START_EVENT: .streamStart
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_DOCUMENT_END_EVENT: .documentEnd
        case YAML_ALIAS_EVENT: .alias
        case YAML_SCALAR_EVENT: .scalar
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_SEQUENCE_END_EVENT: .sequenceEnd
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_MAPPING_END_EVENT: .mappingEnd
        default: .streamEnd
        }
        return Event(type: type, start: position(current.pointee.start_mark), end: position(current.pointee.end_mark))
    }

    /// The current scalar event's text as bytes in libyaml's memory, valid until the next event is
    /// pulled (empty for any other event).
    @inline(__always)
    var scalarBytes: UnsafeBufferPointer<UInt8> {
        guard current.pointee.type == YAML_SCALAR_EVENT, let value = current.pointee.data.scalar.value else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: value, count: current.pointee.data.scalar.length)
    }

    /// The current scalar event's style (plain for any other event).
    var scalarStyle: ScalarStyle {
        guard current.pointee.type == YAML_SCALAR_EVENT else { return .plain }
        return switch current.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The byte length of the current scalar event's text (0 for any other event).
    @inline(__always)
    var scalarByteCount: Int {
        current.pointee.type == YAML_SCALAR_EVENT ? current.pointee.data.scalar.length : 0
    }

    /// Whether the current scalar, sequence or mapping event has an explicit tag or an anchor
    /// (most have neither, and are then added without the texts of either, nil, made and released).
    @inline(__always)
    var hasTagOrAnchor: Bool {
        switch current.pointee.type {
        case YAML_SCALAR_EVENT: current.pointee.data.scalar.tag != nil || current.pointee.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: current.pointee.data.sequence_start.tag != nil || current.pointee.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: current.pointee.data.mapping_start.tag != nil || current.pointee.data.mapping_start.anchor != nil
        default: false
        }
    }

    /// The current event's explicit tag: of a scalar, a sequence or a mapping.
    @inline(__always)
    var tag: String? {
        // (Fields are read through the pointer: copying the whole event out cost more than the tag.)
        switch current.pointee.type {
        case YAML_SCALAR_EVENT: Self.string(current.pointee.data.scalar.tag)
        case YAML_SEQUENCE_START_EVENT: Self.string(current.pointee.data.sequence_start.tag)
        case YAML_MAPPING_START_EVENT: Self.string(current.pointee.data.mapping_start.tag)
        default: nil
        }
    }

    /// The current event's anchor: the one a scalar, sequence or mapping defines, or the one an alias names.
    @inline(__always)
    var anchor: String? {
        switch current.pointee.type {
        case YAML_ALIAS_EVENT: Self.string(current.pointee.data.alias.anchor)
        case YAML_SCALAR_EVENT: Self.string(current.pointee.data.scalar.anchor)
        case YAML_SEQUENCE_START_EVENT: Self.string(current.pointee.data.sequence_start.anchor)
        case YAML_MAPPING_START_EVENT: Self.string(current.pointee.data.mapping_start.anchor)
        default: nil
        }
    }

    /// Whether the text holds NEL, LS or PS, which `checkSeparators` must see every scalar for
    /// (in a source read piece by piece, those of the pieces libyaml has read so far).
    @inline(__always)
    var holdsSeparators: Bool { correctsLines || source.map { !$0.separators.found.isEmpty } ?? false }

    /// Refuses a NEL, LS or PS up to the end of a scalar (or, with nil, to the text's end) after
    /// which its line goes on, outside every scalar or after the scalar it ends. libyaml ends a line at each; an editor, `cat`
    /// and `git diff` show none, so what follows it on its line was read as the record's while a
    /// reader saw it in a comment (`# 备注<NEL>  - {type: legal_review, ...}`: a review every
    /// viewer showed commented out counted as done). One inside a scalar that goes on past the
    /// end of its line (a quoted title pasted from a web page) reads as the reader sees it.
    func checkSeparators(through scalar: Event?, file: String) throws(YAMLError) {
        if let source {
            try checkStreamedSeparators(source.separators.found, throughCurrentScalar: scalar != nil, file: file)
            return
        }
        guard let separators = lineBreaks?.separators else { return }
        while nextSeparator < separators.count {
            let separator = separators[nextSeparator]
            if let scalar, !(separator.place < scalar.end) { return }
            // Harmless with nothing after it on its line, or within a scalar that goes on after it
            // (a scalar ended by it, as a block scalar is by a line break, left its line's rest
            // to be read as a new line: `note: |` ... `文字<LS>status: planned`).
            if separator.hidesText {
                let next = SourcePosition(line: separator.place.line, column: separator.place.column + 1)
                let inside = scalar.map { !(separator.place < $0.start) && next < $0.end } ?? false
                if !inside { throw Self.hiddenLineBreak(separator.character, at: separator.place, file: file) }
            }
            nextSeparator += 1
        }
    }

    /// `checkSeparators` for a source read piece by piece, by character indexes, as libyaml's
    /// marks of the current event count them; a problem is placed by its byte offset.
    private func checkStreamedSeparators(_ separators: [SeparatorScanner.Found], throughCurrentScalar: Bool, file: String) throws(YAMLError) {
        let (start, end) = (Int(current.pointee.start_mark.index), Int(current.pointee.end_mark.index))
        while nextSeparator < separators.count {
            let separator = separators[nextSeparator]
            if throughCurrentScalar, separator.characterIndex >= end { return }
            if separator.textAfter {
                let inside = throughCurrentScalar && separator.characterIndex >= start && separator.characterIndex + 1 < end
                if !inside {
                    var error = Self.hiddenLineBreak(separator.character, at: .start, file: file)
                    error.byteOffset = separator.byteOffset
                    throw error
                }
            }
            nextSeparator += 1
        }
    }

    private static func hiddenLineBreak(_ character: Unicode.Scalar, at place: SourcePosition, file: String) -> YAMLError {
        let (name, chineseName) = switch character {
        case "\u{85}": ("NEXT LINE", "下一行符")
        case "\u{2028}": ("LINE SEPARATOR", "行分隔符")
        default: ("PARAGRAPH SEPARATOR", "段分隔符")
        }
        var error = YAMLError(
            kind: .syntax,
            message: "the line holds \(character.codePointName) \(name), which YAML reads as a line break though editors show none: what follows it on the line (in a comment, say) would be read as part of the record; delete the character, or break the line there",
            file: file, position: place)
        error.chineseMessage = "此行有字符 \(character.codePointName)（\(chineseName)），YAML 把它当作换行，而编辑器中看不到换行：同一行其后的内容（例如在注释中）会被当作记录的一部分读取；请删除该字符，或在此处正常换行"
        return error
    }

    @inline(__always)
    private func position(_ mark: yaml_mark_t) -> SourcePosition {
        let (line, column) = (Int(mark.line) + 1, Int(mark.column) + 1)
        // (The flag first: reading the optional correction counted its list for every position.)
        guard correctsLines else { return SourcePosition(line: line, column: column) }
        return corrected(line: line, column: column)
    }

    @inline(never)
    private func corrected(line: Int, column: Int) -> SourcePosition {
        lineBreaks?.position(line: line, column: column) ?? SourcePosition(line: line, column: column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Turns libyaml's error state into a message a person can act on.
    private func currentError(file: String) -> YAMLError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "unknown problem"
        if state.error == YAML_READER_ERROR {
            var offset = Int(state.problem_offset)
            // libyaml may name the byte after a truncated sequence (`é` in Latin-1 before a line end
            // reads as 0x0A); the bad byte is the start of the first invalid sequence near it.
            if !bytes.isEmpty, let bad = EncodingSniffer.firstInvalidByte(in: bytes, from: offset - 4), bad <= offset { offset = bad }
            let position = Self.position(ofByte: offset, in: bytes)
            let message: String
            let chinese: String?
            let hex = offset < bytes.count ? "0x" + String(bytes[offset], radix: 16, uppercase: true) : nil
            let byte = hex.map { " (byte \($0))" } ?? ""
            let byteInChinese = hex.map { "（字节 \($0)）" } ?? ""
            if problem.contains("control characters"), let character = Self.scalar(at: offset, in: bytes), !Self.looksBinary(bytes) {
                // A valid UTF-8 text holding a character YAML does not allow (a bell pasted from
                // another program, U+FFFE): it was told in Chinese it is no UTF-8 and to convert it.
                message = "the file holds the character \(character.codePointName), which YAML does not allow (pasted from another program?); delete it"
                chinese = "文件含有 YAML 不允许的字符 \(character.codePointName)（可能是从其他软件复制时带入的）；请删除该字符"
            } else if problem.contains("control characters") {
                // (A zero byte, a ZIP or gzip file's first bytes: a Word or Excel file saved as .yaml.)
                message = "the file holds a control character\(byte) that YAML does not allow; is it a binary file?"
                chinese = "文件含有 YAML 不允许的控制字符\(byteInChinese)，可能是二进制文件（如 Word、Excel 文件或压缩包），不是 YAML 文本"
            } else if problem.contains("UTF-8") || problem.contains("Unicode") {
                message = "invalid byte sequence\(byte): " + EncodingSniffer.gbkHint
                chinese = nil
            } else {
                message = problem
                chinese = nil
            }
            var error = YAMLError(kind: .encoding, message: message, file: file, position: position)
            error.chineseMessage = chinese
            error.byteOffset = offset
            return error
        }
        var position = self.position(state.problem_mark)
        var message = problem
        var opened: SourcePosition?
        if let context = state.context.map({ String(cString: $0) }) {
            let mark = self.position(state.context_mark)
            opened = mark
            message += " \(context) (which started at line \(mark.line), column \(mark.column))"
        }
        if problem.contains("cannot start any token"), Self.byte(at: position, in: bytes) == UInt8(ascii: "\t") {
            message += "; a tab is not allowed here, indent with spaces"
        }
        var error = YAMLError(kind: .syntax, message: message, file: file, position: position)
        if !bytes.isEmpty {
            let advice = SyntaxAdvice.advise(problem: message, position: position, opened: opened, bytes: bytes)
            if let place = advice.position, place.line <= position.line { position = place }
            error.position = position
            error.message += "; " + advice.en
            error.chineseMessage = advice.zh
        }
        return error
    }

    /// The character a valid UTF-8 sequence at `offset` encodes; nil when the bytes there are no
    /// UTF-8 (or not held: a file read piece by piece).
    static func scalar(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar? {
        guard offset >= 0, offset < bytes.count else { return nil }
        var iterator = bytes[offset..<min(bytes.count, offset + 4)].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return scalar
    }

    /// Whether bytes are a binary file's rather than text: a zero byte near the start, or the first
    /// bytes of a ZIP (a Word or Excel file) or gzip file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x1F, 0x8B]) || bytes.prefix(8192).contains(0)
    }

    /// The 1-based position of a byte offset, counting columns in Unicode scalars.
    static func position(ofByte offset: Int, in bytes: [UInt8]) -> SourcePosition {
        var line = 1
        var column = 1
        var index = 0
        let limit = min(offset, bytes.count)
        if limit >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        while index < limit {
            let byte = bytes[index]
            // A line ends with LF, CR LF or a lone CR, as libyaml counts lines.
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && (index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80, byte != UInt8(ascii: "\r") {
                column += 1
            }
            index += 1
        }
        return SourcePosition(line: line, column: column)
    }

    private static func byte(at position: SourcePosition, in bytes: [UInt8]) -> UInt8? {
        var line = 1
        var column = 1
        for byte in bytes {
            if line == position.line, column == position.column { return byte }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return nil
    }
}
