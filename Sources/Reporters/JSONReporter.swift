import RuleLanguage
import RuleEngine

/// Renders a report as the JSON of the command-line contract.
public enum JSONReporter {
    /// The whole report.
    public static func render(_ report: Report) -> String {
        JSON.object([
            ("tool", .object([("name", .string("legality")), ("version", .string(report.version))])),
            ("asOf", .string(report.asOf.description)),
            ("summary", summary(report)),
            ("findings", .array(report.findings.map { finding($0, report) })),
        ]).rendered() + "\n"
    }

    static func summary(_ report: Report) -> JSON {
        .object([
            ("records", .int(report.recordCount)),
            ("failed", .int(report.failedRecordCount)),
            ("errors", .int(report.count(.error))),
            ("warnings", .int(report.count(.warning))),
            ("infos", .int(report.count(.info))),
            ("waived", .int(report.waivedCount)),
        ])
    }

    /// One finding as a JSON object.
    static func finding(_ finding: Finding, _ report: Report) -> JSON {
        let language = report.language
        var pairs: [(String, JSON)] = [
            ("rule", .string(finding.rule)),
            ("severity", .string(finding.severity.rawValue)),
            ("record", .optional(finding.record)),
            ("file", .string(finding.file)),
            ("line", finding.position.map { .int($0.line) } ?? .null),
            ("column", finding.position.map { .int($0.column) } ?? .null),
            ("pack", .string(finding.pack)),
            ("title", .string(finding.title.text(language))),
            ("message", .string(finding.message.text(language))),
            ("basis", .string(finding.basis.text(language))),
        ]
        if let help = finding.help { pairs.append(("help", .string(help.text(language)))) }
        if let waiver = finding.waiver {
            pairs.append(("waived", .object([
                ("reason", .string(waiver.reason)),
                ("approvedBy", .string(waiver.approvedBy)),
                ("expires", .string(waiver.expires.description)),
            ])))
        }
        if !finding.evidence.isEmpty {
            pairs.append(("evidence", .object(finding.evidence.map { ($0.key, .string($0.value.text(language))) })))
        }
        return .object(pairs)
    }
}
