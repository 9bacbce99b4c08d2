public import DecisionRecords
public import RuleEngine
import RuleLanguage

/// Renders a report as the JSON of the command-line contract.
public enum JSONReporter {
    /// The whole report: the same bytes as `header`, every `findings` chunk and `footer`.
    public static func render(_ report: Report) -> String {
        var output = header(version: report.version, asOf: report.asOf, run: report.run)
        output += findings(report.findings, language: report.language, first: true)
        output += footer(report.tally, hadFindings: !report.findings.isEmpty, uncoveredYears: report.run.uncoveredYears)
        return output
    }

    /// The report written as the run goes: findings as they come, the summary last.
    public struct Stream: FlatReportStream {
        let version: String
        let asOf: Day
        let run: RunDescription
        let language: Language
        private var written = 0

        /// A stream for a run.
        public init(version: String, asOf: Day, run: RunDescription, language: Language) {
            self.version = version
            self.asOf = asOf
            self.run = run
            self.language = language
        }

        public mutating func begin(into sink: inout some TextSink) { sink.write(JSONReporter.header(version: version, asOf: asOf, run: run)) }
        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {
            sink.write(JSONReporter.footer(tally, hadFindings: written > 0, uncoveredYears: tally.uncoveredYears))
        }

        public mutating func findings(_ findings: [Finding], into sink: inout some TextSink) {
            guard !findings.isEmpty else { return }
            sink.write(utf8: JSONReporter.findingBytes(findings, language: language, first: written == 0))
            written += findings.count
        }
    }

    /// The start of a report, up to the opening of its list of findings.
    public static func header(version: String, asOf: Day, run: RunDescription) -> String {
        var output = "{\n  \"tool\": "
        JSON.object([("name", .string("legality")), ("version", .string(version))]).write(to: &output, indent: "  ")
        output += ",\n  \"asOf\": " + JSONWriter.quoted(asOf.description)
        output += ",\n  \"config\": "
        JSON.optional(run.configuration).write(to: &output, indent: "  ")
        output += ",\n  \"disabled\": "
        JSON.array(run.disabledRules.map(JSON.string)).write(to: &output, indent: "  ")
        for (key, value) in setupChanges(run) {
            output += ",\n  " + JSONWriter.quoted(key) + ": "
            value.write(to: &output, indent: "  ")
        }
        output += ",\n  \"registries\": "
        JSON.array(run.registries.map(JSON.string)).write(to: &output, indent: "  ")
        // What the run could not check, or would not fail on, for programs that read the report.
        output += ",\n  \"notRunWithoutRegistry\": "
        JSON.array(run.notRunWithoutRegistry.map(JSON.string)).write(to: &output, indent: "  ")
        output += ",\n  \"failLevel\": "
        JSON.optional(run.failLevel).write(to: &output, indent: "  ")
        return output + ",\n  \"findings\": ["
    }

    /// What the configuration and the command line changed beyond the disabled rules, as every
    /// JSON report (check, gate, audit) and SARIF's run properties name it: a severity lowered
    /// (a finding of "no legality review" read `"info"`, with nothing saying it had been an error),
    /// parameters changed, rules and calendars added, the built-in packs left out.
    static func setupChanges(_ run: RunDescription) -> [(String, JSON)] {
        [
            ("severityChanged", .object(run.severityChanges.map { ($0.rule, .string($0.severity.rawValue)) })),
            ("parametersChanged", .array(run.parameterChanges.map(JSON.string))),
            ("builtinPacks", .bool(!run.withoutBuiltinPacks)),
            ("calendars", .array(run.extraCalendars.map(JSON.string))),
            ("hiddenRegistries", .array(run.hiddenRegistries.map { pair in
                .object([("registry", .string(pair.nearer)), ("hides", .string(pair.hidden))])
            })),
            ("passedOver", .array(run.passedOver.map(JSON.string))),
            ("calendarChanges", .array(run.calendarChanges.map { change in
                .object([("day", .string(change.day.description)), ("working", .bool(change.working)), ("file", .string(change.file)), ("changes", .optional(change.changed))])
            })),
            ("addedRules", .array(run.extraRules.map(JSON.string))),
            ("vouchedNames", .array(run.vouchedNames.map(JSON.string))),
        ]
    }

    /// Findings as list items; `first` when nothing was written to the list before them.
    public static func findings(_ findings: [Finding], language: Language, first: Bool) -> String {
        String(decoding: findingBytes(findings, language: language, first: first), as: UTF8.self)
    }

    /// `findings(_:language:first:)` as UTF-8. (Written as bytes: a text per finding was made,
    /// checked and appended.)
    static func findingBytes(_ findings: [Finding], language: Language, first: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(findings.count * 1024)
        let indent = Array("    ".utf8)
        // (Read by place: a finding taken out of the list was copied, its every text counted.)
        for index in findings.indices {
            output += (index == 0 && first ? "\n    " : ",\n    ").utf8
            writeFinding(findings[index], language, to: &output, indent: indent, depth: 0)
        }
        return output
    }

    /// The end of a report: the summary, after the findings, so a report can be written as it is made.
    public static func footer(_ tally: ReportTally, hadFindings: Bool, uncoveredYears: [Int] = []) -> String {
        var output = hadFindings ? "\n  ],\n  \"summary\": " : "],\n  \"summary\": "
        summary(tally).write(to: &output, indent: "  ")
        // Years a working-day count reached that the calendar lacks (known once the records are read).
        output += ",\n  \"uncoveredYears\": "
        JSON.array(uncoveredYears.map { .int($0) }).write(to: &output, indent: "  ")
        return output + "\n}\n"
    }

    static func summary(_ tally: ReportTally) -> JSON {
        .object([
            ("records", .int(tally.records)),
            ("failed", .int(tally.failedRecords)),
            ("errors", .int(tally.errors)),
            ("warnings", .int(tally.warnings)),
            ("infos", .int(tally.infos)),
            ("waived", .int(tally.waived)),
            ("pending", .int(tally.pending)),
            ("files", .int(tally.files)),
            ("unreadable", .int(tally.unreadable)),
            // Documents that are no records (a list, an empty document): they fail too, so `failed`
            // may exceed `records`.
            ("notRecords", .int(tally.notRecords)),
            // Records no rule beyond the record format applied to: nothing of substance checked.
            ("formatOnly", .int(tally.formatOnly)),
            ("formatOnlyFiles", .array(tally.formatOnlyFiles.map(JSON.string))),
        ])
    }

    /// One finding as a JSON object, in the report's language (written by `writeFinding`).
    static func finding(_ finding: Finding, _ report: Report) -> JSON {
        .finding(finding, report.language)
    }

    /// Writes a finding as a JSON object `depth` levels below `indent`: its rule, severity, record,
    /// file, line and column (the ledger cell, when it has one), pack, title, message, basis, and
    /// its help, pending mark, waiver and evidence when it has them.
    static func writeFinding(_ finding: Finding, _ language: Language, to output: inout [UInt8], indent: [UInt8], depth: Int) {
        var object = JSONObjectWriter(indent: indent, depth: depth)
        object.pair("rule", finding.rule, to: &output)
        object.pair("severity", finding.severity.rawValue, to: &output)
        object.key("record", to: &output)
        if let record = finding.record { JSONWriter.appendQuoted(record, to: &output) } else { output.append(contentsOf: "null".utf8) }
        object.pair("file", finding.file, to: &output)
        object.key("line", to: &output)
        output.append(contentsOf: (finding.position.map { String($0.line) } ?? "null").utf8)
        object.key("column", to: &output)
        output.append(contentsOf: (finding.position.map { String($0.column) } ?? "null").utf8)
        if let cell = finding.cell { object.pair("cell", cell.description, to: &output) }
        object.pair("pack", finding.pack, to: &output)
        object.pair("title", finding.title.text(language), to: &output)
        object.pair("message", finding.message.text(language), to: &output)
        object.pair("basis", finding.basis.text(language), to: &output)
        if let help = finding.help { object.pair("help", help.text(language), to: &output) }
        if finding.pending {
            object.key("pending", to: &output)
            output.append(contentsOf: "true".utf8)
        }
        if let waiver = finding.waiver {
            object.key("waived", to: &output)
            var waived = JSONObjectWriter(indent: indent, depth: depth + 1)
            waived.pair("reason", waiver.reason, to: &output)
            waived.pair("approvedBy", waiver.approvedBy, to: &output)
            waived.pair("expires", waiver.expires.description, to: &output)
            waived.end(&output)
        }
        if !finding.evidence.isEmpty {
            object.key("evidence", to: &output)
            var evidence = JSONObjectWriter(indent: indent, depth: depth + 1)
            for item in finding.evidence { evidence.pair(item.key, item.value.text(language), to: &output) }
            evidence.end(&output)
        }
        object.end(&output)
    }
}
