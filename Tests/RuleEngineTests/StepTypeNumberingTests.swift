import DecisionRecords
import Foundation
import RuleEngine
import RuleLanguage
import Testing
import YAMLTree

/// A step's type is told apart by its number in the vocabulary's step types when the record was
/// read with the engine's own format, else as a text. Which way is taken must never change a
/// finding.
@Suite struct StepTypeNumberingTests {
    @Test func codesAreNumberedByTheirPlaceInSortedOrderAndNamesAreNot() {
        var vocabulary = Vocabulary()
        vocabulary.add("hearing", names: LocalizedText(zh: "听证", en: "hearing held"), to: "step_types")
        vocabulary.add("decision", names: LocalizedText(zh: "决定", en: "decided"), to: "step_types")
        vocabulary.add("K", names: LocalizedText(zh: "开", en: "kay"), to: "step_types")
        let section = vocabulary.section("step_types")
        #expect(section.numbering.codes == ["K", "decision", "hearing"])
        #expect(section.number(of: "K") == 0)
        #expect(section.number(of: "decision") == 1)
        #expect(section.number(of: "hearing") == 2)
        // Names, near misses and other lengths are no codes.
        #expect(section.number(of: "听证") == nil)
        #expect(section.number(of: "hearing held") == nil)
        #expect(section.number(of: "hearinG") == nil)
        #expect(section.number(of: "") == nil)
        // The Kelvin sign is K as strings compare, though longer in bytes.
        #expect(section.number(of: "\u{212A}") == 0)
        #expect(section.isCode("\u{212A}") && !section.isCode("k"))
    }

    @Test func aSectionOfChineseCodesIsNumberedToo() {
        var vocabulary = Vocabulary()
        for code in ["听证", "决定", "审查"] { vocabulary.add(code, names: LocalizedText(zh: code, en: code), to: "step_types") }
        let section = vocabulary.section("step_types")
        let codes = section.numbering.codes
        #expect(codes == ["决定", "审查", "听证"].sorted())
        for (place, code) in codes.enumerated() { #expect(section.number(of: code) == place) }
        #expect(section.number(of: "决") == nil)
        #expect(vocabulary.section("no_such_section").number(of: "决定") == nil)
    }

    @Test func stepsReadWithTheEnginesFormatAreNumberedInItsVocabulary() throws {
        let engine = try Self.engine()
        let document = try #require(try YAMLParser.parse(Array(Self.record.utf8), file: "test.yaml").first)
        let record = try #require(engine.load(document, file: "test.yaml").record)
        #expect(record.stepTypeNumbering === engine.format.codes.stepTypes.numbering)
        let numbering = engine.format.codes.stepTypes.numbering
        for step in record.steps {
            let number = try #require(step.typeNumber, "\(step.type)")
            #expect(numbering.codes[number] == step.type)
        }
    }

    /// Every bundled case and a record whose step types share their lengths (`legality_review` and
    /// `risk_assessment`), checked three ways: as loaded (by number), with no numbering (by
    /// text), and with a numbering the engine does not know whose numbers are all wrong.
    @Test func findingsAreTheSameByNumberByTextAndWithAForeignNumbering() throws {
        let engine = try Self.engine()
        var texts: [(String, String)] = [("test.yaml", Self.record)]
        let cases = BuiltinRules.folder.deletingLastPathComponent().appendingPathComponent("cases")
        let enumerator = FileManager.default.enumerator(at: cases, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "yaml", url.lastPathComponent != "registry.yaml" else { continue }
            texts.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(texts.count > 20)
        var compared = 0
        for (file, text) in texts.sorted(by: { $0.0 < $1.0 }) {
            for document in try YAMLParser.parse(Array(text.utf8), file: file) {
                let loaded = engine.load(document, file: file)
                guard var record = loaded.record else { continue }
                let byNumber = Self.summary(engine.evaluate(loaded, file: file).findings)
                record.stepTypeNumbering = nil
                let byText = Self.summary(engine.evaluate(LoadedDocument(record: record, problems: loaded.problems), file: file).findings)
                var foreign = Vocabulary()
                foreign.add("decision", names: LocalizedText(zh: "决定", en: "decision"), to: "step_types")
                record.stepTypeNumbering = foreign.section("step_types").numbering
                for index in record.steps.indices { record.steps[index].typeNumber = 0 }
                let withForeignNumbers = Self.summary(engine.evaluate(LoadedDocument(record: record, problems: loaded.problems), file: file).findings)
                #expect(byNumber == byText, "\(file)")
                #expect(byNumber == withForeignNumbers, "\(file)")
                compared += byNumber.count
            }
        }
        // The comparison saw findings of many rules, not only empty lists.
        #expect(compared > 30)
    }

    /// The meeting gate adds a planned discussion on the meeting day; it must be selected as a
    /// discussion. MAD-005 then reads the latest review before it (signed by a legal adviser);
    /// without it, the last formal review (signed by a reviewer only).
    @Test func theMeetingGatesPlannedDiscussionIsNumberedAndSelected() throws {
        let rules = try BuiltinRules.load()
        let record = """
            id: G-1
            kind: major_administrative_decision
            title: 某决策
            steps:
              - {type: legality_review, date: 2026-03-02, outcome: passed, signoffs: [{person: P-1, role: legal_adviser, date: 2026-03-02}]}
              - {type: legality_review, date: 2026-03-20, outcome: passed, signoffs: [{person: P-2, role: reviewer, date: 2026-03-20}]}
            """
        let mad005 = { (rule: Rule) in rule.id == "MAD-005" }
        let withoutMeeting = try BuiltinRules.check(record, rules: rules, asOf: "2026-03-25", only: mad005)
        #expect(withoutMeeting.map(\.rule) == ["MAD-005"])
        let atTheMeeting = try BuiltinRules.check(record, rules: rules, asOf: "2026-03-25", meeting: "2026-03-10", only: mad005)
        #expect(atTheMeeting.isEmpty)
    }

    /// A kind no pack but the record pack applies to keeps step types that are no codes: such a
    /// step has no number, and a selection naming its type (with codes beside it) still finds it.
    @Test func aTypeThatIsNoCodeIsSelectedByItsTextBesideNumberedOnes() throws {
        let vocabulary = BuiltinRules.folder.appendingPathComponent("vocabulary.yaml")
        let rule = """
            id: REC-900
            severity: info
            title: {zh: 计数, en: count}
            basis: {instrument: 测试}
            message: {zh: "{n}", en: "{n}"}
            let:
              n: {count: {steps: {type: [delivery, site_visit_by_drone], status: any}}}
            violation: true
            """
        let rules = try RuleLoader.load([
            RuleSource(path: vocabulary.path, bytes: Array(try Data(contentsOf: vocabulary)), defaultPack: "rules"),
            RuleSource(path: "count.yaml", bytes: Array(rule.utf8), defaultPack: "record"),
        ])
        let record = """
            id: L-1
            kind: administrative_license
            title: 某许可
            steps:
              - {type: site_visit_by_drone, date: 2026-03-01}
              - {type: hearing, date: 2026-03-02}
              - {type: delivery, date: 2026-03-03}
            """
        let engine = Engine(context: EvaluationContext(
            rules: rules, calendar: try BuiltinRules.calendar(), registry: Registry(), asOf: Day(parsing: "2026-11-30") ?? Day(ordinal: 0)))
        let document = try #require(try YAMLParser.parse(Array(record.utf8), file: "test.yaml").first)
        let loaded = engine.load(document, file: "test.yaml")
        let steps = try #require(loaded.record?.steps)
        #expect(steps.map(\.typeNumber).map { $0 == nil } == [true, false, false])
        let findings = engine.evaluate(loaded, file: "test.yaml").findings.filter { $0.rule == "REC-900" }
        #expect(findings.map(\.message.en) == ["2"])
    }

    static let record = """
        id: N-1
        kind: major_administrative_decision
        title: 某决策
        steps:
          - {type: risk_assessment, date: 2026-03-01, outcome: passed}
          - {type: legality_review, date: 2026-03-02, outcome: passed, form: opinion_solicitation}
          - {type: legality_review, date: 2026-03-03, outcome: passed, signoffs: [{person: P-1, role: reviewer, date: 2026-03-03}]}
          - {type: collective_discussion, date: 2026-03-04, meeting: {type: executive, minutes: true}}
          - {type: decision, date: 2026-03-05}
        """

    static func engine() throws -> Engine {
        let context = EvaluationContext(
            rules: try BuiltinRules.load(), calendar: try BuiltinRules.calendar(), registry: Registry(),
            asOf: Day(parsing: "2026-11-30") ?? Day(ordinal: 0))
        return Engine(context: context)
    }

    static func summary(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.position.map { "\($0.line):\($0.column)" } ?? "-") \($0.message.en)" }
    }
}
