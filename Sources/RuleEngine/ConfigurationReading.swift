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
                fail(value, "'registry' is a path")
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
                fail(value, "'lang' is zh or en\(Suggestion.phrase(for: value.scalar?.text ?? "", in: ["zh", "en"]))")
            }
        case "fail_on":
            let levels = ["error", "warning", "info", "never"]
            if let text = value.scalar?.text, levels.contains(text) { failOn = text } else {
                fail(value, "'fail_on' is error, warning, info or never\(Suggestion.phrase(for: value.scalar?.text ?? "", in: levels))")
            }
        case "limits": readLimits(value)
        case "waivers": readWaivers(value, folder: folder)
        default:
            fail(pair.key, "unknown key '\(key)' in the configuration\(Suggestion.phrase(for: key, in: Self.keys)); expected one of \(Self.keys.joined(separator: ", "))")
        }
    }

    private mutating func fail(_ node: YAMLNode, _ message: String) {
        problems.append(InputError(file: file ?? "", position: node.position, message: message))
    }

    /// The texts of a list, with their nodes.
    private mutating func texts(_ node: YAMLNode, _ key: String) -> [(String, YAMLNode)] {
        guard let items = node.sequence else {
            fail(node, "'\(key)' is a list, found \(node.kindDescription)")
            return []
        }
        var result: [(String, YAMLNode)] = []
        for item in items {
            if let text = item.coreValue?.text, item.scalar != nil { result.append((text, item)) } else {
                fail(item, "'\(key)' holds texts, found \(item.kindDescription)")
            }
        }
        return result
    }

    /// `severity: {RULE: error|warning|info}`.
    private mutating func readSeverities(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            fail(value, "'severity' maps rule ids to error, warning or info")
            return
        }
        for entry in entries {
            let id = entry.key.scalar?.text ?? ""
            ruleMentions.append((id, entry.key.position))
            if let text = entry.value.scalar?.text, let severity = Severity(rawValue: text) {
                severities[id] = severity
                severityMentions.append((id, entry.value.position))
            } else {
                fail(entry.value, "the severity of \(id) must be error, warning or info")
            }
        }
    }

    /// `parameters: {RULE: {name: value}}`.
    private mutating func readParameters(_ value: YAMLNode) {
        guard let entries = value.mapping else {
            fail(value, "'parameters' maps rule ids to {name: value}")
            return
        }
        for entry in entries {
            let id = entry.key.scalar?.text ?? ""
            ruleMentions.append((id, entry.key.position))
            guard let values = entry.value.mapping else {
                fail(entry.value, "the parameters of \(id) are a mapping {name: value}")
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
                    fail(parameter.value, "a parameter's value is a number, a text or a list")
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
            fail(value, "'limits' maps limit names to whole numbers, such as {max_depth: 64}")
            return
        }
        for entry in entries {
            let name = entry.key.scalar?.text ?? ""
            guard Self.limitKeys.contains(name) else {
                fail(entry.key, "unknown limit '\(name)'\(Suggestion.phrase(for: name, in: Self.limitKeys)); expected one of \(Self.limitKeys.joined(separator: ", "))")
                continue
            }
            guard case .int(let number) = entry.value.coreValue, number > 0 else {
                fail(entry.value, "the limit \(name) is a whole number above 0")
                continue
            }
            if let ceiling = Self.limitCeilings[name], number > ceiling {
                let option = "--" + String(name.map { $0 == "_" ? "-" : $0 })
                fail(entry.value, "the limit \(name) is at most \(ceiling) in a configuration (give \(option) on the command line to go further)")
                continue
            }
            limits[name] = number
        }
    }

    /// `waivers: [{rule, record, reason, approved_by, expires, file}]` (`file` optional).
    private mutating func readWaivers(_ value: YAMLNode, folder: String) {
        guard let items = value.sequence else {
            fail(value, "'waivers' is a list of {rule, record, reason, approved_by, expires}")
            return
        }
        for item in items {
            guard item.mapping != nil else {
                fail(item, "a waiver is a mapping with rule, record, reason, approved_by and expires")
                continue
            }
            for field in item.mapping ?? [] where !Self.waiverKeys.contains(field.key.scalar?.text ?? "") {
                let name = field.key.scalar?.text ?? ""
                fail(field.key, "unknown key '\(name)' in a waiver\(Suggestion.phrase(for: name, in: Self.waiverKeys))")
            }
            var values: [String: String] = [:]
            for field in Self.waiverKeys where field != "file" {
                // Spaces alone (full-width ones too) say nothing: a reason or an approver of " " was taken.
                if let text = item[field]?.coreValue?.text, !Vocabulary.trimmed(text).isEmpty { values[field] = text } else {
                    fail(item[field] ?? item, "a waiver needs '\(field)': \(field == "reason" ? "why the rule is waived" : field == "approved_by" ? "the approving document or person" : field == "expires" ? "the last day it holds" : "the \(field) it names")")
                }
            }
            guard let rule = values["rule"], let record = values["record"], let reason = values["reason"],
                  let approvedBy = values["approved_by"], let expiresText = values["expires"] else { continue }
            guard let expires = Day(parsing: expiresText) else {
                fail(item["expires"] ?? item, "'expires' must be a date (YYYY-MM-DD)")
                continue
            }
            var recordFile: String?
            if let fileNode = item["file"] {
                // (A text: `file: ~` was the file named "~", which no finding is in, and the waiver
                // was only said to be unused.)
                if case .string(let written)? = fileNode.coreValue, case let text = Vocabulary.trimmed(written), !text.isEmpty {
                    recordFile = text.hasPrefix("/") || folder == "." ? text : folder + "/" + text
                } else {
                    fail(fileNode, "'file' is a text, the path of the record's file from the configuration's folder")
                }
            }
            ruleMentions.append((rule, (item["rule"] ?? item).position))
            waiverMentions.append((rule, (item["rule"] ?? item).position))
            var waiver = Waiver(rule: rule, record: record, reason: reason, approvedBy: approvedBy, expires: expires, file: file ?? "", position: item.position)
            waiver.recordFile = recordFile
            waivers.append(waiver)
        }
    }
}
