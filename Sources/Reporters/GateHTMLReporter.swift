import DecisionRecords
import RuleEngine
import RuleLanguage

/// The meeting gate as one printable page (A4): the items first, each READY or BLOCKED; for each
/// blocked item what blocks it and what to do; the records not on this agenda; and a line for the
/// reviewer's signature and date. Inline CSS only, every text escaped.
public enum GateHTMLReporter {
    /// The checklist page.
    public static func render(_ agenda: Agenda) -> String {
        let language = agenda.language
        let zh = language == .zh
        let title = zh ? "会议议题合法性审查清单" : "Agenda legality checklist"
        let ready = agenda.items.count { $0.ready }
        let meta = zh
            ? "会议日期 \(agenda.meeting) · 共 \(agenda.items.count) 项：\(ready) 项可以上会，\(agenda.items.count - ready) 项暂缓"
            : "Meeting of \(agenda.meeting) · \(Wording.counted(agenda.items.count, "item")): \(ready) ready, \(agenda.items.count - ready) blocked"
        // Every printed page names the meeting and counts the pages: a continuation page held an
        // item and the signature line, and nothing said which meeting it was of.
        let footer = zh ? "\"会议议题合法性审查清单 · 会议日期 \(agenda.meeting) · 第 \" counter(page) \" 页，共 \" counter(pages) \" 页\""
            : "\"Agenda legality checklist · meeting of \(agenda.meeting) · page \" counter(page) \" of \" counter(pages)"
        let pageFooter = "@page { @bottom-center { content: \(footer); font-size: 8pt; color: #555; } }\n"
        var html = HTMLPage.opening(
            title: title, pageTitle: title + (zh ? "（\(agenda.meeting)）" : " (\(agenda.meeting))"), meta: meta,
            metaClass: "meta", version: agenda.version, style: style + pageFooter, language: language)
        for notice in [agenda.failLevelNotice, agenda.dayNotice, agenda.restDayNotice, agenda.passedOverNotice].compactMap({ $0 }) { html += "<p class=\"notice\">\(Escaping.html(notice))</p>\n" }
        html += "<table class=\"items\">\n<thead><tr><th>\(zh ? "序号" : "No.")</th><th>\(zh ? "议题" : "Item")</th><th>\(zh ? "结论" : "Verdict")</th><th>\(zh ? "需要处理的问题" : "What blocks it, and what to do")</th></tr></thead>\n<tbody>\n"
        for (index, item) in agenda.items.enumerated() {
            let verdict = item.ready ? (zh ? "可以上会" : "READY") : (zh ? "暂缓上会" : "BLOCKED")
            html += "<tr class=\"\(item.ready ? "ready" : "blocked")\"><td class=\"no\">\(index + 1)</td><td class=\"item\">"
            // (A title of 6,000 characters filled eight pages of the one-page checklist: the full
            // text is in the record and the other formats.)
            html += "<div class=\"title\">\(Escaping.html((item.title ?? item.file).clipped(to: Self.mostTitleCharacters, mark: "…")))</div>"
            html += "<div class=\"sub\">\(Escaping.html(item.record ?? "—")) · \(Escaping.html(item.file))</div></td>"
            html += "<td class=\"verdict\"><span class=\"badge\">\(verdict)</span></td><td class=\"problems\">"
            // Waived findings are shown too, marked, with the waiver: the adviser signs for the exception.
            let unchecked = item.ready && !item.ruleApplied
            if item.findings.isEmpty, !unchecked, item.decidedUndiscussed == nil, item.sharedId == nil, item.idlessBeside == nil, item.uncoveredYears.isEmpty {
                html += "—"
            }
            if item.heldForMisreadKey { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.misreadKeyNotice(language)))</div>" }
            if !item.heldDespiteWaiver.isEmpty { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.waiverNotice(item.heldDespiteWaiver, language)))</div>" }
            if !item.uncoveredYears.isEmpty { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.calendarNotice(item.uncoveredYears, held: item.heldForCalendar, language)))</div>" }
            if let place = item.sharedId { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.sharedIdNotice(place, language)))</div>" }
            if let place = item.idlessBeside { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.idlessNotice(place, language)))</div>" }
            if unchecked { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.noRuleNotice(language, notInForce: item.rulesNotInForce)))</div>" }
            if let day = item.decidedUndiscussed { html += "<div class=\"notice\">\(Escaping.html(AgendaItem.decidedNotice(day, language)))</div>" }
            for finding in item.findings {
                let severity = Wording.severity(finding.severity, language)
                let waived = finding.waiver != nil ? " waived" : ""
                html += "<div class=\"finding \(finding.severity.rawValue)\(waived)\"><b>\(Escaping.html(finding.rule)) \(severity)\(Escaping.html(Wording.mark(finding, language)))</b> "
                // The rule's title before the message, as the text checklist gives it (a reader met
                // a rule id and a severity before a sentence, and had to look the rule up).
                html += "\(Escaping.html(finding.title.text(language)))\(zh ? "：" : ": ")\(Escaping.html(finding.message.text(language)))"
                if let waiver = Wording.waiver(finding, language) { html += "<div class=\"waiver\">\(Escaping.html(waiver))</div>" }
                if let help = finding.help { html += "<div class=\"todo\">\(zh ? "需要做：" : "To do: ")\(Escaping.html(help.text(language)))</div>" }
                // Where to look, for the clerk who corrects it (the file is the item's).
                let place = if let cell = finding.cell {
                    zh ? "；位置：单元格 \(cell.description)" : "; at cell \(cell.description)"
                } else if finding.file == item.file {
                    finding.position.map { zh ? "；位置：第 \($0.line) 行第 \($0.column) 列" : "; at line \($0.line), column \($0.column)" } ?? ""
                } else {
                    ""
                }
                html += "<div class=\"basis\">\(zh ? "依据：" : "Basis: ")\(Escaping.html(finding.basis.text(language)))\(place)</div></div>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !agenda.notOnAgenda.isEmpty {
            html += "<p class=\"away\">\(zh ? "不在本次议程（讨论安排在其他日期）：" : "Not on this agenda (discussed on other days): ")"
            html += agenda.notOnAgenda.map { entry in
                Escaping.html("\(entry.record ?? entry.file)（\(entry.shownDiscussions)）")
            }.joined(separator: "；")
            html += "</p>\n"
        }
        for finding in agenda.runFindings {
            html += "<p class=\"run\">\(Escaping.html(finding.rule))：\(Escaping.html(finding.message.text(language)))</p>\n"
        }
        html += "<div class=\"sign\"><span>\(zh ? "审查人（签字）：" : "Reviewed by (signature):")</span><span class=\"line\"></span>"
        html += "<span>\(zh ? "日期：" : "Date:")</span><span class=\"line short\"></span></div>\n"
        html += "<p class=\"foot\">\(Escaping.html(TextReporter.setup(agenda.run, language: language).trimmingNewline())) · legality \(Escaping.html(agenda.version))</p>\n"
        return html + "</body>\n</html>\n"
    }

    /// The most characters of an item's title the printed checklist shows, then "…".
    static let mostTitleCharacters = 300

    static let style = """
        @page { size: A4; margin: 14mm 12mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 186mm; }
        h1 { font-size: 16pt; margin: 0 0 2mm; } .meta { color: #555; margin: 0 0 4mm; }
        table.items { width: 100%; border-collapse: collapse; table-layout: fixed; }
        th, td { border: 1px solid #999; padding: 1.6mm 2mm; vertical-align: top; text-align: left; }
        td { overflow-wrap: anywhere; }
        th { background: #eee; font-weight: 600; }
        th:nth-child(1) { width: 9mm; } th:nth-child(2) { width: 58mm; } th:nth-child(3) { width: 20mm; }
        tr { break-inside: avoid; }
        .title { font-weight: 600; } .sub { color: #666; font-size: 8.5pt; overflow-wrap: anywhere; }
        .badge { display: inline-block; padding: 0.5mm 1.5mm; border-radius: 1mm; color: #fff; white-space: nowrap; }
        tr.ready .badge { background: #2e7d32; } tr.blocked .badge { background: #c62828; }
        .finding { margin-bottom: 1.5mm; } .finding.warning b { color: #b26a00; } .finding.error b { color: #c62828; }
        .todo, .basis { color: #444; font-size: 9pt; }
        .finding.waived b { color: #555; } .waiver { font-size: 9pt; color: #1f4e8c; }
        .away, .run { font-size: 9pt; color: #444; }
        .notice { font-weight: bold; color: #8a1c1c; border: 1px solid #8a1c1c; padding: 2mm 3mm; margin: 3mm 0; }
        .sign { margin-top: 10mm; display: flex; gap: 3mm; align-items: flex-end; }
        .sign .line { flex: 1; border-bottom: 1px solid #222; height: 6mm; } .sign .line.short { flex: 0 0 40mm; }
        .foot { margin-top: 4mm; font-size: 8pt; color: #777; }
        @media print {
          .badge { background: none !important; border: 1.2pt solid; font-weight: bold; }
          tr.ready .badge { color: #1b5e20; border-color: #1b5e20; } tr.blocked .badge { color: #b71c1c; border-color: #b71c1c; }
        }

        """
}
