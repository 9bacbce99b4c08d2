/// A rule's parameter values by name. A rule declares a handful, so a `$param` reference finds
/// its value by comparing names in order, which costs less than hashing the name on every
/// reference (as a dictionary did, some 400 instructions a time).
struct ParameterValues: Sendable {
    private let entries: [(name: String, value: Value)]

    /// The values of a rule's parameters, in the order of their names.
    init(_ values: [String: Value]) {
        entries = values.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) }
    }

    /// No parameters.
    static let none = ParameterValues([:])

    /// The value of the parameter `name`, or nil when the rule has no such parameter.
    subscript(name: String) -> Value? {
        for entry in entries where entry.name == name { return entry.value }
        return nil
    }
}
