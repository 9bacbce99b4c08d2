import DecisionRecords
public import RuleEngine
public import RuleLanguage
import YAMLTree

/// Renders a report as SARIF 2.1.0, for code-scanning services and editors.
///
/// One run whose `tool.driver.rules` lists every rule that ran (plus any rule a finding names
/// that is not among them), with its title in the report's language, description, help and
/// legal basis. Each finding is a result pointing at its file, line and column; columns count
/// Unicode code points (`columnKind: unicodeCodePoints`), as the positions do. Inside a git
/// repository every path is given from its root (`%SRCROOT%`), however the run was called (from a
/// subfolder, with `./` or an absolute path); outside one, from the working folder. A file
/// outside the root is named by its absolute path, a `file://` URI. Run-level findings
/// have no location. A waived finding carries an accepted external suppression with the
/// waiver's reason, approver and expiry. The output depends only on the report.
public enum SARIFReporter {
    /// The `$schema` the log declares.
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The whole report.
    public static func render(_ report: Report) -> String {
        Stream(report.heading, rules: report.rules).render(report)
    }

    /// The log written as the run goes: its results first, then the tool and its rules (those
    /// that ran, then any other a result named, in the order first named) and the run's counts.
    public struct Stream: FlatReportStream {
        let heading: ReportHeading
        private var descriptors: [JSON] = []
        private var index: [String: Int] = [:]
        /// Each listed rule's basis as its descriptor's help gives it.
        private var ruleBasis: [String: String] = [:]
        private var written = 0
        /// Where a finding of the whole run (no registry found) is located: the configuration, else
        /// the first record file the run reads, else the first path given. (Code scanning refuses a
        /// whole log with one result of no location: every finding was lost.)
        private var runLocation: String? { heading.run.configuration ?? heading.run.firstRecordFile ?? heading.run.recordPaths.first }

        /// A stream for a run of these rules.
        public init(_ heading: ReportHeading, rules: [Rule]) {
            self.heading = heading
            for rule in rules where index[rule.id] == nil {
                index[rule.id] = descriptors.count
                descriptors.append(SARIFReporter.descriptor(rule, heading.language))
                ruleBasis[rule.id] = rule.basis.text(heading.language)
            }
        }

        public mutating func begin(into sink: inout some TextSink) {
            var output = "{\n  \"$schema\": " + JSONWriter.quoted(SARIFReporter.schema) + ",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
            output += "      \"language\": " + JSONWriter.quoted(heading.language == .zh ? "zh-CN" : "en") + ",\n"
            output += "      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": ["
            sink.write(output)
        }


        public mutating func findings(_ findings: [Finding], into sink: inout some TextSink) {
            guard !findings.isEmpty else { return }
            // Written as bytes and made a text once (a text per finding was made, checked and appended).
            var output: [UInt8] = []
            output.reserveCapacity(findings.count * 1024)
            let indent = Array("        ".utf8)
            for finding in findings {
                if index[finding.rule] == nil {
                    // A rule the heading.run did not list (an input problem, a waiver, the engine's own) still gets a descriptor.
                    index[finding.rule] = descriptors.count
                    descriptors.append(SARIFReporter.descriptor(finding, heading.language))
                }
                output += (written == 0 ? "\n        " : ",\n        ").utf8
                // A finding under another version of the law than the rule's help names says its own
                // basis in its message: code scanning shows the help's (the 2021 article beside a
                // deadline counted by the 2017 text).
                let ownBasis = ruleBasis[finding.rule].map { $0 != finding.basis.text(heading.language) } ?? false
                SARIFReporter.result(
                    finding, ruleIndex: index[finding.rule], heading.language, repository: heading.run.repository, sayingBasis: ownBasis,
                    runLocation: runLocation)
                    .write(to: &output, indent: indent)
                written += 1
            }
            sink.write(String(decoding: output, as: UTF8.self))
        }

        public mutating func end(_ tally: ReportTally, into sink: inout some TextSink) {
            var output = written == 0 ? "],\n      \"tool\": " : "\n      ],\n      \"tool\": "
            JSON.object([
                ("driver", .object([
                    ("name", .string("legality")),
                    ("version", .string(heading.version)),
                    ("semanticVersion", .string(heading.version)),
                    ("language", .string(heading.language == .zh ? "zh-CN" : "en")),
                    ("rules", .array(descriptors)),
                ])),
            ]).write(to: &output, indent: "      ")
            output += ",\n      \"properties\": "
            JSON.object([
                ("asOf", .string(heading.asOf.description)),
                ("failOn", .string(heading.failOn?.rawValue ?? "never")),
                ("records", .int(tally.records)),
                ("failedRecords", .int(tally.failedRecords)),
                // Records no rule beyond the record format applied to: a clean log said nothing of them.
                ("formatOnly", .int(tally.formatOnly)),
                ("formatOnlyFiles", .array(tally.formatOnlyFiles.map(JSON.string))),
                ("waived", .int(tally.waived)),
                ("pending", .int(tally.pending)),
                ("config", .optional(heading.run.configuration)),
                ("disabled", .array(heading.run.disabledRules.map(JSON.string))),
            ] + JSONReporter.setupChanges(heading.run) + [
                // What the run could not check: rules a missing registry kept from running, years the calendar lacks.
                ("notRunWithoutRegistry", .array(heading.run.notRunWithoutRegistry.map(JSON.string))),
                ("uncoveredYears", .array((heading.run.uncoveredYears.isEmpty ? tally.uncoveredYears : heading.run.uncoveredYears).map { .int($0) })),
            ]).write(to: &output, indent: "      ")
            sink.write(output + "\n    }\n  ]\n}\n")
        }
    }

    /// The SARIF level of a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A name for a rule: its English title in PascalCase, such as `LegalityReviewAfterTheCollectiveDiscussion`.
    static func name(id: String, englishTitle: String) -> String {
        var name = ""
        var startOfWord = true
        for scalar in englishTitle.unicodeScalars {
            let isWordCharacter = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if !isWordCharacter {
                startOfWord = true
                continue
            }
            name += startOfWord ? String(scalar).uppercased() : String(scalar)
            startOfWord = false
        }
        return name.isEmpty ? id : name
    }

    /// The help text: how to put it right, then the legal basis.
    static func helpText(_ help: LocalizedText?, basis: String, _ language: Language) -> String {
        var lines: [String] = []
        if let help { lines.append(Wording.label("如何改正", "Fix", language) + help.text(language)) }
        lines.append(Wording.label("依据", "Basis", language) + basis)
        return lines.joined(separator: "\n")
    }

    static func descriptor(_ rule: Rule, _ language: Language) -> JSON {
        var properties: [(String, JSON)] = [
            ("tags", .array(rule.tags.map(JSON.string))),
            ("pack", .string(rule.pack)),
            ("severity", .string(rule.severity.rawValue)),
            ("prerequisite", .bool(rule.prerequisite)),
            ("basis", .string(rule.basis.text(language))),
        ]
        if let kinds = rule.kinds { properties.append(("kinds", .array(kinds.map(JSON.string)))) }
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(name(id: rule.id, englishTitle: rule.title.en))),
            ("shortDescription", .object([("text", .string(rule.title.text(language)))])),
            ("fullDescription", .object([("text", .string((rule.description ?? rule.title).text(language)))])),
            ("help", .object([("text", .string(helpText(rule.help, basis: rule.basis.text(language), language)))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object(properties)),
        ])
    }

    /// A descriptor made from a finding whose rule the report does not list.
    static func descriptor(_ finding: Finding, _ language: Language) -> JSON {
        .object([
            ("id", .string(finding.rule)),
            ("name", .string(name(id: finding.rule, englishTitle: finding.title.en))),
            ("shortDescription", .object([("text", .string(finding.title.text(language)))])),
            ("fullDescription", .object([("text", .string(finding.title.text(language)))])),
            ("help", .object([("text", .string(helpText(finding.help, basis: finding.basis.text(language), language)))])),
            ("defaultConfiguration", .object([("level", .string(level(finding.severity)))])),
            ("properties", .object([
                ("tags", .array([])),
                ("pack", .string(finding.pack)),
                ("severity", .string(finding.severity.rawValue)),
                ("basis", .string(finding.basis.text(language))),
            ])),
        ])
    }

    /// A file and, when known, a line and column: relative paths are relative to `%SRCROOT%`, the
    /// repository's root when the run has one (see `repositoryPath`); a file outside it is named
    /// by its absolute path (`other/b.yaml`, relative, pointed at `repo/other/b.yaml`).
    static func physicalLocation(file: String, position: SourcePosition?, repository: (root: String, workingFolder: String)? = nil) -> JSON {
        let path = repositoryPath(file, repository) ?? repository.flatMap { file == "-" ? nil : LexicalPath.absolute(file, from: $0.workingFolder) } ?? file
        var artifact: [(String, JSON)] = [("uri", .string(Escaping.uri(path: path)))]
        if !path.hasPrefix("/") { artifact.append(("uriBaseId", .string("%SRCROOT%"))) }
        var physical: [(String, JSON)] = [("artifactLocation", .object(artifact))]
        if let position, position.line >= 1 {
            var region: [(String, JSON)] = [("startLine", .int(position.line))]
            if position.column >= 1 { region.append(("startColumn", .int(position.column))) }
            physical.append(("region", .object(region)))
        }
        return .object(physical)
    }

    /// A file's path from the repository's root: a relative path is read from the working folder
    /// (`gas.yaml` from `county/` is `county/gas.yaml`, `../.legality.yaml` is `.legality.yaml`,
    /// `repo/gas.yaml` from the folder above the repository is `gas.yaml`), an absolute one inside
    /// the repository loses the root; nil without a root (the run names one always: the working
    /// folder outside a repository), or for a path that leaves it.
    static func repositoryPath(_ file: String, _ repository: (root: String, workingFolder: String)?) -> String? {
        guard let repository, file != "-" else { return nil }
        let parts = LexicalPath.components(file, from: repository.workingFolder)
        let root = LexicalPath.components(repository.root, from: "/")
        guard parts.count > root.count, parts.starts(with: root) else { return nil }
        return parts.dropFirst(root.count).joined(separator: "/")
    }

    static func result(
        _ finding: Finding, ruleIndex: Int?, _ language: Language, repository: (root: String, workingFolder: String)? = nil, sayingBasis: Bool = false,
        runLocation: String? = nil
    ) -> JSON {
        var pairs: [(String, JSON)] = [("ruleId", .string(finding.rule))]
        if let ruleIndex { pairs.append(("ruleIndex", .int(ruleIndex))) }
        if finding.pending {
            // Work still ahead is an open result, not yet a failure (SARIF 3.27.9: its level is none).
            pairs.append(("kind", .string("open")))
            pairs.append(("level", .string("none")))
        } else {
            pairs.append(("level", .string(level(finding.severity))))
        }
        let cellNote = finding.cell.map { language == .zh ? "（单元格 \($0)）" : " (cell \($0))" } ?? ""
        let basisNote = sayingBasis ? (language == .zh ? "（依据：\(finding.basis.text(language))）" : " (basis: \(finding.basis.text(language)))") : ""
        pairs.append(("message", .object([("text", .string(Escaping.sarifMessage(finding.message.text(language) + cellNote + basisNote)))])))
        if let cell = finding.cell, !finding.file.isEmpty {
            // A ledger's cell has no line in a text file: the file, and the cell as a logical location.
            let logical: JSON = .object([
                ("name", .string(cell.reference)), ("fullyQualifiedName", .string(cell.description)), ("kind", .string("element")),
            ])
            pairs.append(("locations", .array([.object([
                ("physicalLocation", physicalLocation(file: finding.file, position: nil, repository: repository)), ("logicalLocations", .array([logical])),
            ])])))
        } else if !finding.file.isEmpty {
            pairs.append(("locations", .array([.object([("physicalLocation", physicalLocation(file: finding.file, position: finding.position, repository: repository))])])))
        } else if let runLocation {
            pairs.append(("locations", .array([.object([("physicalLocation", physicalLocation(file: runLocation, position: nil, repository: repository))])])))
        }
        if let waiver = finding.waiver {
            // A waived finding is a suppressed result: an accepted, external suppression (the
            // configuration file), with the waiver's reason as its justification.
            var suppression: [(String, JSON)] = [
                ("kind", .string("external")),
                ("status", .string("accepted")),
                // (Hidden characters as `�`, as in the messages: an override in a waiver's reason
                // reordered what a code-scanning page showed of the suppression.)
                ("justification", .string(Escaping.showingHidden(waiver.reason))),
            ]
            if !waiver.file.isEmpty {
                suppression.append(("location", .object([("physicalLocation", physicalLocation(file: waiver.file, position: waiver.position, repository: repository))])))
            }
            suppression.append(("properties", .object([
                ("approvedBy", .string(Escaping.showingHidden(waiver.approvedBy))),
                ("expires", .string(waiver.expires.description)),
            ])))
            pairs.append(("suppressions", .array([.object(suppression)])))
        }
        var properties: [(String, JSON)] = []
        if let record = finding.record { properties.append(("record", .string(record))) }
        properties.append(("pack", .string(finding.pack)))
        properties.append(("title", .string(finding.title.text(language))))
        properties.append(("basis", .string(finding.basis.text(language))))
        if let help = finding.help { properties.append(("help", .string(help.text(language)))) }
        // Work still ahead, said of the result itself as the other formats say it (待办): `kind:
        // open` alone is read by few viewers.
        if finding.pending { properties.append(("pending", .bool(true))) }
        if !finding.evidence.isEmpty {
            properties.append(("evidence", .object(finding.evidence.map { ($0.key, .string($0.value.text(language))) })))
        }
        pairs.append(("properties", .object(properties)))
        return .object(pairs)
    }
}
