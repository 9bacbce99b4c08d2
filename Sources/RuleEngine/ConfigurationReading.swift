import DecisionRecords
import RuleLanguage
import YAMLTree

/// Reading `.legality.yaml`, key by key; problems are collected in `problems`.
extension Configuration {
    mutating func read(_ pair: YAMLPair, folder: String) {
        let key = pair.key.scalar?.text ?? ""
        let value = pair.value
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || folder == "." ? path : folder + "/" + path
        }
        switch key {
        case "rules", "calendars":
            for (text, node) in texts(value, key) {
                let path = resolve(text)
                pathPositions[path] = node.position
                if key == "rules" { rules.append(path) } else { calendars.append(path) }
            }
        case "registry":
            if let text = value.scalar?.text {
                registry = resolve(text)
                pathPositions[resolve(text)] = value.position
            } else {
                fail(value, "'registry' is a path", zh: "registry 应为人员名册文件或文件夹的路径")
            }
        case "disable":
            var named = Set(disabled)
            for (id, node) in texts(value, key) {
                // (Named twice, it is disabled once, and named once in reports.)
                if named.insert(id).inserted { disabled.append(id) }
                ruleMentions.append((id, node.position))
                disableMentions.append((id, node.position))
            }
        case "severity": readSeverities(value)
        case "parameters": readParameters(value)
        case "lang":
            if let text = value.scalar?.text, let parsed = Language(rawValue: text) { language = parsed } else {
                fail(value, "'lang' is zh or en\(Suggestion.phrase(for: value.scalar?.text ?? "", in: ["zh", "en"]))",
                     zh: "lang 应为 zh 或 en\(Suggestion.chinesePhrase(for: value.scalar?.text ?? "", in: ["zh", "en"]))")
            }
        case "fail_on":
            let levels = ["error", "warning", "info", "never"]
            if let text = value.scalar?.text, levels.contains(text) { failOn = text } else {
                fail(value, "'fail_on' is error, warning, info or never\(Suggestion.phrase(for: value.scalar?.text ?? "", in: levels))",
                     zh: "fail_on 应为 error、warning、info 或 never\(Suggestion.chinesePhrase(for: value.scalar?.text ?? "", in: levels))")
            }
        case "limits": readLimits(value)
        case "waivers": readWaivers(value, folder: folder)
        default:
            fail(pair.key, "unknown key '\(key)' in the configuration\(Suggestion.phrase(for: key, in: Self.keys)); expected one of \(Self.keys.joined(separator: ", "))",
                 zh: "配置文件中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: Self.keys))（可用的键：\(Self.keys.joined(separator: "、"))）")
        }
    }

    private mutating func fail(_ node: YAMLNode, _ message: String, zh: String?) {
        problems.append(InputError(file: file ?? "", position: node.position, message: message, chineseMessage: zh))
    }

    /// The texts of a list, with their nodes.
    private mutating func texts(_ node: YAMLNode, _ key: String) -> [(String, YAMLNode)] {
        guard let items = node.sequence else {
            fail(node, "'\(key)' is a list, found \(node.kindDescription)", zh: "\(key) 应为列表，实际是\(node.chineseKindDescription)")
            return []
        }
        var result: [(String, YAMLNode)] = []
        for item in items {
            if let text = item.coreValue?.text, item.scalar != nil { result.append((text, item)) } else {
                fail(item, "'\(key)' holds texts, found \(item.kindDescription)", zh: "\(key) 的每一项应为文本，此项却是\(item.chineseKindDescription)")
            }
        }
        return result
    }

    /// `severity: {RULE: error|warning|info}`.
    private mutating func readSeverities(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            fail(value, "'severity' maps rule ids to error, warning or info", zh: "severity 应为从规则编号到 error、warning 或 info 的映射")
            return
        }
        for entry in entries {
            let id = entry.key.scalar?.text ?? ""
            ruleMentions.append((id, entry.key.position))
            if let text = entry.value.scalar?.text, let severity = Severity(rawValue: text) {
                severities[id] = severity
                severityMentions.append((id, entry.value.position))
            } else {
                fail(entry.value, "the severity of \(id) must be error, warning or info", zh: "\(id) 的级别必须是 error、warning 或 info")
            }
        }
    }

    /// `parameters: {RULE: {name: value}}`.
    private mutating func readParameters(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            fail(value, "'parameters' maps rule ids to {name: value}", zh: "parameters 应为从规则编号到 {name: value} 的映射")
            return
        }
        for entry in entries {
            let id = entry.key.scalar?.text ?? ""
            ruleMentions.append((id, entry.key.position))
            guard let values = entry.value.mapping else {
                fail(entry.value, "the parameters of \(id) are a mapping {name: value}", zh: "\(id) 的参数应为映射 {name: value}")
                continue
            }
            for parameter in values {
                let name = parameter.key.scalar?.text ?? ""
                let value: ParameterValue
                var itemPositions: [SourcePosition] = []
                if let items = parameter.value.sequence {
                    value = .list(items.map(Literal.init))
                    itemPositions = items.map(\.position)
                } else if parameter.value.scalar != nil {
                    value = .single(Literal(parameter.value))
                } else {
                    fail(parameter.value, "a parameter's value is a number, a text or a list", zh: "参数的值应为数字、文本或列表")
                    continue
                }
                parameters[id, default: [:]][name] = value
                parameterMentions.append((id, name, parameter.value.position, value, itemPositions))
            }
        }
    }

    /// `limits: {max_depth: 64, ...}`.
    private mutating func readLimits(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            fail(value, "'limits' maps limit names to whole numbers, such as {max_depth: 64}", zh: "limits 应为从上限名称到整数的映射，如 {max_depth: 64}")
            return
        }
        for entry in entries {
            let name = entry.key.scalar?.text ?? ""
            guard Self.limitKeys.contains(name) else {
                fail(entry.key, "unknown limit '\(name)'\(Suggestion.phrase(for: name, in: Self.limitKeys)); expected one of \(Self.limitKeys.joined(separator: ", "))",
                     zh: "未知的上限 \(name)\(Suggestion.chinesePhrase(for: name, in: Self.limitKeys))（可用的上限：\(Self.limitKeys.joined(separator: "、"))）")
                continue
            }
            guard case .int(let number) = entry.value.coreValue, number > 0 else {
                fail(entry.value, "the limit \(name) is a whole number above 0", zh: "上限 \(name) 应为大于 0 的整数")
                continue
            }
            if let ceiling = Self.limitCeilings[name], number > ceiling {
                let option = "--" + String(name.map { $0 == "_" ? "-" : $0 })
                fail(entry.value, "the limit \(name) is at most \(ceiling) in a configuration (give \(option) on the command line to go further)",
                     zh: "配置文件中的上限 \(name) 最多为 \(ceiling)（需要更高时，请在命令行中使用 \(option)）")
                continue
            }
            limits[name] = number
        }
    }

    /// `waivers: [{rule, record, reason, approved_by, expires, file, finding}]` (`file` and `finding` optional).
    private mutating func readWaivers(_ value: YAMLNode, folder: String) {
        guard let items = value.sequence else {
            fail(value, "'waivers' is a list of {rule, record, reason, approved_by, expires}", zh: "waivers 应为 {rule, record, reason, approved_by, expires} 的列表")
            return
        }
        for item in items {
            guard item.mapping != nil else {
                fail(item, "a waiver is a mapping with rule, record, reason, approved_by and expires", zh: "每项豁免应为包含 rule、record、reason、approved_by 和 expires 的映射")
                continue
            }
            for field in item.mapping ?? [] where !Self.waiverKeys.contains(field.key.scalar?.text ?? "") {
                let name = field.key.scalar?.text ?? ""
                fail(field.key, "unknown key '\(name)' in a waiver\(Suggestion.phrase(for: name, in: Self.waiverKeys))",
                     zh: "豁免中有未知的键 \(name)\(Suggestion.chinesePhrase(for: name, in: Self.waiverKeys))")
            }
            var values: [String: String] = [:]
            for field in Self.waiverKeys where field != "file" && field != "finding" {
                // Spaces alone (full-width ones too) say nothing: a reason or an approver of " " was taken.
                if let text = item[field]?.coreValue?.text, !Vocabulary.trimmed(text).isEmpty { values[field] = text } else {
                    let needed = switch field {
                    case "reason": "豁免该规则的理由"
                    case "approved_by": "批准豁免的文件或人员"
                    case "expires": "豁免有效的最后一天"
                    case "rule": "所豁免的规则"
                    case "record": "所豁免的记录"
                    default: "所指的 \(field)"
                    }
                    fail(item[field] ?? item, "a waiver needs '\(field)': \(field == "reason" ? "why the rule is waived" : field == "approved_by" ? "the approving document or person" : field == "expires" ? "the last day it holds" : "the \(field) it names")",
                         zh: "豁免须写明 \(field)：\(needed)")
                }
            }
            guard let rule = values["rule"], let record = values["record"], let reason = values["reason"],
                  let approvedBy = values["approved_by"], let expiresText = values["expires"] else { continue }
            guard let expires = Day(parsing: expiresText) else {
                fail(item["expires"] ?? item, "'expires' must be a date (YYYY-MM-DD)", zh: "expires 必须是日期（YYYY-MM-DD）")
                continue
            }
            var recordFile: String?
            if let fileNode = item["file"] {
                // (A text: `file: ~` was the file named "~", which no finding is in, and the waiver
                // was only said to be unused.)
                if case .string(let written)? = fileNode.coreValue, case let text = Vocabulary.trimmed(written), !text.isEmpty {
                    recordFile = text.hasPrefix("/") || folder == "." ? text : folder + "/" + text
                } else {
                    fail(fileNode, "'file' is a text, the path of the record's file from the configuration's folder", zh: "file 应为文本：记录所在文件的路径（相对于配置文件所在的文件夹）")
                }
            }
            // `finding`: a text the finding's message holds (an officer's name or id, a day), so
            // the waiver holds for the deviation approved and no other of its rule on the record.
            var findingText: String?
            if let findingNode = item["finding"] {
                if case .string(let written)? = findingNode.coreValue, case let text = Vocabulary.trimmed(written), !text.isEmpty {
                    findingText = text
                } else {
                    fail(findingNode, "'finding' is a text the waived finding's message holds, such as the officer's name or id", zh: "finding 应为文本：被豁免的问题说明中含有的文字，如执法人员的姓名或编号")
                }
            }
            ruleMentions.append((rule, (item["rule"] ?? item).position))
            waiverMentions.append((rule, (item["rule"] ?? item).position))
            var waiver = Waiver(rule: rule, record: record, reason: reason, approvedBy: approvedBy, expires: expires, file: file ?? "", position: item.position)
            waiver.recordFile = recordFile
            waiver.findingText = findingText
            waivers.append(waiver)
        }
    }
}
