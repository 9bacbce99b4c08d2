public import YAMLTree

/// Whether a step has happened.
public enum StepStatus: String, Sendable {
    /// The step happened (the default).
    case done
    /// The step is planned and has not happened yet.
    case planned
}

/// One procedural step of a record, with the fields the engine orders and selects by;
/// every other field is read from `node`.
public struct Step: Sendable {
    /// The step's place in the record's `steps` list, from 0.
    public var index: Int
    /// The step type, such as `legality_review`.
    public var type: String
    /// Done or planned.
    public var status: StepStatus
    /// The day the step is dated by: its `date`, or the `end` of its period.
    public var day: Day
    /// The step's mapping as written.
    public var node: YAMLNode
    /// Where the date the step is dated by is written.
    public var dayPosition: SourcePosition
    /// The type's number in the step types of the vocabulary the record was read with (see
    /// `DecisionRecord.stepTypeNumbering`); nil when the type is none of their codes.
    public var typeNumber: Int?

    /// Creates a step.
    public init(
        index: Int, type: String, typeNumber: Int? = nil, status: StepStatus, day: Day, node: YAMLNode, dayPosition: SourcePosition? = nil
    ) {
        self.index = index
        self.type = type
        self.typeNumber = typeNumber
        self.status = status
        self.day = day
        self.node = node
        self.dayPosition = dayPosition ?? node.position
    }

    /// Where the step starts in its file.
    public var position: SourcePosition { node.position }
}

/// One decision record: a decision and the steps taken on the way to it.
public struct DecisionRecord: Sendable {
    /// The record's id.
    public var id: String
    /// The record's kind, such as `major_administrative_decision`.
    public var kind: String
    /// The decision's title.
    public var title: String
    /// The file the record was read from, as given or found.
    public var file: String
    /// The document's root mapping as written; rules read `facts` and any other key from it.
    public var node: YAMLNode
    /// The steps in the order written.
    public var steps: [Step]
    /// The numbering of step types the steps' `typeNumber`s are places in (nil: they have none).
    public var stepTypeNumbering: Vocabulary.Numbering?

    /// Creates a record.
    public init(
        id: String, kind: String, title: String, file: String, node: YAMLNode, steps: [Step], stepTypeNumbering: Vocabulary.Numbering? = nil
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        self.file = file
        self.node = node
        self.steps = steps
        self.stepTypeNumbering = stepTypeNumbering
    }

    /// The deciding organ, if given.
    public var organ: String? { givenText("organ") }
    /// The sponsoring department, if given.
    public var department: String? { givenText("department") }

    /// An optional text field as written, without the spaces around it: a number as its text, a
    /// list of units as their names joined by `、`; nil when absent or empty. (` 城区执法中队` and
    /// `城区执法中队` were two departments of the audit, shown alike, `""` one of no name beside
    /// 未注明, and `[城区执法中队, 法制科]` or `110` was dropped without a word, the record
    /// counted under 未注明.)
    private func givenText(_ key: String) -> String? {
        guard let node = node[key] else { return nil }
        let written: String? = if let items = node.items {
            items.compactMap { $0.coreValue?.text.map(Self.trimmedOfWhiteSpace) }.filter { !$0.isEmpty }.joined(separator: "、")
        } else {
            node.coreValue?.text.map(Self.trimmedOfWhiteSpace)
        }
        return written?.isEmpty == false ? written : nil
    }

    /// A name without the white space around it, line breaks too (`department: |` ends in one, and
    /// so does a ledger's cell ended with Alt+Enter: `甲队⏎` was a department of its own).
    private static func trimmedOfWhiteSpace(_ text: String) -> String {
        // (The spaces a value most often has, told by its bytes at once; then any other white space.)
        let trimmed = Vocabulary.trimmed(text)
        guard let first = trimmed.unicodeScalars.first, let last = trimmed.unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return trimmed }
        var scalars = Substring(trimmed).unicodeScalars[...]
        while let head = scalars.first, head.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let tail = scalars.last, tail.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// Where the record starts.
    public var position: SourcePosition { node.position }
}
