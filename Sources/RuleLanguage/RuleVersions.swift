import DecisionRecords
import YAMLTree

/// Reads a rule's `versions`: the law's texts over time, each with the day it came into force.
///
/// ```yaml
/// versions:
///   - from: 2018-01-01
///     until: 2021-07-14
///     basis: {instrument: 《中华人民共和国行政处罚法》（2017年修正）, article: 第四十条}
///     parameters: {unit: calendar_days}
///   - from: 2021-07-15          # the rule's own basis and parameters
/// ```
/// Versions must be in order of `from` and must not overlap; a version without `basis` cites the
/// rule's, one without `help` gives the rule's, and its `parameters` must be parameters the rule
/// declares, of the same kind.
enum RuleVersions {
    static func read(_ node: YAMLNode?, basis ruleBasis: Basis, parameters: [Parameter], compiler: inout ExpressionCompiler) -> [RuleVersion] {
        guard let node else { return [] }
        guard let items = node.sequence, !items.isEmpty else {
            compiler.error(
                node, "'versions' is a list of {from: DATE, until: DATE, basis: ..., parameters: ...}, in order of their days",
                zh: "versions 应为 {from: DATE, until: DATE, basis: ..., parameters: ...} 的列表，按日期先后排列")
            return []
        }
        var versions: [RuleVersion] = []
        for item in items {
            guard item.mapping != nil else {
                compiler.error(
                    item, "a version is a mapping with 'from' and optionally 'until', 'basis', 'help' and 'parameters'",
                    zh: "版本应为包含 from 的映射，可另有 until、basis、help 和 parameters")
                continue
            }
            let keys = ["from", "until", "basis", "help", "parameters"]
            for pair in item.mapping ?? [] where !keys.contains(pair.key.scalar?.text ?? "") {
                let key = pair.key.scalar?.text ?? ""
                compiler.error(
                    pair.key, "unknown key '\(key)' in a version\(Suggestion.phrase(for: key, in: keys))",
                    zh: "版本中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: keys))")
            }
            guard let fromNode = item["from"], let from = RecordLoader.date(fromNode) else {
                if let written = item["from"] {
                    compiler.error(
                        written, "'from' is the day the version came into force, written YYYY-MM-DD; '\(written.scalar?.text ?? written.kindDescription)' is no such day",
                        zh: "from 是该版本开始施行的日期，格式为 YYYY-MM-DD；“\(written.scalar?.text ?? written.chineseKindDescription)”不是这样的日期")
                } else {
                    compiler.error(item, "a version needs 'from': the day it came into force (YYYY-MM-DD)", zh: "版本须有 from：该版本开始施行的日期（YYYY-MM-DD）")
                }
                continue
            }
            var until: Day?
            if let untilNode = item["until"] {
                until = RecordLoader.date(untilNode)
                if until == nil {
                    compiler.error(untilNode, "'until' is the last day the version is in force (YYYY-MM-DD)", zh: "until 是该版本施行的最后一天（YYYY-MM-DD）")
                }
                if let until, until < from { compiler.error(untilNode, "'until' \(until) is before 'from' \(from)", zh: "until \(until) 早于 from \(from)") }
            }
            let basis = item["basis"].map { RuleCompiler.basis($0, in: item, compiler: &compiler) } ?? ruleBasis
            // A version's own fix where it differs from the rule's (a notice counted in calendar
            // days under the old text told the clerk to give seven working days).
            let help = RuleCompiler.localized(item["help"], key: "help", in: item, required: false, compiler: &compiler)
            let values = Self.parameters(item["parameters"], declared: parameters, compiler: &compiler)
            if let previous = versions.last {
                if previous.from >= from {
                    compiler.error(
                        fromNode, "versions must be in order of their days: \(from) does not come after \(previous.from)",
                        zh: "各版本必须按日期先后排列：\(from) 不晚于前一版本的 \(previous.from)")
                } else if let end = previous.until, end >= from {
                    compiler.error(
                        fromNode, "this version (from \(from)) overlaps the one before it (until \(end))",
                        zh: "该版本（from \(from)）与前一版本（until \(end)）重叠")
                }
            }
            versions.append(RuleVersion(from: from, until: until, basis: basis ?? ruleBasis, help: help, parameters: values, position: item.position))
        }
        // A version without `until` lasts until the day before the next one starts.
        for index in versions.indices.dropLast() where versions[index].until == nil {
            versions[index].until = versions[index + 1].from.adding(days: -1)
        }
        return versions
    }

    private static func parameters(_ node: YAMLNode?, declared: [Parameter], compiler: inout ExpressionCompiler) -> [String: ParameterValue] {
        guard let node else { return [:] }
        guard let pairs = node.mapping else {
            compiler.error(
                node, "a version's 'parameters' is a mapping of the rule's parameters to their values under this version",
                zh: "版本的 parameters 应为规则参数到其在该版本下取值的映射")
            return [:]
        }
        var result: [String: ParameterValue] = [:]
        for pair in pairs {
            let name = pair.key.scalar?.text ?? ""
            guard let parameter = declared.first(where: { $0.name == name }) else {
                compiler.error(
                    pair.key, "the rule has no parameter '\(name)'\(Suggestion.phrase(for: name, in: declared.map(\.name))); declare it under 'parameters'",
                    zh: "规则没有参数 \(name)\(Suggestion.chinesePhrase(for: name, in: declared.map(\.name)))（请在规则的 parameters 下声明）")
                continue
            }
            let value: ParameterValue = pair.value.sequence.map { .list($0.map(Literal.init)) } ?? .single(Literal(pair.value))
            switch (value, parameter.defaultList) {
            case (.list, nil), (.single, .some):
                compiler.error(
                    pair.value, "parameter '\(name)' takes \(parameter.defaultList == nil ? "one value" : "a list"), like its default",
                    zh: "参数 \(name) 应为\(parameter.defaultList == nil ? "单个值" : "列表")，与其默认值一致")
            case (.single(let literal), nil) where !literal.isSameKind(as: parameter.defaultValue):
                compiler.error(
                    pair.value, "parameter '\(name)' takes \(parameter.defaultValue.kindName), like its default",
                    zh: "参数 \(name) 应为\(parameter.defaultValue.chineseKindName)，与其默认值一致")
            case (.single(.text(let unit)), nil) where compiler.periodUnitParameters.contains(name) && !ExpressionCompiler.periodUnits.contains(unit):
                compiler.error(
                    pair.value, "parameter '\(name)' is the unit of add_period: working_days, calendar_days or days\(Suggestion.phrase(for: unit, in: ExpressionCompiler.periodUnits))",
                    zh: "参数 \(name) 是 add_period 的单位，应为 working_days、calendar_days 或 days\(Suggestion.chinesePhrase(for: unit, in: ExpressionCompiler.periodUnits))")
            case (.list(let items), .some(let defaults)) where items.contains(where: { item in defaults.first.map { !item.isSameKind(as: $0) } ?? false }):
                compiler.error(pair.value, "parameter '\(name)' takes a list of the kind of its default's items", zh: "参数 \(name) 应为列表，其各项与默认值的各项同类")
            case (.single(let literal), nil) where RuleCompiler.dayCountProblem(name, literal, compiler: compiler) != nil:
                let problem = RuleCompiler.dayCountProblem(name, literal, compiler: compiler)
                compiler.error(
                    pair.value, "parameter '\(name)' \(problem?.en ?? ""), and this version gives \(literal.written)",
                    zh: "参数 \(name) \(problem?.zh ?? "")，而该版本给出的值为 \(literal.written)")
            case _ where parameter.forbidden(in: value) != nil:
                compiler.error(
                    pair.value, "parameter '\(name)' \(parameter.forbidden(in: value).map(parameter.refusal) ?? "") (the rule's 'never', 'never_below' or 'never_above': the law rules it out)",
                    zh: "参数 \(name) \(parameter.forbidden(in: value).map(parameter.chineseRefusal) ?? "")：规则的 never、never_below 或 never_above 表明法律不允许此值")
            default:
                if let section = parameter.codeSection {
                    let values: [Literal] = switch value {
                    case .single(let literal): [literal]
                    case .list(let items): items
                    }
                    compiler.noteCodes(
                        of: section, in: values, at: pair.value.position,
                        context: LocalizedText(zh: "某一版本中参数 \(name) 的值", en: "a version's value of parameter '\(name)'"))
                }
                result[name] = value
            }
        }
        return result
    }
}
