import RuleEngine

/// Renders an audit as JSON: the period, the summary, the records with their findings, and the rates.
public enum AuditJSONReporter {
    /// The whole audit.
    public static func render(_ audit: AuditReport) -> String {
        let language = audit.language
        let report = Report(version: audit.version, asOf: audit.asOf, records: [], rules: [], findings: [], failOn: .error, language: language)
        func rates(_ list: [ComplianceRate]) -> JSON {
            .array(list.map { rate in
                .object([
                    ("key", .string(rate.key)), ("name", .string(rate.label.text(language))),
                    ("applicable", .int(rate.applicable)), ("passed", .int(rate.passed)), ("failed", .int(rate.failed)),
                    ("waived", .int(rate.waived)), ("unverifiable", .int(rate.unverifiable)),
                    ("notInForce", .int(rate.notInForce)), ("pending", .int(rate.pending)),
                    ("rate", rate.rate.map { .string(AuditTable.percent($0)) } ?? .null),
                    ("errors", .int(rate.errors)), ("warnings", .int(rate.warnings)),
                ])
            })
        }
        let overall = audit.overall
        return JSON.object([
            ("tool", .object([("name", .string("legality")), ("version", .string(audit.version))])),
            ("from", .string(audit.from.description)),
            ("to", .string(audit.to.description)),
            ("asOf", .string(audit.asOf.description)),
            ("config", .optional(audit.run.configuration)),
            ("disabled", .array(audit.run.disabledRules.map(JSON.string))),
        ] + JSONReporter.setupChanges(audit.run) + [
            ("notRunWithoutRegistry", .array(audit.run.notRunWithoutRegistry.map(JSON.string))),
            ("uncoveredYears", .array(audit.run.uncoveredYears.map { .int($0) })),
            ("summary", .object([
                ("records", .int(audit.records.count)),
                ("withoutErrors", .int(overall.passed)),
                ("rate", overall.rate.map { .string(AuditTable.percent($0)) } ?? .null),
                ("failedByWaivedErrors", .int(overall.waived)),
                ("errors", .int(overall.errors)),
                ("warnings", .int(overall.warnings)),
                ("infos", .int(overall.infos)),
                ("pending", .int(overall.pendingFindings)),
            ])),
            ("records", .array(audit.records.map { record in
                var fields: [(String, JSON)] = [
                    ("record", .optional(record.id)), ("title", .optional(record.title)), ("kind", .optional(record.kind)),
                    ("department", .optional(record.department)), ("decisionDate", .optional(record.decisionDate?.description)),
                    ("status", .string(AuditReport.status(of: record).rawValue)), ("file", .string(record.file)),
                    ("findings", .array(record.findings.sorted(by: Finding.precedes).map { JSONReporter.finding($0, report) })),
                ]
                // (Only when there is one: the records outside the period with the same id.)
                if !record.sameIdOutsidePeriod.isEmpty { fields.append(("sameIdOutsidePeriod", .array(record.sameIdOutsidePeriod.map { .string($0) }))) }
                return .object(fields)
            })),
            ("runFindings", .array(audit.runFindings.sorted(by: Finding.precedes).map { JSONReporter.finding($0, report) })),
            ("rules", rates(audit.rules)),
            ("packs", rates(audit.packs)),
            ("departments", rates(audit.departments)),
            ("months", rates(audit.months)),
        ]).rendered() + "\n"
    }
}
