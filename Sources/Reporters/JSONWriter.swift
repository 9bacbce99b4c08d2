/// JSON string literals, escaped as RFC 8259 requires (and U+2028/2029 for JavaScript readers).
enum JSONWriter {
    static func quoted(_ text: String) -> String {
        var result = ""
        appendQuoted(text, to: &result)
        return result
    }

    /// Appends a JSON string literal; text with nothing to escape is copied whole.
    static func appendQuoted(_ text: String, to output: inout String) {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            output += "\""
            output += text
            output += "\""
            return
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        output += result + "\""
    }
}

/// A JSON value built by reporters, written with keys in a fixed order.
indirect enum JSON {
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
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .string(let value): JSONWriter.appendQuoted(value, to: &output)
        case .array(let items):
            if items.isEmpty {
                output += "[]"
                return
            }
            let inner = indent + "  "
            output += "[\n"
            for (index, item) in items.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                item.write(to: &output, indent: inner)
            }
            output += "\n" + indent + "]"
        case .object(let pairs):
            if pairs.isEmpty {
                output += "{}"
                return
            }
            let inner = indent + "  "
            output += "{\n"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output += ",\n" }
                output += inner
                JSONWriter.appendQuoted(pair.0, to: &output)
                output += ": "
                pair.1.write(to: &output, indent: inner)
            }
            output += "\n" + indent + "}"
        }
    }
}
