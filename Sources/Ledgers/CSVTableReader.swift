#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif
import OfficePackage
import YAMLTree

/// Reads a CSV ledger (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) in
/// UTF-8 with or without a byte-order mark, in GB18030 as WPS and older Excel save it, or in
/// UTF-16 with its byte-order mark; its fields separated by commas, tabs or semicolons.
public enum CSVTableReader {
    /// The table of a CSV file, held whole (for `import`).
    /// - Parameter maxRows: rows with content read, at most.
    public static func read(_ bytes: [UInt8], maxRows: Int) throws(LedgerError) -> LedgerTable {
        var rows: [LedgerRow] = []
        try self.rows(bytes, maxRows: maxRows) { row in
            rows.append(row)
            return true
        }
        return LedgerTable(sheet: nil, rows: rows)
    }

    /// Hands each row with content of a CSV file to `each`, in order; `each` returns false to stop.
    public static func rows(_ bytes: [UInt8], maxRows: Int, each: (LedgerRow) -> Bool) throws(LedgerError) {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // UTF-32 (rare, and its mark starts as UTF-16's does): said, not read as UTF-16 nonsense.
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw LedgerError(
                chinese: "CSV 文件是 UTF-32 编码，无法读取；\(saveAsUTF8.zh)",
                english: "the CSV file is in UTF-32, which cannot be read; \(saveAsUTF8.en)")
        }
        // UTF-16 with its byte-order mark, as Excel saves "Unicode 文本" (refused as "neither UTF-8
        // nor GB18030", which the file named in its first two bytes).
        for (mark, encoding) in [([UInt8](arrayLiteral: 0xFF, 0xFE), "UTF-16LE"), ([0xFE, 0xFF], "UTF-16BE")] where bytes.starts(with: mark) {
            guard let converted = convert(Array(bytes.dropFirst(2)), from: encoding) else {
                throw LedgerError(
                    chinese: "CSV 文件开头的编码标记表明是 \(encoding) 编码，其后的内容却不是有效的 \(encoding)，无法读取；\(saveAsUTF8.zh)",
                    english: "the CSV file's first bytes mark it as \(encoding), but what follows is not valid \(encoding), so it cannot be read; \(saveAsUTF8.en)")
            }
            bytes = converted
        }
        // Zero bytes, which no text in UTF-8 or GB18030 holds, but UTF-16 does for every ASCII
        // character (the commas, the digits of dates): UTF-16 without its byte-order mark. (Asked
        // first: such a file is often valid GB18030, or UTF-8, of nonsense.)
        if bytes.count >= 4, bytes.count(where: { $0 == 0 }) * 10 >= bytes.count {
            throw LedgerError(
                chinese: "CSV 文件似为 UTF-16 编码，但缺少开头的编码标记，无法读取；\(saveAsUTF8.zh)",
                english: "the CSV file looks like UTF-16 without the mark at its start that says how to read it, so it cannot be read; \(saveAsUTF8.en)")
        }
        if !YAMLParser.isValidUTF8(bytes) {
            guard let converted = convert(bytes, from: "GB18030") else {
                throw LedgerError(
                    chinese: "CSV 文件既不是 UTF-8 也不是 GB18030 编码；\(saveAsUTF8.zh)",
                    english: "the CSV file is neither UTF-8 nor GB18030; \(saveAsUTF8.en)")
            }
            bytes = converted
        }
        guard let problem = parse(bytes, separator: separator(of: bytes), maxRows: maxRows, each: each) else { return }
        let cell = CellReference.cell(row: problem.row, column: problem.column)
        switch problem.kind {
        case .neverClosed:
            throw LedgerError(
                chinese: "单元格 \(cell) 的引号没有闭合，其后的全部内容都会被读成这一格（此前的行已检查）；请检查该单元格的引号",
                english: "the quote that opens the cell \(cell) is never closed, so all that follows would be read as that one cell (the rows before it were checked); check the quotes of that cell")
        case .textAfterClosing:
            throw LedgerError(
                chinese: "单元格 \(cell) 的引号在单元格结束之前就闭合了，其后还有内容（可能是多余的引号，把几行读成了一格；此前的行已检查）；请检查该单元格的引号",
                english: "the quoted cell \(cell) goes on after its closing quote (a stray quote, which may have made several rows one cell; the rows before it were checked); check the quotes of that cell")
        }
    }

    /// Where a CSV file's quotes go wrong, at the cell whose quote opens the trouble.
    struct QuoteProblem: Equatable {
        enum Kind: Equatable {
            /// A quote opens a cell and is never closed.
            case neverClosed
            /// Text follows a cell's closing quote before the cell ends (RFC 4180 allows none).
            case textAfterClosing
        }

        var kind: Kind
        var row: Int
        var column: Int
    }

    /// What to do with a CSV file of an encoding it cannot read, with the menu names of both programs.
    static let saveAsUTF8 = (zh: "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或在 WPS 中另存为 .xlsx", en: "save it in Excel as CSV UTF-8 (comma delimited), or in WPS as .xlsx")

    /// The separator of a CSV file's fields: a comma, or the tab or semicolon that a file saved as
    /// "Unicode 文本" (tabs) or by a spreadsheet set up for another country (semicolons) uses:
    /// whichever appears, outside quotes, on the most of its first 20 lines (a comma on as many).
    /// A separator is on every line of a table, where a cell holding another (`甲;乙;丙`, a title
    /// with commas) is on one. (Split at commas alone, such a file was one column, and its
    /// message spoke of the mapping, not of the separator.)
    static func separator(of bytes: [UInt8]) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), 0x09, UInt8(ascii: ";")]
        var lines = [Int](repeating: 0, count: candidates.count)
        var onThisLine = [Bool](repeating: false, count: candidates.count)
        var quoted = false
        var counted = 0
        func endLine() {
            for index in candidates.indices where onThisLine[index] { lines[index] += 1 }
            onThisLine = Array(repeating: false, count: candidates.count)
            counted += 1
        }
        for byte in bytes.prefix(64 << 10) {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            guard !quoted else { continue }
            if byte == 0x0A {
                endLine()
                if counted == 20 { break }
            } else if let index = candidates.firstIndex(of: byte) {
                onThisLine[index] = true
            }
        }
        if counted < 20 { endLine() }
        // A comma wins a tie, and any file with no tab or semicolon.
        guard let best = lines.indices.max(by: { lines[$0] < lines[$1] || (lines[$0] == lines[$1] && $0 > $1) }) else { return candidates[0] }
        return candidates[best]
    }

    /// Rows of fields split by the separator (a comma unless `separator(of:)` says otherwise), quotes honoured; rows numbered as a spreadsheet opening the
    /// file numbers them (a line break inside quotes is part of a cell, not a new row: numbered by
    /// lines, a row after such a cell was named three rows too far down), rows without content
    /// left out. Returns where the quotes go wrong, and stops there (that row is not handed over):
    /// a quote never closed made the rest of the file one cell, and two stray quotes the rows
    /// between them, which vanished unsaid.
    static func parse(_ bytes: [UInt8], separator: UInt8 = UInt8(ascii: ","), maxRows: Int, each: (LedgerRow) -> Bool) -> QuoteProblem? {
        var count = 0
        var stopped = false
        var cells: [Int: LedgerCell] = [:]
        var field: [UInt8] = []
        var column = 1
        var row = 1
        var quoted = false
        // Whether the field's closing quote has been read: only spaces may follow it in the field.
        var closed = false
        var quoteOpened = (row: 1, column: 1)
        var index = 0
        func endField() {
            let text = String(decoding: field, as: UTF8.self).trimmingSpaces
            if !text.isEmpty { cells[column] = LedgerCell(text) }
            field.removeAll(keepingCapacity: true)
            column += 1
            closed = false
        }
        func endRow() {
            endField()
            if !cells.isEmpty {
                count += 1
                var line = LedgerRow(number: row, cells: cells)
                line.fieldCount = column - 1
                if !each(line) || count >= maxRows { stopped = true }
            }
            cells = [:]
            column = 1
            row += 1
        }
        while index < bytes.count, !stopped {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                        closed = true
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            if closed, byte != separator, byte != 0x0D, byte != 0x0A, byte != 0x20, byte != 0x09 {
                return QuoteProblem(kind: .textAfterClosing, row: quoteOpened.row, column: quoteOpened.column)
            }
            switch byte {
            case UInt8(ascii: "\"") where field.allSatisfy({ $0 == 0x20 }) && !closed:
                quoted = true
                quoteOpened = (row, column)
                field.removeAll()
            case separator: endField()
            case 0x0D:
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                endRow()
            case 0x0A:
                endRow()
            default: field.append(byte)
            }
        }
        if quoted, !stopped { return QuoteProblem(kind: .neverClosed, row: quoteOpened.row, column: quoteOpened.column) }
        if !stopped, !field.isEmpty || !cells.isEmpty { endRow() }
        return nil
    }

    /// Bytes converted to UTF-8 with the C library's iconv; nil when they are not valid in `encoding`.
    static func convert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let result: Int? = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer = source.baseAddress
                var inLeft = source.count
                var outPointer = target.baseAddress
                var outLeft = target.count
                guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return target.count - outLeft
            }
        }
        guard let result else { return nil }
        return output.prefix(result).map { UInt8(bitPattern: $0) }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and full-width spaces.
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        // Most cells have no space at either end: the text itself, with no copy (a set of the
        // spaces made at every call was a tenth of reading a sheet of 10 million cells).
        guard let first = scalars.first, let last = scalars.last, first.isCellSpace || last.isCellSpace else { return self }
        while let first = scalars.first, first.isCellSpace { scalars.removeFirst() }
        while let last = scalars.last, last.isCellSpace { scalars.removeLast() }
        return String(scalars)
    }

    /// Whether the text is empty or only spaces.
    var isBlankCell: Bool {
        unicodeScalars.allSatisfy(\.isCellSpace)
    }
}

extension Unicode.Scalar {
    /// A space as cells hold them around their text: ASCII space, tab, ideographic and no-break
    /// space, and a line break (a trailing Alt+Enter in WPS made `不通过⏎` no outcome).
    var isCellSpace: Bool {
        switch self {
        case " ", "\t", "\u{3000}", "\u{A0}", "\n", "\r": true
        default: false
        }
    }
}
