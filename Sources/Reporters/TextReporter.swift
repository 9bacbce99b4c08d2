public import DecisionRecords
public import RuleEngine
import RuleLanguage
public import YAMLTree

/// Renders a report like a compiler's diagnostics: the rule and title, the place, the source
/// line with the point marked, then the message, basis, evidence and how to fix it.
public struct TextReporter: Sendable {
    /// Whether to use ANSI colours (on a terminal, and never when NO_COLOR is set).
    public var colour: Bool
    /// The lines of a file, for the source excerpt; nil when not available.
    public var sourceLines: @Sendable (String) -> SourceLines?

    /// The most bytes of a line quoted under a finding: a longer line is not read.
    static let excerptBytes = 16 << 10
    /// The most characters of a line shown under a finding; a longer line is shown around the
    /// caret, cut with `...` (ASCII: an ellipsis is two columns wide on some Chinese terminals).
    static let excerptWidth = 240

    /// Creates a reporter.
    public init(colour: Bool, sourceLines: @escaping @Sendable (String) -> SourceLines?) {
        self.colour = colour
        self.sourceLines = sourceLines
    }

    /// The whole report: the same text as each finding's `render` followed by `summary`.
    public func render(_ report: Report) -> String {
        var output = ""
        for finding in report.findings { output += render(finding, language: report.language) }
        return output + Self.setup(report.run, language: report.language) + summary(report.tally, asOf: report.asOf, language: report.language)
    }

    /// The report written as the run goes: each finding with its source excerpt, then the line
    /// naming the configuration, then the summary.
    public struct Stream: ReportStream {
        let colour: Bool
        let asOf: Day
        let run: RunDescription
        let language: Language
        /// The text of the file being written, and its lines once a finding has asked for them (most
        /// files have no finding, and finding their lines cost a pass over each).
        private var source: [UInt8]?
        private var lines: SourceLines?

        /// A stream for a run.
        public init(colour: Bool, asOf: Day, run: RunDescription, language: Language) {
            self.colour = colour
            self.asOf = asOf
            self.run = run
            self.language = language
        }

        public mutating func begin(into sink: inout some TextSink) {}
        public mutating func runFindings(_ findings: [Finding], into sink: inout some TextSink) { write(findings, into: &sink) }

        public mutating func startFile(_ file: String, source: [UInt8]?, into sink: inout some TextSink) {
            self.source = source
            lines = nil
        }

        public mutating func document(_ record: CheckedRecord?, findings: [Finding], into sink: inout some TextSink) { write(findings, into: &sink) }
        public mutating func endFile(_ file: String, into sink: inout some TextSink) {
            source = nil
            lines = nil
        }
        public mutating func trailingFindings(_ findings: [Finding], into sink: inout some TextSink) { write(findings, into: &sink) }

        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {
            var run = run
            if run.uncoveredYears.isEmpty { run.uncoveredYears = tally.uncoveredYears }
            sink.write(TextReporter.setup(run, language: language))
            sink.write(TextReporter(colour: colour, sourceLines: { _ in nil }).summary(tally, asOf: asOf, language: language))
        }

        private mutating func write(_ findings: [Finding], into sink: inout some TextSink) {
            guard !findings.isEmpty else { return }
            if lines == nil, let source { lines = SourceLines(source) }
            let excerpt = lines
            let reporter = TextReporter(colour: colour, sourceLines: { _ in excerpt })
            sink.write(findings.map { reporter.render($0, language: language) }.joined())
        }
    }

    /// The line before the summary: how the run was set up, and what it did not check — the
    /// configuration in force, the rules it disabled, the severities, parameters, rules and
    /// calendars it changed or added, left-out packs, rules a missing registry kept from running, years the calendar
    /// lacks, a fail level other than `error` — so a clean report is read with what it leaves out.
    /// What a report says of the years outside the working-day calendar that a count reached.
    public static func uncoveredYearsNote(_ years: [Int], language: Language) -> String {
        let zh = language == .zh
        let years = years.map(String.init).joined(separator: zh ? "、" : ", ")
        return zh
            ? "工作日历未涵盖 \(years) 年，这些年份只按周末区分休息日（法定节假日和调休未计入），按工作日计算或顺延至工作日的期限可能有误；可用 --calendar 补充"
            : "the working-day calendar does not cover \(years): only weekends were taken as rest days there (public holidays and make-up working days unknown), so deadlines counted in working days or rolled forward to one may be wrong; add a calendar with --calendar"
    }

    /// The most files passed over a set-up line names (the rest are counted).
    static let mostPassedOverNamed = 10

    public static func setup(_ run: RunDescription, language: Language) -> String {
        let zh = language == .zh
        let list = zh ? "、" : ", "
        let none = run.withoutBuiltinPacks ? (zh ? "无" : "none") : (zh ? "无（内置默认）" : "none (built-in defaults)")
        var parts = [(zh ? "配置：" : "configuration: ") + (run.configuration.map(printable) ?? none)]
        if !run.disabledRules.isEmpty {
            parts.append(printable((zh ? "停用规则：" : "rules disabled: ") + run.disabledRules.joined(separator: ", ")))
        }
        // A severity the configuration changed is named too: "no legality review" made an info lets
        // an unreviewed decision pass, and whoever reads the report should see that the configuration did it.
        if !run.severityChanges.isEmpty {
            let changes = run.severityChanges.map { change in
                let severity = Wording.severity(change.severity, language)
                return zh ? "\(change.rule)（\(severity)）" : "\(change.rule) (\(severity))"
            }
            parts.append(printable((zh ? "调整级别：" : "severity changed: ") + changes.joined(separator: list)))
        }
        if !run.parameterChanges.isEmpty {
            parts.append(printable((zh ? "调整参数：" : "parameters changed: ") + run.parameterChanges.joined(separator: list)))
        }
        if !run.extraRules.isEmpty {
            parts.append(printable((zh ? "另加规则：" : "rules added: ") + run.extraRules.joined(separator: list)))
        }
        // A name a vocabulary vouches means a passing code, though it holds a word that would
        // change it (`passed ← 无异议`): records writing it pass, and the reader sees why.
        if !run.vouchedNames.isEmpty {
            parts.append(printable((zh ? "词汇表认定同义：" : "names vouched in a vocabulary: ") + run.vouchedNames.joined(separator: list)))
        }
        if !run.passedOver.isEmpty {
            let shown = run.passedOver.prefix(Self.mostPassedOverNamed).joined(separator: list)
            let more = run.passedOver.count > Self.mostPassedOverNamed ? (zh ? " 等 \(run.passedOver.count) 个" : " and \(run.passedOver.count - Self.mostPassedOverNamed) more") : ""
            parts.append(printable((zh ? "未检查的疑似记录文件（隐藏文件、位于隐藏文件夹或 rules/、registry/ 中的文件，或名称像副本、备份、schema 的文件）：" : "files passed over that may be records (hidden, in a hidden, rules/ or registry/ folder, or named like a copy, backup or schema): ") + shown + more))
        }
        if !run.extraCalendars.isEmpty {
            parts.append(printable((zh ? "另加日历：" : "calendars added: ") + run.extraCalendars.joined(separator: list)))
        }
        if !run.hiddenRegistries.isEmpty {
            let pairs = run.hiddenRegistries.map { zh ? "\($0.nearer)（其上层另有 \($0.hidden)）" : "\($0.nearer) (with \($0.hidden) above it)" }
            parts.append(printable((zh ? "记录按离它最近的人员名册检查：" : "records checked against the registry nearest them: ") + pairs.joined(separator: list)))
        }
        if !run.calendarChanges.isEmpty {
            let changes = run.calendarChanges.map { change in
                zh ? "\(change.day) 改为\(change.working ? "工作日" : "休息日")（\(change.file) 改动\(change.changed.map { " \($0)" } ?? "内置日历")）"
                    : "\(change.day) made a \(change.working ? "working day" : "day off") (\(change.file) over \(change.changed ?? "the built-in calendar"))"
            }
            parts.append(printable((zh ? "日历改动：" : "calendar days changed: ") + changes.joined(separator: list)))
        }
        if run.withoutBuiltinPacks {
            parts.append(zh ? "未加载内置规则包（--no-builtin），只检查了记录格式和自定义规则" : "built-in packs not loaded (--no-builtin): only the record pack and your own rules ran")
        }
        // Without a registry the certificate rules did not run: a clean report must not read as checked.
        if !run.notRunWithoutRegistry.isEmpty {
            let rules = run.notRunWithoutRegistry.joined(separator: list)
            parts.append(printable(run.someRecordsHaveRegistry
                ? (zh ? "部分记录未找到人员名册，对其未执行：\(rules)" : "some records have no registry of people, and for them did not run: \(rules)")
                : (zh ? "未找到人员名册，未执行：\(rules)" : "no registry of people, so did not run: \(rules)")))
        }
        // A deadline counted in a year the calendar lacks ignores that year's holidays: said on
        // standard error, and here, where a printed report keeps it.
        if !run.uncoveredYears.isEmpty { parts.append(uncoveredYearsNote(run.uncoveredYears, language: language)) }
        if let level = run.failLevel {
            parts.append(printable(level == "never"
                ? (zh ? "失败级别：never（发现问题也不使运行失败）" : "fail level: never (findings never fail the run)")
                : (zh ? "失败级别：\(level)" : "fail level: \(level)")))
        }
        return parts.joined(separator: zh ? "；" : "; ") + "\n"
    }

    /// The closing summary line.
    public func summary(_ tally: ReportTally, asOf: Day, language: Language) -> String {
        paint(Wording.summary(tally, asOf: asOf, language: language), tally.fails ? "1;31" : "1;32") + "\n"
    }

    /// One finding, followed by a blank line.
    public func render(_ finding: Finding, language: Language) -> String {
        let zh = language == .zh
        let label: String
        let code: String
        switch finding.severity {
        case .error: (label, code) = (zh ? "错误" : "error", "1;31")
        case .warning: (label, code) = (zh ? "警告" : "warning", "1;33")
        case .info: (label, code) = (zh ? "提示" : "info", "1;36")
        }
        let mark = Wording.mark(finding, language)
        let muted = finding.waiver != nil || finding.pending
        var text = paint("\(label)[\(finding.rule)]", muted ? "2" : code) + paint(": \(finding.title.text(language))\(mark)", "1") + "\n"
        let gutterWidth = String(finding.position?.line ?? 0).count
        let pad = String(repeating: " ", count: gutterWidth)
        if let cell = finding.cell {
            // A ledger row: the cell, then its header and what it holds.
            text += "\(pad)\(paint("-->", "1;34")) \(Self.singleLine(finding.file)):\(Self.singleLine(cell.description))\n"
            if let header = cell.header {
                let mark = paint(zh ? "← 此单元格" : "← this cell", code)
                // Every finding of a cell quotes it (a cell naming 5,000 unknown people is 5,000
                // findings): its first `excerptWidth` characters, cut with ASCII dots as lines are.
                text += "\(pad) \(paint("|", "1;34")) \(Self.singleLine(header))\(zh ? "：" : ": ")\(Self.visible((cell.value ?? "").clipped(to: Self.excerptWidth, mark: "...")))  \(mark)\n"
            }
        } else if let position = finding.position {
            text += "\(pad)\(paint("-->", "1;34")) \(Self.singleLine(finding.file)):\(position.line):\(position.column)\n"
            if let lines = sourceLines(finding.file), let line = lines.line(position.line, upTo: Self.excerptBytes) {
                text += "\(pad) \(paint("|", "1;34"))\n"
                switch line {
                case .text(let whole):
                    let (shown, beforeCaret) = Self.window(whole, column: position.column)
                    text += "\(paint(String(position.line), "1;34")) \(paint("|", "1;34")) \(Self.visible(shown))\n"
                    let prefix = beforeCaret.map { Self.isWide($0) ? "  " : " " }.joined()
                    text += "\(pad) \(paint("|", "1;34")) \(prefix)\(paint("^", code))\n"
                case .tooLong:
                    let note = zh ? "（此行超过 \(Self.excerptBytes >> 10) KB，不显示）" : "(a line of more than \(Self.excerptBytes >> 10) KB, not shown)"
                    text += "\(paint(String(position.line), "1;34")) \(paint("|", "1;34")) \(note)\n"
                }
            }
        } else if !finding.file.isEmpty {
            text += "\(pad)\(paint("-->", "1;34")) \(finding.file)\n"
        }
        let record = finding.record.map { zh ? "记录 \($0)：" : "record \($0): " } ?? ""
        text += "\(pad) \(paint("=", "1;34")) \(Self.printable(record + finding.message.text(language)))\n"
        text += "\(pad) \(paint("=", "1;34")) \(zh ? "依据" : "basis"): \(Self.singleLine(finding.basis.text(language)))\n"
        if !finding.evidence.isEmpty {
            text += "\(pad) \(paint("=", "1;34")) \(zh ? "证据" : "evidence"): \(Self.printable(Wording.evidence(finding, language)))\n"
        }
        if let help = finding.help {
            text += "\(pad) \(paint("=", "1;34")) \(zh ? "如何改正" : "fix"): \(Self.printable(help.text(language)))\n"
        }
        if let pending = Wording.pending(finding, language) {
            text += "\(pad) \(paint("=", "1;34")) \(pending)\n"
        }
        if let waiver = finding.waiver {
            // The configuration's texts on one line, each line break shown: a reason holding line
            // breaks wrote a summary line of its own into the middle of the report.
            let (reason, approver) = (Self.singleLine(waiver.reason), Self.singleLine(waiver.approvedBy))
            text += zh
                ? "\(pad) \(paint("=", "1;34")) 豁免：\(reason)（批准：\(approver)，有效期至 \(waiver.expires)）\n"
                : "\(pad) \(paint("=", "1;34")) waived: \(reason) (approved by \(approver), until \(waiver.expires))\n"
        }
        return text + "\n"
    }

    /// Colours text on a terminal; control characters from records are shown as `�`, so a
    /// record cannot send escape sequences to the reader's terminal.
    private func paint(_ text: String, _ code: String) -> String {
        let clean = Self.printable(text)
        return colour ? "\u{1B}[\(code)m\(clean)\u{1B}[0m" : clean
    }

    /// Text from records or rule packs made safe for a terminal: control characters (ESC, so
    /// no escape sequence or OSC 8 link gets through) and bidirectional controls become `�`; a
    /// line end continues the text on an indented line, so it cannot start a line of its own.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                result += "\n    "
            } else if scalar == "\t" {
                result += " "
            } else if isUnsafe(scalar) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// What of a line is shown under a finding, and the part of it before the caret: the whole line,
    /// or for a line of more than `excerptWidth` characters that many around the caret, cut with
    /// `...` where the line goes on. (Columns count Unicode scalars, as positions do.)
    static func window(_ line: String, column: Int) -> (shown: String, beforeCaret: String) {
        let scalars = Array(line.unicodeScalars)
        let caret = min(max(0, column - 1), scalars.count)
        func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
        guard scalars.count > excerptWidth else { return (line, text(0..<caret)) }
        let first = max(0, min(caret - excerptWidth / 3, scalars.count - excerptWidth))
        let last = min(scalars.count, first + excerptWidth)
        let head = first > 0 ? "..." : ""
        let tail = last < scalars.count ? "..." : ""
        return (head + text(first..<last) + tail, head + text(first..<caret))
    }

    /// A source line with what cannot be seen made visible: a tab as `→`, a no-break space as `·`,
    /// a full-width space as `□`, zero-width characters and other controls as `�` (each keeps its
    /// column, so the caret below still points at the right place).
    static func visible(_ line: String) -> String {
        var result = ""
        for scalar in line.unicodeScalars {
            switch scalar.value {
            case 0x09: result += "→"
            case 0xA0: result += "·"
            case 0x3000: result += "□"
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: result += "\u{FFFD}"
            case 0x0D: continue
            default: result += isUnsafe(scalar) ? "\u{FFFD}" : String(scalar)
            }
        }
        return result
    }

    /// A whole block of terminal output made safe line by line: its own line ends are kept, every
    /// other control, escape and bidirectional character becomes `�` (for `rules` and `test`, whose
    /// text quotes rule packs that may come from anyone).
    public static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && isUnsafe($0) }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" { result += "\n" } else if isUnsafe(scalar) { result += "\u{FFFD}" } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Text that must stay on one line (an id, a title, a file name): like `printable`, with line
    /// ends shown as `�` too.
    public static func singleLine(_ text: String) -> String {
        printable(text.contains(where: \.isNewline) ? String(text.map { $0.isNewline ? "\u{FFFD}" : $0 }) : text)
    }

    /// A title, which YAML lets a record write over several lines (`title: |`), on one line: its
    /// line ends and runs of white space become one space (not the `�` of an id or a file
    /// name), the rest as `printable`.
    public static func title(_ text: String) -> String {
        guard text.contains(where: \.isWhitespace) else { return printable(text) }
        // Runs of white space as one space: a title padded with thousands of spaces wrapped on
        // the terminal to put a forged `[可以上会]` line of its own at the start of a line.
        return printable(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    /// What no terminal is shown: the controls and the characters that reorder, break or hide
    /// text (`Escaping.isHidden`).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        Escaping.isHidden(scalar)
    }

    /// The columns a text takes on a terminal (wide characters take two).
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    /// East Asian wide characters take two terminal columns.
    public static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The text without a final line end.
    func trimmingNewline() -> String { hasSuffix("\n") ? String(dropLast()) : self }
}
