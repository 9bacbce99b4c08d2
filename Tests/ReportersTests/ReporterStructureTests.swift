import DecisionRecords
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Reporters
@testable import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// Properties of each format that must hold whatever the snapshots say.
@Suite struct ReporterStructureTests {
    // MARK: SARIF

    func sarif(_ language: Language = .zh) throws -> [String: Any] {
        let text = SARIFReporter.render(Sample.report(language))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    func results(_ run: [String: Any]) throws -> [[String: Any]] {
        try #require(run["results"] as? [[String: Any]])
    }

    @Test func jsonStringsEscapeWhatRFC8259AndJavaScriptNeedAndCopyTheRest() throws {
        // Each text as JSON must read back as itself, and be written exactly so.
        let cases: [(String, String)] = [
            ("plain", #""plain""#),
            ("", #""""#),
            (#"say "yes" \ no"#, #""say \"yes\" \\ no""#),
            ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
            ("\u{0}\u{1}\u{1F}\u{7F}", #""\u0000\u0001\u001f\u007f""#),
            // DEL and the C1 controls, which libyaml refuses unescaped; the rest of U+0080–U+00FF is text.
            ("a\u{80}b\u{9F}c\u{A0}·é", #""a\u0080b\u009fc\#u{A0}·é""#),
            // The noncharacters U+FFFE and U+FFFF too; full-width punctuation (also EF ..) is text.
            ("甲\u{FFFE}乙\u{FFFF}，丙", #""甲\ufffe乙\uffff，丙""#),
            ("“引号”与—破折号…", #""“引号”与—破折号…""#),
            ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
            ("\u{2027}\u{202A}末尾\u{2028}", #""\#u{2027}\#u{202A}末尾\u2028""#),
            ("“\"”", #""“\"”""#),
        ]
        for (text, expected) in cases {
            #expect(JSONWriter.quoted(text) == expected, "\(text.debugDescription)")
            let decoded = try JSONDecoder().decode(String.self, from: Data(JSONWriter.quoted(text).utf8))
            #expect(decoded == text)
        }
    }

    @Test func sarifDeclaresItsVersionAndCodePointColumns() throws {
        let log = try sarif()
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let run = try run(log)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "legality")
        #expect(driver["version"] as? String == "1.0.0")
    }

    @Test func sarifResultsPointAtLineAndColumnRelativeToSourceRoot() throws {
        let results = try results(try run(try sarif()))
        let first = try #require(results.first { $0["ruleId"] as? String == "TST-001" })
        let locations = try #require(first["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: Any])
        #expect(artifact["uri"] as? String == "cases/%E9%87%8D%E5%A4%A7%E5%86%B3%E7%AD%96/%E5%AE%A1%E6%9F%A5%20%E6%99%9A%E4%BA%8E%E8%AE%A8%E8%AE%BA.yaml")
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 14)
        #expect(region["startColumn"] as? Int == 5)
        #expect(first["level"] as? String == "error")
        // (Its bell, a hidden character, shown as code scanning shows it: `�`.)
        #expect((first["message"] as? [String: Any])?["text"] as? String == Sample.awkwardMessage.zh.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}"))
    }

    @Test func sarifRunLevelFindingsHaveNoLocation() throws {
        let results = try results(try run(try sarif()))
        let runLevel = try #require(results.first { $0["ruleId"] as? String == "TST-900" })
        #expect(runLevel["locations"] == nil)
        #expect(runLevel["level"] as? String == "warning")
    }

    @Test func sarifRuleIndexesPointAtTheirRules() throws {
        let run = try run(try sarif(.en))
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // Every rule of the report, plus REC-000, which a finding names but the report does not list.
        #expect(rules.compactMap { $0["id"] as? String } == ["TST-001", "TST-002", "TST-003", "TST-900", "REC-000"])
        for result in try results(run) {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let first = rules[0]
        #expect(first["name"] as? String == "LegalityReviewAfterTheCollectiveDiscussion")
        #expect((first["shortDescription"] as? [String: Any])?["text"] as? String == "Legality review after the collective discussion")
        #expect((first["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = try #require(first["properties"] as? [String: Any])
        #expect(properties["tags"] as? [String] == ["legality-review", "order"])
        #expect(properties["pack"] as? String == "mad")
        #expect((rules[2]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
    }

    @Test func sarifWaivedFindingsAreSuppressed() throws {
        let results = try results(try run(try sarif()))
        let waived = try #require(results.first { ($0["properties"] as? [String: Any])?["record"] as? String == "SQ-2020-018" })
        let suppressions = try #require(waived["suppressions"] as? [[String: Any]])
        #expect(suppressions.first?["kind"] as? String == "external")
        #expect(suppressions.first?["justification"] as? String == Sample.waiver.reason)
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
    }

    @Test func sarifAbsolutePathsBecomeFileURIs() {
        #expect(Escaping.uri(path: "/srv/记录/a b.yaml") == "file:///srv/%E8%AE%B0%E5%BD%95/a%20b.yaml")
        #expect(Escaping.uri(path: "a:b#c?.yaml") == "a%3Ab%23c%3F.yaml")
    }

    // MARK: CSV

    /// Parses strict RFC 4180: every record ends with CRLF; a quoted field may hold anything.
    func parseCSV(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var wasQuoted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                #expect(field.isEmpty && !wasQuoted, "a quote inside an unquoted field")
                quoted = true
                wasQuoted = true
            case ",":
                row.append(field)
                field = ""
                wasQuoted = false
            case "\r":
                #expect(scalars.popFirst() == "\n", "CR not followed by LF")
                row.append(field)
                rows.append(row)
                row = []
                field = ""
                wasQuoted = false
            case "\n":
                Issue.record("a bare LF ends a record")
            default:
                #expect(!wasQuoted, "text after a closing quote")
                field.unicodeScalars.append(scalar)
            }
        }
        #expect(!quoted, "an unterminated quoted field")
        #expect(row.isEmpty && field.isEmpty, "the last record does not end with CRLF")
        return rows
    }

    @Test(arguments: [Language.zh, .en]) func csvStartsWithTheByteOrderMarkAndUsesCRLF(_ language: Language) throws {
        let text = CSVReporter.render(Sample.report(language))
        #expect(Array(text.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = try parseCSV(String(text.unicodeScalars.dropFirst()))
        #expect(rows.count == Sample.findings.count + 1)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows[0] == CSVReporter.header(language))
        if language == .zh { #expect(Array(rows[0].prefix(9)) == ["规则", "级别", "记录", "文件", "行", "列", "标题", "说明", "依据"]) }
    }

    @Test func csvFieldsRoundTripAndFormulasAreDefused() throws {
        let rows = try parseCSV(String(CSVReporter.render(Sample.report(.zh)).unicodeScalars.dropFirst()))
        let messages = rows.map { $0[7] }
        // Every character survives but the control character (BEL), which never reaches a spreadsheet:
        // it shows as `�`, as in every other format (dropped, an id with an override read clean).
        #expect(messages.contains(Sample.awkwardMessage.zh.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}")))
        #expect(!messages.joined().unicodeScalars.contains("\u{7}"))
        #expect(messages.contains("'=HYPERLINK(\"http://example.invalid\") 公开日期晚于决定 12 天"))
        #expect(messages.contains("'-3 天后到期，@经办人 请注意"))
        let runLevel = try #require(rows.first { $0[0] == "TST-900" })
        #expect(runLevel[3] == "" && runLevel[4] == "" && runLevel[5] == "")
        let first = try #require(rows.first { $0[0] == "TST-001" && $0[2] == "SQ-2020-017" })
        #expect(first[4] == "14" && first[5] == "5")
        #expect(Escaping.csv("+1") == "'+1")
        #expect(Escaping.csv("@SUM(A1)") == "'@SUM(A1)")
        #expect(Escaping.csv("a,\"b\"") == "\"a,\"\"b\"\"\"")
        #expect(Escaping.csv("普通文本") == "普通文本")
        // A tab inside is quoted: an import taking tabs as separators split the cell.
        #expect(Escaping.csv("人员 P-1\tP-2 未登记") == "\"人员 P-1\tP-2 未登记\"")
        // What shows nothing before the formula does not hide it: spaces, a line end, zero-width
        // and format characters, the Hangul filler, a noncharacter.
        for blank in [" ", "\u{3000}", "\u{A0}", "\u{200B}", "\u{2060}", "\u{AD}", "\u{180E}", "\u{3164}", "\u{FFFE}", "\n"] {
            let field = Escaping.csv(blank + "=1+2")
            #expect(field.hasPrefix("'") || field.hasPrefix("\"'"), "\(Array(blank.unicodeScalars)): \(field)")
        }
        #expect(Escaping.csv("说明 =1") == "说明 =1")
        // A field longer than a spreadsheet's cell is cut there, marked (it was cut unmarked).
        let long = Escaping.csv(String(repeating: "法", count: 40_000))
        #expect(long.utf16.count == 32_767 && long.hasSuffix("法…"), "\(long.utf16.count)")
        #expect(Escaping.csv(String(repeating: "a", count: 32_767)).utf16.count == 32_767)
    }

    /// A rate is never shown as 100.0% while one failed, nor as 0.0% while one passed (1,999 of
    /// 2,000 read "100.0%" beside "未通过 1"); other rates round half up.
    @Test func ratesNeverRoundToAllOrNone() {
        func rate(_ passed: Int, of applicable: Int) -> ComplianceRate {
            ComplianceRate(key: "k", label: LocalizedText(zh: "k", en: "k"), applicable: applicable, passed: passed, errors: 0, warnings: 0)
        }
        #expect(rate(1_999, of: 2_000).ratioText == "1999/2000 (99.9%)")
        #expect(rate(1, of: 2_001).ratioText == "1/2001 (0.1%)")
        #expect(rate(2_000, of: 2_000).ratioText == "2000/2000 (100.0%)")
        #expect(rate(0, of: 3).ratioText == "0/3 (0.0%)")
        #expect(rate(1, of: 16).ratioText == "1/16 (6.3%)")
        #expect(rate(201, of: 400).ratioText == "201/400 (50.3%)")
        #expect(rate(2, of: 3).ratioText == "2/3 (66.7%)" && rate(1, of: 3).ratioText == "1/3 (33.3%)")
        #expect(AuditTable.percent(1_999.0 / 2_000) == "99.9%" && AuditTable.percent(1) == "100.0%")
    }

    // MARK: JUnit

    final class XMLCollector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text: [String: String] = [:]
        private var stack: [String] = []
        private var current = ""

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((elementName, attributes))
            stack.append(elementName)
            current = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            text[elementName, default: ""] += current
            current = ""
            stack.removeLast()
        }
    }

    func parseXML(_ text: String) -> (ok: Bool, collector: XMLCollector, error: String) {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLCollector()
        parser.delegate = collector
        let ok = parser.parse()
        return (ok, collector, parser.parserError.map { "\($0)" } ?? "")
    }

    @Test func junitIsWellFormedWithOneSuitePerFileAndOneCasePerRecord() throws {
        let xml = JUnitReporter.render(Sample.report(.zh))
        let (ok, collector, error) = parseXML(xml)
        #expect(ok, "\(error)")
        let suites = collector.elements.filter { $0.name == "testsuite" }
        // Suites in path order (as a run takes files), the run-level suite last.
        #expect(suites.map { $0.attributes["name"] ?? "" } == ["cases/bad.yaml", "cases/penalty/b.yaml", Sample.mainFile, "legality"])
        #expect(suites.allSatisfy { $0.attributes["errors"] == "0" })
        #expect(suites.map { $0.attributes["tests"] ?? "" } == ["1", "1", "2", "1"])
        #expect(suites.map { $0.attributes["failures"] ?? "" } == ["1", "0", "1", "0"])
        let cases = collector.elements.filter { $0.name == "testcase" }
        #expect(cases.map { $0.attributes["name"] ?? "" } == ["cases/bad.yaml", "XZCF-2021-003", "SQ-2020-017", "SQ-2020-018", "run"])
        #expect(cases.first?.attributes["classname"] == "file")
        #expect(cases[2].attributes["classname"] == "major_administrative_decision")
        let failures = collector.elements.filter { $0.name == "failure" }
        // Errors fail; the warning, the info and the waived error do not.
        #expect(failures.map { $0.attributes["message"] ?? "" } == ["REC-000: 记录文件无法解析", "TST-001: 合法性审查晚于集体讨论"])
    }

    @Test func junitEscapesMarkupAndShowsHiddenCharacters() throws {
        let xml = JUnitReporter.render(Sample.report(.zh))
        #expect(!xml.unicodeScalars.contains("\u{7}"))
        #expect(xml.contains("&quot;先开会后审查&quot; &lt;违规&gt; &amp; 未补正, 见甲|乙\n第二行\u{FFFD}结束"))
        let (ok, collector, _) = parseXML(xml)
        #expect(ok)
        #expect(collector.text["failure"]?.contains("\"先开会后审查\" <违规> & 未补正, 见甲|乙\n第二行\u{FFFD}结束") == true)
        #expect(collector.text["failure"]?.contains("位置：\(Sample.mainFile):14:5") == true)
        #expect(collector.text["failure"]?.contains("依据：《重大行政决策程序暂行条例》第二十五条") == true)
    }

    @Test func junitSurvivesAnyText() throws {
        var nasty = "]]><!-- \"'&<>"
        for value in 0..<0x20 { nasty.unicodeScalars.append(Unicode.Scalar(UInt8(value))) }
        nasty += "\u{FFFE}\u{FFFF}\u{7F}\u{85}\u{1F600}"
        let finding = Finding(
            rule: "X-\(nasty)", pack: nasty, severity: .error, record: nasty, file: nasty, position: SourcePosition(line: 1, column: 1),
            title: LocalizedText(zh: nasty, en: nasty), message: LocalizedText(zh: nasty, en: nasty),
            basis: Basis(instrument: nasty, article: nasty), help: LocalizedText(zh: nasty, en: nasty),
            evidence: [Evidence(key: nasty, label: LocalizedText(zh: nasty, en: nasty), value: LocalizedText(zh: nasty, en: nasty))])
        let record = CheckedRecord(file: nasty, id: nasty, title: nasty, kind: nasty, department: nasty, decisionDate: nil, line: 1, findings: [finding])
        let report = Report(
            version: nasty, asOf: Day(ordinal: 0), records: [record], rules: [], findings: [finding, finding], failOn: .info, language: .zh)
        let (ok, collector, error) = parseXML(JUnitReporter.render(report))
        #expect(ok, "\(error)")
        // Tab, LF and CR survive in attributes, as character references.
        let message = collector.elements.first { $0.name == "failure" }?.attributes["message"]
        #expect(message?.contains("\t\n") == true)
        let html = HTMLReporter.render(report)
        #expect(!html.contains("<!--") && !html.contains("]]>"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
    }

    // MARK: HTML

    @Test(arguments: [Language.zh, .en]) func htmlIsSelfContained(_ language: Language) throws {
        let report = Sample.report(language)
        var html = HTMLReporter.render(report)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4"))
        #expect(html.contains("@media print"))
        let lowered = html.lowercased()
        for forbidden in ["<script", "<link", "<img", "<iframe", "@import", "url(", "src=", "href=", "javascript:", "@font-face"] {
            #expect(!lowered.contains(forbidden), "the page contains \(forbidden)")
        }
        // "http" may appear only inside text the report quotes (a basis, a message).
        for finding in report.findings {
            for quoted in [finding.message.text(language), finding.basis.text(language)] {
                html = html.replacingOccurrences(of: Escaping.html(quoted), with: "")
            }
        }
        #expect(!html.contains("http"))
    }

    @Test func htmlEscapesEveryText() throws {
        let html = HTMLReporter.render(Sample.report(.zh))
        #expect(html.contains("&quot;先开会后审查&quot; &lt;违规&gt; &amp; 未补正, 见甲|乙\n第二行\u{FFFD}结束"))
        #expect(html.contains("公开说明含 &quot;引号&quot;、&lt;尖括号&gt; &amp; 符号"))
        #expect(!html.contains("<违规>"))
        #expect(!html.unicodeScalars.contains("\u{7}"))
        #expect(html.contains("<h2>\(Sample.mainFile)</h2>"))
        #expect(html.contains("<span class=\"badge error\">错误</span>"))
        #expect(html.contains("<td class=\"place\">14:5</td>"))
    }

    @Test func htmlIsWellFormedEnoughForAnXMLParser() {
        // The page is written as XHTML-compatible markup apart from the doctype and void
        // elements; closing those lets an XML parser check the nesting and escaping.
        var html = HTMLReporter.render(Sample.report(.zh))
        html = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        for void in ["meta", "col"] {
            html = html.replacingOccurrences(of: #"(<\#(void)\b[^>]*)>"#, with: "$1/>", options: .regularExpression)
        }
        let (ok, _, error) = parseXML(html)
        #expect(ok, "\(error)")
    }

    // MARK: Markdown

    @Test func markdownTableRowsKeepTheirColumns() {
        let markdown = MarkdownReporter.render(Sample.report(.zh))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(rows.count == Sample.findings.count + 2)
        for row in rows {
            var pipes = 0
            var escaped = false
            for character in row {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true } else if character == "|" { pipes += 1 }
            }
            #expect(pipes == 8, "\(row)")
        }
        #expect(markdown.contains("见甲\\|乙<br>第二行\u{FFFD}结束"))
        // Markup is backslash-escaped, readable in the raw text and never an HTML tag or entity.
        #expect(markdown.contains("\\<违规\\> \\&"))
        #expect(!markdown.contains("&lt;") && !markdown.contains("&amp;"))
        #expect(!markdown.unicodeScalars.contains("\u{7}"))
    }

    // MARK: All formats

    @Test func everyFormatIsDeterministic() {
        let renderers: [(Report) -> String] = [
            JSONReporter.render, SARIFReporter.render, JUnitReporter.render, CSVReporter.render, MarkdownReporter.render, HTMLReporter.render,
        ]
        for render in renderers {
            #expect(render(Sample.report(.zh)) == render(Sample.report(.zh)))
        }
    }
}

/// The findings chart of the audit has a bar a month over two years at most, then a quarter,
/// then a year: 97 bars of an eight-year period printed 2 px labels.
@Suite struct AuditChartTests {
    static func months(from firstYear: Int, years: Int) -> [ComplianceRate] {
        var rates: [ComplianceRate] = []
        for year in firstYear..<(firstYear + years) {
            for month in 1...12 {
                let key = "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
                rates.append(ComplianceRate(key: key, label: LocalizedText(zh: key, en: key), applicable: 1, passed: 0, errors: 1, warnings: 2))
            }
        }
        return rates + [ComplianceRate(key: "未注明日期", label: LocalizedText(zh: "未注明日期", en: "undated"), applicable: 1, passed: 0, errors: 4, warnings: 0)]
    }

    @Test(arguments: [(2, 24, "24-01"), (3, 12, "24Q1"), (8, 8, "2024")])
    func barsByMonthQuarterOrYear(years: Int, bars: Int, first: String) {
        let drawn = AuditHTMLReporter.chartBars(Self.months(from: 2024, years: years))
        #expect(drawn.count == bars + 1)
        #expect(drawn.first?.label == first)
        #expect(drawn.first.map { $0.errors + $0.warnings } == 3 * (years * 12 / bars))
        #expect(drawn.last?.label == "未注明日期")
        #expect(drawn.last?.errors == 4)
    }

    /// A chart's label breaks between words where it has spaces ("Legality review after the
    /// collec / tive discussion" broke one), and between any two Chinese characters as before.
    @Test(arguments: [
        ("MAD-002 Legality review after the collective discussion", ["MAD-002 Legality review after the", "collective discussion"]),
        ("MAD-002 合法性审查晚于集体讨论且未在会前补正审查意见及其他材料", ["MAD-002 合法性审查晚于集体讨论且未在会前", "补正审查意见及其他材料"]),
        ("Pneumonoultramicroscopicsilicovolcanoconiosis of the lungs", ["Pneumonoultramicroscopicsilicovolcanocon", "iosis of the lungs"]),
    ])
    func chartLabelsBreakBetweenWords(label: String, lines: [String]) {
        #expect(AuditHTMLReporter.wrap(label, width: 40) == lines)
    }
}
