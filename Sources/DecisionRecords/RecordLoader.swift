public import YAMLTree

/// Turns a YAML document into a decision record, collecting every problem rather than stopping at the first.
public enum RecordLoader {
    /// The date fields of a step that must hold valid dates when present.
    static let stepDateKeys = ["date", "start", "end", "submitted"]

    /// Reads one document as a record.
    /// - Parameters:
    ///   - document: the document's root node.
    ///   - file: the file's name as given or found.
    public static func load(_ document: YAMLNode, file: String) -> LoadedDocument {
        guard document.mapping != nil else {
            let problem = RecordProblem(
                code: .record,
                message: LocalizedText(
                    zh: "文档是\(chineseKind(document))，应为包含 id、kind、title 和 steps 的映射",
                    en: "the document is \(document.kindDescription), expected a mapping with id, kind, title and steps"),
                position: document.position)
            return .invalid(id: nil, problems: [problem])
        }
        var problems: [RecordProblem] = []
        let id = requiredText("id", in: document, problems: &problems)
        let kind = requiredText("kind", in: document, problems: &problems)
        let title = requiredText("title", in: document, problems: &problems)
        var steps: [Step] = []
        if let stepsNode = document["steps"] {
            if let items = stepsNode.sequence {
                steps.reserveCapacity(items.count)
                for (index, item) in items.enumerated() {
                    if let step = loadStep(item, index: index, problems: &problems) { steps.append(step) }
                }
            } else {
                problems.append(RecordProblem(
                    code: .record,
                    message: LocalizedText(zh: "steps 是\(chineseKind(stepsNode))，应为步骤列表", en: "steps is \(stepsNode.kindDescription), expected a list of steps"),
                    position: stepsNode.position))
            }
        } else {
            problems.append(missing("steps", at: document.position))
        }
        guard problems.isEmpty, let id, let kind, let title else {
            return .invalid(id: id, problems: problems)
        }
        return .record(DecisionRecord(id: id, kind: kind, title: title, file: file, node: document, steps: steps))
    }

    private static func requiredText(_ key: String, in document: YAMLNode, problems: inout [RecordProblem]) -> String? {
        guard let node = document[key] else {
            problems.append(missing(key, at: document.position))
            return nil
        }
        // The text as written: `id: 007` is "007", not the number 7.
        guard let text = node.scalar?.text, node.coreValue != .null, !text.isEmpty else {
            problems.append(RecordProblem(
                code: .record,
                message: LocalizedText(
                    zh: "\(key) 是\(node.scalar == nil ? chineseKind(node) : "空值")，应为文本",
                    en: "\(key) is \(node.scalar == nil ? node.kindDescription : "empty"), expected a text"),
                position: node.position))
            return nil
        }
        return text
    }

    private static func missing(_ key: String, at position: SourcePosition) -> RecordProblem {
        RecordProblem(
            code: .record,
            message: LocalizedText(zh: "记录缺少必填字段 \(key)", en: "the record lacks the required key '\(key)'"),
            position: position)
    }

    private static func loadStep(_ node: YAMLNode, index: Int, problems: inout [RecordProblem]) -> Step? {
        let number = index + 1
        guard node.mapping != nil else {
            problems.append(RecordProblem(
                code: .step,
                message: LocalizedText(zh: "第 \(number) 个步骤是\(chineseKind(node))，应为映射", en: "step \(number) is \(node.kindDescription), expected a mapping"),
                position: node.position))
            return nil
        }
        let before = problems.count
        var type: String?
        if let typeNode = node["type"], let text = typeNode.coreValue?.text, !text.isEmpty {
            type = text
        } else {
            problems.append(RecordProblem(
                code: .step,
                message: LocalizedText(zh: "第 \(number) 个步骤缺少 type", en: "step \(number) lacks 'type'"),
                position: node["type"]?.position ?? node.position))
        }
        var status = StepStatus.done
        if let statusNode = node["status"] {
            if let text = statusNode.coreValue?.text, let parsed = StepStatus(rawValue: text) {
                status = parsed
            } else {
                problems.append(RecordProblem(
                    code: .step,
                    message: LocalizedText(
                        zh: "第 \(number) 个步骤的 status 应为 done 或 planned",
                        en: "step \(number) has status '\(statusNode.scalar?.text ?? statusNode.kindDescription)', expected done or planned"),
                    position: statusNode.position))
            }
        }
        var dates: [String: Day] = [:]
        for key in stepDateKeys {
            guard let dateNode = node[key] else { continue }
            if let day = date(dateNode) {
                dates[key] = day
            } else {
                problems.append(badDate(key, node: dateNode, step: number))
            }
        }
        for signoff in node["signoffs"]?.sequence ?? [] {
            if let dateNode = signoff["date"], date(dateNode) == nil {
                problems.append(badDate("signoffs.date", node: dateNode, step: number))
            }
        }
        if let start = dates["start"], let end = dates["end"], end < start {
            problems.append(RecordProblem(
                code: .step,
                message: LocalizedText(
                    zh: "第 \(number) 个步骤的期间结束于 \(end)，早于开始日期 \(start)",
                    en: "step \(number) ends on \(end), before it starts on \(start)"),
                position: node["end"]?.position ?? node.position))
        }
        let day = dates["date"] ?? (node["start"] != nil ? dates["end"] : nil)
        if node["date"] == nil, node["start"] == nil || node["end"] == nil {
            problems.append(RecordProblem(
                code: .step,
                message: LocalizedText(
                    zh: "第 \(number) 个步骤缺少 date（或期间的 start 与 end）",
                    en: "step \(number) lacks 'date' (or 'start' and 'end' for a period)"),
                position: node.position))
        }
        guard problems.count == before, let type, let day else { return nil }
        let dayNode = node["date"] ?? node["end"]
        return Step(index: index, type: type, status: status, day: day, node: node, dayPosition: dayNode?.position)
    }

    /// Reads a date scalar; nil when it is not a valid date.
    public static func date(_ node: YAMLNode) -> Day? {
        guard let text = node.scalar?.text else { return nil }
        return Day(parsing: text)
    }

    private static func badDate(_ key: String, node: YAMLNode, step: Int) -> RecordProblem {
        let written = node.scalar?.text ?? node.kindDescription
        return RecordProblem(
            code: .step,
            message: LocalizedText(
                zh: "第 \(step) 个步骤的 \(key) 不是有效日期：\(written)（应为实际存在的日期，格式 YYYY-MM-DD）",
                en: "step \(step) has \(key) '\(written)', which is not a valid date (expected a real day, YYYY-MM-DD)"),
            position: node.position)
    }

    private static func chineseKind(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar: "标量"
        case .sequence: "列表"
        case .mapping: "映射"
        }
    }
}
