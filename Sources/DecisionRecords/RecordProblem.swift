public import YAMLTree

/// Something found while loading a document: a problem that keeps a file or a record from
/// being checked, or (for `unknownKey`) one that is only reported.
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
        /// A step lacks `type` or a date, has an invalid date, or a field of the wrong shape.
        case step
        /// A code that is neither a code nor a name of the vocabulary, or a boolean that is not one.
        case value
        /// A key that neither the format defines nor any loaded rule reads.
        case key
        /// A done step dated after the as-of date.
        case future
        /// A date a record may have right after all, whose year looks mistyped: an act of a law
        /// dated before the law, years before the rest of its record (a warning; the record is
        /// evaluated as dated).
        case doubtfulYear = "doubtful_year"
        /// A key of the user's own (`x_备注`), which no rule reads, saying the review did not pass,
        /// is not done, or the person did not agree (a warning; the gate holds the item).
        case ownKey = "own_key"

        /// Whether a record with this problem is kept from every pack but the record pack: its
        /// meaning is unknown, so it can be neither passed nor failed.
        public var blocksEvaluation: Bool { self != .key && self != .doubtfulYear && self != .ownKey }
    }

    /// The class of problem.
    public var code: Code
    /// What is wrong, in both languages.
    public var message: LocalizedText
    /// Where it is.
    public var position: SourcePosition
    /// For a key problem: whether the key looks meant as one the rules read, misspelt (`staus`),
    /// in Chinese (`状态`), indented to another level or a fact outside `facts`. Its value was
    /// meant to be read and was not, so what the record says is in doubt: the gate holds it back
    /// (`staus: planned` on a review made an unreviewed decision READY, under a warning).
    public var isMisreadKey = false
    /// For a ledger row's problem of its reading (two cells of one column that disagree, an
    /// uncomputed formula): whether the cell is a collective discussion's day, which is then
    /// unknown, and the gate puts the row on the agenda of any day.
    public var concernsDiscussionDay = false
    /// For a misread key of a collective discussion or its meeting naming another day than the
    /// step's (`会议日期`, a meeting moved): that day, which may be the discussion's; the gate puts
    /// the record on its agenda too.
    public var discussionDayNamed: Day?
    /// For a misread key: whether it may be a well-known fact (`重大执法决定: true` beside `facts`),
    /// so that a record not read as one may be: the annual report counts it among the records of
    /// that fact whose figures are in doubt (any misread key counted an ordinary case as major).
    public var concernsFact = false

    /// For a problem of a step's date or order that the record may have right after all (an act
    /// dated years before the rest of its record, a plan left behind by the decision): whether the
    /// other packs still evaluate the record, their findings reported beside this one. Blocked,
    /// a case filed in 2021 and resumed in 2022 lost its certificate finding to the question.
    public var keepsEvaluation = false

    /// Creates a problem.
    public init(code: Code, message: LocalizedText, position: SourcePosition, isMisreadKey: Bool = false) {
        self.code = code
        self.message = message
        self.position = position
        self.isMisreadKey = isMisreadKey
    }
}

/// What loading one YAML document gave: the record as far as it could be read, and its problems.
public struct LoadedDocument: Sendable {
    /// The record; nil when the document is not a mapping (or the file could not be parsed).
    /// When `isBlocked`, it holds what could be read (its valid steps), for the record pack.
    public var record: DecisionRecord?
    /// Every problem found, in the order found.
    public var problems: [RecordProblem]
    /// The places (from 0) of the steps whose type could not be read: none, no text, or a code
    /// the vocabulary refused (a step of a kind whose values are not checked keeps its own type).
    /// Such a step may be any step, a collective discussion too.
    public var stepsOfUnreadableType: [Int] = []

    /// Creates a loaded document.
    public init(record: DecisionRecord?, problems: [RecordProblem], stepsOfUnreadableType: [Int] = []) {
        self.record = record
        self.problems = problems
        self.stepsOfUnreadableType = stepsOfUnreadableType
    }

    /// A document that could not be read at all, with its problem.
    public static func unreadable(_ problem: RecordProblem) -> LoadedDocument {
        LoadedDocument(record: nil, problems: [problem])
    }

    /// Whether only the record pack may evaluate the record.
    public var isBlocked: Bool { record == nil || problems.contains { $0.code.blocksEvaluation && !$0.keepsEvaluation } }

    /// Whether a problem leaves the day of a collective discussion unknown (`RecordProblem.concernsDiscussionDay`).
    public var leavesDiscussionDayUnknown: Bool { problems.contains(where: \.concernsDiscussionDay) }

    /// Whether a key of the record looks meant as one the rules read (`RecordProblem.isMisreadKey`).
    public var hasMisreadKey: Bool { problems.contains(where: \.isMisreadKey) }

    /// Whether such a key may be a well-known fact (`RecordProblem.concernsFact`).
    public var hasMisreadFact: Bool { problems.contains { $0.isMisreadKey && $0.concernsFact } }

    /// The record's id as written, when it has one.
    public var id: String? { record.flatMap { $0.id.isEmpty ? nil : $0.id } }
}
