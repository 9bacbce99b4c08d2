import DecisionRecords
import RuleEngine
import RuleLanguage

/// Renders a report as JUnit XML, for CI systems that show test results.
///
/// `<testsuites>` holds one `<testsuite>` per file (in the order checked) and one
/// `<testcase>` per record: its name is the record id (or the file, for a document that has
/// none), its classname the record kind. Each finding that reaches the fail-on level is a
/// `<failure>` (message `RULE: title`, type the severity; the text gives the message, the
/// place, the legal basis and the fix); lower findings, and waived ones, are listed in the
/// test case's `<system-out>`. Run-level findings, which belong to no file, make a last suite named
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
    }

    /// The whole report.
    public static func render(_ report: Report) -> String {
        var suites: [(name: String, cases: [Case])] = []
        var suiteIndex: [String: Int] = [:]
        func add(_ testCase: Case, to suite: String) {
            if let index = suiteIndex[suite] {
                suites[index].cases.append(testCase)
            } else {
                suiteIndex[suite] = suites.count
                suites.append((suite, [testCase]))
            }
        }
        for record in report.records {
            let classname = record.kind ?? (record.id == nil ? "file" : "record")
            add(Case(name: record.id ?? record.file, classname: classname, file: record.file, line: record.line,
                     findings: record.findings.sorted(by: Finding.precedes)), to: record.file)
        }
        // Findings that belong to no checked file: run-level findings, such as a missing registry.
        let orphans = report.findings.filter { suiteIndex[$0.file] == nil }
        var orphanFiles: [String] = []
        for finding in orphans where !orphanFiles.contains(finding.file) { orphanFiles.append(finding.file) }
        for file in orphanFiles {
            let findings = orphans.filter { $0.file == file }
            if file.isEmpty {
                add(Case(name: "run", classname: "legality", file: "", line: nil, findings: findings), to: "legality")
            } else {
                add(Case(name: file, classname: "file", file: file, line: nil, findings: findings), to: file)
            }
        }

        func failed(_ testCase: Case) -> Bool { testCase.findings.contains { Wording.fails($0, report) } }
        let total = suites.reduce(0) { $0 + $1.cases.count }
        let totalFailures = suites.reduce(0) { $0 + $1.cases.count(where: failed) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"legality\" tests=\"\(total)\" failures=\"\(totalFailures)\" errors=\"0\">\n"
        for suite in suites {
            xml += "  <testsuite name=\"\(Escaping.xml(suite.name, attribute: true))\" tests=\"\(suite.cases.count)\""
            xml += " failures=\"\(suite.cases.count(where: failed))\" errors=\"0\" skipped=\"0\">\n"
            if suite.name == suites.first?.name {
                xml += "    <properties>\n"
                xml += property("tool", "legality \(report.version)")
                xml += property("asOf", report.asOf.description)
                xml += property("failOn", report.failOn?.rawValue ?? "never")
                xml += property("language", report.language.rawValue)
                xml += "    </properties>\n"
            }
            for testCase in suite.cases {
                xml += render(testCase, report)
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    static func property(_ name: String, _ value: String) -> String {
        "      <property name=\"\(Escaping.xml(name, attribute: true))\" value=\"\(Escaping.xml(value, attribute: true))\"/>\n"
    }

    static func render(_ testCase: Case, _ report: Report) -> String {
        let language = report.language
        var xml = "    <testcase name=\"\(Escaping.xml(testCase.name, attribute: true))\" classname=\"\(Escaping.xml(testCase.classname, attribute: true))\""
        if !testCase.file.isEmpty { xml += " file=\"\(Escaping.xml(testCase.file, attribute: true))\"" }
        if let line = testCase.line { xml += " line=\"\(line)\"" }
        let failing = testCase.findings.filter { Wording.fails($0, report) }
        let other = testCase.findings.filter { !Wording.fails($0, report) }
        if failing.isEmpty && other.isEmpty { return xml + "/>\n" }
        xml += ">\n"
        for finding in failing {
            let message = "\(finding.rule): \(finding.title.text(language))"
            xml += "      <failure message=\"\(Escaping.xml(message, attribute: true))\" type=\"\(finding.severity.rawValue)\">"
            xml += Escaping.xml(details(finding, language).joined(separator: "\n"))
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
