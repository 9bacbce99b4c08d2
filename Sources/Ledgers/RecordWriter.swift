public import YAMLTree

/// Writes a record built from a ledger row as a YAML file a person can keep under version
/// control: block style, keys in the order of the ledger's columns, texts quoted, dates and
/// numbers plain, lists of people in flow style.
public enum RecordWriter {
    /// The record as YAML, after a comment naming where it came from (a line of it for each line
    /// of `comment`).
    public static func yaml(_ record: YAMLNode, comment: String) -> String {
        var out = comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# \(commentText($0))\n" }.joined()
        write(record, indent: 0, into: &out)
        return out
    }

    /// A line of the comment with every control, format and separator character shown as `�`:
    /// the comment quotes the ledger's file and sheet names, and YAML ends a comment at a carriage
    /// return, NEL, LS or PS as at a line feed (a sheet named `案件<LS>kind: other<LS>…` wrote a
    /// record of another kind, title and steps, which checked clean).
    static func commentText(_ line: Substring) -> String {
        guard line.unicodeScalars.contains(where: isHiddenInComment) else { return String(line) }
        var result = ""
        for scalar in line.unicodeScalars {
            result.unicodeScalars.append(isHiddenInComment(scalar) ? "\u{FFFD}" : scalar)
        }
        return result
    }

    private static func isHiddenInComment(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: scalar.properties.isNoncharacterCodePoint
        }
    }

    /// A file name for a record: its id with characters a file system or shell dislikes replaced,
    /// cut to `mostNameBytes` bytes of UTF-8 (a file name holds at most 255, and the report
    /// writer's temporary name beside it some 30 more: an id of 90 Chinese characters stopped the
    /// import half-way), and never `registry.yaml`, which a folder search reads as the registry.
    public static func fileName(for id: String) -> String {
        var cleaned = String(id.map { character -> Character in
            character.isLetter || character.isNumber || "-_.".contains(character) ? character : "-"
        }).trimmingCharacters(in: ".-")
        if cleaned.utf8.count > mostNameBytes {
            var cut = ""
            for character in cleaned {
                guard cut.utf8.count + character.utf8.count <= mostNameBytes else { break }
                cut.append(character)
            }
            cleaned = cut.trimmingCharacters(in: ".-")
        }
        if cleaned.isEmpty { cleaned = "record" }
        if cleaned.lowercased() == "registry" { cleaned += "-record" }
        // A name Windows keeps for a device (`CON`, `nul.txt`): a shared folder's Windows clients
        // could neither open nor delete `CON.yaml`, and `git checkout` there failed.
        // (Windows reads the name before its first dot: `nul.txt-x` is the device too.)
        if let stem = cleaned.split(separator: ".", omittingEmptySubsequences: false).first, windowsDeviceNames.contains(stem.uppercased()) {
            cleaned = stem + "-record" + cleaned.dropFirst(stem.count)
        }
        return cleaned + ".yaml"
    }

    /// The names Windows keeps for devices, whatever follows them after a dot.
    static let windowsDeviceNames: Set<String> = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// The most bytes of a record file's name before `.yaml` (and before `_002`, added when two
    /// records would share a name).
    public static let mostNameBytes = 160

    private static func write(_ node: YAMLNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for pair in node.mapping ?? [] {
            // A key is quoted as a value is, when it would not read back as written (a ledger's
            // header kept as a key: `facts: {...} #` added facts to the record).
            let key = pair.key.scalar.map(text) ?? "\"\""
            switch pair.value.content {
            case .scalar(let scalar):
                out += "\(pad)\(key): \(text(scalar))\n"
            case .mapping:
                out += "\(pad)\(key):\n"
                write(pair.value, indent: indent + 2, into: &out)
            case .sequence(let items):
                if items.allSatisfy({ $0.scalar != nil }) {
                    out += "\(pad)\(key): [" + items.compactMap { $0.scalar.map(text) }.joined(separator: ", ") + "]\n"
                } else {
                    out += "\(pad)\(key):\n"
                    for item in items {
                        var inner = ""
                        write(item, indent: indent + 4, into: &inner)
                        // The first key of the item goes on the dash's line.
                        let trimmed = inner.drop { $0 == " " }
                        out += "\(pad)  - " + trimmed
                    }
                }
            }
        }
    }

    /// A scalar: quoted when it was text in the ledger or would not read back as written.
    static func text(_ scalar: YAMLScalar) -> String {
        if scalar.style == .plain, isPlainSafe(scalar.text) { return scalar.text }
        var quoted = "\""
        for character in scalar.text.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case _ where character.value < 0x20: quoted += "\\x" + String(character.value, radix: 16).leftPadded(to: 2)
            // (Line breaks YAML folds and the characters it refuses in a file, escaped.)
            case _ where isHidden(character): quoted += "\\u" + String(character.value, radix: 16).leftPadded(to: 4)
            default: quoted.unicodeScalars.append(character)
            }
        }
        return quoted + "\""
    }

    /// DEL, the C1 controls (U+0085 is a line break to YAML), the line and paragraph separators, the
    /// byte-order mark and the noncharacters U+FFFE, U+FFFF: escaped in a quoted text (written as
    /// they are, a file did not parse).
    static func isHidden(_ character: Unicode.Scalar) -> Bool {
        (0x7F...0x9F).contains(character.value) || [0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF].contains(character.value)
    }

    /// Text that YAML reads back unchanged as a plain scalar: none of its characters a control
    /// (a tab before `#` began a comment, and `通过\t#x` was written as `通过`), and none of the
    /// marks YAML reads at its start or within.
    static func isPlainSafe(_ text: String) -> Bool {
        // (`#` and `:` are looked for as code points: a space and `#` followed by a combining mark
        // are one character, and " #" as characters missed the comment that YAML begins there.)
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && !isHidden($0) && $0 != "#" && $0 != ":" }) else { return false }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return last != " " && !"-?,[]{}&*!|>'\"%@` ".unicodeScalars.contains(first)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }

    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
