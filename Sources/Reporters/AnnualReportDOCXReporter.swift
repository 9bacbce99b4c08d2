public import OfficePackage

/// The annual report's section as a Word document (WordprocessingML, opened by Word, WPS and
/// LibreOffice): A4, Song typeface for text and Hei for headings, the annex as a table whose
/// header row repeats on every page. No date is written, so the same records give the same file.
public enum AnnualReportDOCXReporter {
    /// Renders the report as the bytes of a .docx file.
    public static func render(_ report: AnnualReport) throws(OfficePackage.WriteError) -> [UInt8] {
        try package(report).zipped()
    }

    /// The document's parts.
    static func package(_ report: AnnualReport) -> OfficePackage {
        OfficePackage(parts: [
            .init("[Content_Types].xml", text: contentTypes),
            .init("_rels/.rels", text: packageRelationships),
            .init("docProps/core.xml", text: core(report)),
            .init("docProps/app.xml", text: app(report)),
            .init("word/_rels/document.xml.rels", text: documentRelationships),
            .init("word/styles.xml", text: styles()),
            .init("word/document.xml", text: document(report)),
        ])
    }

    private static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    private static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    private static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        <Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
        </Types>
        """

    private static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>\
        </Relationships>
        """

    private static let documentRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    private static func core(_ report: AnnualReport) -> String {
        declaration + """
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(Escaping.xml(report.title))</dc:title>\
            <dc:creator>legality \(Escaping.xml(report.version))</dc:creator>\
            <dc:language>\(report.language == .zh ? "zh-CN" : "en")</dc:language></cp:coreProperties>
            """
    }

    private static func app(_ report: AnnualReport) -> String {
        declaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
            <Application>legality \(Escaping.xml(report.version))</Application></Properties>
            """
    }

    /// Styles: text in Song (宋体) 12 pt with a two-character first-line indent, headings in Hei (黑体),
    /// the problems as a list with a hanging indent.
    private static func styles() -> String {
        // Latin text is tagged English even in a Chinese report: tagged Chinese, a word processor
        // breaks record ids such as ZY-SJ-2025-096 between any two letters.
        let language = "en-US"
        func style(_ id: String, _ name: String, paragraph: String, run: String) -> String {
            #"<w:style w:type="paragraph" w:styleId="\#(id)"><w:name w:val="\#(name)"/><w:basedOn w:val="Normal"/>"#
                + "<w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        }
        let hei = #"<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="SimHei"/>"#
        return declaration + #"<w:styles xmlns:w="\#(wordNamespace)">"#
            + #"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/>"#
            + #"<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="\#(language)" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>"#
            + #"<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="400" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#
            + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
            + style("Title", "Title", paragraph: #"<w:jc w:val="center"/><w:spacing w:after="120"/>"#, run: hei + #"<w:b/><w:sz w:val="34"/>"#)
            + style("Subtitle", "Subtitle", paragraph: #"<w:jc w:val="center"/><w:spacing w:after="240"/>"#, run: #"<w:color w:val="555555"/><w:sz w:val="19"/>"#)
            + style("Heading1", "heading 1", paragraph: #"<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="0"/>"#, run: hei + #"<w:sz w:val="28"/>"#)
            + style("BodyText", "Body Text", paragraph: #"<w:ind w:firstLine="480"/>"#, run: "")
            + style("ListItem", "List Item", paragraph: #"<w:ind w:left="480" w:hanging="480"/>"#, run: "")
            + style("Detail", "Detail", paragraph: #"<w:ind w:left="480"/><w:spacing w:after="40" w:line="300" w:lineRule="auto"/><w:jc w:val="left"/>"#, run: #"<w:color w:val="555555"/><w:sz w:val="19"/>"#)
            + style("TableText", "Table Text", paragraph: #"<w:spacing w:after="0" w:line="260" w:lineRule="auto"/><w:jc w:val="left"/>"#, run: #"<w:sz w:val="18"/>"#)
            + "</w:styles>"
    }

    private static func paragraph(_ text: String, style: String) -> String {
        #"<w:p><w:pPr><w:pStyle w:val="\#(style)"/></w:pPr><w:r><w:t xml:space="preserve">\#(Escaping.xml(text))</w:t></w:r></w:p>"#
    }

    /// Column widths of the annex in twentieths of a point (A4 less the margins: 9,412).
    private static let columnWidths = [1500, 2500, 1250, 1300, 1000, 1862]

    private static func document(_ report: AnnualReport) -> String {
        var body = paragraph(report.title, style: "Title") + paragraph(report.note, style: "Subtitle") + paragraph(report.setup, style: "Subtitle")
        body += paragraph(report.headings[0], style: "Heading1")
        for sentence in report.overview { body += paragraph(sentence, style: "BodyText") }
        body += paragraph(report.headings[1], style: "Heading1")
        for statement in report.statements {
            body += paragraph(statement.sentence, style: "BodyText")
            for detail in [statement.records, statement.previous].compactMap({ $0 }) { body += paragraph(detail, style: "Detail") }
        }
        body += paragraph(report.headings[2], style: "Heading1")
        for (index, problem) in report.problems.enumerated() { body += paragraph("\(index + 1). \(problem)", style: "ListItem") }
        body += paragraph(report.headings[3], style: "Heading1")
        body += table(report)
        let section = #"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1418" w:right="1247" w:bottom="1418" w:left="1247" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>"#
        return declaration + #"<w:document xmlns:w="\#(wordNamespace)"><w:body>"# + body + section + "</w:body></w:document>"
    }

    private static func table(_ report: AnnualReport) -> String {
        let border = #"w:val="single" w:sz="4" w:space="0" w:color="888888""#
        var xml = #"<w:tbl><w:tblPr><w:tblW w:w="9412" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>"#
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
            + #"</w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
            + columnWidths.map { #"<w:gridCol w:w="\#($0)"/>"# }.joined() + "</w:tblGrid>"
        func row(_ cells: [String], header: Bool) -> String {
            var row = header ? "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, cell) in cells.enumerated() {
                let width = columnWidths[min(index, columnWidths.count - 1)]
                let shading = header ? #"<w:shd w:val="clear" w:color="auto" w:fill="EEEEEE"/>"# : ""
                let run = header ? "<w:rPr><w:b/></w:rPr>" : ""
                row += #"<w:tc><w:tcPr><w:tcW w:w="\#(width)" w:type="dxa"/>\#(shading)</w:tcPr>"#
                    + #"<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr><w:r>\#(run)<w:t xml:space="preserve">\#(Escaping.xml(cell))</w:t></w:r></w:p></w:tc>"#
            }
            return row + "</w:tr>"
        }
        xml += row(report.columns, header: true)
        for line in report.rows { xml += row(line.cells, header: false) }
        return xml + "</w:tbl>"
    }
}
