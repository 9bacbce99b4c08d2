/// JSON string literals, escaped as RFC 8259 requires (and U+2028/2029 for JavaScript readers).
enum JSONWriter {
    static func quoted(_ text: String) -> String {
        var result: [UInt8] = []
        appendQuoted(text, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    /// Appends a JSON string literal's UTF-8; text with nothing to escape is copied whole.
    static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        output.append(quote)
        // Scanned and copied in the string's own storage: stepping the UTF-8 view cost more.
        var text = text
        let copiedWhole = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == quote || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copiedWhole {
            output.append(quote)
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append(contentsOf: #"\""#.utf8)
            case "\\": output.append(contentsOf: #"\\"#.utf8)
            case "\n": output.append(contentsOf: #"\n"#.utf8)
            case "\r": output.append(contentsOf: #"\r"#.utf8)
            case "\t": output.append(contentsOf: #"\t"#.utf8)
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: #"\u"#.utf8)
                output.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: 4 - hex.count))
                output.append(contentsOf: hex.utf8)
            default: UTF8.encode(scalar) { output.append($0) }
            }
        }
        output.append(quote)
    }
}

/// A JSON value built by reporters, written with keys in a fixed order.
enum JSON {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])

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
            if pairs.isEmpty {
                output.append(UInt8(ascii: "{"))
                output.append(UInt8(ascii: "}"))
                return
            }
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "\n"))
            for index in pairs.indices {
                if index > 0 {
                    output.append(UInt8(ascii: ","))
                    output.append(UInt8(ascii: "\n"))
                }
                Self.indent(&output, indent, depth + 1)
                JSONWriter.appendQuoted(pairs[index].0, to: &output)
                output.append(UInt8(ascii: ":"))
                output.append(UInt8(ascii: " "))
                pairs[index].1.write(to: &output, indent: indent, depth: depth + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(&output, indent, depth)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ output: inout [UInt8], _ indent: [UInt8], _ depth: Int) {
        output += indent
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }
}
