import DecisionRecords
import RuleEngine

/// JSON string literals, escaped as RFC 8259 requires, and U+2028/2029 for JavaScript readers,
/// DEL, the C1 controls and the noncharacters U+FFFE and U+FFFF for YAML readers (libyaml refuses
/// them unescaped, and legality's own report in a checked folder was then read back as a broken
/// record).
enum JSONWriter {
    static func quoted(_ text: String) -> String {
        var result: [UInt8] = []
        appendQuoted(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends a JSON string literal's UTF-8; text with nothing to escape is copied whole.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(quote)
        // Scanned and copied in the string's own storage: stepping the UTF-8 view cost more.
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 < 0x20 || $0 == quote || $0 == backslash || $0 == 0xE2 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xEF }) else {
                output.append(contentsOf: bytes)
                return
            }
            appendEscaped(bytes, to: &output)
        }
        output.append(quote)
    }

    /// Appends UTF-8 text escaped for a JSON string literal: runs of bytes with nothing to escape
    /// are copied whole. (Read as bytes: a valid UTF-8 text's bytes below 0x80 are its ASCII
    /// characters, and U+2028 and U+2029 are E2 80 A8 and E2 80 A9. Stepping through the Unicode
    /// scalars of a text, as this did for every text holding an E2 byte, such as the quotation
    /// marks “ ” and the dashes of Chinese messages, cost some 40 instructions a character.)
    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        func copyRun() {
            if index > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 && byte != quote && byte != backslash && byte != 0xE2 && byte != 0x7F && byte != 0xC2 && byte != 0xEF {
                index += 1
                continue
            }
            if byte >= 0x80 {
                // C2, E2 or EF: a multi-byte character, escaped only when it is one of a few.
                guard let (length, escape) = Self.escapedCharacter(bytes, at: index) else {
                    index += 1
                    continue
                }
                copyRun()
                output.append(contentsOf: escape.utf8)
                index += length
                runStart = index
                continue
            }
            copyRun()
            switch byte {
            case quote: output.append(contentsOf: #"\""#.utf8)
            case backslash: output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            default:
                // Another control character: \u and four hexadecimal digits, in lower case.
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
            index += 1
            runStart = index
        }
        copyRun()
    }

    /// The escape of the multi-byte character starting at `index`, and its length in bytes, when it
    /// is one to escape: the C1 controls U+0080 to U+009F (C2 80 to C2 9F), which libyaml refuses;
    /// U+2028 and U+2029 (E2 80 A8, E2 80 A9), which JavaScript reads as line ends; the
    /// noncharacters U+FFFE and U+FFFF (EF BF BE, EF BF BF), which libyaml refuses. Nil for the
    /// rest of C2, E2 and EF (“ ”, full-width punctuation, the byte-order mark), which is text.
    private static func escapedCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (length: Int, escape: String)? {
        let left = bytes.count - index
        switch bytes[index] {
        case 0xC2 where left >= 2 && bytes[index + 1] < 0xA0:
            return (2, #"\u00"# + String(decoding: [hexDigit(bytes[index + 1] >> 4), hexDigit(bytes[index + 1] & 0x0F)], as: UTF8.self))
        case 0xE2 where left >= 3 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (3, bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#)
        case 0xEF where left >= 3 && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE:
            return (3, bytes[index + 2] == 0xBE ? #"\ufffe"# : #"\uffff"#)
        default:
            return nil
        }
    }

    /// A hexadecimal digit in lower case, for a value below 16.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
}

/// A JSON value built by reporters, written with keys in a fixed order.
enum JSON {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// A finding as a JSON object (`JSONReporter.writeFinding`): its fields written where they are
    /// read, without a value made of each (a finding's pairs and their values were built, written
    /// and released for every finding of every report). Boxed: held in place, a finding would make
    /// every JSON value of an audit's tree as large as itself.
    indirect case finding(Finding, Language)

    static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    func rendered(indent: String = "") -> String {
        var output = ""
        write(to: &output, indent: indent)
        return output
    }

    /// Appends the value to `output`, so a large report is built in one buffer.
    func write(to output: inout String, indent: String) {
        // Built as bytes and added once: appending many small strings to a string cost more than
        // the values themselves.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(to: &bytes, indent: Array(indent.utf8), depth: 0)
        output += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value to `output` as UTF-8, for a run of values made into one text at the end.
    func write(to output: inout [UInt8], indent: [UInt8]) {
        write(to: &output, indent: indent, depth: 0)
    }

    /// Writes the value at `depth` levels below `indent`; each level indents by two spaces more.
    /// (The indentation is written, not built: a new array for each level cost an allocation a value.)
    private func write(to output: inout [UInt8], indent: [UInt8], depth: Int) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): output.append(contentsOf: String(value).utf8)
        case .string(let value): JSONWriter.appendQuoted(value, to: &output)
        case .array(let items):
            if items.isEmpty {
                output.append(UInt8(ascii: "["))
                output.append(UInt8(ascii: "]"))
                return
            }
            output.append(UInt8(ascii: "["))
            output.append(UInt8(ascii: "\n"))
            for index in items.indices {
                if index > 0 {
                    output.append(UInt8(ascii: ","))
                    output.append(UInt8(ascii: "\n"))
                }
                Self.indent(&output, indent, depth + 1)
                items[index].write(to: &output, indent: indent, depth: depth + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(&output, indent, depth)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            var object = JSONObjectWriter(indent: indent, depth: depth)
            for (key, value) in pairs {
                object.key(key, to: &output)
                value.write(to: &output, indent: indent, depth: depth + 1)
            }
            object.end(&output)
        case .finding(let finding, let language):
            JSONReporter.writeFinding(finding, language, to: &output, indent: indent, depth: depth)
        }
    }

    static func indent(_ output: inout [UInt8], _ indent: [UInt8], _ depth: Int) {
        // (Appended from its buffer: appending the list itself counted a reference to it, an
        // atomic operation, for every key written.)
        if !indent.isEmpty { indent.withUnsafeBufferPointer { output.append(contentsOf: $0) } }
        // Copied from a line of spaces (appending a repeated element went through the generic
        // path of a sequence, one space at a time), a static text: a slice of a list of spaces
        // counted a reference to the list, an atomic operation, for every line.
        var left = 2 * depth
        while left > 0 {
            let count = min(left, spaces.utf8CodeUnitCount)
            output.append(contentsOf: UnsafeBufferPointer(start: spaces.utf8Start, count: count))
            left -= count
        }
    }

    private static let spaces: StaticString = "                                                                "
}

/// Writes a JSON object's keys as `JSON.object` lays them out: each on a line of its own, indented a
/// level below the object; the caller writes each key's value after `key`.
struct JSONObjectWriter {
    let indent: [UInt8]
    /// The object's level below `indent`.
    let depth: Int
    private var keys = 0

    init(indent: [UInt8], depth: Int) {
        self.indent = indent
        self.depth = depth
    }

    /// Starts a pair: the comma after the previous one (or the opening brace), the indentation,
    /// the quoted key and its colon.
    mutating func key(_ key: String, to output: inout [UInt8]) {
        output.append(keys == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
        output.append(UInt8(ascii: "\n"))
        JSON.indent(&output, indent, depth + 1)
        JSONWriter.appendQuoted(key, to: &output)
        output.append(UInt8(ascii: ":"))
        output.append(UInt8(ascii: " "))
        keys += 1
    }

    /// A pair whose value is a text.
    mutating func pair(_ key: String, _ text: String, to output: inout [UInt8]) {
        self.key(key, to: &output)
        JSONWriter.appendQuoted(text, to: &output)
    }

    /// Ends the object (`{}` when it has no key).
    func end(_ output: inout [UInt8]) {
        guard keys > 0 else {
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "}"))
            return
        }
        output.append(UInt8(ascii: "\n"))
        JSON.indent(&output, indent, depth)
        output.append(UInt8(ascii: "}"))
    }
}
