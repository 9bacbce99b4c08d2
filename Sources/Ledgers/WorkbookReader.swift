public import DecisionRecords
import OfficePackage

/// Reads the sheets of an .xlsx workbook (Office Open XML, as Excel, WPS and LibreOffice write
/// it): shared and inline strings, numbers, booleans, dates (date-formatted serials, 1900 and 1904
/// systems), cached values of formulas, and merged cells (the value fills the range).
public enum WorkbookReader {
    /// The largest merged range filled, in cells; larger ones keep their value in the first cell only.
    static let maxMergedCells = 10_000
    /// The most text a sheet's cells may take from the shared strings, in bytes. A cell names a
    /// shared string by its number, so one string of 30,000 characters named by 100,000 cells
    /// (a workbook of 1.4 MB) made records of 3 GB: an audit of 9 GB of memory.
    static let maxSharedText = 64 << 20
    /// The most shared strings a workbook may hold, as many as a document of records may hold
    /// nodes (`--max-nodes`' default): 13 million short ones, in a workbook of 54 MB within every
    /// other limit, took 600 MB and ended the run where memory was capped, with no report.
    static let maxSharedStrings = 2_000_000

    /// Every sheet with content, in the workbook's order, each held whole (for `import`).
    /// - Parameter maxRows: rows with content read per sheet, at most.
    public static func read(_ bytes: [UInt8], maxRows: Int) throws(LedgerError) -> [LedgerTable] {
        let workbook = try open(bytes)
        var tables: [LedgerTable] = []
        for index in workbook.sheets.indices {
            var rows: [LedgerRow] = []
            try workbook.rows(ofSheet: index, maxRows: maxRows) { row in
                rows.append(row)
                return true
            }
            tables.append(LedgerTable(sheet: workbook.sheets[index].name, rows: rows))
        }
        return tables
    }

    /// A workbook opened for reading its sheets one at a time, row by row.
    public struct Workbook: Sendable {
        /// The sheets, in the workbook's order: name and part.
        public let sheets: [(name: String, path: String)]
        /// The program that wrote it, from its properties; nil when unknown.
        public let application: String?
        let archive: ZIPReader
        let strings: [String]
        let styles: CellStyles
        let date1904: Bool

        /// Hands each row with content of a sheet to `each`, in order, without holding the sheet's
        /// rows; `each` returns false to stop.
        public func rows(ofSheet index: Int, maxRows: Int, each: (LedgerRow) -> Bool) throws(LedgerError) {
            let (name, path) = sheets[index]
            try WorkbookReader.translating { () throws in
                guard let sheet = try archive.read(path) else {
                    throw LedgerError(chinese: "工作表“\(name)”缺少其内容（\(path)）", english: "the sheet '\(name)' has no content (\(path))")
                }
                try SheetReader(strings: strings, styles: styles, date1904: date1904, maxRows: maxRows).rows(of: sheet, each: each)
            }
        }
    }

    /// Opens a workbook: its sheets, shared strings and date formats.
    public static func open(_ bytes: [UInt8]) throws(LedgerError) -> Workbook {
        try translating { () throws -> Workbook in
            let archive = try ZIPReader(bytes)
            let workbook = try part(archive, "xl/workbook.xml")
            let relationships = try archive.read("xl/_rels/workbook.xml.rels").map(targets) ?? [:]
            let (sheets, date1904) = try sheetList(workbook)
            let paths = sheets.compactMap { name, relationship -> (name: String, path: String)? in
                guard let target = relationships[relationship] else { return nil }
                return (name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
            }
            // Each sheet is a part of its own (Excel, WPS and LibreOffice write no other): 400 sheets
            // naming one part of 3,000 rows made a workbook of 31 KB 1.2 million records.
            var sheetOfPart: [String: String] = [:]
            for (name, path) in paths {
                if let earlier = sheetOfPart.updateValue(name, forKey: path) {
                    throw LedgerError(
                        chinese: "工作表“\(earlier)”和“\(name)”是工作簿中的同一部分（\(path)），Excel 和 WPS 不会这样保存；文件是手工拼成或已损坏，请在 Excel 或 WPS 中打开后另存",
                        english: "the sheets '\(earlier)' and '\(name)' are the same part of the workbook (\(path)), which Excel and WPS never write; the file was put together by hand or is damaged: open it in Excel or WPS and save it again")
                }
            }
            return Workbook(
                sheets: paths, application: application(in: archive), archive: archive, strings: try archive.read("xl/sharedStrings.xml").map { try sharedStrings($0) } ?? [],
                styles: try archive.read("xl/styles.xml").map(cellStyles) ?? CellStyles(), date1904: date1904)
        }
    }

    /// Runs a step of reading, turning what can go wrong into a `LedgerError` in both languages.
    static func translating<T>(_ body: () throws -> T) throws(LedgerError) -> T {
        do {
            return try body()
        } catch let error as ZIPReader.ReadError {
            throw LedgerError(chinese: error.chinese, english: error.english)
        } catch let error as XMLReader.ReadError {
            throw LedgerError(chinese: "工作簿中的 XML 有误：\(error.description)", english: "the workbook's XML is not well formed: \(error.description)")
        } catch let error as LedgerError {
            throw error
        } catch {
            throw LedgerError(chinese: "无法读取工作簿：\(error)", english: "the workbook cannot be read: \(error)")
        }
    }

    /// The program that wrote a workbook, from its properties (`docProps/app.xml`); nil when unknown.
    static func application(in archive: ZIPReader) -> String? {
        guard let properties = try? archive.read("docProps/app.xml") else { return nil }
        var reader = XMLReader(properties)
        var inApplication = false
        while let event = try? reader.next() {
            switch event {
            case .start("Application", _, let closed): inApplication = !closed
            case .text(let text) where inApplication: return text
            case .end("Application"): return nil
            default: continue
            }
        }
        return nil
    }

    private static func part(_ archive: ZIPReader, _ name: String) throws -> [UInt8] {
        guard let bytes = try archive.read(name) else {
            throw LedgerError(chinese: "不是 Excel 工作簿（缺少 \(name)）", english: "not an Excel workbook (\(name) is missing)")
        }
        return bytes
    }

    /// Relationship id → target.
    private static func targets(_ bytes: [UInt8]) throws -> [String: String] {
        var reader = XMLReader(bytes)
        var targets: [String: String] = [:]
        while let event = try reader.next() {
            if case .start("Relationship", let attributes, _) = event, let id = attributes["Id"], let target = attributes["Target"] {
                targets[id] = target
            }
        }
        return targets
    }

    /// The sheets (name, relationship id) in order, and whether dates count from 1904.
    private static func sheetList(_ bytes: [UInt8]) throws -> ([(String, String)], Bool) {
        var reader = XMLReader(bytes)
        var sheets: [(String, String)] = []
        var date1904 = false
        while let event = try reader.next() {
            guard case .start(let name, let attributes, _) = event else { continue }
            if name == "sheet", let sheet = attributes["name"], let id = attributes["id"] { sheets.append((sheet, id)) }
            // (Read as a spreadsheet program reads it: `TRUE`, ` true` too; read as false, every
            // date of a 1904 workbook was four years early.)
            if name == "workbookPr", let value = attributes["date1904"] {
                date1904 = ["1", "true"].contains(value.trimmingSpaces.lowercased())
            }
        }
        return (sheets, date1904)
    }

    /// A cell's text with the workbook's escapes of characters XML cannot hold decoded: `_x000D_`
    /// is a carriage return, `_x005F_` an underscore (ECMA-376, ST_Xstring). Left as written, a
    /// name "张伟_x000D_" was no one the registry knew, and a conclusion "不通过_x000D_" no code.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "_x") {
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, hex.allSatisfy(\.isHexDigit), after.dropFirst(4).first == "_",
               let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                result += rest[..<start.lowerBound]
                result.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                result += rest[..<start.upperBound]
                rest = after
            }
        }
        return result + rest
    }

    /// The shared strings, at most `limit`; rich text runs joined, phonetic runs left out.
    static func sharedStrings(_ bytes: [UInt8], limit: Int = maxSharedStrings) throws -> [String] {
        var reader = XMLReader(bytes)
        var strings: [String] = []
        var current = ""
        var inText = false
        var inPhonetic = false
        func append(_ text: String) throws(LedgerError) {
            guard strings.count < limit else {
                throw LedgerError(
                    chinese: "工作簿的共享文本超过 \(limit) 条，不予读取",
                    english: "the workbook holds more than \(limit) shared texts; not read")
            }
            strings.append(text)
        }
        while let event = try reader.next() {
            switch event {
            case .start("si", _, let closed):
                current = ""
                inPhonetic = false
                if closed { try append("") }
            case .end("si"): try append(unescaped(current))
            case .start("rPh", _, let closed): inPhonetic = !closed
            case .end("rPh"): inPhonetic = false
            case .start("t", _, let closed): inText = !closed
            case .end("t"): inText = false
            case .text(let text) where inText && !inPhonetic: current += text
            default: break
            }
        }
        return strings
    }

    /// How the cell formats (`cellXfs`, by index) show numbers: as dates, or through a format of
    /// literal text and padded digits (`NumberFormat`).
    struct CellStyles: Sendable {
        var dates: Set<Int> = []
        var numbers: [Int: NumberFormat] = [:]
        /// The cell formats whose font strikes the text through.
        var struck: Set<Int> = []
    }

    /// How each cell format (`cellXfs`) shows numbers, and whether its font strikes text through.
    private static func cellStyles(_ bytes: [UInt8]) throws -> CellStyles {
        var reader = XMLReader(bytes)
        var customDates: Set<Int> = []
        var customNumbers: [Int: NumberFormat] = [:]
        var inCellFormats = false
        var index = 0
        var styles = CellStyles()
        // Fonts (listed before the cell formats), by index: whether each strikes its text through.
        var inFonts = false
        var struckFonts: [Bool] = []
        while let event = try reader.next() {
            switch event {
            case .start("fonts", _, let closed): inFonts = !closed
            case .end("fonts"): inFonts = false
            case .start("font", _, _) where inFonts: struckFonts.append(false)
            case .start("strike", let attributes, _) where inFonts && !struckFonts.isEmpty:
                // (`<strike/>` strikes; `val="0"` or `"false"` says it does not.)
                struckFonts[struckFonts.count - 1] = !["0", "false"].contains(attributes["val"] ?? "1")
            case .start("numFmt", let attributes, _):
                guard let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] else { continue }
                if isDateFormat(code) {
                    customDates.insert(id)
                } else if let format = NumberFormat(code: code) {
                    customNumbers[id] = format
                }
            case .start("cellXfs", _, let closed): inCellFormats = !closed
            case .end("cellXfs"): inCellFormats = false
            case .start("xf", let attributes, _) where inCellFormats:
                if let font = attributes["fontId"].flatMap({ Int($0) }), struckFonts.indices.contains(font), struckFonts[font] { styles.struck.insert(index) }
                let id = attributes["numFmtId"].flatMap { Int($0) } ?? 0
                if builtInDateFormats.contains(id) || customDates.contains(id) {
                    styles.dates.insert(index)
                } else if let format = customNumbers[id] {
                    styles.numbers[index] = format
                }
                index += 1
            default: break
            }
        }
        return styles
    }

    /// Built-in number formats that are dates or times, Chinese ones (27–36, 50–58) included.
    static let builtInDateFormats: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    /// Whether a custom format code shows a date: it has y, m, d, h or s outside quoted text and brackets.
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false
        var inBracket = false
        var escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[" where !inQuote: inBracket = true
            case "]" where !inQuote: inBracket = false
            case _ where "ymdhs".contains(character) && !inQuote && !inBracket:
                return true
            default: continue
            }
        }
        return false
    }

    /// The first day a ledger's date cell is read as a day (1950-01-01): an earlier one is a number
    /// typed into a date cell (4.16, 2025), as no decision record is that old.
    static let earliestLedgerDay = Day(year: 1950, month: 1, day: 1) ?? Day(ordinal: 0)

    /// The day of a spreadsheet serial number: 1900 system (with its phantom 1900-02-29) or 1904.
    public static func day(serial: Double, date1904: Bool) -> Day? {
        guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        // Rounded to the nearest second first, as Excel and LibreOffice show a date: 45733.9999999999
        // is shown 2025-03-18 (a notice "the day of the decision", before it, hid its finding).
        let days = Int((serial + 0.5 / 86_400).rounded(.down))
        if date1904 { return Day(year: 1904, month: 1, day: 1)?.adding(days: days) }
        guard days >= 1 else { return nil }
        // Serial 60 is 1900-02-29, which never was; later serials count from 1899-12-30.
        return days < 60 ? Day(year: 1899, month: 12, day: 31)?.adding(days: days) : Day(year: 1899, month: 12, day: 30)?.adding(days: days)
    }
}
