import DecisionRecords
public import RuleEngine
import RuleLanguage

/// Renders a report as JUnit XML, for CI systems that show test results.
///
/// `<testsuites>` holds one `<testsuite>` per file (in the order checked) and one
/// `<testcase>` per record: its name is the record id (or the file, for a document that has
/// none), its classname the record kind. The findings that reach the fail-on level (errors under
/// `--fail-on never`, which only keeps the exit status 0, as the summaries count) make one
/// `<failure>` (message `RULE: title`, the rules joined by `; ` when there are several, type the
/// highest severity; the text gives each one's message, place, legal basis and fix: consumers
/// that read one failure a case showed only the first of two); lower findings, and waived ones,
/// are listed in the test case's `<system-out>`. A record no rule beyond the record format
/// applied to (a kind no pack checks) is `<skipped/>`, not a test passed. Run-level findings, which belong to no file, make a last suite named
/// `legality`. `failures` counts failed test cases; `errors` is always 0 (a finding is a
/// failure, not an error of the tool). No times are written, so the output depends only on the
/// report. All text is escaped, and characters XML 1.0 forbids are dropped.
public enum JUnitReporter {
    /// One test case: a record and its findings.
    struct Case {
        var name: String
        var classname: String
        var file: String
        var line: Int?
        var findings: [Finding]
        /// Why it was not checked, for a record no rule beyond the record format applied to.
        var skipped: String?
    }

    /// The whole report.
    public static func render(_ report: Report) -> String {
        Stream(report.heading).render(report)
    }

    /// The XML written as the run goes. A suite's counts come before its cases, and the run's
    /// before every suite, so cases wait in a temporary file (never in memory) until their suite
    /// ends, and suites until the run ends.
    public struct Stream: ReportStream {
        let heading: ReportHeading
        private let suites = Spool()
        private let cases = Spool()
        private var suiteTests = 0
        private var suiteFailures = 0
        private var suiteSkipped = 0
        private var skipped = 0
        private var tests = 0
        private var failures = 0
        private var wroteProperties = false
        private var runLevel: [Finding] = []
        private var trailing: [Finding] = []

        /// A stream for a heading.run.
        public init(_ heading: ReportHeading) {
            self.heading = heading
        }

        public mutating func begin(into sink: inout some TextSink) {}
        public mutating func runFindings(_ findings: [Finding], into sink: inout some TextSink) { runLevel += findings }
        public mutating func trailingFindings(_ findings: [Finding], into sink: inout some TextSink) { trailing += findings }

        public mutating func startFile(_ file: String, source: [UInt8]?, into sink: inout some TextSink) {
            suiteTests = 0
            suiteFailures = 0
            suiteSkipped = 0
        }

        public mutating func document(_ record: CheckedRecord?, findings: [Finding], into sink: inout some TextSink) {
            let testCase = if let record {
                Case(name: record.id ?? record.file, classname: record.kind ?? (record.id == nil ? "file" : "record"),
                     file: record.file, line: record.line, findings: findings,
                     skipped: record.isFormatOnly && findings.isEmpty
                        ? (heading.language == .zh ? "除记录格式外没有适用的规则（此类型无规则包检查，或其行为早于法律施行），未作实质检查" : "no rule beyond the record format applies (a kind no pack checks, or acts before the law was in force): nothing of substance was checked")
                        : nil)
            } else {
                Case(name: findings.first?.file ?? "", classname: "file", file: findings.first?.file ?? "", line: nil, findings: findings)
            }
            add(testCase)
        }

        private mutating func add(_ testCase: Case) {
            suiteTests += 1
            if testCase.findings.contains(where: { Wording.fails($0, failOn: failingLevel) }) { suiteFailures += 1 }
            if testCase.skipped != nil { suiteSkipped += 1 }
            cases.write(JUnitReporter.render(testCase, failOn: failingLevel, heading.language))
        }

        /// The severity that fails a test case: the run's fail-on level, and errors where the run
        /// never fails (`--fail-on never` keeps the exit status 0, not the records from failing:
        /// the summaries of the same run said "1 条记录未通过" where the JUnit said no test failed).
        private var failingLevel: Severity { heading.failOn ?? .error }

        public mutating func endFile(_ file: String, into sink: inout some TextSink) {
            guard suiteTests > 0 else { return }
            var header = "  <testsuite name=\"\(Escaping.xml(file.onOneLine, attribute: true))\" tests=\"\(suiteTests)\""
            header += " failures=\"\(suiteFailures)\" errors=\"0\" skipped=\"\(suiteSkipped)\">\n"
            if !wroteProperties {
                wroteProperties = true
                header += "    <properties>\n"
                header += JUnitReporter.property("tool", "legality \(heading.version)")
                header += JUnitReporter.property("asOf", heading.asOf.description)
                header += JUnitReporter.property("failOn", heading.failOn?.rawValue ?? "never")
                header += JUnitReporter.property("language", heading.language.rawValue)
                header += JUnitReporter.property("config", heading.run.configuration ?? "")
                header += JUnitReporter.property("disabled", heading.run.disabledRules.joined(separator: ","))
                // (A severity lowered made "no legality review" a passed test, with nothing saying so.)
                header += JUnitReporter.property("severityChanged", heading.run.severityChanges.map { "\($0.rule)=\($0.severity.rawValue)" }.joined(separator: ","))
                header += JUnitReporter.property("parametersChanged", heading.run.parameterChanges.joined(separator: "; "))
                header += JUnitReporter.property("addedRules", heading.run.extraRules.joined(separator: ","))
                header += JUnitReporter.property("calendars", heading.run.extraCalendars.joined(separator: ","))
                header += "    </properties>\n"
            }
            suites.write(header)
            var spool = SpoolSink(spool: suites)
            cases.drain(into: &spool)
            suites.write("  </testsuite>\n")
            tests += suiteTests
            failures += suiteFailures
            skipped += suiteSkipped
        }

        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {
            // Findings that belong to no checked file: heading.run-level ones, then those of other files (the configuration).
            // (And the years outside the working-day calendar a count reached, as a skipped case:
            // a CI page showed every deadline there met, with nothing saying how it was counted.)
            let years = heading.run.uncoveredYears.isEmpty ? tally.uncoveredYears : heading.run.uncoveredYears
            if !runLevel.isEmpty || !years.isEmpty {
                startFile("legality", source: nil, into: &sink)
                if !runLevel.isEmpty { add(Case(name: "run", classname: "legality", file: "", line: nil, findings: runLevel)) }
                if !years.isEmpty {
                    add(Case(name: "calendar", classname: "legality", file: "", line: nil, findings: [],
                             skipped: TextReporter.uncoveredYearsNote(years, language: heading.language)))
                }
                endFile("legality", into: &sink)
            }
            var files: [String] = []
            for finding in trailing where !files.contains(finding.file) { files.append(finding.file) }
            for file in files {
                startFile(file, source: nil, into: &sink)
                add(Case(name: file, classname: "file", file: file, line: nil, findings: trailing.filter { $0.file == file }))
                endFile(file, into: &sink)
            }
            sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            sink.write("<testsuites name=\"legality\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n")
            suites.drain(into: &sink)
            sink.write("</testsuites>\n")
        }
    }

    static func property(_ name: String, _ value: String) -> String {
        "      <property name=\"\(Escaping.xml(name, attribute: true))\" value=\"\(Escaping.xml(value, attribute: true))\"/>\n"
    }

    static func render(_ testCase: Case, failOn: Severity?, _ language: Language) -> String {
        // On one line: a kind or id written with a line break made a class name of several lines.
        var xml = "    <testcase name=\"\(Escaping.xml(testCase.name.onOneLine, attribute: true))\" classname=\"\(Escaping.xml(testCase.classname.onOneLine, attribute: true))\""
        if !testCase.file.isEmpty { xml += " file=\"\(Escaping.xml(testCase.file, attribute: true))\"" }
        if let line = testCase.line { xml += " line=\"\(line)\"" }
        let failing = testCase.findings.filter { Wording.fails($0, failOn: failOn) }
        let other = testCase.findings.filter { !Wording.fails($0, failOn: failOn) }
        if failing.isEmpty && other.isEmpty && testCase.skipped == nil { return xml + "/>\n" }
        xml += ">\n"
        if let reason = testCase.skipped { xml += "      <skipped message=\"\(Escaping.xml(reason, attribute: true))\"/>\n" }
        if let highest = failing.map(\.severity).max() {
            // Each rule once, with how many findings it made when more than one.
            var rules: [(head: String, count: Int)] = []
            for finding in failing {
                let head = "\(finding.rule): \(finding.title.text(language))"
                if let place = rules.firstIndex(where: { $0.head == head }) { rules[place].count += 1 } else { rules.append((head, 1)) }
            }
            let message = rules.map { $0.count > 1 ? "\($0.head) (×\($0.count))" : $0.head }.joined(separator: "; ")
            let text = failing.map { finding in
                (failing.count > 1 ? ["\(finding.rule): \(finding.title.text(language))"] : []) + details(finding, language)
            }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
            xml += "      <failure message=\"\(Escaping.xml(message, attribute: true))\" type=\"\(highest.rawValue)\">"
            xml += Escaping.xml(text)
            xml += "</failure>\n"
        }
        if !other.isEmpty {
            let text = other.map { finding in
                let head = "\(Wording.severity(finding.severity, language))[\(finding.rule)] \(finding.title.text(language))\(Wording.mark(finding, language))"
                return ([head] + details(finding, language).map { "  " + $0 }).joined(separator: "\n")
            }.joined(separator: "\n\n")
            xml += "      <system-out>\(Escaping.xml(text))</system-out>\n"
        }
        return xml + "    </testcase>\n"
    }

    /// The lines that explain a finding: the message, the place, the basis, the evidence, the fix.
    static func details(_ finding: Finding, _ language: Language) -> [String] {
        var lines = [finding.message.text(language)]
        let location = Wording.location(finding)
        if !location.isEmpty { lines.append(Wording.label("位置", "location", language) + location) }
        if let record = finding.record { lines.append(Wording.label("记录", "record", language) + record) }
        lines.append(Wording.label("依据", "basis", language) + finding.basis.text(language))
        if !finding.evidence.isEmpty { lines.append(Wording.label("证据", "evidence", language) + Wording.evidence(finding, language)) }
        if let help = finding.help { lines.append(Wording.label("如何改正", "fix", language) + help.text(language)) }
        if let waiver = Wording.waiver(finding, language) { lines.append(waiver) }
        if let pending = Wording.pending(finding, language) { lines.append(pending) }
        return lines
    }
}
