import DecisionRecords
import RuleEngine
import RuleLanguage

/// Renders a report as one self-contained HTML page that prints well on A4.
///
/// The page has inline CSS only: no scripts, no external fonts, images or links, so it can be
/// mailed, archived and opened offline. `lang` is `zh-CN` or `en`. It shows the verdict and
/// counts, then the findings grouped by file (run-level findings first), each with its rule,
/// severity badge, record, line:column, title, message (with evidence, fix and waiver) and
/// legal basis, waived findings greyed; then the list of records checked. All text is
/// HTML-escaped. The output depends only on the report.
public enum HTMLReporter {
    /// The whole report.
    public static func render(_ report: Report) -> String {
        let language = report.language
        let zh = language == .zh
        let title = zh ? "合法性检查报告" : "Legality check report"
        var html = HTMLPage.opening(
            title: title, pageTitle: title + (zh ? "（\(report.asOf)）" : " (\(report.asOf))"),
            meta: "\(zh ? "截至" : "As of") \(report.asOf) · legality \(Escaping.html(report.version)) · \(failOn(report)) · \(Escaping.html(TextReporter.setup(report.run, language: language).trimmingNewline()))",
            metaClass: "meta", version: report.version, style: style, language: language)
        html += summary(report)
        if report.findings.isEmpty {
            html += "<p class=\"none\">\(zh ? "没有发现问题。" : "No findings.")</p>\n"
        }
        var groups: [(file: String, findings: [Finding])] = []
        for finding in report.findings {
            if groups.last?.file == finding.file {
                groups[groups.count - 1].findings.append(finding)
            } else {
                groups.append((finding.file, [finding]))
            }
        }
        for group in groups {
            html += section(group.file, group.findings, language)
        }
        html += records(report)
        html += "</body>\n</html>\n"
        return html
    }

    /// What fails the run, such as `不通过标准：错误及以上` or `fails on: warning and above`.
    static func failOn(_ report: Report) -> String {
        let zh = report.language == .zh
        guard let level = report.failOn else { return zh ? "不通过标准：无（--fail-on never）" : "fails on: nothing (--fail-on never)" }
        let word = Wording.severity(level, report.language)
        if level == .error { return zh ? "不通过标准：\(word)" : "fails on: \(word)" }
        return zh ? "不通过标准：\(word)及以上" : "fails on: \(word) and above"
    }

    static func summary(_ report: Report) -> String {
        let zh = report.language == .zh
        let verdictClass = report.fails ? "fail" : "pass"
        let tally = report.tally
        let unreadItems = tally.notRecords + tally.unreadable
        var html = "<section class=\"summary\">\n"
        html += "<p class=\"verdict \(verdictClass)\">\(Escaping.html(Wording.verdict(report)))</p>\n"
        html += "<p>\(Escaping.html(Wording.summary(report)))</p>\n"
        html += "<table class=\"counts\">\n<tr>"
        let counts: [(String, Int, String)] = [
            (zh ? "记录" : "Records", report.recordCount, ""),
            // (Documents that are no records and unreadable files fail too: then items, not records.)
            (unreadItems > 0 ? (zh ? "未通过" : "Failed") : (zh ? "未通过的记录" : "Failed records"),
             report.failedRecordCount, ""),
            (Wording.severity(.error, report.language), report.count(.error), "error"),
            (Wording.severity(.warning, report.language), report.count(.warning), "warning"),
            (Wording.severity(.info, report.language), report.count(.info), "info"),
        ] + (report.waivedCount > 0 ? [(Wording.waived(report.language), report.waivedCount, "waived")] : [])
            // Pending findings counted where the page is first read: two pending errors showed as
            // a table of zeros, said only in the sentence above it.
            + (report.tally.pending > 0 ? [(zh ? "待办" : "Pending", report.tally.pending, "pending")] : [])
        for (label, _, kind) in counts {
            html += kind.isEmpty ? "<th>\(label)</th>" : "<th><span class=\"badge \(kind)\">\(label)</span></th>"
        }
        html += "</tr>\n<tr>"
        for (_, count, _) in counts { html += "<td>\(count)</td>" }
        html += "</tr>\n</table>\n</section>\n"
        return html
    }

    static func section(_ file: String, _ findings: [Finding], _ language: Language) -> String {
        let zh = language == .zh
        let heading = file.isEmpty ? (zh ? "本次运行" : "This run") : file
        var html = "<section class=\"file\">\n<h2>\(Escaping.html(heading))</h2>\n"
        html += "<table class=\"findings\">\n<colgroup><col class=\"c-rule\"><col class=\"c-severity\"><col class=\"c-record\">"
        html += "<col class=\"c-place\"><col class=\"c-title\"><col class=\"c-message\"><col class=\"c-basis\"></colgroup>\n"
        let header = zh
            ? ["规则", "级别", "记录", "行:列", "标题", "说明", "依据"]
            : ["Rule", "Severity", "Record", "Line:col", "Title", "Message", "Basis"]
        html += "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for finding in findings {
            let severity = finding.severity.rawValue
            // (A pending finding is work ahead: its row is marked as such, not with its severity's red edge.)
            html += finding.waiver != nil ? "<tr class=\"\(severity) waived\">" : finding.pending ? "<tr class=\"pending\">" : "<tr class=\"\(severity)\">"
            html += "<td class=\"rule\">\(Escaping.html(finding.rule))</td>"
            html += "<td><span class=\"badge \(severity)\">\(Wording.severity(finding.severity, language))</span>"
            if finding.waiver != nil { html += " <span class=\"badge waived\">\(Wording.waived(language))</span>" }
            if finding.pending { html += " <span class=\"badge pending\">\(language == .zh ? "待办" : "pending")</span>" }
            html += "</td>"
            html += "<td class=\"record\">\(Escaping.html(finding.record ?? ""))</td>"
            html += "<td class=\"place\">\(Wording.lineColumn(finding))</td>"
            html += "<td class=\"title\">\(Escaping.html(finding.title.text(language)))</td>"
            html += "<td class=\"message\"><div class=\"text\">\(Escaping.html(finding.message.text(language)))</div>"
            if !finding.evidence.isEmpty {
                html += "<div class=\"note\">\(Escaping.html(Wording.label("证据", "Evidence", language) + Wording.evidence(finding, language)))</div>"
            }
            if let help = finding.help {
                html += "<div class=\"note\">\(Escaping.html(Wording.label("如何改正", "Fix", language) + help.text(language)))</div>"
            }
            if let waiver = Wording.waiver(finding, language) {
                html += "<div class=\"note waiver\">\(Escaping.html(waiver))</div>"
            }
            html += "</td>"
            html += "<td class=\"basis\">\(Escaping.html(finding.basis.text(language)))</td>"
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    static func records(_ report: Report) -> String {
        guard !report.records.isEmpty else { return "" }
        let language = report.language
        let zh = language == .zh
        var html = "<section class=\"records\">\n<h2>\(zh ? "检查的记录" : "Records checked")</h2>\n<table>\n"
        let header = zh ? ["记录", "标题", "文件", "行", "结论"] : ["Record", "Title", "File", "Line", "Result"]
        html += "<thead><tr>" + header.map { "<th>\($0)</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for record in report.records {
            let failed = record.findings.contains { Wording.fails($0, report) }
            // (Pending findings are work ahead, no error yet: a record of one read "通过（有错误）".)
            let worst = record.findings.filter { $0.waiver == nil && !$0.pending }.map(\.severity).max()
            let result: String
            if failed {
                result = "<span class=\"badge error\">\(zh ? "未通过" : "failed")</span>"
            } else if record.isFormatOnly, worst != .error {
                // Not "passed": no rule beyond the record format applied (a kind no pack checks).
                // (Unless the record pack found an error in it, under `--fail-on never`: that error,
                // a duplicate id, was hidden behind the badge.)
                result = "<span class=\"badge unchecked\">\(zh ? "未作实质检查" : "not checked in substance")</span>"
            } else if worst == nil, record.findings.contains(where: { $0.waiver == nil && $0.pending }) {
                result = "<span class=\"badge pending\">\(zh ? "有待办" : "work pending")</span>"
            } else if record.findings.contains(where: { $0.waiver != nil && $0.severity == .error }) {
                // A waived error is no pass: the audit counts the record as failed, waived (a
                // decision made without its discussion, waived, read plain 通过 here).
                result = "<span class=\"badge waived\">\(Wording.waived(language))</span>"
            } else if let worst {
                let word = zh ? "通过（有\(Wording.severity(worst, language))）" : "passed (with \(worst == .info ? "notes" : Wording.severity(worst, language) + "s"))"
                result = "<span class=\"badge \(worst == .error ? "warning" : worst.rawValue)\">\(word)</span>"
            } else if record.findings.contains(where: { $0.waiver != nil }) {
                result = "<span class=\"badge waived\">\(Wording.waived(language))</span>"
            } else {
                result = "<span class=\"badge pass\">\(zh ? "通过" : "passed")</span>"
            }
            html += "<tr><td class=\"record\">\(Escaping.html(record.id ?? ""))</td><td>\(Escaping.html(record.title ?? ""))</td>"
            html += "<td class=\"path\">\(Escaping.html(record.file))</td><td>\(record.line)</td><td>\(result)</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
        return html
    }

    /// The page's style: screen and A4 print.
    static let style = """
        :root { color-scheme: light; }
        body { font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 16px; margin: 24px 0 8px; padding-bottom: 2px; border-bottom: 1px solid #ccc; overflow-wrap: anywhere; }
        .meta { color: #555; margin: 0 0 16px; }
        .verdict { display: inline-block; font-weight: bold; font-size: 16px; padding: 2px 12px; border-radius: 4px; margin: 0 0 8px; }
        .verdict.fail { background: #fbe9e7; color: #a4262c; border: 1px solid #a4262c; }
        .verdict.pass { background: #e8f5e9; color: #1b5e20; border: 1px solid #1b5e20; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border: 1px solid #ccc; padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f2f2f2; font-weight: bold; }
        table.counts { width: auto; margin: 8px 0 16px; }
        table.counts td { text-align: center; font-size: 16px; min-width: 72px; }
        table.findings { table-layout: fixed; }
        col.c-rule { width: 9%; } col.c-severity { width: 7%; } col.c-record { width: 12%; } col.c-place { width: 7%; }
        col.c-title { width: 17%; } col.c-message { width: 30%; } col.c-basis { width: 18%; }
        .rule, .place, .record, .path { font-family: "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
        .message .text { white-space: pre-wrap; }
        .note { white-space: pre-wrap; color: #444; font-size: 12px; margin-top: 4px; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: bold; white-space: nowrap; border: 1px solid; }
        .badge.error { background: #a4262c; color: #fff; border-color: #a4262c; }
        .badge.warning { background: #fff4ce; color: #6b4a00; border-color: #c19c00; }
        .badge.info { background: #e5f1fb; color: #0b4f8a; border-color: #0b4f8a; }
        .badge.waived { background: #eee; color: #444; border-color: #888; }
        .badge.unchecked { background: #fff; color: #444; border-color: #888; border-style: dashed; }
        .badge.pending { background: #e5f1fb; color: #0b4f8a; border-color: #0b4f8a; border-style: dashed; }
        tr.pending td:first-child { border-left: 4px dashed #0b4f8a; }
        section.records td:nth-child(4), section.records th:nth-child(4) { white-space: nowrap; overflow-wrap: normal; }
        tr.waived td { color: #666; }
        .note.waiver { font-style: italic; }
        .badge.pass { background: #e8f5e9; color: #1b5e20; border-color: #1b5e20; }
        tr.error td:first-child { border-left: 4px solid #a4262c; }
        tr.warning td:first-child { border-left: 4px solid #c19c00; }
        tr.info td:first-child { border-left: 4px solid #0b4f8a; }
        .none { font-weight: bold; color: #1b5e20; }
        @page { size: A4; margin: 15mm 12mm; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
          h1 { font-size: 15pt; }
          h2 { font-size: 11pt; break-after: avoid; page-break-after: avoid; }
          .rule, .place, .record, .path, .badge, .note { font-size: 8pt; }
          .badge.error { background: none; color: #a4262c; }
          thead { display: table-header-group; }
          tr { break-inside: avoid; page-break-inside: avoid; }
          table { width: calc(100% - 1px); }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
