import DecisionRecords
public import RuleLanguage

extension Finding {
    /// The most findings of one rule a record's evaluation lists; the rest are counted, and named
    /// by one finding (`unlisted`). A hostile record of 300,000 steps that are no steps made as
    /// many findings and took gigabytes; no genuine record comes near.
    public static let listedPerRule = 1_000

    /// The engine's finding that a rule found `count` more problems in a record than it lists,
    /// at the rule's severity (so the record fails as the findings would have it fail).
    static func unlisted(_ count: Int, of rule: Rule, record: DecisionRecord) -> Finding {
        Finding(
            rule: "finding-limit", pack: enginePack, severity: rule.severity, record: record.id.isEmpty ? nil : record.id,
            file: record.file, position: record.position,
            title: LocalizedText(zh: "问题过多，未逐一列出", en: "Too many findings to list"),
            message: LocalizedText(
                zh: "规则 \(rule.id) 在这条记录上另有 \(count) 处问题未列出（每条记录每条规则最多列出 \(listedPerRule) 处）",
                en: "the rule \(rule.id) found \(count) more problems in this record than are listed (at most \(listedPerRule) a rule and record)"),
            basis: Basis(instrument: "legality", article: "limits", english: "legality limits"),
            help: LocalizedText(
                zh: "先改正已列出的问题，再重新检查；这么多同类问题通常说明记录的写法整体有误。",
                en: "Correct the problems listed and check again; so many of one kind usually mean the record is written wrongly throughout."),
            evidence: [], recordPosition: record.position)
    }
}
