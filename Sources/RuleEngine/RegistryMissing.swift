import DecisionRecords
public import RuleLanguage
public import YAMLTree

extension Engine {
    /// The rules of the engine outside the record pack that need a registry of people and apply to
    /// records of `kind` (in id order): without a registry they are not evaluated (the record pack
    /// says so once for the run).
    public func rulesNeedingRegistry(forKind kind: String?) -> [Rule] {
        rules.filter { rule in
            rule.needsRegistry && !rule.isRecordPack && (rule.kinds.map { kinds in kind.map(kinds.contains) ?? false } ?? true)
        }
    }
}

extension Engine {
    /// The rules that could not run on a record of this kind without a registry: those of its
    /// kind's packs, and for a record naming people the record pack's prerequisites too (a
    /// reviewer signing as the legal adviser is known to be one only from the registry).
    public func rulesNotRunWithoutRegistry(forKind kind: String?, namesPeople: Bool) -> [Rule] {
        (namesPeople ? recordPackPrerequisitesNeedingRegistry : []) + rulesNeedingRegistry(forKind: kind)
    }

    /// The record pack's prerequisites of discussion that read the registry (whether the people a
    /// record names are registered, whether a legal adviser who signed is one), in id order.
    public var recordPackPrerequisitesNeedingRegistry: [Rule] {
        rules.filter { $0.needsRegistry && $0.isRecordPack && $0.prerequisite }
    }
}

extension Finding {
    /// The meeting gate's finding on an item whose prerequisite rules could not be evaluated for
    /// want of a registry of people (the record pack says so once for the run): the gate cannot say the
    /// item may go to the meeting. Without it, an officer without a valid enforcement certificate
    /// was READY whenever the registry was not found.
    public static func registryMissing(for rules: [Rule], record: String?, file: String, position: SourcePosition?) -> Finding {
        let zhRules = rules.map { "\($0.id)（\($0.title.zh)）" }.joined(separator: "、")
        let enRules = rules.map { "\($0.id) (\($0.title.en))" }.joined(separator: ", ")
        return ToolFinding.registryMissing.finding(
            record: record, file: file, position: position,
            message: LocalizedText(
                zh: "会前须核查的 \(zhRules)依赖人员名册，未能核查，不能确认可以上会",
                en: "\(enRules), to be checked before the meeting, need the registry of people and could not be checked; the item cannot be called ready"),
            basis: Basis(instrument: "决策记录格式规范", article: "人员名册", english: "Decision record format, registry of people"))
    }
}
