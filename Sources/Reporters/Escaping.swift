import OfficePackage

/// Escaping for the hand-written formats (XML, HTML, CSV, Markdown, URIs), without Foundation.
///
/// Every function is total: whatever the text (quotes, markup, control characters, unpaired
/// line ends), the result is well-formed in its format.
enum Escaping {
    /// Whether XML 1.0 allows the character at all (see `XMLEscaping`).
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        XMLEscaping.isXMLCharacter(scalar)
    }

    /// Text for XML character data or (with `attribute`) an attribute value (see `XMLEscaping`),
    /// each bidirectional control and other hidden character (`isHidden`, but tab and line ends)
    /// shown as `�`, as the text report shows it.
    static func xml(_ text: String, attribute: Bool = false) -> String {
        XMLEscaping.text(showingHidden(text), attribute: attribute)
    }

    /// The text with each hidden character but tab and line ends (`isHiddenControl`) as `�`: a
    /// bidirectional override in a record's id (`\u{202E}1-QS`) showed as `SQ-1` in an HTML
    /// checklist or a JUnit viewer, where the text report showed `�`.
    static func showingHidden(_ text: String) -> String {
        XMLEscaping.showingHidden(text)
    }

    /// Text for HTML content or a quoted attribute value: escapes `&`, `<`, `>`, `"`, `'`; shows
    /// bidirectional controls and other hidden characters as `�` (`showingHidden`), which drops
    /// nothing a reader needs (the characters XML forbids and the C1 controls, which HTML parsers
    /// reject, become `�` too).
    static func html(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in showingHidden(text).unicodeScalars where isXMLCharacter(scalar) && !(0x7F...0x9F).contains(scalar.value) {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One CSV field (RFC 4180), safe to open in a spreadsheet.
    ///
    /// A field that a spreadsheet would read as a formula (it starts with `=`, `+`, `-` or `@`,
    /// after any white space or invisible characters, or with a tab or CR) gets a leading apostrophe.
    /// A field longer than a spreadsheet's cell (32,767 UTF-16 units) is cut there, marked "…". A
    /// field with a comma, quote, tab, CR or LF is quoted, with quotes doubled.
    static func csv(_ text: String) -> String {
        // Control characters (ESC and the rest, but tab and line ends) and bidirectional controls
        // never reach a spreadsheet: each is `�`, as in every other format and the .xlsx (dropped,
        // a file `rtl\u{202E}LMTH.yaml` was named `rtlLMTH.yaml`, a file that is not there, and
        // an id with an override looked clean).
        var field = showingHidden(text)
        // What a spreadsheet may pass over before a formula (spaces, a line end, invisible and
        // format characters: `\u{200B}=1+2`, `\u{3000}=1+2`) is passed over here too, in the text
        // as written (a hidden character shown as `�` hides no formula either way).
        let leading = text.unicodeScalars.first { !isBlankBeforeFormula($0) && !isHiddenControl($0) }
        if let first = text.unicodeScalars.first, ["\t", "\r"].contains(first) {
            field = "'" + field
        } else if let leading, ["=", "+", "-", "@"].contains(leading) {
            field = "'" + field
        }
        field = WorkbookWriter.fittingACell(field)
        // (A tab too: LibreOffice's import, with tab among its separators as it often is, split a
        // message quoting an id with a tab in it across two cells.)
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\t" }
        guard needsQuotes else { return field }
        var quoted = "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(scalar) }
        }
        return quoted + "\""
    }

    /// Whether a character shows nothing a reader would take for the start of a field: white
    /// space, a control, a format or default-ignorable character (zero-width space, soft hyphen,
    /// Hangul filler), a noncharacter.
    static func isBlankBeforeFormula(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
        default: return properties.isWhitespace || properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint
        }
    }

    /// C0 and C1 controls other than tab, LF and CR, and the characters `isHidden` names.
    static func isHiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        XMLEscaping.isHiddenControl(scalar)
    }

    /// What can reorder, break or hide what a reader sees (`XMLEscaping.isHidden`).
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        XMLEscaping.isHidden(scalar)
    }

    /// Text for a SARIF `message.text`: SARIF reads `[text](target)` as an embedded link, so
    /// brackets from records are escaped (SARIF 2.1.0, 3.11.5), as is the backslash itself; hidden
    /// characters are `�`.
    static func sarifMessage(_ text: String) -> String {
        // Hidden characters as `�` too: code scanning shows the message to people, and an override
        // quoted from a record reversed the rest of it there.
        let text = showingHidden(text)
        guard text.contains(where: { $0 == "[" || $0 == "]" || $0 == "\\" }) else { return text }
        var result = ""
        for character in text {
            if character == "[" || character == "]" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Text for one cell of a GitHub-flavoured Markdown table.
    ///
    /// Backslash-escapes the characters Markdown gives a meaning to inline (`\`, `` ` ``, `*`,
    /// `_`, `[`, `]`, `~`, `|`) and `&`, `<`, `>` (so no text becomes HTML or an entity, and the
    /// raw text stays readable: `\<违规\>`, never `&lt;违规&gt;`), turns each line end (LF, CR or
    /// CRLF) into `<br>` and shows other control and hidden characters as `�`.
    static func markdownCell(_ text: String) -> String {
        var result = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\r": result += "<br>"
            case "\n": if !previousCR { result += "<br>" }
            case "\\", "`", "*", "_", "[", "]", "~", "|", "&", "<", ">":
                result += "\\"
                result.unicodeScalars.append(scalar)
            case "\t": result += " "
            // (Shown as `�`, as in the other formats: dropped, an id with an override read clean.)
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                || isHiddenControl(scalar):
                result += "\u{FFFD}"
            case "@":
                // A mention (`@user`) or an e-mail autolink is broken by a zero-width space.
                result += "@\u{200B}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return breakingAutolinks(result)
    }

    /// GFM turns `http://…`, `https://…`, `www.…` into links even without brackets; a zero-width
    /// space after the scheme's colon (or after `www`) keeps them text.
    static func breakingAutolinks(_ text: String) -> String {
        guard text.contains("://") || text.lowercased().contains("www.") else { return text }
        var result = text.replacingOccurrences("://", with: ":\u{200B}//")
        for www in ["www.", "WWW.", "Www."] { result = result.replacingOccurrences(www, with: String(www.dropLast()) + "\u{200B}.") }
        return result
    }

    /// A file path as a URI reference: a relative path stays relative, an absolute path becomes
    /// a `file://` URI. Bytes other than unreserved characters and `/` are percent-encoded
    /// (UTF-8), so Chinese names and spaces give a valid URI.
    static func uri(path: String) -> String {
        let absolute = path.hasPrefix("/")
        var result = absolute ? "file://" : ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".unicodeScalars)
                result += "%"
                result.unicodeScalars.append(digits[Int(byte >> 4)])
                result.unicodeScalars.append(digits[Int(byte & 0xF)])
            }
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingOccurrences(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.unicodeScalars)
        let scalars = Array(unicodeScalars)
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return self }
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if index + pattern.count <= scalars.count, Array(scalars[index..<(index + pattern.count)]) == pattern {
                result.append(contentsOf: replacement.unicodeScalars)
                index += pattern.count
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
