import DecisionRecords
import Testing
import YAMLTree

@Suite("RecordLoader: complete records")
struct CompleteRecordTests {
    static let example = """
        id: SQ-2020-017
        kind: major_administrative_decision
        title: 石桥镇农村人居环境整治三年行动方案
        organ: 沂源县石桥镇人民政府
        department: 党政办公室
        facts:
          affects_public_interest: true
          stability_risk: true
        steps:
          - type: public_comment
            start: 2020-03-01
            end: 2020-04-05
            channel: 石桥镇门户网站
          - type: risk_assessment
            date: 2020-04-10
            outcome: passed
          - type: legality_review
            submitted: 2020-04-08
            date: 2020-04-20
            outcome: passed
            by: [P-003]
            signoffs:
              - {person: P-007, role: legal_adviser, date: 2020-04-19}
            documents:
              - {type: review_opinion, ref: 石法审〔2020〕17号}
          - type: collective_discussion
            date: 2020-04-28
            meeting: {type: executive, ref: 镇政府常务会议〔2020〕7号, minutes: true, dissent_recorded: true}
          - type: decision
            date: 2020-04-28
            by: [P-001]
          - type: publication
            date: 2020-05-06T10:00:00+08:00
            status: planned
            channel: 印象石桥

        """

    @Test func topLevelFields() throws {
        let record = try loadRecord(Self.example)
        #expect(record.id == "SQ-2020-017")
        #expect(record.kind == "major_administrative_decision")
        #expect(record.title == "石桥镇农村人居环境整治三年行动方案")
        #expect(record.organ == "沂源县石桥镇人民政府")
        #expect(record.department == "党政办公室")
        #expect(record.file == "record.yaml")
        #expect(record.position == pos(1, 1))
        #expect(record.node["id"]?.position == pos(1, 5))
    }

    @Test func stepsInWrittenOrderWithTheirDays() throws {
        let record = try loadRecord(Self.example)
        #expect(record.steps.map(\.index) == [0, 1, 2, 3, 4, 5])
        #expect(record.steps.map(\.type) == [
            "public_comment", "risk_assessment", "legality_review", "collective_discussion", "decision", "publication",
        ])
        // A period is dated by its end; a date-time by its calendar date.
        #expect(record.steps.map(\.day.description) == [
            "2020-04-05", "2020-04-10", "2020-04-20", "2020-04-28", "2020-04-28", "2020-05-06",
        ])
        #expect(record.steps.map(\.status) == [.done, .done, .done, .done, .done, .planned])
        #expect(record.steps.map(\.position) == [pos(10, 5), pos(14, 5), pos(17, 5), pos(26, 5), pos(29, 5), pos(32, 5)])
    }

    @Test func unknownAndOptionalKeysAreKeptInTheNodes() throws {
        let record = try loadRecord(Self.example)
        #expect(record.node["facts"]?["stability_risk"]?.coreValue == .bool(true))
        #expect(record.steps[0].node["channel"]?.scalar?.text == "石桥镇门户网站")
        #expect(record.steps[2].node["signoffs"]?.sequence?.first?["role"]?.scalar?.text == "legal_adviser")
        #expect(record.steps[3].node["meeting"]?["ref"]?.scalar?.text == "镇政府常务会议〔2020〕7号")
    }

    @Test func extraKeysAnywhereAreAllowed() throws {
        let record = try loadRecord("""
            id: X-1
            kind: other
            title: t
            本地字段: 保留
            steps:
              - type: something_else
                date: 2021-01-04
                reviewer_note: {any: [thing]}

            """)
        #expect(record.node["本地字段"]?.scalar?.text == "保留")
        #expect(record.steps[0].node["reviewer_note"]?["any"]?.sequence?.count == 1)
        #expect(record.organ == nil)
        #expect(record.department == nil)
    }

    @Test func anEmptyStepsListIsARecordProblem() throws {
        let (_, problems) = try loadProblems("id: X\nkind: other\ntitle: t\nsteps: []\n")
        #expect(problems.map(\.code) == [.record])
        #expect(problems.first?.position == pos(4, 8))
        #expect(problems.first?.message.en.contains("at least one step") == true)
    }

    @Test func numbersAreNotTextsButQuotedDatesAreDates() throws {
        // An unquoted number is no id (quote it), a numeric step type no type; a quoted date is a date.
        let (id, problems) = try loadProblems("id: 2020017\nkind: other\ntitle: t\nsteps:\n  - {type: 12, date: \"2020-04-28\"}\n")
        #expect(id == "2020017")
        #expect(problems.map(\.code) == [.record, .step])
        #expect(problems[0].message.en.contains("quote it: id: \"2020017\""))
        #expect(problems[1].position == pos(5, 12))
        let record = try loadRecord("id: \"2020017\"\nkind: other\ntitle: t\nsteps:\n  - {type: decision, date: \"2020-04-28\"}\n")
        #expect(record.steps.first?.day.description == "2020-04-28")
    }

    @Test func dateReadsAnyScalarNode() throws {
        let node = try document("a: 2024-02-29\nb: [2024-02-29]\nc: 2023-02-29\n")
        #expect(RecordLoader.date(try #require(node["a"]))?.description == "2024-02-29")
        #expect(RecordLoader.date(try #require(node["b"])) == nil)
        #expect(RecordLoader.date(try #require(node["c"])) == nil)
    }
}

@Suite("RecordLoader: record problems")
struct RecordProblemTests {
    @Test func documentThatIsAList() throws {
        let (id, problems) = try loadProblems("- id: X\n- id: Y\n")
        #expect(id == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.code == .record)
        #expect(problems.first?.position == pos(1, 1))
        #expect(problems.first?.message.en.contains("a list") == true)
        #expect(problems.first?.message.zh.contains("列表") == true)
    }

    @Test func documentThatIsAScalar() throws {
        let (_, problems) = try loadProblems("just text\n")
        #expect(problems.map(\.code) == [.record])
        #expect(problems.first?.message.en.contains("a scalar") == true)
    }

    @Test func missingId() throws {
        let (id, problems) = try loadProblems("kind: other\ntitle: t\nsteps: [{type: a, date: 2020-01-02}]\n")
        #expect(id == nil)
        #expect(problems.count == 1)
        #expect(problems.first?.code == .record)
        #expect(problems.first?.position == pos(1, 1))
        #expect(problems.first?.message.en.contains("'id'") == true)
        #expect(problems.first?.message.zh.contains("id") == true)
    }

    @Test func missingKindTitleAndStepsAreAllReported() throws {
        let (id, problems) = try loadProblems("# comment\nid: SQ-1\nfacts: {}\n")
        #expect(id == "SQ-1")
        #expect(problems.count == 3)
        #expect(problems.allSatisfy { $0.code == .record })
        #expect(problems.allSatisfy { $0.position == pos(2, 1) })
        #expect(problems.map(\.message.en) == [
            "the record lacks the required key 'kind'",
            "the record lacks the required key 'title'",
            "the record lacks the required key 'steps'",
        ])
    }

    @Test func emptyOrNonTextValues() throws {
        let (_, problems) = try loadProblems("id: ~\nkind: [a]\ntitle: \"\"\nsteps: [{type: a, date: 2020-01-02}]\n")
        #expect(problems.map(\.code) == [.record, .record, .record])
        #expect(problems.map(\.position) == [pos(1, 5), pos(2, 7), pos(3, 8)])
        #expect(problems[1].message.en.contains("a list"))
        #expect(problems[2].message.en.contains("empty"))
    }

    @Test func stepsThatAreNotAList() throws {
        let (id, problems) = try loadProblems("id: X\nkind: other\ntitle: t\nsteps:\n  type: decision\n")
        #expect(id == "X")
        #expect(problems.map(\.code) == [.record])
        #expect(problems.first?.position == pos(5, 3))
        #expect(problems.first?.message.en.contains("a mapping") == true)
    }
}

@Suite("RecordLoader: step problems")
struct StepProblemTests {
    /// A valid record head, so only the step's problems are reported; steps start on line 5.
    static func record(kind: String = "other", steps: String) -> String {
        "id: R-1\nkind: \(kind)\ntitle: t\nsteps:\n" + steps
    }

    func stepProblems(_ steps: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [RecordProblem] {
        let (id, problems) = try loadProblems(Self.record(steps: steps), sourceLocation: sourceLocation)
        #expect(id == "R-1", sourceLocation: sourceLocation)
        #expect(problems.allSatisfy { $0.code == .step }, sourceLocation: sourceLocation)
        return problems
    }

    @Test func stepWithoutType() throws {
        let problems = try stepProblems("  - date: 2020-01-02\n    by: [P-1]\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(5, 5))
        #expect(problems.first?.message.en == "step 1 lacks 'type'")
    }

    @Test func stepWithEmptyTypePointsAtTheType() throws {
        let problems = try stepProblems("  - {type: a, date: 2020-01-02}\n  - date: 2020-01-03\n    type:\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(7, 10))
        #expect(problems.first?.message.en == "step 2 has 'type' without a value (null), expected a step type")
    }

    /// A code field written without a value (`status:`, `status: ~`) is a step problem at the
    /// value: read as absent, a null status made a done step planned, and no rule saw the step.
    @Test(arguments: [
        ("status: ~", "status", "step status"), ("status:", "status", "step status"), ("status: null", "status", "step status"),
        ("outcome: ~", "outcome", "outcome"), ("form: ~", "form", "review form"),
        ("meeting: {type: ~}", "meeting.type", "meeting type"), ("signoffs: [{person: P-1, role: ~}]", "role", "signoff role"),
    ])
    func aCodeWrittenWithoutAValueIsAStepProblem(written: String, key: String, what: String) throws {
        let type = written.hasPrefix("meeting") ? "collective_discussion" : "legality_review"
        let text = Self.record(kind: "major_administrative_decision", steps: "  - type: \(type)\n    date: 2020-01-02\n    \(written)\n")
        let (_, problems) = try loadProblems(text, format: testFormat(checking: nil))
        #expect(problems.map(\.code) == [.step], "\(problems)")
        #expect(problems.first?.position.line == 7)
        #expect(problems.first?.message.en == "step 1 has '\(key)' without a value (null), expected a \(what); remove the key if it does not apply")
    }

    /// A key that is a list or a mapping (`? [a]`) is a key problem at it, as an unknown key is: it
    /// was passed over without a word.
    @Test func aKeyThatIsACollectionIsAKeyProblem() throws {
        let text = Self.record(kind: "major_administrative_decision", steps: "  - type: decision\n    date: 2020-01-02\n    ? [a]\n    : x\n")
        let (_, problems) = try loadProblems(text, format: testFormat(checking: nil))
        #expect(problems.map(\.code) == [.key], "\(problems)")
        #expect(problems.first?.position == pos(7, 7))
        #expect(problems.first?.message.en.contains("has a key that is a list or a mapping") == true)
    }

    /// A meeting's type of another kind than text is named as `meeting.type`, not as the step's
    /// own `type` (which was told to be a text it already was).
    @Test func aMeetingTypeOfAnotherKindIsNamedAsTheMeetings() throws {
        let text = Self.record(kind: "major_administrative_decision", steps: "  - type: collective_discussion\n    date: 2020-01-02\n    meeting: {type: 5}\n")
        let (_, problems) = try loadProblems(text, format: testFormat(checking: nil))
        #expect(problems.map(\.message.en) == ["step 1 has meeting.type a number, expected a text"], "\(problems)")
        #expect(problems.first?.position == pos(7, 21))
    }

    @Test func stepWithoutDate() throws {
        let problems = try stepProblems("  - type: decision\n  - type: publication\n    channel: web\n")
        #expect(problems.count == 2)
        #expect(problems.map(\.position) == [pos(5, 5), pos(6, 5)])
        #expect(problems.first?.message.en.contains("lacks 'date'") == true)
        #expect(problems.last?.message.en.hasPrefix("step 2 ") == true)
    }

    /// A step dated twice, by a date and by a period ending on another day, is a problem at the
    /// date: ordered by the period's end (as a period step is) a review could fall after the
    /// meeting its date puts it before. A date on the period's end is the same day twice.
    @Test func aDateAndAPeriodEndingOnAnotherDayDisagree() throws {
        let problems = try stepProblems("  - type: legality_review\n    date: 2025-09-10\n    start: 2025-09-20\n    end: 2025-09-21\n")
        #expect(problems.count == 1)
        #expect(problems.first?.code == .step)
        #expect(problems.first?.position == pos(6, 11))
        #expect(problems.first?.message.en == "step 1 has both a date (2025-09-10) and a period (2025-09-20 to 2025-09-21) that ends on another day (a period step is dated by its end); give one of them, or make date the same as end")
        #expect(problems.first?.message.zh == "第 1 个步骤既有 date（2025-09-10）又有期间（2025-09-20 至 2025-09-21），两者不一致（期间步骤以结束日期为准）；只写其一，或使 date 与 end 相同")
        let sameDay = try loadRecord(Self.record(steps: "  - type: public_comment\n    date: 2025-09-21\n    start: 2025-09-20\n    end: 2025-09-21\n"))
        #expect(sameDay.steps.first?.day.description == "2025-09-21")
    }

    @Test func periodThatEndsBeforeItStarts() throws {
        let problems = try stepProblems("  - type: public_comment\n    start: 2020-03-10\n    end: 2020-03-01\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(7, 10))
        #expect(problems.first?.message.en == "step 1 ends on 2020-03-01, before it starts on 2020-03-10")
    }

    @Test func idsAreReadAsWritten() throws {
        let record = try loadRecord("id: \"007\"\nkind: other\ntitle: t\nsteps: [{type: a, date: 2020-01-02}]\n")
        #expect(record.id == "007")
    }

    @Test func stepWithBadDate() throws {
        let problems = try stepProblems("  - type: decision\n    date: 2020-02-30\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(6, 11))
        #expect(problems.first?.message.en.contains("2020-02-30") == true)
        #expect(problems.first?.message.zh.contains("2020-02-30") == true)
    }

    @Test func stepWithDateThatIsNotAScalar() throws {
        let problems = try stepProblems("  - type: decision\n    date: [2020-02-03]\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(6, 11))
        #expect(problems.first?.message.en.contains("a list") == true)
    }

    @Test func stepWithBadSubmittedDate() throws {
        let problems = try stepProblems("  - type: legality_review\n    submitted: yesterday\n    date: 2020-04-20\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(6, 16))
        #expect(problems.first?.message.en.contains("submitted") == true)
    }

    @Test func stepWithBadSignoffDate() throws {
        let problems = try stepProblems("""
              - type: legality_review
                date: 2020-04-20
                signoffs:
                  - {person: P-007, role: legal_adviser, date: 2020-04-19}
                  - person: P-008
                    date: 2020-04-31

            """)
        // The second signoff lacks its role, and its date is no day.
        #expect(problems.count == 2)
        #expect(problems.map(\.position) == [pos(9, 9), pos(10, 15)])
        #expect(problems.last?.message.en.contains("signoffs.date") == true)
    }

    @Test func periodWithStartButNoEnd() throws {
        let problems = try stepProblems("  - type: public_comment\n    start: 2020-03-01\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(6, 12))
        #expect(problems.first?.message.en == "step 1 has 'start' but no 'end'; a period needs both")
    }

    @Test func periodWithEndButNoStart() throws {
        let problems = try stepProblems("  - type: public_comment\n    end: 2020-03-01\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(6, 10))
    }

    @Test func periodWithBadEnd() throws {
        let problems = try stepProblems("  - type: public_comment\n    start: 2020-03-01\n    end: 2020-03-41\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(7, 10))
    }

    @Test func badStatusIsOutsideTheVocabulary() throws {
        let (_, problems) = try loadProblems(Self.record(steps: "  - type: decision\n    date: 2020-01-02\n    status: maybe\n"))
        #expect(problems.map(\.code) == [.value])
        #expect(problems.first?.position == pos(7, 13))
        #expect(problems.first?.message.en.contains("'maybe'") == true)
    }

    /// An empty text is a text that is no code: a value problem where codes are checked.
    @Test func anEmptyStatusIsOutsideTheVocabulary() throws {
        let (_, problems) = try loadProblems(Self.record(steps: "  - {type: decision, date: 2020-01-02, status: \"\"}\n"))
        #expect(problems.map(\.code) == [.value])
        #expect(problems.first?.message.en.contains("the step status '' is not in the vocabulary") == true, "\(problems)")
    }

    @Test func statusCodesAreCaseSensitive() throws {
        let (_, problems) = try loadProblems(Self.record(steps: "  - {type: decision, date: 2020-01-02, status: Done}\n"))
        #expect(problems.map(\.code) == [.value])
        #expect(problems.first?.position == pos(5, 48))
        #expect(problems.first?.message.en.contains("did you mean 'done'") == true)
    }

    @Test func stepThatIsNotAMapping() throws {
        let problems = try stepProblems("  - decision on 2020-01-02\n")
        #expect(problems.count == 1)
        #expect(problems.first?.position == pos(5, 5))
        #expect(problems.first?.message.en == "step 1 is a scalar, expected a mapping")
    }

    @Test func severalProblemsAreAllCollected() throws {
        let (id, problems) = try loadProblems("""
            id: R-9
            kind: other
            steps:
              - type: decision
                date: 2020-02-30
              - date: 2020-01-01
                status: later
              - type: publication
              - type: ok
                date: 2020-01-03

            """)
        #expect(id == "R-9")
        #expect(problems.map(\.code) == [.record, .step, .step, .value, .step])
        #expect(problems.map(\.position) == [pos(1, 1), pos(5, 11), pos(6, 5), pos(7, 13), pos(8, 5)])
        #expect(problems[0].message.en.contains("'title'"))
        #expect(problems[2].message.en == "step 2 lacks 'type'")
    }

    @Test func everyProblemHasBothLanguages() throws {
        let (_, problems) = try loadProblems(Self.record(steps: "  - status: x\n    date: bad\n    start: 2020-01-01\n"))
        #expect(problems.map(\.code) == [.step, .value, .step, .step])
        for problem in problems {
            #expect(!problem.message.zh.isEmpty)
            #expect(!problem.message.en.isEmpty)
            #expect(problem.message.text(.zh) == problem.message.zh)
            #expect(problem.message.text(.en) == problem.message.en)
        }
    }
}
