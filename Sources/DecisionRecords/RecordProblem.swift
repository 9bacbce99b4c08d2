public import YAMLTree

/// Something that keeps a file or a record from being checked, found while loading it.
///
/// Rules of the `record` pack turn problems into findings by their code
/// (`when_load_problem` in the rule language), so their ids and wording stay data.
public struct RecordProblem: Sendable, Hashable {
    /// The class of problem.
    public enum Code: String, Sendable, CaseIterable {
        /// The file is not well-formed YAML, not UTF-8, or over a limit.
        case yaml
        /// The record lacks `id`, `kind`, `title` or `steps`, or one has the wrong type.
        case record
        /// A step lacks `type` or a date, or has an invalid date or status.
        case step
    }

    /// The class of problem.
    public var code: Code
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// Where it is.
    public var position: SourcePosition

    /// Creates a problem.
    public init(code: Code, message: LocalizedText, position: SourcePosition) {
        self.code = code
        self.message = message
        self.position = position
    }
}

/// What loading one YAML document gave: a record ready for the rules, or the problems that stop it.
public enum LoadedDocument: Sendable {
    /// A record every pack can evaluate.
    case record(DecisionRecord)
    /// A document that could not be read as a record; `id` is its id when one was readable.
    case invalid(id: String?, problems: [RecordProblem])
}
