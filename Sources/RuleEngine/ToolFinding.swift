public import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// The findings legality makes itself rather than a rule: a rule that could not finish on a
/// record, the gate's items held back for want of a registry, the configuration's waivers. Each
/// has an id a report names like a rule's, so `rules show` explains it (a first reader met
/// `registry-missing` in the gate and found it in no list).
public struct ToolFinding: Sendable {
    /// The id reports name it by.
    public let id: String
    /// How serious it is, as a rule's severity.
    public let severity: Severity
    /// The pack reports give it: `engine` for what the engine could not do, `config` for the
    /// configuration's waivers.
    public let pack: String
    /// Its title, as a rule's.
    public let title: LocalizedText
    /// What it means, in a sentence or two.
    public let description: LocalizedText
    /// How to put it right.
    public let help: LocalizedText

    /// A rule ran out of evaluation steps on a record.
    public static let ruleBudget = ToolFinding(
        id: "rule-budget", severity: .error, pack: Finding.enginePack,
        title: LocalizedText(zh: "规则超出计算预算", en: "Rule exceeded its evaluation budget"),
        description: LocalizedText(
            zh: "一条规则在这条记录上的计算超过了预算步数而被停止，它的结论未知，记录因此不算通过。",
            en: "A rule took more evaluation steps on the record than its budget and was stopped; its result is unknown, so the record does not pass."),
        help: LocalizedText(
            zh: "简化该规则中嵌套的 items 或 steps 选择（rules lint 会提示），或用 --max-rule-steps 提高预算。",
            en: "Simplify the rule's nested items or step selections (rules lint points at them), or raise the budget with --max-rule-steps."))

    /// A rule met a value it cannot use (values of mixed types compared, a number with a unit).
    public static let ruleError = ToolFinding(
        id: "rule-error", severity: .error, pack: Finding.enginePack,
        title: LocalizedText(zh: "规则无法判断这条记录", en: "Rule cannot judge this record"),
        description: LocalizedText(
            zh: "一条规则遇到了它无法使用的值（例如带单位的数字、写成文字的条件），它的结论未知，记录因此不算通过。",
            en: "A rule met a value it cannot use (a number with a unit, a condition written as words, say); its result is unknown, so the record does not pass."),
        help: LocalizedText(
            zh: "把记录中的值改成规则需要的类型（如数字不带单位、条件写 true 或 false），或修改规则。",
            en: "Write the record's value as the rule expects (a number without a unit, a condition true or false, say), or correct the rule."))

    /// The gate could not check an item's prerequisites that need the registry of people.
    public static let registryMissing = ToolFinding(
        id: "registry-missing", severity: .error, pack: Finding.enginePack,
        title: LocalizedText(zh: "未找到人员名册，无法核查", en: "No registry, so not checked"),
        description: LocalizedText(
            zh: "会前审查中，议题的前置条件里有依赖人员名册的规则（如执法证件、法律顾问身份），没有名册就无法核查，不能确认可以上会。",
            en: "In the meeting gate, some of an item's prerequisites need the registry of people (enforcement certificates, who is a legal adviser); without one they cannot be checked, so the item cannot be called ready."),
        help: LocalizedText(
            zh: "用 --registry 指定人员名册，或在记录旁放置 registry.yaml，然后重新检查。",
            en: "Name the registry with --registry, or put registry.yaml beside the records, and check again."))

    /// A waiver of the configuration has expired: the finding it waived counts again.
    public static let waiverExpired = ToolFinding(
        id: "waiver-expired", severity: .warning, pack: Self.configurationPack,
        title: LocalizedText(zh: "豁免已过期", en: "Waiver expired"),
        description: LocalizedText(
            zh: "配置文件中的一项豁免已过有效期，不再豁免任何问题；它原先豁免的问题重新计入。",
            en: "A waiver of the configuration is past its expiry and waives nothing; the finding it waived counts again."),
        help: LocalizedText(zh: "经批准后续期该豁免，或删除它并纠正问题。", en: "Renew the waiver with a new approval, or remove it and put the finding right."))

    /// A waiver of the configuration runs more than three years past the as-of date.
    public static let waiverTooLong = ToolFinding(
        id: "waiver-too-long", severity: .warning, pack: Self.configurationPack,
        title: LocalizedText(zh: "豁免期限过长", en: "Waiver runs too long"),
        description: LocalizedText(
            zh: "一项豁免的到期日在检查日 3 年以后；豁免应定期复核。",
            en: "A waiver expires more than 3 years after the as-of date; waivers should be reviewed regularly."),
        help: LocalizedText(zh: "把到期日改为 3 年以内，到期前复核后再续期。", en: "Set an expiry within 3 years and renew it after a review."))

    /// A waiver of the configuration matched no finding (or another waiver holds its finding).
    public static let waiverUnused = ToolFinding(
        id: "waiver-unused", severity: .info, pack: Self.configurationPack,
        title: LocalizedText(zh: "豁免未被使用", en: "Unused waiver"),
        description: LocalizedText(
            zh: "一项豁免没有对应的问题（记录已纠正，或记录编号、文件、规则编号写错），或已由另一项豁免取代。",
            en: "A waiver matched no finding (the record was put right, or its record, file or rule id is wrong), or another waiver holds its finding."),
        help: LocalizedText(zh: "核对记录编号、文件和规则编号；确已不需要的，删除该豁免。", en: "Check the record, file and rule ids; remove the waiver if it is no longer needed."))

    /// The pack of the findings about the configuration's waivers.
    public static let configurationPack = "config"

    /// The key of the evidence that names the rule a `rule-budget` or `rule-error` finding stands
    /// for (the finding's own `rule` is the tool's id).
    public static let ruleEvidenceKey = "rule"

    /// The evidence naming the rule a finding stands for.
    public static func ruleEvidence(_ rule: String) -> Evidence {
        Evidence(key: ruleEvidenceKey, label: LocalizedText(zh: "规则", en: "rule"), value: LocalizedText(zh: rule, en: rule))
    }

    /// A finding of this kind, with its id, pack, severity, title and help.
    public func finding(
        record: String?, file: String, position: SourcePosition?, message: LocalizedText, basis: Basis, evidence: [Evidence] = []
    ) -> Finding {
        Finding(
            rule: id, pack: pack, severity: severity, record: record, file: file, position: position,
            title: title, message: message, basis: basis, help: help, evidence: evidence)
    }

    /// Every one, in the order `rules list` names them.
    public static let all: [ToolFinding] = [ruleBudget, ruleError, registryMissing, waiverExpired, waiverTooLong, waiverUnused]

    /// The one with an id, without regard to case.
    public static func named(_ id: String) -> ToolFinding? {
        all.first { $0.id == id.lowercased() }
    }
}
