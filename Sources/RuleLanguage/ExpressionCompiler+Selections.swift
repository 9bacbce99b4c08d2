import DecisionRecords
import YAMLTree

/// Step selections: which steps of a record an expression reads, by type, status, date and condition.
extension ExpressionCompiler {
    /// A step selection (`steps: {type: …, status: …, on_or_before: …, where: …}`) as written.
    mutating func stepSelection(_ node: YAMLNode) -> StepSelection {
        var selection = StepSelection(types: nil, status: .done, fields: [], bounds: [], filter: nil, position: node.position)
        guard let pairs = node.mapping else {
            error(node, "'steps' takes a mapping of conditions such as {type: legality_review}, found \(node.kindDescription)",
                  zh: "steps 应为由条件组成的映射，如 {type: legality_review}，实际是\(node.chineseKindDescription)")
            return selection
        }
        let boundKeys: [String: Comparison] = ["on_or_before": .le, "before": .lt, "on_or_after": .ge, "after": .gt]
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            switch key {
            case "type":
                selection.types = texts(pair.value, key: key)
            case "status":
                if let text = pair.value.scalar?.text, let status = StatusFilter(rawValue: text) {
                    selection.status = status
                } else {
                    error(pair.value, "'status' in a step selection is done, planned or any", zh: "步骤选择中的 status 应为 done、planned 或 any")
                }
            case "where":
                // `$it` is a step of the selection's types (read from the node: `type` may follow `where`).
                selection.filter = filter(pair.value, itemType: .step, stepTypes: node["type"].map { Self.names(in: $0) })
            case _ where boundKeys[key] != nil:
                let bound = compile(pair.value)
                // (A date-shaped text of no real day, 2024-02-30, was reported as such.)
                if case .literal(let literal) = bound, literal != .null, !Self.isDate(literal), !Self.looksLikeDate(pair.value.scalar?.text ?? "") {
                    error(pair.value, "'\(key)' takes a date (YYYY-MM-DD) or a value that is one, such as $first_discussion; '\(pair.value.scalar?.text ?? "")' is no date",
                          zh: "\(key) 应为日期（YYYY-MM-DD）或值为日期的表达式，如 $first_discussion；“\(pair.value.scalar?.text ?? "")”不是日期")
                }
                selection.bounds.append(DateBound(comparison: boundKeys[key] ?? .le, value: bound))
            default:
                let path = key.split(separator: ".").map(String.init)
                guard let head = path.first, Self.stepFields.contains(head) else {
                    let candidates = Self.stepFields.union(boundKeys.keys).union(["where"])
                    error(pair.key, "unknown step field '\(key)' in a step selection\(Suggestion.phrase(for: key, in: candidates)); to test a field of your own, use where: {eq: [$it.\(key), ...]}",
                          zh: "步骤选择中有未知的步骤字段 \(key)\(Suggestion.chinesePhrase(for: key, in: candidates))（要检验自定义字段，请用 where: {eq: [$it.\(key), ...]}）")
                    continue
                }
                // A key of a meeting or a signoff a typo from the format's (`meeting.typ`) is read
                // from no record: the selection matched nothing, and the rule never fired.
                if let (field, place, suggestion) = Self.misspeltFormatKey(root: .steps, type: .step, path: path) {
                    error(pair.key, "'\(field)' in '\(key)' is no key of \(place.en); did you mean '\(suggestion)'? (a key of your own may be read, but not one a typo from the format's: no record writes it)",
                          zh: "\(key) 中的 \(field) 不是\(place.zh)的键；是否应为 \(suggestion)？（可以读取自定义的键，但不能读取与记录格式的键仅一字之差的键：记录中不会有这样的键）")
                }
                if pair.value.sequence?.isEmpty == true {
                    error(pair.value, "'\(key): []' selects no step: an empty list matches no value; list the values, or leave the field out",
                          zh: "\(key): [] 选不到任何步骤：空列表不匹配任何值；请列出要匹配的值，或删去该字段")
                }
                let valueNodes = pair.value.sequence ?? [pair.value]
                let values = valueNodes.map { compile($0) }
                // A value chosen (`if`, `coalesce`) has its codes checked where the selection's
                // types are known (`RuleCompiler.checkCodes`), at the nodes they are written in.
                for (value, node) in zip(values, valueNodes) {
                    switch value {
                    case .choose, .coalesce: selectionChoices.append(SelectionChoice(selection: selection.position, path: path, expression: value, node: node))
                    default: break
                    }
                }
                noteFieldReads(root: .steps, type: .step, path: path, written: key, at: pair.key.position)
                selection.fields.append(FieldMatch(path: path, values: values))
            }
        }
        if let filter = selection.filter, selection.status != .any, let whereNode = node["where"] {
            refuseStatusNeverTaken(filter, taking: selection.status, at: whereNode)
        }
        return selection
    }

    /// Refuses a `where` testing a step's status for one the selection never takes: a selection
    /// takes done steps unless its `status` says otherwise, so `where: {eq: [$it.status, planned]}`
    /// selected nothing, and the rule never fired.
    private mutating func refuseStatusNeverTaken(_ filter: Filter, taking status: StatusFilter, at node: YAMLNode) {
        let other = status == .done ? StatusFilter.planned.rawValue : StatusFilter.done.rawValue
        func isItsStatus(_ expression: Expression) -> Bool {
            if case .reference(let reference) = expression, reference.root == .slot(filter.slot), reference.path == ["status"] { return true }
            return false
        }
        func tested(_ a: Expression, _ b: Expression) -> String? {
            if isItsStatus(a), case .literal(.text(let text)) = b { return text }
            if isItsStatus(b), case .literal(.text(let text)) = a { return text }
            return nil
        }
        // The conditions every kept step must meet: the `where` itself, or each item of an `all`
        // (not what is under `not`, `any` or `if`, which a step may meet otherwise).
        var conjuncts: [Expression] = []
        var pending = [filter.condition]
        while let next = pending.popLast() {
            if case .all(let items) = next { pending += items } else { conjuncts.append(next) }
        }
        let never = conjuncts.contains { expression in
            switch expression {
            case .compare(.eq, let a, let b): return tested(a, b) == other
            case .compare(.ne, let a, let b): return tested(a, b) == status.rawValue
            case .isIn(let item, .list(let items)):
                guard isItsStatus(item), !items.isEmpty else { return false }
                return items.allSatisfy { if case .literal(.text(let text)) = $0 { text == other } else { false } }
            default: return false
            }
        }
        if never {
            error(node, "this 'where' asks for \(other) steps, and the selection takes \(status.rawValue) steps only (a selection takes done steps unless its 'status' says otherwise), so it selects nothing: write 'status: \(other)' or 'status: any' in the selection",
                  zh: "此 where 要求状态为 \(other) 的步骤，而该步骤选择只取状态为 \(status.rawValue) 的步骤（步骤选择未写 status 时，只取已完成的步骤，即 done），因此选不到任何步骤：请在步骤选择中写 status: \(other) 或 status: any")
        }
    }

    /// The names a key gives: one, or a list of them.
    private mutating func texts(_ node: YAMLNode, key: String) -> [String] {
        let items = node.sequence ?? [node]
        var result: [String] = []
        for item in items {
            if let text = item.coreValue?.text { result.append(text) } else { error(item, "'\(key)' takes a name or a list of names", zh: "\(key) 应为一个名称或名称列表") }
        }
        return result
    }
}
