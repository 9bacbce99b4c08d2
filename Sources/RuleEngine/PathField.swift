/// A field name of a reference's path, with the step field it names told once, when the program
/// is made: comparing the name with each of a step's own fields on every read cost a string
/// comparison each (a long one when the lengths match, as `form` and `date` do).
struct PathField: Sendable {
    /// The fields a step answers itself, not from its mapping.
    enum StepField: Sendable {
        /// The day the step is dated by.
        case date
        case status
        case type
        /// Any other field: read from the step's mapping.
        case mapping
    }

    let name: String
    let stepField: StepField

    init(_ name: String) {
        self.name = name
        stepField = switch name {
        case "date": .date
        case "status": .status
        case "type": .type
        default: .mapping
        }
    }
}
