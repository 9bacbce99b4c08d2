import DecisionRecords
import Foundation
import RuleLanguage
import YAMLTree
import Testing

/// Rule files are validated when loaded: every problem names its line and column and what was expected.
@Suite struct RuleLanguageDiagnosticTests {
    static let valid = """
        id: T-1
        severity: warning
        title: {zh: 标题, en: Title}
        message: {zh: "消息 {record.id}", en: "message {record.id}"}
        basis: {instrument: 某办法, article: 第一条}
        parameters: {days: 20}
        let:
          decision: {first: {steps: {type: decision}}}
        violation: {exists: $decision}

        """

    func diagnostics(_ text: String) -> [InputError] {
        do {
            _ = try RuleLoader.load([RuleSource(path: "t.yaml", bytes: Array(text.utf8), defaultPack: "local")])
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func aValidRuleLoads() throws {
        let rules = try RuleLoader.load([RuleSource(path: "t.yaml", bytes: Array(Self.valid.utf8), defaultPack: "local")])
        #expect(rules.rules.map(\.id) == ["T-1"])
        #expect(rules.rules.first?.pack == "local")
        #expect(rules.rules.first?.parameters.map(\.name) == ["days"])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var replace: String
        var with: String
        var line: Int
        var column: Int
        var mentions: [String]
        var testDescription: String { mentions.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(replace: "severity: warning", with: "severty: warning", line: 2, column: 1, mentions: ["unknown key 'severty'", "did you mean 'severity'"]),
        Case(replace: "severity: warning", with: "severity: fatal", line: 2, column: 11, mentions: ["unknown severity 'fatal'", "error, warning or info"]),
        Case(replace: "{exists: $decision}", with: "{exist: $decision}", line: 9, column: 13, mentions: ["unknown operator 'exist'", "did you mean 'exists'"]),
        Case(replace: "{exists: $decision}", with: "{exists: $decisoin}", line: 9, column: 21, mentions: ["'$decisoin' is not defined", "did you mean 'decision'"]),
        Case(replace: "{exists: $decision}", with: "{gt: [$as_of, $param.dayz]}", line: 9, column: 26, mentions: ["undefined parameter 'dayz'", "did you mean 'days'"]),
        Case(replace: "{type: decision}", with: "{typ: decision}", line: 8, column: 30, mentions: ["unknown step field 'typ'", "did you mean 'type'"]),
        Case(replace: "{exists: $decision}", with: "{exists: $decision.outcom}", line: 9, column: 21, mentions: ["unknown step field 'outcom'", "did you mean 'outcome'"]),
        Case(replace: "{exists: $decision}", with: "{lt: [1]}", line: 9, column: 17, mentions: ["'lt' takes a list of two values"]),
        Case(replace: "title: {zh: 标题, en: Title}", with: "title: 标题", line: 3, column: 8, mentions: ["'title' is a mapping {zh: ..., en: ...}"]),
        Case(replace: "\"消息 {record.id}\"", with: "\"消息 {record.id\"", line: 4, column: 15, mentions: ["'{' in the message is not closed"]),
        Case(replace: "basis: {instrument: 某办法, article: 第一条}", with: "basis: {instrument: 某办法, artcle: 第一条}", line: 5, column: 26, mentions: ["unknown key 'artcle' in 'basis'", "did you mean 'article'"]),
        Case(replace: "{exists: $decision}", with: "{exists: $decision", line: 10, column: 1, mentions: ["did not find expected"]),
        Case(replace: "{type: decision}", with: "{type: decision, before: 2021-13-01}", line: 8, column: 54, mentions: ["'2021-13-01' is not a valid date"]),
        Case(replace: "title: {zh: 标题, en: Title}", with: "title: {zh: 标题, en: Title, or more}", line: 3, column: 28,
             mentions: ["'title' takes only 'zh' and 'en'", "found 'or more' with no value: a comma inside {...} ends a text"]),
    ]

    @Test(arguments: cases)
    func aMistakeIsReportedWhereItIs(_ example: Case) throws {
        let text = Self.valid.replacingFirst(example.replace, with: example.with)
        let found = diagnostics(text)
        let diagnostic = try #require(found.first { $0.message.contains(example.mentions[0]) }, "no such diagnostic in \(found)")
        #expect(diagnostic.file == "t.yaml")
        #expect(diagnostic.position.line == example.line && diagnostic.position.column == example.column,
                "at \(diagnostic.position), expected \(example.line):\(example.column): \(diagnostic.message)")
        for phrase in example.mentions {
            #expect(diagnostic.message.contains(phrase), "\(diagnostic.message) lacks \(phrase)")
        }
    }

    @Test func everyProblemIsCollectedNotJustTheFirst() {
        let text = Self.valid
            .replacingFirst("severity: warning", with: "severity: loud")
            .replacingFirst("{exists: $decision}", with: "{exsts: $decision}")
        #expect(diagnostics(text).count == 2)
    }

    @Test func suggestionsBreakTiesInByteOrder() {
        let candidates: Set<String> = ["MAD-013", "MAD-010", "MAD-001", "MAD-012", "MAD-011"]
        #expect(Suggestion.closest(to: "MAD-01", in: candidates) == "MAD-001")
        #expect(Suggestion.closest(to: "MAD-01", in: candidates.sorted().reversed()) == "MAD-001")
    }

    @Test func duplicateRuleIdsAreRefused() {
        let sources = [
            RuleSource(path: "a.yaml", bytes: Array(Self.valid.utf8), defaultPack: "x"),
            RuleSource(path: "b.yaml", bytes: Array(Self.valid.utf8), defaultPack: "x"),
        ]
        do {
            _ = try RuleLoader.load(sources)
            Issue.record("a duplicate id loaded")
        } catch {
            #expect(error.diagnostics.contains { $0.file == "b.yaml" && $0.message.contains("already defined in a.yaml") })
        }
    }

    @Test func whenMayNotUseALoopVariable() {
        let text = Self.valid.replacingFirst("violation:", with: "for_each: {step: {steps: {type: decision}}}\nwhen: {exists: $step}\nviolation:")
        #expect(diagnostics(text).contains { $0.message.contains("'when' is checked before 'for_each'") })
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
