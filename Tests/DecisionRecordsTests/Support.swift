import DecisionRecords
import Testing
import YAMLTree

/// The single document of UTF-8 YAML text.
func document(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> YAMLNode {
    let documents = try YAMLParser.parse(Array(text.utf8), file: "record.yaml")
    try #require(documents.count == 1, "expected one document", sourceLocation: sourceLocation)
    return documents[0]
}

/// Loads text as a record and returns the record, failing the test when it is invalid.
func loadRecord(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> DecisionRecord {
    switch RecordLoader.load(try document(text, sourceLocation: sourceLocation), file: "record.yaml") {
    case .record(let record):
        return record
    case .invalid(_, let problems):
        Issue.record("expected a record, got problems: \(problems.map(\.message.en))", sourceLocation: sourceLocation)
        throw NotARecord()
    }
}

/// Loads text that must be invalid and returns its id and problems.
func loadProblems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (id: String?, problems: [RecordProblem]) {
    switch RecordLoader.load(try document(text, sourceLocation: sourceLocation), file: "record.yaml") {
    case .record(let record):
        Issue.record("expected problems, got record \(record.id)", sourceLocation: sourceLocation)
        throw NotARecord()
    case .invalid(let id, let problems):
        return (id, problems)
    }
}

struct NotARecord: Error {}

/// Shorthand for a 1-based position.
func pos(_ line: Int, _ column: Int) -> SourcePosition {
    SourcePosition(line: line, column: column)
}

/// A day from text, failing the test when it does not parse.
func day(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Day {
    try #require(Day(parsing: text), "not a day: \(text)", sourceLocation: sourceLocation)
}
