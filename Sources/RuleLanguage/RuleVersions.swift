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
/// rule's, and its `parameters` must be parameters the rule declares, of the same kind.
enum RuleVersions {
    static func read(_ node: YAMLNode?, basis ruleBasis: Basis, parameters: [Parameter], compiler: inout ExpressionCompiler) -> [RuleVersion] {
        guard let node else { return [] }
        guard let items = node.sequence, !items.isEmpty else {
            compiler.error(node, "'versions' is a list of {from: DATE, until: DATE, basis: ..., parameters: ...}, in order of their days")
            return []
        }
        var versions: [RuleVersion] = []
        for item in items {
            guard item.mapping != nil else {
                compiler.error(item, "a version is a mapping with 'from' and optionally 'until', 'basis' and 'parameters'")
                continue
            }
            let keys = ["from", "until", "basis", "parameters"]
            for pair in item.mapping ?? [] where !keys.contains(pair.key.scalar?.text ?? "") {
                let key = pair.key.scalar?.text ?? ""
                compiler.error(pair.key, "unknown key '\(key)' in a version\(Suggestion.phrase(for: key, in: keys))")
            }
            guard let fromNode = item["from"], let from = RecordLoader.date(fromNode) else {
                if let written = item["from"] {
                    compiler.error(written, "'from' is the day the version came into force, written YYYY-MM-DD; '\(written.scalar?.text ?? written.kindDescription)' is no such day")
                } else {
                    compiler.error(item, "a version needs 'from': the day it came into force (YYYY-MM-DD)")
                }
                continue
            }
            var until: Day?
            if let untilNode = item["until"] {
                until = RecordLoader.date(untilNode)
                if until == nil { compiler.error(untilNode, "'until' is the last day the version is in force (YYYY-MM-DD)") }
                if let until, until < from { compiler.error(untilNode, "'until' \(until) is before 'from' \(from)") }
            }
            let basis = item["basis"].map { RuleCompiler.basis($0, in: item, compiler: &compiler) } ?? ruleBasis
            let values = Self.parameters(item["parameters"], declared: parameters, compiler: &compiler)
            if let previous = versions.last {
                if previous.from >= from {
                    compiler.error(fromNode, "versions must be in order of their days: \(from) does not come after \(previous.from)")
                } else if let end = previous.until, end >= from {
                    compiler.error(fromNode, "this version (from \(from)) overlaps the one before it (until \(end))")
                }
            }
            versions.append(RuleVersion(from: from, until: until, basis: basis ?? ruleBasis, parameters: values, position: item.position))
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
            compiler.error(node, "a version's 'parameters' is a mapping of the rule's parameters to their values under this version")
            return [:]
        }
        var result: [String: ParameterValue] = [:]
        for pair in pairs {
            let name = pair.key.scalar?.text ?? ""
            guard let parameter = declared.first(where: { $0.name == name }) else {
                compiler.error(pair.key, "the rule has no parameter '\(name)'\(Suggestion.phrase(for: name, in: declared.map(\.name))); declare it under 'parameters'")
                continue
            }
            let value: ParameterValue = pair.value.sequence.map { .list($0.map(Literal.init)) } ?? .single(Literal(pair.value))
            switch (value, parameter.defaultList) {
            case (.list, nil), (.single, .some):
                compiler.error(pair.value, "parameter '\(name)' takes \(parameter.defaultList == nil ? "one value" : "a list"), like its default")
            case (.single(let literal), nil) where !literal.isSameKind(as: parameter.defaultValue):
                compiler.error(pair.value, "parameter '\(name)' takes \(parameter.defaultValue.kindName), like its default")
            case (.single(.text(let unit)), nil) where compiler.periodUnitParameters.contains(name) && !ExpressionCompiler.periodUnits.contains(unit):
                compiler.error(pair.value, "parameter '\(name)' is the unit of add_period: working_days, calendar_days or days\(Suggestion.phrase(for: unit, in: ExpressionCompiler.periodUnits))")
            case (.list(let items), .some(let defaults)) where items.contains(where: { item in defaults.first.map { !item.isSameKind(as: $0) } ?? false }):
                compiler.error(pair.value, "parameter '\(name)' takes a list of the kind of its default's items")
            case (.single(let literal), nil) where RuleCompiler.dayCountProblem(name, literal, compiler: compiler) != nil:
                compiler.error(pair.value, "parameter '\(name)' \(RuleCompiler.dayCountProblem(name, literal, compiler: compiler) ?? ""), and this version gives \(literal.written)")
            case _ where parameter.forbidden(in: value) != nil:
                compiler.error(pair.value, "parameter '\(name)' \(parameter.forbidden(in: value).map(parameter.refusal) ?? "") (the rule's 'never', 'never_below' or 'never_above': the law rules it out)")
            default:
                if let section = parameter.codeSection {
                    switch value {
                    case .single(let literal): compiler.noteCodes(of: section, in: [literal], at: pair.value.position, context: "a version's value of parameter '\(name)'")
                    case .list(let items): compiler.noteCodes(of: section, in: items, at: pair.value.position, context: "a version's value of parameter '\(name)'")
                    }
                }
                result[name] = value
            }
        }
        return result
    }
}
