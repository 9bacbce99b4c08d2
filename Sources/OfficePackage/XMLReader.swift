/// A small, strict pull reader for the XML inside Office packages (workbook, sheets, shared
/// strings, styles): elements, attributes, text, character references and CDATA. Namespace
/// prefixes are dropped (`x:row` reads as `row`). A document type declaration is refused, so no
/// entity can expand; comments and processing instructions are skipped.
public struct XMLReader: Sendable {
    /// What the reader found next.
    public enum Event: Sendable, Equatable {
        /// An element starts; `closed` when it is empty (`<c/>`), which gives no `end` event.
        case start(name: String, attributes: [String: String], closed: Bool)
        /// An element ends.
        case end(name: String)
        /// Text between tags, with references resolved.
        case text(String)
    }

    /// XML that is not well formed, or a document type declaration.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        /// What was wrong, and the byte offset.
        public var description: String
    }

    private let bytes: [UInt8]
    private var offset = 0

    /// A reader of a part's bytes.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next event; nil at the end.
    public mutating func next() throws(ReadError) -> Event? {
        while offset < bytes.count {
            if bytes[offset] != UInt8(ascii: "<") {
                let start = offset
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "<") { offset += 1 }
                return .text(Self.resolve(bytes[start..<offset]))
            }
            if matches("<?") {
                try skip(past: "?>")
            } else if matches("<!--") {
                try skip(past: "-->")
            } else if matches("<![CDATA[") {
                offset += 9
                let start = offset
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(offset - 3)], as: UTF8.self))
            } else if matches("<!") {
                throw ReadError(description: "a document type declaration at byte \(offset) is not allowed")
            } else if matches("</") {
                offset += 2
                let name = readName()
                skipSpace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ">") else { throw error("'>' expected") }
                offset += 1
                return .end(name: Self.local(name))
            } else {
                offset += 1
                return try startTag()
            }
        }
        return nil
    }

    private mutating func startTag() throws(ReadError) -> Event {
        let name = readName()
        guard !name.isEmpty else { throw error("an element name expected") }
        var attributes: [String: String] = [:]
        while true {
            skipSpace()
            guard offset < bytes.count else { throw error("the tag <\(name)> is not closed") }
            if bytes[offset] == UInt8(ascii: ">") {
                offset += 1
                return .start(name: Self.local(name), attributes: attributes, closed: false)
            }
            if matches("/>") {
                offset += 2
                return .start(name: Self.local(name), attributes: attributes, closed: true)
            }
            let attribute = readName()
            skipSpace()
            guard !attribute.isEmpty, offset < bytes.count, bytes[offset] == UInt8(ascii: "=") else { throw error("an attribute expected in <\(name)>") }
            offset += 1
            skipSpace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") else { throw error("a quoted value expected") }
            let quote = bytes[offset]
            offset += 1
            let start = offset
            while offset < bytes.count, bytes[offset] != quote { offset += 1 }
            guard offset < bytes.count else { throw error("an attribute value is not closed") }
            attributes[Self.local(attribute)] = Self.resolve(bytes[start..<offset])
            offset += 1
        }
    }

    private func matches(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        return text.withUTF8Buffer { pattern in
            for index in 0..<count where bytes[offset + index] != pattern[index] { return false }
            return true
        }
    }

    private mutating func skip(past text: StaticString) throws(ReadError) {
        while offset < bytes.count {
            if matches(text) {
                offset += text.utf8CodeUnitCount
                return
            }
            offset += 1
        }
        throw error("'\(text)' expected before the end")
    }

    private mutating func skipSpace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func readName() -> String {
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "=")].contains(byte) { break }
            offset += 1
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    private func error(_ message: String) -> ReadError {
        ReadError(description: "\(message) at byte \(offset)")
    }

    /// The name without its namespace prefix.
    private static func local(_ name: String) -> String {
        guard let colon = name.utf8.firstIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    /// Text with `&lt;`, `&gt;`, `&amp;`, `&quot;`, `&apos;` and `&#…;` resolved; others kept as written.
    static func resolve(_ slice: ArraySlice<UInt8>) -> String {
        guard slice.contains(UInt8(ascii: "&")) else { return String(decoding: slice, as: UTF8.self) }
        var result: [UInt8] = []
        result.reserveCapacity(slice.count)
        var index = slice.startIndex
        while index < slice.endIndex {
            let byte = slice[index]
            guard byte == UInt8(ascii: "&"), let semicolon = slice[index...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                result.append(byte)
                index += 1
                continue
            }
            let name = String(decoding: slice[(index + 1)..<semicolon], as: UTF8.self)
            var replacement: String?
            switch name {
            case "lt": replacement = "<"
            case "gt": replacement = ">"
            case "amp": replacement = "&"
            case "quot": replacement = "\""
            case "apos": replacement = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
            }
            if let replacement {
                result += replacement.utf8
                index = semicolon + 1
            } else {
                result.append(byte)
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
