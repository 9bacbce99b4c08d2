import DecisionRecords
import RuleLanguage
import YAMLTree

/// A value while a rule is evaluated. Values read from a record keep their position,
/// so a finding can point at them.
enum Value: Sendable {
    case missing
    /// A boolean; where it is written, when it comes from the record.
    case bool(Bool, SourcePosition? = nil)
    /// A number; where it is written, when it comes from the record.
    case number(Double, SourcePosition? = nil)
    case text(String, SourcePosition?)
    case date(Day, SourcePosition?)
    /// A step of the record under evaluation, by index.
    case step(Int)
    /// A mapping or sequence of the record, as written. (A node is a reference and a number, no
    /// larger than a text's payload: held in place, not boxed, it costs no allocation.)
    case node(YAMLNode)
    case list([Value])
    /// A text in both languages. (Boxed: its two texts made every value 33 bytes, returned from
    /// every program through memory; a value of 25 bytes comes back in registers.)
    indirect case localized(LocalizedText)

    /// Reads a node: scalars by the core schema (date-shaped texts as dates), collections as they are.
    static func from(_ node: YAMLNode) -> Value {
        node.kind == .scalar ? node.withBorrowed { Value.from($0) } : .node(node)
    }

    /// Reads a borrowed node: scalars by the core schema (date-shaped texts as dates), collections
    /// as the nodes they are (which hold their document).
    static func from(_ node: BorrowedNode) -> Value {
        guard let core = node.coreValue else { return .node(node.owned) }
        switch core {
        case .null: return .missing
        case .bool(let value): return .bool(value, node.position)
        case .int(let value): return .number(Double(value), node.position)
        case .float(let value): return .number(value, node.position)
        case .string(let text):
            if text.utf8.count >= 10, let day = Day(parsing: text) { return .date(day, node.position) }
            return .text(text, node.position)
        }
    }

    static func from(_ literal: Literal) -> Value {
        switch literal {
        case .null: .missing
        case .bool(let value): .bool(value)
        case .number(let value): .number(value)
        case .text(let value): .text(value, nil)
        }
    }

    static func from(_ parameter: ParameterValue) -> Value {
        switch parameter {
        case .single(let literal): .from(literal)
        case .list(let literals): .list(literals.map(Value.from))
        }
    }

    var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// Whether this is words in two languages (`label`, `text`).
    var isWords: Bool {
        if case .localized = self { return true }
        return false
    }

    var number: Double? {
        switch self {
        case .number(let value, _): value
        case .text(let text, _): Double(text)
        default: nil
        }
    }

    /// `elements` of a value no longer needed: its list is handed over, not copied (a copy
    /// counted a reference to it, an atomic operation).
    consuming func takeElements() -> [Value]? {
        switch consume self {
        case .list(let items): items
        case .node(let node):
            // (An empty item of a list, `[P-1, ~]`, is none of its items.)
            node.withBorrowed { node in
                node.itemCount.map { count in
                    var sawMissing = false
                    var items = (0..<count).map { index in
                        let item = Value.from(node.item(index))
                        if item.isMissing { sawMissing = true }
                        return item
                    }
                    if sawMissing { items.removeAll(where: \.isMissing) }
                    return items
                }
            }
        case .missing: []
        default: nil
        }
    }

    /// The items of a value where a list is expected (`for_each`, `items`, `distinct`, `in`): a
    /// list's items, none for a missing value, and any other value as one item, as `count` and
    /// `concat` take it (`reviewers: P-777` is one reviewer; it was none, and a rule over the
    /// list silently found nothing).
    consuming func takeItems() -> [Value] {
        switch consume self {
        case .missing: return []
        case .list(let items): return items
        case .node(let node) where node.kind == .sequence: return Value.node(node).takeElements() ?? []
        case let other: return [other]
        }
    }

    /// The elements when the value is a list (or a sequence node); nil otherwise.
    var elements: [Value]? {
        (copy self).takeElements()
    }
}
