import DecisionRecords
import RuleLanguage
import YAMLTree

/// References and the paths they follow through the record, the run and the bindings.
extension Evaluator {
    /// The value a reference names: its root's value, followed along its path.
    ///
    /// A path is read as its list of fields and the place of the next one (a slice of the list
    /// counted a reference to it, an atomic operation, for every field followed).
    func reference(_ root: ReferenceRoot, _ path: [PathField]) -> Value {
        switch root {
        // Read from the root node itself: a value of it boxed the node for every reference.
        case .record: return navigate(node: record.node.unsafeBorrowed, path, from: 0)
        case .facts: return navigate(facts, path, from: 0)
        case .steps:
            var steps: [Value] = []
            steps.reserveCapacity(order.count)
            for index in order { steps.append(.step(index)) }
            return navigate(.list(steps), path, from: 0)
        case .asOf: return navigate(.date(context.asOf, nil), path, from: 0)
        case .meeting: return context.meeting.map { .date($0, nil) } ?? .missing
        case .registryLoaded: return .bool(context.registries.coversEveryRecord)
        case .parameter(let name): return navigate(parameter(name) ?? .missing, path, from: 0)
        case .problem:
            guard let problem else { return .missing }
            switch path.first?.name {
            case "message": return .localized(problem.message)
            case "code": return .text(problem.code.rawValue, nil)
            default: return .missing
            }
        case .definition(let index): return navigate(definitionValue(index), path, from: 0)
        case .slot(let slot): return navigate(boundValue(slot), path, from: 0)
        }
    }

    /// A shared definition's value for the record, computed on first use.
    func definitionValue(_ index: Int) -> Value {
        precondition(index >= 0 && index < definitionCache.count, "no such definition")
        if let cached = definitionCache[index] {
            if !definitionsCountingUncovered.isEmpty, definitionsCountingUncovered.contains(index) { noteUncoveredCount() }
            return cached
        }
        // A definition has slots of its own, in a frame above the rule's, and no `let`s.
        // (Its frame's slots are no rule's `let`s: `boundValue` computes none there.)
        let outer = slots.open(slotCount: shared.definitionSlotCounts[index])
        let enclosing = definitionComputed
        definitionComputed = index
        let value = shared.definitionPrograms.call(index, self)
        definitionComputed = enclosing
        // (A definition read by the one being computed counted for it too.)
        if let enclosing, definitionsCountingUncovered.contains(index) { definitionsCountingUncovered.insert(enclosing) }
        slots.end(outer)
        definitionCache[index] = value
        return value
    }

    /// The value in a slot: a loop variable's, `$it`, or a `let`'s, computed on first use.
    func boundValue(_ slot: Int) -> Value {
        if let value = slots[slot] { return value }
        let letIndex = slots.letIndex(slot)
        guard letIndex >= 0 else { return .missing }
        let value = letValue(letIndex)
        slots[slot] = value
        return value
    }

    /// A value followed along a path of field names, from the field at `start`: a step's fields,
    /// a mapping's keys; over a list, each item's field, gathered into one list.
    ///
    /// Nodes are followed borrowed (`YAMLNode.unsafeBorrowed`): the record, which the evaluator
    /// holds, and the value followed hold their documents while a path is read; a node read from
    /// them was counted, an atomic operation, at every field. A value made of a collection holds
    /// its node (`Value.from(_:)`).
    func navigate(_ value: Value, _ path: [PathField], from start: Int) -> Value {
        guard start < path.count else { return value }
        let (field, rest) = (path[start], start + 1)
        switch value {
        case .step(let index):
            // Fields are read in place: copying the step would retain its node and texts.
            switch field.stepField {
            case .date:
                return navigate(.date(record.steps[index].day, record.steps[index].dayPosition), path, from: rest)
            case .status: return navigate(.text(record.steps[index].status.rawValue, record.steps[index].node.unsafeBorrowed["status"]?.position), path, from: rest)
            case .type: return navigate(.text(record.steps[index].type, record.steps[index].node.unsafeBorrowed["type"]?.position), path, from: rest)
            case .mapping: return record.steps[index].node.unsafeBorrowed[field.name].map { navigate(node: $0, path, from: rest) } ?? .missing
            }
        case .node(let node):
            return navigate(node: node.unsafeBorrowed, path, from: start)
        case .list(let items):
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { appendFlattened(navigate(item, path, from: start), to: &result) }
            return .list(result)
        default:
            return .missing
        }
    }

    /// What a path reads from a node of the record: `navigate(.from(node), path, from: start)`, without making a
    /// value of each mapping and list on the way (a value of a node copies it, and is taken apart again).
    private func navigate(node: BorrowedNode, _ path: [PathField], from start: Int) -> Value {
        guard start < path.count else { return .from(node) }
        if let count = node.itemCount {
            var result: [Value] = []
            // Room for two values an item: a field that is a list (`by`, `attendees`) holds a few.
            result.reserveCapacity(count * 2)
            appendItems(of: node, path, from: start, to: &result)
            return .list(result)
        }
        // A mapping's field; a scalar has none.
        return node[path[start].name].map { navigate(node: $0, path, from: start + 1) } ?? .missing
    }

    /// `appendFlattened(navigate(node: node, path, from: start), to: &result)`, without the values made on the
    /// way: each item's field is appended where it is read (a path over the steps, such as
    /// `$record.steps.by`, boxed every step's list in a value and built a list per step).
    private func appendNavigated(node: BorrowedNode, _ path: [PathField], from start: Int, to result: inout [Value]) {
        guard start < path.count else {
            if let count = node.itemCount {
                // (An empty item, `by: [~]`, names no one: the record pack reports it, and it
                // was "the person —" of every rule that read the list.)
                for index in 0..<count { appendPresent(.from(node.item(index)), to: &result) }
            } else if node.kind == .mapping {
                result.append(.node(node.owned))
            } else {
                appendFlattened(.from(node), to: &result)
            }
            return
        }
        if node.kind == .sequence {
            appendItems(of: node, path, from: start, to: &result)
        } else {
            // A mapping's field; a scalar has none.
            if let value = node[path[start].name] { appendNavigated(node: value, path, from: start + 1, to: &result) }
        }
    }

    /// `appendNavigated(node: item, path, from: start, to: &result)` for each item of a sequence:
    /// a mapping's field is read without a node made of the mapping.
    private func appendItems(of sequence: BorrowedNode, _ path: [PathField], from start: Int, to result: inout [Value]) {
        sequence.forEachItem(
            key: path[start].name,
            value: { appendNavigated(node: $0, path, from: start + 1, to: &result) },
            sequence: { appendItems(of: $0, path, from: start, to: &result) })
    }

    /// Adds a list's item unless it is empty (null).
    @inline(__always)
    private func appendPresent(_ value: Value, to result: inout [Value]) {
        if !value.isMissing { result.append(value) }
    }

    /// Adds what a path read from one item of a list: nothing when missing, the items of a list
    /// (one level), else the value itself. (One list is built for all items, not one per item.)
    private func appendFlattened(_ value: Value, to result: inout [Value]) {
        switch value {
        case .missing: break
        case .list(let items): result += items
        case .node(let node):
            let node = node.unsafeBorrowed
            if let count = node.itemCount {
                for index in 0..<count { appendPresent(.from(node.item(index)), to: &result) }
            } else {
                result.append(value)
            }
        default: result.append(value)
        }
    }
}
