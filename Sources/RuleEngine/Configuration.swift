public import DecisionRecords
public import RuleLanguage
public import YAMLTree

/// A town's adaptation of legality, from `.legality.yaml`.
public struct Configuration: Sendable {
    /// The configuration file, if one was read.
    public var file: String?
    /// Extra rule files or folders (paths resolved against the file's folder).
    public var rules: [String] = []
    /// Rules switched off.
    public var disabled: [String] = []
    /// Severity overrides by rule id.
    public var severities: [String: Severity] = [:]
    /// Parameter overrides by rule id and name.
    public var parameters: [String: [String: ParameterValue]] = [:]
    /// The registry file or folder.
    public var registry: String?
    /// Extra calendar files.
    public var calendars: [String] = []
    /// The default language.
    public var language: Language?
    /// The default fail-on level (`never` is nil inside `failOnNever`).
    public var failOn: String?
    /// Waivers.
    public var waivers: [Waiver] = []
    /// Input limits by name (`max_file_bytes`, `max_depth`, `max_alias_expansion`, `max_scalar_bytes`,
    /// `max_documents`, `max_records`).
    public var limits: [String: Int] = [:]
    /// Where each rule id is named, to check it against the loaded rules.
    var ruleMentions: [(id: String, position: SourcePosition)] = []
    var parameterMentions: [(rule: String, name: String, position: SourcePosition, value: ParameterValue)] = []
    /// Where each path the file names is written (resolved path → position), so a missing one can be pointed at.
    public var pathPositions: [String: SourcePosition] = [:]
    /// Problems found while reading the file, reported by `apply(to:)` with those found there.
    var problems: [InputError] = []

    /// An empty configuration: the built-in behaviour.
    public init() {}

    static let keys = ["rules", "disable", "severity", "parameters", "registry", "calendars", "lang", "fail_on", "waivers", "limits"]
    static let limitKeys = ["max_file_bytes", "max_depth", "max_alias_expansion", "max_scalar_bytes", "max_documents", "max_records"]
    static let waiverKeys = ["rule", "record", "reason", "approved_by", "expires"]

    /// Reads a configuration document.
    /// - Parameters:
    ///   - document: the document's root.
    ///   - file: the file's path; relative paths inside it are taken from its folder.
    ///   - folder: the file's folder.
    /// Problems in the values are collected and thrown by `apply(to:)`, together with those only the
    /// loaded rules reveal, so a user sees every mistake at once.
    /// - Throws: `RuleLoadError` when the document is not a mapping.
    public init(_ document: YAMLNode, file: String, folder: String) throws(RuleLoadError) {
        self.file = file
        var problems: [InputError] = []
        func fail(_ node: YAMLNode, _ message: String) {
            problems.append(InputError(file: file, position: node.position, message: message))
        }
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") || folder == "." ? path : folder + "/" + path
        }
        func texts(_ node: YAMLNode, _ key: String) -> [(String, YAMLNode)] {
            guard let items = node.sequence else {
                fail(node, "'\(key)' is a list, found \(node.kindDescription)")
                return []
            }
            return items.compactMap { item in
                guard let text = item.coreValue?.text, item.scalar != nil else {
                    fail(item, "'\(key)' holds texts, found \(item.kindDescription)")
                    return nil
                }
                return (text, item)
            }
        }
        guard let pairs = document.mapping else {
            throw RuleLoadError(diagnostics: [InputError(file: file, position: document.position, message: "a configuration is a mapping of settings such as 'disable' and 'waivers', found \(document.kindDescription)")])
        }
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            let value = pair.value
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
                for (id, node) in texts(value, key) {
                    disabled.append(id)
                    ruleMentions.append((id, node.position))
                }
            case "severity":
                guard let entries = value.mapping else {
                    fail(value, "'severity' maps rule ids to error, warning or info")
                    continue
                }
                for entry in entries {
                    let id = entry.key.scalar?.text ?? ""
                    ruleMentions.append((id, entry.key.position))
                    if let text = entry.value.scalar?.text, let severity = Severity(rawValue: text) {
                        severities[id] = severity
                    } else {
                        fail(entry.value, "the severity of \(id) must be error, warning or info")
                    }
                }
            case "parameters":
                guard let entries = value.mapping else {
                    fail(value, "'parameters' maps rule ids to {name: value}")
                    continue
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
                        if let items = parameter.value.sequence {
                            value = .list(items.map(Literal.init))
                        } else if parameter.value.scalar != nil {
                            value = .single(Literal(parameter.value))
                        } else {
                            fail(parameter.value, "a parameter's value is a number, a text or a list")
                            continue
                        }
                        parameters[id, default: [:]][name] = value
                        parameterMentions.append((id, name, parameter.value.position, value))
                    }
                }
            case "lang":
                if let text = value.scalar?.text, let parsed = Language(rawValue: text) { language = parsed } else {
                    let written = value.scalar?.text ?? ""
                    fail(value, "'lang' is zh or en\(Suggestion.phrase(for: written, in: ["zh", "en"]))")
                }
            case "fail_on":
                let levels = ["error", "warning", "info", "never"]
                if let text = value.scalar?.text, levels.contains(text) { failOn = text } else {
                    fail(value, "'fail_on' is error, warning, info or never\(Suggestion.phrase(for: value.scalar?.text ?? "", in: levels))")
                }
            case "limits":
                guard let entries = value.mapping else {
                    fail(value, "'limits' maps limit names to whole numbers, such as {max_depth: 64}")
                    continue
                }
                for entry in entries {
                    let name = entry.key.scalar?.text ?? ""
                    guard Self.limitKeys.contains(name) else {
                        fail(entry.key, "unknown limit '\(name)'\(Suggestion.phrase(for: name, in: Self.limitKeys)); expected one of \(Self.limitKeys.joined(separator: ", "))")
                        continue
                    }
                    if case .int(let number) = entry.value.coreValue, number > 0 { limits[name] = number } else {
                        fail(entry.value, "the limit \(name) is a whole number above 0")
                    }
                }
            case "waivers":
                guard let items = value.sequence else {
                    fail(value, "'waivers' is a list of {rule, record, reason, approved_by, expires}")
                    continue
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
                    for field in Self.waiverKeys {
                        if let text = item[field]?.coreValue?.text, !text.isEmpty { values[field] = text } else {
                            fail(item[field] ?? item, "a waiver needs '\(field)': \(field == "reason" ? "why the rule is waived" : field == "approved_by" ? "the approving document or person" : field == "expires" ? "the last day it holds" : "the \(field) it names")")
                        }
                    }
                    guard let rule = values["rule"], let record = values["record"], let reason = values["reason"],
                          let approvedBy = values["approved_by"], let expiresText = values["expires"] else { continue }
                    guard let expires = Day(parsing: expiresText) else {
                        fail(item["expires"] ?? item, "'expires' must be a date (YYYY-MM-DD)")
                        continue
                    }
                    ruleMentions.append((rule, (item["rule"] ?? item).position))
                    waivers.append(Waiver(rule: rule, record: record, reason: reason, approvedBy: approvedBy, expires: expires, file: file, position: item.position))
                }
            default:
                fail(pair.key, "unknown key '\(key)' in the configuration\(Suggestion.phrase(for: key, in: Self.keys)); expected one of \(Self.keys.joined(separator: ", "))")
            }
        }
        self.problems = problems
    }

    /// Checks rule ids and parameter names against the loaded rules, and applies `disable` and `severity`.
    /// - Throws: `RuleLoadError` naming each unknown rule or parameter.
    public func apply(to rules: RuleSet) throws(RuleLoadError) -> RuleSet {
        var problems = self.problems
        let ids = Set(rules.rules.map(\.id))
        for mention in ruleMentions where !ids.contains(mention.id) {
            problems.append(InputError(file: file ?? "", position: mention.position, message: "no rule has the id '\(mention.id)'\(Suggestion.phrase(for: mention.id, in: ids))"))
        }
        for mention in parameterMentions {
            guard let rule = rules.rules.first(where: { $0.id == mention.rule }) else { continue }
            let names = rule.parameters.map(\.name)
            guard let parameter = rule.parameters.first(where: { $0.name == mention.name }) else {
                let known = names.isEmpty ? "it has no parameters" : "its parameters are \(names.joined(separator: ", "))"
                problems.append(InputError(file: file ?? "", position: mention.position, message: "\(mention.rule) has no parameter '\(mention.name)'\(Suggestion.phrase(for: mention.name, in: names)); \(known)"))
                continue
            }
            if let expected = Self.shapeMismatch(mention.value, parameter) {
                problems.append(InputError(file: file ?? "", position: mention.position, message: "\(mention.rule)'s parameter '\(mention.name)' takes \(expected), like its default"))
            }
        }
        if !problems.isEmpty { throw RuleLoadError(diagnostics: problems.sorted()) }
        var result = rules
        result.rules = []
        for rule in rules.rules where !disabled.contains(rule.id) {
            var changed = rule
            if let severity = severities[rule.id] { changed.severity = severity }
            result.rules.append(changed)
        }
        return result
    }

    /// What a parameter's value should have been, when it is not of the default's kind: a list
    /// for a list, a number for a number, a text for a text.
    static func shapeMismatch(_ value: ParameterValue, _ parameter: Parameter) -> String? {
        func kind(_ literal: Literal) -> String {
            switch literal {
            case .number: "a number"
            case .text: "a text"
            case .bool: "true or false"
            case .null: "a value"
            }
        }
        switch (value, parameter.defaultList) {
        case (.single, .some): return "a list"
        case (.list, .none): return kind(parameter.defaultValue)
        case (.list(let items), .some(let defaults)):
            guard let expected = defaults.first.map(kind), items.contains(where: { kind($0) != expected }) else { return nil }
            return "a list of \(expected == "a number" ? "numbers" : expected == "a text" ? "texts" : "values")"
        case (.single(let literal), .none):
            let expected = kind(parameter.defaultValue)
            return kind(literal) == expected || parameter.defaultValue == .null ? nil : expected
        }
    }
}
