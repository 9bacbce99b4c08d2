/// A scalar resolved by the YAML 1.2 core schema.
///
/// Only plain scalars resolve to null, booleans and numbers; quoted and block scalars,
/// and scalars tagged `!!str`, are always strings. Dates are not resolved here: the
/// record layer reads them itself, so `2020-02-30` can be reported as a bad date.
public enum CoreValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)

    /// Resolves a scalar with an optional explicit tag.
    public static func resolve(_ scalar: YAMLScalar, tag: String? = nil) -> CoreValue {
        switch tag {
        case "tag:yaml.org,2002:str": return .string(scalar.text)
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return resolveBool(scalar.text).map(CoreValue.bool) ?? .string(scalar.text)
        case "tag:yaml.org,2002:int": return resolveInt(scalar.text).map(CoreValue.int) ?? .string(scalar.text)
        case "tag:yaml.org,2002:float": return resolveFloat(scalar.text).map(CoreValue.float) ?? .string(scalar.text)
        default: break
        }
        guard scalar.style == .plain, tag == nil || tag == "!" else { return .string(scalar.text) }
        return resolvePlain(scalar.text)
    }

    /// Resolves the text of a plain scalar without an explicit tag (or with the tag `!`).
    static func resolvePlain(_ text: String) -> CoreValue {
        // The first byte tells which forms a text may take (null, a boolean, a number), so a date
        // or a code is not compared with every spelling of null and of a boolean on its way.
        guard let first = text.utf8.first else { return .null }
        switch first {
        // Each spelling of null (one byte or four) and of a boolean (four bytes or five) is
        // compared only with a text of its length: most texts that start so are codes and names.
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            let count = text.utf8.count
            guard count == 1 || count == 4 else { return .string(text) }
            switch text {
            case "~", "null", "Null", "NULL": return .null
            default: return .string(text)
            }
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            let count = text.utf8.count
            guard count == 4 || count == 5 else { return .string(text) }
            return resolveBool(text).map(CoreValue.bool) ?? .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            if let int = resolveInt(text) { return .int(int) }
            if let float = resolveFloat(text) { return .float(float) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    /// The text form of a string, number or boolean (used where a rule reads any scalar as text).
    public var text: String? {
        switch self {
        case .null: nil
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .float(let value): String(value)
        case .string(let value): value
        }
    }

    private static func resolveBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    private static func resolveInt(_ text: String) -> Int? {
        var utf8 = Substring(text).utf8[...]
        guard let first = utf8.first else { return nil }
        if first == UInt8(ascii: "0"), text.hasPrefix("0o") || text.hasPrefix("0x") {
            let digits = text.dropFirst(2)
            let radix = text.hasPrefix("0o") ? 8 : 16
            guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && ($0.hexDigitValue ?? 16) < radix }) else { return nil }
            return Int(digits, radix: radix)
        }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { utf8 = utf8.dropFirst() }
        guard !utf8.isEmpty, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(text)
    }

    private static func resolveFloat(_ text: String) -> Double? {
        // The infinities and not-a-number are four bytes or five (a date, ten, is not compared with each).
        if text.utf8.count <= 5 {
            switch text {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
            case "-.inf", "-.Inf", "-.INF": return -.infinity
            case ".nan", ".NaN", ".NAN": return .nan
            default: break
            }
        }
        // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
        var text = text
        // (Read in the string's own bytes: a copy into an array cost an allocation for every date.)
        guard text.withUTF8(isFloat) else { return nil }
        return Double(text)
    }

    private static func isFloat(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func digits() -> Int {
            let begin = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - begin
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        let whole = digits()
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fraction = digits()
            guard whole > 0 || fraction > 0 else { return false }
        } else if whole == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}
