import DecisionRecords
import RuleEngine

/// Renders an audit as one self-contained HTML file for leaders and auditors: a summary,
/// charts (inline SVG) of compliance per rule and per department and of findings per month,
/// the table of records and the findings with their basis. No script, no font or image is
/// fetched from anywhere, since government networks are often offline; it prints on A4.
public enum AuditHTMLReporter {
    /// The whole audit.
    public static func render(_ audit: AuditReport) -> String {
        let language = audit.language
        let zh = language == .zh
        let title = zh ? "合法性审查合规审计报告" : "Legality-review compliance audit"
        let overall = audit.overall
        var html = HTMLPage.opening(
            title: title, pageTitle: "\(title) \(audit.from) – \(audit.to)",
            meta: "\(zh ? "审计期间" : "Period") \(audit.from) – \(audit.to) · \(zh ? "截至" : "as of") \(audit.asOf) · legality \(Escaping.html(audit.version)) · \(Escaping.html(TextReporter.setup(audit.run, language: language).trimmingNewline()))",
            metaClass: "period", version: audit.version, style: style, language: language)
        html += """
            <section class="cards">
            \(card(zh ? "记录" : "Records", String(audit.records.count), ""))
            \(card(zh ? "无错误的记录" : "Without errors", overall.rate.map(AuditTable.percent) ?? "—", "\(overall.passed)/\(overall.applicable)\(overall.waivedNote(language))"))
            \(card(zh ? "错误" : "Errors", String(overall.errors), "", tone: overall.errors > 0 ? "bad" : "good"))
            \(card(zh ? "警告" : "Warnings", String(overall.warnings), "", tone: overall.warnings > 0 ? "warn" : "good"))\(pendingCard(overall, zh: zh))
            </section>

            """
        if let sentence = audit.runFindingsSentence(language) {
            html += "<p class=\"run-findings\">\(Escaping.html(sentence))\(zh ? "。" : ".")</p>\n"
        }
        // Files passed over that may be records, said beside the rates they are not in (the set-up
        // line in small type under the title was the only place).
        if !audit.run.passedOver.isEmpty {
            let count = audit.run.passedOver.count
            html += "<p class=\"run-findings\">\(zh ? "另有 \(count) 个疑似记录的文件未检查，未计入以上各项（文件名见标题下方一行）" : "\(count) more \(count == 1 ? "file that may be a record was" : "files that may be records were") not checked, and \(count == 1 ? "is" : "are") in none of the figures (named in the line under the title)")\(zh ? "。" : ".")</p>\n"
        }
        html += "<section class=\"charts\">\n"
        html += "<figure class=\"bars\"><figcaption>\(zh ? "各规则合规率" : "Compliance per rule")</figcaption>\n"
        // Both charts are coloured by the rate, as a reader takes the colours (a rule of severity
        // error passed everywhere was drawn in red, beside departments drawn by their rates).
        let legend = "<p class=\"legend\">\(zh ? "条长为比率；颜色：" : "Bar length is the rate; colour: ")"
            + "<span class=\"swatch good\"></span>100% <span class=\"swatch warn\"></span>\(zh ? "80% 及以上" : "80% or more") "
            + "<span class=\"swatch bad\"></span>\(zh ? "低于 80%" : "below 80%")</p>"
        html += barChart(audit.rules.map { ("\($0.key) \($0.label.text(language))", $0) }) + legend + "</figure>\n"
        html += "<figure class=\"bars\"><figcaption>\(zh ? "各承办单位无错误记录占比" : "Records without errors per department")</figcaption>\n"
        html += barChart(audit.departments.map { ($0.label.text(language), $0) }) + legend + "</figure>\n"
        let bar = switch ChartBar(months: audit.months) {
        case .month: zh ? "月" : "month"
        case .quarter: zh ? "季度" : "quarter"
        case .year: zh ? "年" : "year"
        }
        html += "<figure><figcaption>\(zh ? "各\(bar)问题数（错误/警告）" : "Findings per \(bar) (errors/warnings)")</figcaption>\n"
        html += monthChart(audit.months, language) + "</figure>\n"
        html += "</section>\n"

        for rates in [AuditTable.rules, .packs, .departments, .months] {
            // Rules and packs have a name column beside their key; departments and months do not.
            let numeric: Set<Int> = switch rates {
            case .rules: Set(2...10)
            case .packs: Set(2...8)
            default: Set(1...7)
            }
            html += "<section><h2>\(rates.title(language))</h2>\n"
                + table(rates.rows(audit), numeric: numeric, named: rates == .rules || rates == .packs, keyWraps: rates == .departments) + "</section>\n"
        }
        html += "<section><h2>\(AuditTable.records.title(language))</h2>\n" + recordTable(audit) + "</section>\n"
        html += "<section class=\"findings\"><h2>\(AuditTable.findings.title(language))</h2>\n"
        for finding in audit.findings {
            let severity = finding.severity.rawValue
            html += "<article class=\"finding \(severity)\(finding.waiver == nil ? "" : " waived")\">"
            html += "<p class=\"head\"><span class=\"badge \(severity)\">\(Escaping.html(Wording.severity(finding.severity, language)))</span> "
            html += "<strong>\(Escaping.html(finding.rule))</strong> \(Escaping.html(finding.title.text(language)))"
            if finding.waiver != nil { html += " <span class=\"badge waived\">\(zh ? "已豁免" : "waived")</span>" }
            if finding.pending { html += " <span class=\"badge pending\">\(zh ? "待办" : "pending")</span>" }
            html += "</p>"
            html += "<p class=\"where\">\(Escaping.html(finding.record ?? "")) · \(Escaping.html(Wording.location(finding)))</p>"
            html += "<p>\(Escaping.html(finding.message.text(language)))</p>"
            html += "<p class=\"basis\">\(zh ? "依据" : "Basis")：\(Escaping.html(finding.basis.text(language)))</p>"
            // The waiver's reason, approver and end, as every other format gives them.
            if let waiver = Wording.waiver(finding, language) { html += "<p class=\"waiver\">\(Escaping.html(waiver))</p>" }
            if let help = finding.help { html += "<p class=\"help\">\(zh ? "如何改正" : "How to fix")：\(Escaping.html(help.text(language)))</p>" }
            html += "</article>\n"
        }
        if audit.findings.isEmpty { html += "<p>\(zh ? "本期间没有发现问题。" : "No findings in this period.")</p>\n" }
        html += "</section>\n</body>\n</html>\n"
        return html
    }

    /// The pending findings' card, after the warnings', when there are any.
    private static func pendingCard(_ overall: ComplianceRate, zh: Bool) -> String {
        let infos = overall.infos == 0 ? "" : "\n" + card(zh ? "提示" : "Infos", String(overall.infos), "", tone: "warn")
        guard overall.pendingFindings > 0 else { return infos }
        return infos + "\n" + card(zh ? "待办" : "Pending", String(overall.pendingFindings), zh ? "尚未到期" : "not yet due", tone: "pending")
    }

    private static func card(_ label: String, _ value: String, _ detail: String, tone: String = "") -> String {
        "<div class=\"card \(tone)\"><div class=\"label\">\(Escaping.html(label))</div><div class=\"value\">\(Escaping.html(value))</div><div class=\"detail\">\(Escaping.html(detail))</div></div>"
    }

    /// Horizontal bars: one per group, length = pass rate, with the ratio written beside it, the
    /// colour the rate's (all passed, 80 % or more, below). A long label wraps onto a second line
    /// instead of being cut. The bars are drawn in pieces of `barsPerPiece`, each a picture of
    /// its own, so a long chart goes on over a page break (drawn whole, the chart of some 40
    /// rules with English labels did not fit below the cards and left the first page empty).
    private static func barChart(_ rows: [(String, ComplianceRate)]) -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">—</p>\n" }
        let labelWidth = 300, barWidth = 280, width = labelWidth + barWidth + 120
        let lines = rows.map { wrap($0.0, width: 40) }
        let heights = lines.map { $0.count > 1 ? 30 : 18 }
        var svg = ""
        for start in stride(from: 0, to: rows.count, by: barsPerPiece) {
            let end = min(start + barsPerPiece, rows.count)
            let isLast = end == rows.count
            // The scale's figures under the last piece only.
            let barsHeight = heights[start..<end].reduce(0, +)
            let height = barsHeight + (isLast ? 22 : 0)
            svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" role=\"img\">\n"
            for tick in [0, 50, 100] {
                let x = labelWidth + barWidth * tick / 100
                svg += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(barsHeight + (isLast ? 4 : 0))\" class=\"grid\"/>"
                if isLast { svg += "<text x=\"\(x)\" y=\"\(height - 4)\" class=\"tick\" text-anchor=\"middle\">\(tick)%</text>" }
                svg += "\n"
            }
            var y = 0
            for index in start..<end {
                let rate = rows[index].1
                let fraction = rate.rate ?? 0
                // A rate of none is a stub of the bar's colour, not an empty track that read as no rate.
                let length = rate.applicable > 0 ? max(Int((Double(barWidth) * fraction).rounded()), 3) : 0
                let tone = rate.applicable > 0 && rate.passed == rate.applicable ? "good" : fraction >= 0.8 ? "warn" : "bad"
                let middle = y + heights[index] / 2
                svg += "<text x=\"\(labelWidth - 8)\" y=\"\(middle + 4 - (lines[index].count - 1) * 6)\" text-anchor=\"end\" class=\"label\">"
                for (number, line) in lines[index].enumerated() {
                    svg += "<tspan x=\"\(labelWidth - 8)\" dy=\"\(number == 0 ? 0 : 12)\">\(Escaping.html(line))</tspan>"
                }
                svg += "</text>"
                svg += "<rect x=\"\(labelWidth)\" y=\"\(middle - 6)\" width=\"\(barWidth)\" height=\"12\" class=\"track\"/>"
                svg += "<rect x=\"\(labelWidth)\" y=\"\(middle - 6)\" width=\"\(length)\" height=\"12\" class=\"bar \(tone)\"/>"
                svg += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(middle + 4)\" class=\"value\">\(Escaping.html(rate.ratioText))</text>\n"
                y += heights[index]
            }
            svg += "</svg>\n"
        }
        return svg
    }

    /// How many bars one piece of a bar chart draws (see `barChart`).
    static let barsPerPiece = 10

    /// A label in lines of at most `width` columns (a Chinese character is two), at most two
    /// lines, the second cut with "…" when still too long. A line ends at a space when it has
    /// one ("Legality review after the collec / tive discussion" broke English words).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = [""]
        var used = 0
        for character in text {
            let columns = TextReporter.isWide(character) ? 2 : 1
            if used + columns > width {
                if lines.count == 2 {
                    lines[1] = String(lines[1].dropLast()) + "…"
                    return lines
                }
                // A word of letters under way moves to the next line, unless it is the whole line
                // (Chinese breaks between any two characters, as before).
                var carried = ""
                if character != " ", columns == 1, let space = lines[0].lastIndex(of: " "), space != lines[0].startIndex,
                   !lines[0][space...].contains(where: TextReporter.isWide) {
                    carried = String(lines[0][lines[0].index(after: space)...])
                    lines[0] = String(lines[0][..<space])
                }
                lines.append(carried)
                used = carried.reduce(0) { $0 + (TextReporter.isWide($1) ? 2 : 1) }
                if character == " " { continue }
            }
            lines[lines.count - 1].append(character)
            used += columns
        }
        return lines
    }

    /// The bars of the findings chart: a bar a month over two years at most, else a quarter over six
    /// years at most, else a year (a period of eight years drew 97 bars, their labels 2 px high in
    /// print); a bar's key is its label. Records without a date keep a bar of their own.
    static func chartBars(_ months: [ComplianceRate]) -> [(label: String, errors: Int, warnings: Int)] {
        let bar = ChartBar(months: months)
        func label(_ key: String) -> String {
            guard isMonthKey(key) else { return key }
            let (year, month) = (key.prefix(4), Int(key.suffix(2)) ?? 1)
            return switch bar {
            case .month: String(key.dropFirst(2))
            case .quarter: "\(year.suffix(2))Q\((month + 2) / 3)"
            case .year: String(year)
            }
        }
        var bars: [(label: String, errors: Int, warnings: Int)] = []
        for month in months {
            let key = label(month.key)
            if let last = bars.last, last.label == key {
                bars[bars.count - 1].errors += month.errors
                bars[bars.count - 1].warnings += month.warnings
            } else {
                bars.append((key, month.errors, month.warnings))
            }
        }
        return bars
    }

    /// What one bar of the findings chart is: a month over two years at most, a quarter over six.
    enum ChartBar {
        case month, quarter, year

        init(months: [ComplianceRate]) {
            let dated = months.count { AuditHTMLReporter.isMonthKey($0.key) }
            self = dated <= 24 ? .month : dated <= 72 ? .quarter : .year
        }
    }

    /// Whether a months table's key is a month (`2025-03`), not the row of records without a date.
    static func isMonthKey(_ key: String) -> Bool {
        key.utf8.count == 7 && key.utf8.enumerated().allSatisfy { index, byte in index == 4 ? byte == UInt8(ascii: "-") : (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    }

    /// Vertical stacked bars: errors and warnings per month (or quarter, or year; see `chartBars`).
    private static func monthChart(_ rates: [ComplianceRate], _ language: Language) -> String {
        let months = chartBars(rates)
        guard !months.isEmpty else { return "<p class=\"empty\">—</p>\n" }
        let column = 46, chartHeight = 140, top = 16
        let width = max(months.count * column + 40, 200)
        let peak = max(1, months.map { $0.errors + $0.warnings }.max() ?? 1)
        // Drawn at its own size (a column a month), narrower than the page when the months are few:
        // stretched to the page's width, a quarter's three columns took half a page, its labels
        // four times the text's size.
        let height = chartHeight + top + 34
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" style=\"max-width: 100%; height: auto\" role=\"img\">\n"
        svg += "<line x1=\"20\" y1=\"\(top + chartHeight)\" x2=\"\(width - 10)\" y2=\"\(top + chartHeight)\" class=\"axis\"/>\n"
        for (index, month) in months.enumerated() {
            let x = 28 + index * column
            let errorHeight = chartHeight * month.errors / peak
            let warningHeight = chartHeight * month.warnings / peak
            let base = top + chartHeight
            svg += "<rect x=\"\(x)\" y=\"\(base - errorHeight)\" width=\"28\" height=\"\(errorHeight)\" class=\"bar bad\"/>"
            svg += "<rect x=\"\(x)\" y=\"\(base - errorHeight - warningHeight)\" width=\"28\" height=\"\(warningHeight)\" class=\"bar warn\"/>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base - errorHeight - warningHeight - 4)\" text-anchor=\"middle\" class=\"value\">\(month.errors + month.warnings)</text>"
            svg += "<text x=\"\(x + 14)\" y=\"\(base + 14)\" text-anchor=\"middle\" class=\"tick\">\(Escaping.html(month.label))</text>\n"
        }
        let zh = language == .zh
        svg += "<rect x=\"20\" y=\"\(top + chartHeight + 22)\" width=\"10\" height=\"10\" class=\"bar bad\"/><text x=\"34\" y=\"\(top + chartHeight + 31)\" class=\"tick\">\(zh ? "错误" : "errors")</text>"
        svg += "<rect x=\"90\" y=\"\(top + chartHeight + 22)\" width=\"10\" height=\"10\" class=\"bar warn\"/><text x=\"104\" y=\"\(top + chartHeight + 31)\" class=\"tick\">\(zh ? "警告" : "warnings")</text>\n"
        return svg + "</svg>\n"
    }

    /// A table of rates; `named` when its second column is a name (rules and packs), given the room
    /// to read as one; `keyWraps` when its first column is a name that may run long (a department,
    /// or several joined with 、, kept on one line, pushed the rates off the page).
    private static func table(_ rows: [[String]], numeric: Set<Int>, named: Bool = false, keyWraps: Bool = false) -> String {
        guard let header = rows.first else { return "" }
        var html = "<table class=\"rates\(named ? " named" : "")\(keyWraps ? " wraps" : "")\">\n<thead><tr>" + header.map { "<th>\(Escaping.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows.dropFirst() {
            html += "<tr>" + row.enumerated().map { index, cell in
                "<td\(numeric.contains(index) ? " class=\"num\"" : "")>\(Escaping.html(cell.clipped(to: Self.mostCellCharacters, mark: "…")))</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// The records as a table that fits A4: short kind names, the counts in one column, the file
    /// path as written (relative), small.
    private static func recordTable(_ audit: AuditReport) -> String {
        let language = audit.language
        let zh = language == .zh
        let header = zh
            ? ["编号", "标题", "类型", "承办单位", "决定日期", "状态", "错误/警告/豁免/待办", "违反的规则", "文件"]
            : ["id", "title", "kind", "department", "decided", "status", "errors/warnings/waived/pending", "rules broken", "file"]
        var html = "<table class=\"records\">\n<colgroup><col class=\"id\"><col class=\"title\"><col class=\"kind\"><col class=\"dept\">"
        html += "<col class=\"date\"><col class=\"status\"><col class=\"counts\"><col class=\"rules\"><col class=\"file\"></colgroup>\n"
        // (The counts' header may break after each slash, and nowhere else.)
        html += "<thead><tr>" + header.map { "<th>\($0.split(separator: "/", omittingEmptySubsequences: false).map { Escaping.html(String($0)) }.joined(separator: "/<wbr>"))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for record in audit.records {
            let status = AuditReport.status(of: record)
            let counted = AuditReport.counts(of: record)
            // Each rule id kept whole (a cell broke "PEN-" from "002"), a line between two.
            let broken = counted.broken.map { "<span class=\"rule\">\(Escaping.html($0))</span>" }.joined(separator: " ")
            let kind = record.kind.map { (audit.shortKindNames[$0] ?? audit.kindNames[$0])?.text(language) ?? $0 } ?? ""
            let counts = "\(counted.errors)/\(counted.warnings)/\(counted.waived)/\(counted.pending)"
            let cells = [
                // (Long texts cut for the printed page: a department of 1,000 characters filled pages
                // of the table; the CSV and JSON hold them whole.)
                Escaping.html(record.id ?? ""), Escaping.html((record.title ?? "").clipped(to: Self.mostCellCharacters, mark: "…")), Escaping.html(kind),
                Escaping.html((record.department ?? "").clipped(to: Self.mostCellCharacters, mark: "…")),
                Escaping.html(record.decisionDate?.description ?? ""),
                "<span class=\"status \(status.rawValue)\">\(Escaping.html(status.text(language)))</span>" + Self.noteLine(AuditReport.noteParts(of: record, language), language),
                counts, broken, Escaping.html(record.place),
            ]
            html += "<tr class=\"\(status.rawValue)\">" + cells.enumerated().map { index, cell in
                "<td\(index == 6 ? " class=\"num\"" : "")>\(cell)</td>"
            }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }

    /// What a status rests on (`AuditReport.noteParts`), small, under the status, each rule id
    /// kept whole ("REC-" broke from "004"); nothing when there is none.
    private static func noteLine(_ parts: [(label: String, rules: [String])], _ language: Language) -> String {
        guard !parts.isEmpty else { return "" }
        let zh = language == .zh
        let shown = parts.map { part in
            Escaping.html(part.label) + part.rules.map { "<span class=\"rule\">\(Escaping.html($0))</span>" }.joined(separator: zh ? "、" : ", ")
        }
        return "<span class=\"note\">" + shown.joined(separator: zh ? "；" : "; ") + "</span>"
    }

    /// The most characters of a title, a department or a table's name the printed page shows, then "…".
    static let mostCellCharacters = 300

    static let style = """
        :root { --bad: #c0392b; --warn: #d68910; --good: #1e8449; --ink: #1c2833; --muted: #5d6d7e; --line: #d5d8dc; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
               color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; font-size: 14px; line-height: 1.5; }
        h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; border-bottom: 2px solid var(--ink); padding-bottom: 4px; margin-top: 28px; }
        .period { color: var(--muted); margin: 0 0 16px; }
        .cards { display: grid; grid-auto-flow: column; grid-auto-columns: 1fr; gap: 12px; }
        .card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
        .card .label { color: var(--muted); font-size: 13px; } .card .value { font-size: 26px; font-weight: 700; } .card .detail { color: var(--muted); font-size: 12px; min-height: 1em; }
        .card.bad .value { color: var(--bad); } .card.warn .value { color: var(--warn); } .card.good .value { color: var(--good); } .card.pending .value { color: #0b4f8a; }
        .charts { display: grid; grid-template-columns: 1fr; gap: 8px; margin-top: 16px; }
        figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 10px; break-inside: avoid; }
        figure.bars { break-inside: auto; } figure.bars svg { display: block; break-inside: avoid; } figcaption { break-after: avoid; }
        figcaption { font-weight: 700; margin-bottom: 6px; }
        svg text { font-family: inherit; font-size: 12px; fill: var(--ink); } svg .tick { fill: var(--muted); font-size: 11px; }
        svg .grid { stroke: var(--line); stroke-dasharray: 2 3; } svg .axis { stroke: var(--muted); } svg .track { fill: #f2f3f4; }
        svg .bar.good { fill: var(--good); } svg .bar.warn { fill: var(--warn); } svg .bar.bad { fill: var(--bad); }
        .legend { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
        .swatch { display: inline-block; width: 10px; height: 10px; margin: 0 3px 0 8px; vertical-align: baseline; }
        .swatch.bad { background: var(--bad); } .swatch.warn { background: var(--warn); } .swatch.good { background: var(--good); }
        table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        table.records { table-layout: fixed; font-size: 12px; } table.records td:first-child { overflow-wrap: anywhere; font-size: 10px; }
        table.records col.id { width: 14%; } table.records col.title { width: 17%; } table.records col.kind { width: 8%; }
        table.records col.dept { width: 10%; } table.records col.date { width: 9%; } table.records col.status { width: 12%; }
        table.records col.counts { width: 9%; } table.records col.rules { width: 10%; } table.records col.file { width: 11%; }
        table.records td:nth-child(5), table.records td:nth-child(7) { white-space: nowrap; font-size: 11px; }
        table.records th { font-size: 11px; } table.records td:nth-child(3) { font-size: 11px; } table.records .rule { white-space: nowrap; }
        table.records td:nth-child(2), table.records td:nth-child(3), table.records td:nth-child(4) { overflow-wrap: anywhere; }
        table.records th { overflow-wrap: normal; word-break: keep-all; }
        table.records .status { display: inline-block; white-space: nowrap; font-size: 11px; padding: 1px 3px; }
        table.records .note { display: block; font-size: 10px; color: var(--muted); overflow-wrap: anywhere; margin-top: 2px; }
        table.records td:last-child { font-size: 10px; color: var(--muted); word-break: break-all; }
        table.rates td:first-child { white-space: nowrap; } table.rates.wraps td:first-child { white-space: normal; overflow-wrap: anywhere; min-width: 8em; } table.rates th { word-break: keep-all; } table.rates.named { font-size: 12px; } table.rates.named td:nth-child(2) { min-width: 9em; }
        th { background: #f4f6f7; } td.num { text-align: right; font-variant-numeric: tabular-nums; } thead { display: table-header-group; } tr { break-inside: avoid; }
        .status { padding: 1px 6px; border-radius: 3px; color: #fff; white-space: nowrap; }
        .status.compliant { background: var(--good); } .status.formatOnly { background: #6b7280; } .status.warnings, .status.pending, .status.waived { background: var(--warn); } .status.noncompliant, .status.unreadable, .status.unverifiable { background: var(--bad); }
        .finding { border-left: 4px solid var(--line); padding: 4px 12px; margin: 10px 0; break-inside: avoid; }
        .finding.error { border-color: var(--bad); } .finding.warning { border-color: var(--warn); } .finding.waived { opacity: .7; }
        .finding p { margin: 2px 0; } .finding .where, .finding .basis, .finding .help { color: var(--muted); font-size: 13px; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
        .badge.error { background: var(--bad); } .badge.warning { background: var(--warn); } .badge.info { background: var(--muted); } .badge.waived { background: #7f8c8d; } .badge.pending { background: #0b4f8a; }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 11pt; } h2 { break-after: avoid; }
          table.rates th, table.rates td { padding: 3px 4px; }
          .status, .badge { background: none !important; border: 1pt solid; font-weight: bold; }
          .status.compliant { color: var(--good); } .status.formatOnly, .badge.info, .badge.waived { color: #444; }
          .status.warnings, .status.pending, .status.waived, .badge.warning, .badge.pending { color: #7a4f00; }
          .status.noncompliant, .status.unreadable, .status.unverifiable, .badge.error { color: var(--bad); } }
        """
}
