import DecisionRecords

extension Finding {
    /// The most findings of one rule a record's evaluation lists; the rest are counted, and named
    /// by one more finding of the rule (`unlisted(_:after:pending:)`). A hostile record of 300,000
    /// steps that are no steps made as many findings and took gigabytes; no genuine record comes
    /// near. (At 1,000, a file of 600 small records of 1,000 empty steps each, 1.8 MB, wrote 512 MB
    /// of SARIF and its HTML report took 1.5 GB: a reader takes in a hundred of one kind.)
    public static let listedPerRule = 100

    /// The finding that a rule found `count` more problems in a record than it lists: the rule's
    /// own, at the last finding listed (its id, pack, severity, title, basis and place), so the
    /// record fails, is counted, waived or pending as the findings would have it; pending only when
    /// every one of those left unlisted was.
    /// How the English message of the finding of findings not listed ends.
    static let unlistedEnding = " (at most \(listedPerRule) a rule and record)"

    /// Whether this is the finding of findings not listed, which sorts after the findings of its
    /// rule at its place (it was sorted before the last one listed, by its message's digits).
    var countsUnlisted: Bool { message.en.hasSuffix(Self.unlistedEnding) && evidence.isEmpty }

    static func unlisted(_ count: Int, after last: Finding, pending: Bool) -> Finding {
        var finding = last
        finding.message = LocalizedText(
            zh: "另有 \(count) 处同类问题未逐一列出（每条规则在一条记录上最多列出 \(listedPerRule) 处）",
            en: "\(count) more findings of this rule in this record are not listed" + unlistedEnding)
        finding.evidence = []
        finding.pending = pending
        return finding
    }
}
