import DecisionRecords
import Foundation
import Testing
import YAMLTree

/// The single document of UTF-8 YAML text.
func document(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> YAMLNode {
    let documents = try YAMLParser.parse(Array(text.utf8), file: "record.yaml")
    try #require(documents.count == 1, "expected one document", sourceLocation: sourceLocation)
    return documents[0]
}

/// The built-in vocabulary (rules/vocabulary.yaml), its other names (`also`) and the kinds of step types (`kinds`) too, read once.
let builtinVocabulary: Vocabulary = {
    var vocabulary = Vocabulary()
    let path = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
    guard let bytes = try? Array(String(contentsOfFile: "/" + path + "/rules/vocabulary.yaml", encoding: .utf8).utf8),
          let root = try? YAMLParser.parse(bytes, file: "vocabulary.yaml").first else { return vocabulary }
    for section in root["vocabulary"]?.mapping ?? [] {
        for entry in section.value.mapping ?? [] {
            guard let code = entry.key.scalar?.text, let zh = entry.value["zh"]?.scalar?.text, let en = entry.value["en"]?.scalar?.text else { continue }
            let also = (entry.value["also"]?.sequence ?? []).compactMap { $0.scalar?.text }
            vocabulary.add(code, names: LocalizedText(zh: zh, en: en), also: also, to: section.key.scalar?.text ?? "")
            if let kinds = entry.value["kinds"]?.sequence { vocabulary.restrict(stepType: code, toKinds: kinds.compactMap { $0.scalar?.text }) }
        }
    }
    return vocabulary
}()

/// The format records are loaded with in these tests: the built-in vocabulary; by default no kind
/// has its codes and keys checked (as for kinds no pack applies to), `checking: nil` checks every kind.
func testFormat(asOf: String = "2099-12-31", ruleKeys: Set<String> = [], checking: Set<String>? = []) -> RecordFormat {
    RecordFormat(
        vocabulary: builtinVocabulary, ruleReads: Set(ruleKeys.map { RecordFormat.FieldRead(level: nil, key: $0) }), checkedKinds: checking,
        asOf: Day(parsing: asOf) ?? Day(ordinal: 0))
}

/// Loads text as a record and returns the record, failing the test when it has a problem.
func loadRecord(_ text: String, format: RecordFormat = testFormat(), sourceLocation: SourceLocation = #_sourceLocation) throws -> DecisionRecord {
    let loaded = RecordLoader.load(try document(text, sourceLocation: sourceLocation), file: "record.yaml", format: format)
    guard let record = loaded.record, loaded.problems.isEmpty else {
        Issue.record("expected a record, got problems: \(loaded.problems.map(\.message.en))", sourceLocation: sourceLocation)
        throw NotARecord()
    }
    return record
}

/// Loads text that must have problems and returns its id and problems.
func loadProblems(_ text: String, format: RecordFormat = testFormat(), sourceLocation: SourceLocation = #_sourceLocation) throws -> (id: String?, problems: [RecordProblem]) {
    let loaded = RecordLoader.load(try document(text, sourceLocation: sourceLocation), file: "record.yaml", format: format)
    if loaded.problems.isEmpty {
        Issue.record("expected problems, got record \(loaded.id ?? "")", sourceLocation: sourceLocation)
        throw NotARecord()
    }
    return (loaded.id, loaded.problems)
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
