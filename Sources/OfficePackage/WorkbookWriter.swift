/// Writes an .xlsx workbook (SpreadsheetML): one sheet per table, the header row bold and frozen,
/// dates as dates, rates as percentages, column widths fitted to the text (a Chinese character
/// counts twice), printed on A4 landscape with every column on the page's width. Every text is
/// written as an inline string, so no cell is ever a formula.
public struct WorkbookWriter: Sendable {
    /// A cell's value.
    public enum Cell: Sendable, Equatable {
        /// Text, shown as written.
        case text(String)
        /// A whole number.
        case integer(Int)
        /// A day, as its spreadsheet serial number (days since 1899-12-30), shown as `yyyy-mm-dd`.
        case date(serial: Int)
        /// A fraction shown as a percentage with one decimal.
        case percent(Double)
        /// Nothing.
        case empty
    }

    /// A sheet: its name, a header row and data rows.
    public struct Sheet: Sendable {
        /// The sheet's name (at most 31 characters, without `[]:*?/\`).
        public var name: String
        /// The header row.
        public var header: [String]
        /// The data rows.
        public var rows: [[Cell]]

        /// Creates a sheet.
        public init(name: String, header: [String], rows: [[Cell]]) {
            self.name = name
            self.header = header
            self.rows = rows
        }
    }

    /// The sheets, in order.
    public var sheets: [Sheet]
    /// The program named in the document's properties.
    public var application: String

    /// Creates a workbook. A sheet of more rows than a spreadsheet opens goes on in sheets after
    /// it, named `NAME (2)`, `NAME (3)`, each with the header (a check of 265,000 records wrote
    /// 1,060,001 rows, and Excel dropped the findings past its last row, or refused the file).
    public init(sheets: [Sheet], application: String, mostRowsPerSheet: Int = Self.mostRowsPerSheet) {
        self.sheets = sheets.flatMap { Self.split($0, mostRows: max(1, mostRowsPerSheet)) }
        self.application = application
    }

    /// The most data rows a sheet is given: Excel and WPS open 1,048,576 rows, the header one of them.
    public static let mostRowsPerSheet = 1_048_575

    /// A sheet, or its rows in parts of `mostRows` on sheets of its header, the first of its name.
    static func split(_ sheet: Sheet, mostRows: Int) -> [Sheet] {
        guard sheet.rows.count > mostRows else { return [sheet] }
        return stride(from: 0, to: sheet.rows.count, by: mostRows).enumerated().map { part, start in
            let suffix = " (\(part + 1))"
            let name = part == 0 ? sheet.name : String(sheetName(sheet.name).prefix(31 - suffix.count)) + suffix
            return Sheet(name: name, header: sheet.header, rows: Array(sheet.rows[start..<min(start + mostRows, sheet.rows.count)]))
        }
    }

    /// The workbook's bytes.
    public func bytes() throws(OfficePackage.WriteError) -> [UInt8] {
        try package().zipped()
    }

    func package() -> OfficePackage {
        var parts: [OfficePackage.Part] = [
            .init("[Content_Types].xml", text: contentTypes),
            .init("_rels/.rels", text: Self.rootRelationships),
            .init("docProps/app.xml", text: Self.declaration + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>\#(XMLEscaping.text(application))</Application></Properties>"#),
            .init("xl/workbook.xml", text: workbook),
            .init("xl/_rels/workbook.xml.rels", text: workbookRelationships),
            .init("xl/styles.xml", text: Self.styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(.init("xl/worksheets/sheet\(index + 1).xml", text: Self.worksheet(sheet)))
        }
        return OfficePackage(parts: parts)
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        Self.declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#
            + sheets.indices.map { #"<Override PartName="/xl/worksheets/sheet\#($0 + 1).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
    }

    private static let rootRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    private var workbook: String {
        Self.declaration + #"<workbook xmlns="\#(Self.main)" xmlns:r="\#(Self.relationshipNamespace)"><sheets>"#
            + sheets.enumerated().map { index, sheet in
                #"<sheet name="\#(XMLEscaping.text(Self.sheetName(sheet.name)))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
            }.joined()
            + "</sheets></workbook>"
    }

    private var workbookRelationships: String {
        Self.declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + sheets.indices.map {
                #"<Relationship Id="rId\#($0 + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0 + 1).xml"/>"#
            }.joined()
            + #"<Relationship Id="rId\#(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Cell formats: 0 plain, 1 header (bold, grey, wrapped), 2 date, 3 percentage, 4 wrapped text;
    /// all at the top of their row, beside texts that wrap onto several lines.
    private static let styles = declaration + #"<styleSheet xmlns="\#(main)">"#
        + #"<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>"#
        + #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFEEEEEE"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#
        + #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#

    /// The widest a column is made, in characters; longer text wraps.
    static let maxWidth = 60.0

    static func worksheet(_ sheet: Sheet) -> String {
        var widths = sheet.header.map { displayWidth($0) }
        for row in sheet.rows {
            for (index, cell) in row.enumerated() {
                let width: Double = switch cell {
                case .text(let text): displayWidth(text)
                case .integer(let value): Double(String(value).count)
                case .date: 10
                case .percent: 6
                case .empty: 0
                }
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        let columnWidths = widths.map { Int(min(max($0, 6), maxWidth).rounded(.up)) + 2 }
        // Printed landscape, every column on the page's width.
        var xml = declaration + #"<worksheet xmlns="\#(main)">"#
            + #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
            + #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
            + "<cols>" + columnWidths.enumerated().map { index, width in
                #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }.joined() + "</cols><sheetData>"
        xml += row(1, sheet.header.map { .text($0) }, header: true, widths: columnWidths)
        for (index, cells) in sheet.rows.enumerated() { xml += row(index + 2, cells, header: false, widths: columnWidths) }
        xml += "</sheetData>"
        if !sheet.header.isEmpty {
            xml += #"<autoFilter ref="A1:\#(CellReference.column(sheet.header.count))\#(sheet.rows.count + 1)"/>"#
        }
        xml += #"<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>"#
        xml += #"<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>"#
        return xml + "</worksheet>"
    }

    /// A row; one whose texts wrap onto several lines is given the height they need (left to the
    /// spreadsheet, the lines of a long message were printed over the next row's).
    private static func row(_ number: Int, _ cells: [Cell], header: Bool, widths: [Int]) -> String {
        var lines = 1
        for (index, cell) in cells.enumerated() {
            if case .text(let text) = cell { lines = max(lines, lineCount(text, width: index < widths.count ? widths[index] : Int(maxWidth))) }
        }
        var xml = lines > 1 ? #"<row r="\#(number)" ht="\#(lines * 15 + 3)" customHeight="1">"# : #"<row r="\#(number)">"#
        for (index, cell) in cells.enumerated() {
            let reference = "\(CellReference.column(index + 1))\(number)"
            switch cell {
            case .text(let text):
                // Every text wraps, top-aligned: one that fits by this count may not in the font
                // the spreadsheet shows it in, and was cut at the column's edge.
                let style = header ? 1 : 4
                xml += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">\#(XMLEscaping.text(cellText(text)))</t></is></c>"#
            case .integer(let value): xml += #"<c r="\#(reference)" s="0"><v>\#(value)</v></c>"#
            case .date(let serial): xml += #"<c r="\#(reference)" s="2"><v>\#(serial)</v></c>"#
            case .percent(let value): xml += #"<c r="\#(reference)" s="3"><v>\#(value)</v></c>"#
            case .empty: continue
            }
        }
        return xml + "</row>"
    }

    /// The most UTF-16 units a cell holds in Excel; a longer text is cut there, marked.
    static let maxCellLength = 32_767

    /// A text as a cell can hold it (a title of 40,000 characters made a workbook Excel repairs),
    /// with a `_x` that would read as an escape (`_x000D_`) escaped itself (`_x005F_x000D_`), and
    /// each hidden character as `�` (`XMLEscaping.isHiddenControl`): an override in an id showed
    /// one record under another's (`\u{202E}712-5202-JS-YZ` as `ZY-SJ-2025-217`).
    static func cellText(_ text: String) -> String {
        let shown = XMLEscaping.showingHidden(text)
        return fittingACell(shown.contains("_x") ? escapingUnderscores(shown) : shown)
    }

    /// A text cut where a spreadsheet's cell ends (`maxCellLength` UTF-16 units), marked with "…";
    /// a shorter one as it is. (A CSV field longer was cut by Excel and LibreOffice unmarked.)
    public static func fittingACell(_ text: String) -> String {
        guard text.utf16.count > maxCellLength else { return text }
        var kept = ""
        var length = 0
        for character in text {
            length += character.utf16.count
            guard length <= maxCellLength - 1 else { break }
            kept.append(character)
        }
        return kept + "…"
    }

    /// A text whose `_xHHHH_` sequences read as themselves: each such `_` written `_x005F_`.
    static func escapingUnderscores(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.firstRange(of: "_x") {
            let after = rest[start.upperBound...]
            result += rest[..<start.lowerBound]
            let hex = after.prefix(4)
            result += hex.count == 4 && hex.allSatisfy(\.isHexDigit) && after.dropFirst(4).first == "_" ? "_x005F_x" : "_x"
            rest = after
        }
        return result + rest
    }

    /// How many lines a text takes in a column this many characters wide (a wide character
    /// counts twice), at most 40.
    static func lineCount(_ text: String, width: Int) -> Int {
        let room = Double(max(width - 1, 1))
        var lines = 0
        var lineWidth = 0.0
        // Counted as the text is read, up to the cap (a list of a cell's lines took 2 GB for a
        // title of 60,000,000 line breaks).
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                lines += max(1, Int((lineWidth / room).rounded(.up)))
                lineWidth = 0
                if lines >= 40 { return 40 }
            } else {
                lineWidth += isWide(scalar) ? 2 : 1
            }
        }
        lines += max(1, Int((lineWidth / room).rounded(.up)))
        return min(lines, 40)
    }

    /// Width in Latin characters: East Asian wide characters count as two.
    static func displayWidth(_ text: String) -> Double {
        var longest = 0.0
        for line in text.split(whereSeparator: \.isNewline) {
            var width = 0.0
            for scalar in line.unicodeScalars { width += isWide(scalar) ? 2 : 1 }
            longest = max(longest, width)
        }
        return longest
    }

    /// Whether a character takes two columns: Hangul, CJK, full-width forms.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD: true
        default: false
        }
    }

    /// A name Excel accepts for a sheet: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }
}
