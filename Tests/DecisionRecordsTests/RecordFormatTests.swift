import DecisionRecords
import Testing
import YAMLTree

/// Version 2 of the record format: a closed vocabulary read in Chinese or English, booleans that
/// are booleans, unknown keys, done steps in the future, and the shapes of step fields.
@Suite("RecordLoader: the closed vocabulary (v2)")
struct VocabularyTests {
    static let checkAll = testFormat(checking: nil)

    @Test func chineseNamesAreReadAsCodesEverywhere() throws {
        let record = try loadRecord("""
            id: V-1
            kind: 重大行政决策
            title: 示例
            steps:
              - type: 合法性审查
                date: 2026-03-02
                outcome: 通过
                form: 正式审查
                status: 已完成
                signoffs: [{person: P-7, role: 法律顾问}]
              - {type: 集体讨论, date: 2026-03-10, status: 计划, meeting: {type: 常务会议, minutes: true}}
            """, format: Self.checkAll)
        #expect(record.kind == "major_administrative_decision")
        #expect(record.node["kind"]?.scalar?.text == "major_administrative_decision")
        #expect(record.steps.map(\.type) == ["legality_review", "collective_discussion"])
        #expect(record.steps[0].node["outcome"]?.scalar?.text == "passed")
        #expect(record.steps[0].node["form"]?.scalar?.text == "formal_review")
        #expect(record.steps[0].node["signoffs"]?.sequence?.first?["role"]?.scalar?.text == "legal_adviser")
        #expect(record.steps[1].status == .planned)
        #expect(record.steps[1].node["meeting"]?["type"]?.scalar?.text == "executive")
        // Positions stay those of the written values.
        #expect(record.steps[0].node["outcome"]?.position == SourcePosition(line: 7, column: 14))
        #expect(record.node["steps"]?.sequence?[0]["type"]?.scalar?.text == "legality_review")
    }

    /// The short names legality's own reports and messages use are names too: `kind: 规范性文件`
    /// (the audit's column) and `status: 计划中` ("尚在计划中") were REC-006, the kind with no suggestion.
    @Test func theShortNamesReportsUseAreReadAsCodes() throws {
        let record = try loadRecord("""
            id: V-2
            kind: 规范性文件
            title: 示例
            steps:
              - {type: 合法性审查, date: 2026-03-02, status: 计划中}
            """, format: Self.checkAll)
        #expect(record.kind == "normative_document")
        #expect(record.steps.map(\.status) == [.planned])
        let penalty = try loadRecord("id: V-3\nkind: 处罚\ntitle: 示例\nsteps:\n  - {type: 立案, date: 2026-03-02}\n", format: Self.checkAll)
        #expect(penalty.kind == "administrative_penalty")
        // The normative documents' word for the review (115号) is no name of it: in a penalty record
        // it was a review no penalty rule reads (a penalty's is 法制审核), and a failed one passed.
        let (_, problems) = try loadProblems("id: V-4\nkind: 行政处罚\ntitle: 示例\nsteps:\n  - {type: 合法性审核, date: 2026-03-02, outcome: failed}\n", format: Self.checkAll)
        #expect(problems.map(\.code).contains(.value), "\(problems.map(\.message.en))")
    }

    @Test(arguments: [
        ("legality_review", "legality_review"), ("", ""), (" a ", "a"), ("\ta", "a"), ("a\t", "a"), ("\u{3000}立案 ", "立案"),
        ("立案\u{A0}", "立案"), ("x\u{3000}", "x"), ("\u{3000}", ""), ("  ", ""), ("a b", "a b"), ("é", "é"),
        // Ends told by their bytes: a character ending in 80 or A0 that is no space, spaces inside.
        ("孙敏", "孙敏"), ("\u{A0}孙敏", "孙敏"), ("孙敏\u{3000}\u{3000}", "孙敏"), ("\u{3000}孙\u{3000}敏\t", "孙\u{3000}敏"),
        ("态\u{0100}", "态\u{0100}"), ("\u{3080}", "\u{3080}"), ("\u{3000}a", "a"), ("a\u{A0}", "a"), ("\u{A0}", ""), ("\u{E000}", "\u{E000}"),
    ])
    func trimmingTakesOffSpacesFullWidthOnesIncluded(written: String, trimmed: String) {
        #expect(Vocabulary.trimmed(written) == trimmed)
    }

    /// A code is read as itself and a name as its code, whether the section's codes are all ASCII
    /// (compared by their bytes) or not (compared by hash); a text canonically equal to a code (the
    /// Kelvin sign for K, a decomposed é) is that code, as it always was.
    @Test(arguments: [
        ("K1", "K1"), ("\u{212A}1", "K1"), ("k1", nil), ("K", nil), ("K12", nil), ("开一", "K1"), (" 开一 ", "K1"), ("one", "K1"), ("", nil),
    ] as [(String, String?)])
    func aCodeOrANameIsReadAsItsCode(written: String, code: String?) {
        var vocabulary = Vocabulary()
        vocabulary.add("K1", names: LocalizedText(zh: "开一", en: "one"), to: "ascii")
        vocabulary.add("K2", names: LocalizedText(zh: "开二", en: "two"), to: "ascii")
        #expect(vocabulary.code(for: written, in: "ascii") == code)
        // The same with a code that is not ASCII in the section.
        vocabulary.add("caf\u{E9}", names: LocalizedText(zh: "咖啡", en: "coffee"), to: "ascii")
        #expect(vocabulary.code(for: written, in: "ascii") == code)
        for written in ["caf\u{E9}", "cafe\u{301}", "咖啡"] { #expect(vocabulary.code(for: written, in: "ascii") == "caf\u{E9}") }
    }

    @Test func englishNamesAndSurroundingSpacesAreAccepted() throws {
        let record = try loadRecord("id: V-2\nkind: administrative penalty\ntitle: t\nsteps:\n  - {type: \"\u{3000}立案 \", date: 2026-03-02}\n", format: Self.checkAll)
        #expect(record.kind == "administrative_penalty")
        #expect(record.steps.first?.type == "case_filing")
    }

    @Test(arguments: [
        ("kind: major_administative_decision\nsteps: [{type: decision, date: 2026-03-10}]", "2:7", "major_administrative_decision"),
        ("kind: 重大行政决策\nsteps: [{type: legality_reveiw, date: 2026-03-10}]", "3:16", "legality_review"),
        ("kind: 重大行政决策\nsteps: [{type: collective_disscussion, date: 2026-03-10}]", "3:16", "collective_discussion"),
        ("kind: 重大行政决策\nsteps: [{type: collective_discussion, date: 2026-03-10, meeting: {type: 常务会义}}]", "3:73", "常务会议"),
        ("kind: 重大行政决策\nsteps: [{type: legality_review, date: 2026-03-10, outcome: pased}]", "3:60", "passed"),
        ("kind: 重大行政决策\nsteps: [{type: legality_review, date: 2026-03-10, signoffs: [{person: P-1, role: legal_advisor}]}]", "3:82", "legal_adviser"),
    ])
    func typosAreREC006WithASuggestion(body: String, at: String, suggestion: String) throws {
        let (_, problems) = try loadProblems("id: V-3\n" + body.replacingFirstLine() + "title: t\n", format: Self.checkAll)
        let problem = try #require(problems.first)
        #expect(problems.map(\.code) == [.value])
        #expect("\(problem.position)" == at)
        #expect(problem.message.en.contains("did you mean '\(suggestion)'"))
        #expect(problem.message.zh.contains(suggestion))
    }

    @Test func aKindFarFromEveryCodeIsStillREC006() throws {
        let (_, problems) = try loadProblems("id: V-9\nkind: major_decision\ntitle: t\nsteps: [{type: decision, date: 2026-03-10}]\n", format: Self.checkAll)
        #expect(problems.map(\.code) == [.value])
        #expect(problems.first?.message.en.contains("major_administrative_decision") == true)
    }

    @Test func kindsNoPackChecksKeepTheirOwnStepTypesButTheKindIsAlwaysChecked() throws {
        let record = try loadRecord("id: V-4\nkind: contract\ntitle: t\nsteps:\n  - {type: signing, date: 2026-03-02, counterparty: 某公司}\n")
        #expect(record.steps.first?.type == "signing")
        let (_, problems) = try loadProblems("id: V-5\nkind: contrakt\ntitle: t\nsteps:\n  - {type: signing, date: 2026-03-02}\n")
        #expect(problems.map(\.code) == [.value])
    }

    @Test(arguments: ["yes", "\"true\"", "1", "是", "on", "~"])
    func booleanFactsMustBeBooleans(written: String) throws {
        let text = "id: V-6\nkind: administrative_penalty\ntitle: t\nfacts: {major: \(written)}\nsteps:\n  - {type: case_filing, date: 2026-03-02}\n"
        let (_, problems) = try loadProblems(text, format: Self.checkAll)
        #expect(problems.map(\.code) == [.value])
        #expect(problems.first?.position == SourcePosition(line: 4, column: 16))
        #expect(problems.first?.message.en.contains("write true or false") == true)
    }

    @Test func booleanFieldsOfTheFormatMustBeBooleans() throws {
        let text = """
            id: V-7
            kind: major_administrative_decision
            title: t
            steps:
              - {type: collective_discussion, date: 2026-03-10, meeting: {type: executive, minutes: yes, dissent_recorded: true}}
              - {type: inspection, date: 2026-03-11, credentials_shown: 是}
            """
        let (_, problems) = try loadProblems(text, format: Self.checkAll)
        #expect(problems.map(\.code) == [.value, .value])
        #expect(problems.map(\.position) == [SourcePosition(line: 5, column: 89), SourcePosition(line: 6, column: 61)])
        _ = try loadRecord("id: V-8\nkind: administrative_penalty\ntitle: t\nfacts: {major: true, fine_amount: 5000}\nsteps:\n  - {type: case_filing, date: 2026-03-02}\n", format: Self.checkAll)
    }
}

@Suite("RecordLoader: unknown keys, the future, shapes (v2)")
struct RecordShapeTests {
    static let checkAll = testFormat(checking: nil)

    @Test func unknownKeysAreReportedWithTheClosestKnownKey() throws {
        let text = "id: K-1\nkind: normative_document\ntitle: t\nsteps:\n  - {type: legality_review, submited: 2026-02-20, date: 2026-03-02}\n"
        let loaded = RecordLoader.load(try document(text), file: "r.yaml", format: Self.checkAll)
        #expect(loaded.problems.map(\.code) == [.key])
        #expect(loaded.problems.first?.position == SourcePosition(line: 5, column: 29))
        #expect(loaded.problems.first?.message.en.contains("did you mean 'submitted'") == true)
        #expect(!loaded.isBlocked)
    }

    /// A key the mapping already has is never proposed: taking the hint made a duplicate key,
    /// and the file could not be read at all.
    @Test func noKeyTheMappingHasIsProposed() throws {
        let text = "id: K-1\nkind: normative_document\ntitle: t\nsteps:\n  - {type: legality_review, submitted: 2026-02-10, resubmitted: 2026-02-20, date: 2026-03-02}\n"
        let loaded = RecordLoader.load(try document(text), file: "r.yaml", format: Self.checkAll)
        #expect(loaded.problems.map(\.code) == [.key])
        #expect(loaded.problems.first?.message.en.contains("did you mean") == false, "\(loaded.problems.first?.message.en ?? "")")
        let top = "id: K-1\nkind: normative_document\ntitle: t\ntitel: u\nsteps: []\n"
        let atTop = RecordLoader.load(try document(top), file: "r.yaml", format: Self.checkAll)
        #expect(atTop.problems.first?.message.en.contains("did you mean") == false, "\(atTop.problems.first?.message.en ?? "")")
    }

    /// A key written another way (in Chinese, `日期`; in other English, `submit_date`) is told the
    /// format's key the vocabulary's `key_names` give it, at the level that has it (a key in
    /// Chinese got no hint at all, and the step "lacked" its date).
    @Test(arguments: [
        ("  - {type: legality_review, 日期: 2026-03-02}", "did you mean 'date'"),
        ("  - {type: legality_review, date: 2026-03-02, 结论: passed}", "did you mean 'outcome'"),
        ("  - {type: legality_review, date: 2026-03-02, submit_date: 2026-02-20}", "did you mean 'submitted'"),
        ("  - {type: legality_review, date: 2026-03-02, signoffs: [{签署人: P-1, role: legal_adviser}]}", "did you mean 'person'"),
        // (A name of a key another level has is no hint here, unless the rules decide by it; one
        // the step already has, saying another thing, leaves the step in doubt.)
        ("  - {type: legality_review, date: 2026-03-02, 标题: x}", "the key '标题' of step 1 is neither a key of the record format nor read by any rule (prefix"),
        ("  - {type: legality_review, date: 2026-03-02, 日期: 2026-03-03}", "the key '日期' of step 1 looks meant as 'date', which is here already and says otherwise: this one was not read, and which of the two holds is unknown"),
        ("  - {type: legality_review, date: 2026-03-02, 日期: 2026-03-02}", "the key '日期' of step 1 is neither a key of the record format nor read by any rule (prefix"),
    ])
    func keysWrittenAnotherWayAreTold(step: String, message: String) throws {
        let text = "id: K-4\nkind: normative_document\ntitle: t\nsteps:\n\(step)\n"
        let problems = RecordLoader.load(try document(text), file: "r.yaml", format: Self.checkAll).problems.filter { $0.code == .key }
        #expect(problems.count == 1 && problems.first?.message.en.contains(message) == true, "\(problems.map(\.message.en))")
    }

    /// The step reader finds its fields in one pass over a step's pairs: each key of the format
    /// is known there (whatever its quoting), every other key is reported once, in written order.
    @Test func everyKeyOfTheStepFormatIsKnownAndEveryOtherReportedInOrder() throws {
        let values = [
            "type": "legality_review", "date": "2026-03-10", "start": "2026-03-01", "end": "2026-03-05", "status": "done",
            "outcome": "approved", "form": "formal_review", "submitted": "2026-03-01", "by": "[P-1]", "officers": "[P-1]",
            "credentials_shown": "true", "signoffs": "[{person: P-1, role: legal_adviser, date: 2026-03-10}]",
            "meeting": "{type: executive}", "attendees": "[P-1]", "documents": "[d]", "channel": "web",
        ]
        #expect(Set(values.keys) == Set(RecordFormat.stepKeys))
        let known = RecordFormat.stepKeys.enumerated().map { index, key in
            let written = index.isMultiple(of: 2) ? key : "\"\(key)\""
            return "    \(written): \(values[key] ?? "")"
        }
        let others = ["    typ: a", "    dates: b", "    \"类型\": c", "    credentials_showx: d", "    x_own: e", "    [a, b]: f"]
        let text = "id: K-3\nkind: normative_document\ntitle: t\nsteps:\n  - \n" + (known + others).joined(separator: "\n") + "\n"
        let (_, problems) = try loadProblems(text, format: Self.checkAll)
        let keyProblems = problems.filter { $0.code == .key }
        // (`x_own` is the user's own; the key that is a list, `[a, b]`, is reported too.)
        #expect(keyProblems.map(\.position.line) == [22, 23, 24, 25, 27], "\(keyProblems.map(\.message.en))")
        // (`typ` is not told to be `type`: the step has a `type`, and two would not load.)
        #expect(keyProblems.first?.message.en.contains("did you mean") == false)
    }

    @Test func factsExtensionsAndKeysRulesReadAreNeverReported() throws {
        let text = "id: K-2\nkind: normative_document\ntitle: t\nx_note: n\nfacts: {anything: 1}\nsteps:\n  - {type: publication, date: 2026-03-02, served_on: 2026-03-03, x-src: a}\n"
        _ = try loadRecord(text, format: testFormat(ruleKeys: ["served_on"], checking: nil))
        let (_, problems) = try loadProblems(text, format: Self.checkAll)
        #expect(problems.map(\.code) == [.key])
    }

    /// The words that stand for no one where a person's id belongs come from the vocabulary's
    /// `no_one_words`, compared whole, trimmed, in lower case; ids that only begin like one stay ids.
    @Test func wordsStandingForNoOneComeFromTheVocabulary() {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        for word in ["", "　", "无", " 待定 ", "N/A", "Na", "NONE", "-", "——", "？", "unknown", "无人", "no one"] {
            #expect(format.standsForNoOne(word), "\(word)")
        }
        for id in ["P-1", "无锡-001", "NA-12", "待定科-3", "nobody-2", "N/A-1", "0", "ZY-046"] {
            #expect(!format.standsForNoOne(id), "\(id)")
        }
    }

    /// A key asking yes or no is short; one of thousands of characters is none, told by its length
    /// before its words are read (a ledger's header of 30,000 characters was read word by word for
    /// every cell under it: three minutes for 200 rows).
    @Test func aLongKeyAsksNoYesOrNo() {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        #expect(format.yesNoWords.read(key: "审查是否通过", value: "否")?.answer == false)
        #expect(format.yesNoWords.read(key: "审查是否通过" + String(repeating: "长", count: 30_000), value: "否") == nil)
        #expect(format.yesNoWords.namesReview(key: "合法性审查"))
        #expect(!format.yesNoWords.namesReview(key: String(repeating: "合法性审查", count: 6_000)))
    }

    /// An opinion naming the meeting it objects to or agrees to, in the meeting's own name
    /// (`不同意提交局务会议`): read as no answer, the signoff was an opinion given and the item READY.
    @Test(arguments: [
        ("不同意提交局务会议", false), ("不同意提请常务会议审议", false), ("不同意报请区政府常务会议审定", false),
        ("不同意提交镇党委会", false), ("建议暂缓提交会议", false), ("不同意提请县政府第5次常务会议研究", false),
        ("同意提交局务会议", true), ("同意提请党组会议讨论", true), ("同意提交会议", true),
    ])
    func anOpinionNamingAMeetingIsRead(opinion: String, agrees: Bool) {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        #expect(format.yesNoWords.read(key: "意见", value: opinion)?.answer == agrees, "\(opinion)")
    }

    /// A key saying whether the officers hold their enforcement certificates asks `certified`.
    @Test(arguments: [
        ("执法证", "无", false), ("执法证件", "已过期", false), ("执法人员是否持证", "否", false), ("持证情况", "执法人员无证", false),
        ("certified", "false", false), ("执法证", "已注销", false), ("执法人员是否持证", "是", true), ("持证上岗", "是", true),
    ])
    func aKeyAsksWhetherTheOfficersAreCertified(key: String, value: String, certified: Bool) {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        let asked = format.yesNoWords.read(key: key, value: value)
        #expect(asked?.question == .certified && asked?.answer == certified, "\(key): \(value)")
    }

    /// A licence of no one named (`是否持证`, `licensed`) asks nothing: a case's party has one too.
    @Test func aLicenceOfNoOneNamedAsksNothing() {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        for (key, value) in [("是否持证", "否"), ("licensed", "no"), ("证件", "无")] {
            #expect(format.yesNoWords.read(key: key, value: value) == nil, "\(key): \(value)")
        }
    }

    /// What is no meeting's name is not read as one: a review before the meeting
    /// (`提交审查后再上会`) and a countersigning (`提交会签`) say no yes or no of their own.
    @Test func aReviewOrACountersigningIsNoMeeting() {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        for opinion in ["提交审查后再上会", "提交会签", "不同意提交会签"] {
            #expect(format.yesNoWords.read(key: "意见", value: opinion)?.answer != true, "\(opinion)")
        }
    }

    /// A ledger's spare column is asked once whether its header can say anything of a review or a
    /// fact; only the headers that may have their cells read for it.
    @Test func aHeaderSaysWhetherItsCellsMaySpeakOfAReviewOrAFact() {
        let format = RecordFormat(vocabulary: builtinVocabulary, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
        for header in ["审查状态", "审查是否通过", "法律顾问是否签署", "legal_review_done"] {
            #expect(format.yesNoWords.mayAsk(key: header), "\(header)")
        }
        for header in ["是否重大执法决定", "案件类型", "案件类型（一般/重大）", "涉及公共利益"] {
            #expect(format.mayNameFact(key: header, among: ["major", "affects_public_interest"]), "\(header)")
        }
        for header in ["附加栏目1", "经办科室", "归档位置", "remarks_2"] {
            #expect(!format.yesNoWords.mayAsk(key: header) && !format.mayNameFact(key: header, among: ["major"]), "\(header)")
        }
    }

    /// A fact one typo from a well-known one, or written in Chinese, that no rule reads is a key
    /// problem with a hint: no rule read it, and the rule the fact switches on (MAD-006 for
    /// `affects_public_interest`) passed the record unsaid. Other facts stay free.
    @Test func aFactMeantAsAWellKnownOneIsReported() throws {
        func problems(_ facts: String, reads: Set<RecordFormat.FieldRead> = []) throws -> [RecordProblem] {
            let text = "id: K-3\nkind: major_administrative_decision\ntitle: t\nfacts: {\(facts)}\nsteps:\n  - {type: decision, date: 2026-03-02}\n"
            let format = RecordFormat(vocabulary: builtinVocabulary, ruleReads: reads, checkedKinds: nil, asOf: Day(parsing: "2099-12-31") ?? Day(ordinal: 0))
            return RecordLoader.load(try document(text), file: "r.yaml", format: format).problems
        }
        let typo = try problems("affects_publc_interest: true")
        #expect(typo.map(\.code) == [.key])
        #expect(typo.first?.message.zh.contains("是否应为 affects_public_interest？") == true, "\(typo.first?.message.zh ?? "")")
        #expect(typo.first?.position == SourcePosition(line: 4, column: 9))
        // A shorter Chinese form of a fact's name is told the fact; another Chinese yes-or-no
        // fact, the codes of them all.
        let chinese = try problems("涉及公共利益: true")
        #expect(chinese.first?.message.zh.contains("是否应为 affects_public_interest？") == true, "\(chinese.first?.message.zh ?? "")")
        #expect(chinese.first?.isMisreadKey == true)
        let own = try problems("是否公开: true")
        #expect(own.first?.message.zh.contains("是否类的事实请写代码") == true && own.first?.message.zh.contains("affects_public_interest（") == true, "\(own.first?.message.zh ?? "")")
        #expect(own.first?.isMisreadKey == false)
        // The code in other letters, and the fact's Chinese name, are told the code.
        for (written, code) in [("AFFECTS_PUBLIC_INTEREST: true", "affects_public_interest"), ("affectsPublicInterest: true", "affects_public_interest"),
                                ("ＭＡＪＯＲ: true", "major"), ("情况紧急: true", "urgent"), ("情況緊急: 是", "urgent")] {
            let told = try problems(written)
            #expect(told.first?.message.en.contains("did you mean '\(code)'") == true, "\(written): \(told.map(\.message.en))")
        }
        // A fact the mapping has is not proposed; a Chinese fact that is no yes-or-no is free.
        #expect(try problems("fine_amount: 5, fine_amounts: 3").isEmpty)
        #expect(try problems("major: true, majr: true").isEmpty)
        #expect(try problems("预算: 300, 资金来源: 财政").isEmpty)
        // A Chinese fact that says yes or no as people write it (是, 否, yes, 1) is meant as one the
        // rules read, and is told the codes of the yes-or-no facts (none of a number).
        for yesOrNo in ["是", "否", "\"yes\"", "1", "true"] {
            let told = try problems("是否公开: \(yesOrNo)")
            #expect(told.first?.message.zh.contains("是否类的事实请写代码") == true, "\(yesOrNo): \(told.map(\.message.zh))")
            #expect(told.first?.message.zh.contains("fine_amount") == false)
            // (Meant as a known one, it holds the gate back unless it says no.)
            let meant = try problems("涉及公共利益: \(yesOrNo)")
            #expect(meant.first?.isMisreadKey == (yesOrNo != "否"), "\(yesOrNo)")
        }
        // Free facts, the user's own, and facts a rule reads (in Chinese too) are not reported.
        #expect(try problems("budget: 3000000, x_紧急: true, fine_amount: 5, urgent: true").isEmpty)
        #expect(try problems("预算金额: 3000000, affects_publc_interest: 1", reads: [
            RecordFormat.FieldRead(level: .facts, key: "预算金额"), RecordFormat.FieldRead(level: .facts, key: "affects_publc_interest"),
        ]).isEmpty)
    }

    /// A key asking yes or no of what the format says another way (`done: false`, `已完成: 否`,
    /// `审查是否通过: 否`, a signoff's `signed: false`) is read by no rule: the review was read as
    /// done, as its outcome says, its signoff as signed. One whose answer is not what was read
    /// leaves the record in doubt (the gate holds it back); one that agrees is only listed.
    @Test func aYesOrNoKeyThatContradictsWhatWasReadIsAMisreadKey() throws {
        func problems(_ step: String, signoff: String = "") throws -> [RecordProblem] {
            let text = "id: K-4\nkind: major_administrative_decision\ntitle: t\nsteps:\n  - {type: legality_review, date: 2026-03-02\(step), signoffs: [{person: P-1, role: legal_adviser\(signoff)}]}\n"
            return RecordLoader.load(try document(text), file: "r.yaml", format: Self.checkAll).problems.filter { $0.code == .key }
        }
        let held: [(String, String)] = [
            (", outcome: passed, done: false", ""), (", outcome: passed, 已完成: 否", ""), (", outcome: passed, 是否完成: 否", ""),
            (", outcome: passed, 未完成: 是", ""), (", outcome: passed, isDone: false", ""), (", outcome: passed, incomplete: true", ""),
            (", outcome: passed, status: planned, completed: true", ""), (", outcome: passed, 审查是否通过: 否", ""),
            (", outcome: passed, 审查不通过: 是", ""), (", outcome: failed, approved: true", ""), (", passed: true", ""),
            (", outcome: passed, 法律顾问已签署: 否", ""), (", outcome: passed", ", signed: false"), (", outcome: passed", ", 是否签字: 否"),
            (", outcome: passed", ", unsigned: true"),
            // The answer in the value (未完成, 未通过, 未, 审查中), a remark after it, the key naming only its subject.
            (", outcome: passed, 是否完成: 未完成", ""), (", outcome: passed, 是否完成: 未", ""), (", outcome: passed, 审查是否通过: 未通过", ""),
            (", outcome: passed, 审查状态: 审查中", ""), (", outcome: passed, 是否完成: 否（尚在审查）", ""), (", outcome: passed, 是否经合法性审查: 否", ""),
            (", outcome: passed, ISDONE: false", ""), (", outcome: passed, 法律顾问意见: 未签署", ""), (", outcome: passed", ", 签署情况: 未签署"),
            // A key still under way (审查中, 待签), a remark after a comma, a header's `（是/否）`, `了`.
            (", outcome: passed, 审查中: 是", ""), (", outcome: passed", ", 待签: 是"), (", outcome: passed, 是否完成: 否，正在审查", ""),
            (", outcome: passed, 审查是否通过（是/否）: 否", ""), (", outcome: passed, 是否通过了审查: 否", ""), (", outcome: passed, 审查结论: 不予通过", ""),
            // An outcome written as a key (`failed: true`, `退回: 是`) or a value (`退回修改`); the
            // review named after a negation (`未审`); a remark saying no (`备注: 未签`).
            (", outcome: passed, failed: true", ""), (", outcome: passed, 退回: 是", ""), (", outcome: passed, 审查结果: 退回修改", ""),
            (", outcome: passed, 审查情况: 未审查", ""), (", outcome: passed", ", note: 未签"), (", outcome: passed, remarks: not yet reviewed", ""),
        ]
        for (step, signoff) in held {
            let found = try problems(step, signoff: signoff)
            #expect(found.count == 1 && found.first?.isMisreadKey == true, "\(step)\(signoff): \(found.map(\.message.zh))")
        }
        let done = try problems(", outcome: passed, done: false")
        #expect(done.first?.message.zh.contains("它说此步骤没有完成（done: false），而此步骤没有写 status，读作已完成（done）；尚未完成的步骤请写 status: planned（计划），删去此字段") == true, "\(done.map(\.message.zh))")
        #expect(done.first?.position == SourcePosition(line: 5, column: 64))
        let outcome = try problems(", passed: true")
        #expect(outcome.first?.message.en.contains("did you mean outcome: passed?") == true, "\(outcome.map(\.message.en))")
        // What agrees with what was read is listed, removable; a key that asks nothing of these
        // (`是否涉密`, `assigned`: a word within another) or a value that is no yes or no is as any.
        let agreeing: [(String, String)] = [
            (", outcome: passed, 是否完成: 是", ""), (", outcome: passed, 审查通过: 是", ""), (", outcome: failed, 通过: 否", ""),
            (", outcome: passed, status: planned, done: no", ""), (", outcome: passed", ", 已签字: 是"),
            (", outcome: passed, 审查中: 否", ""), (", outcome: passed", ", 待签: 否"),
            // (Passed without objection: a review passed, as `无异议` is a reply of no comments.)
            (", outcome: passed, 无异议通过: 是", ""),
        ]
        for (step, signoff) in agreeing {
            let found = try problems(step, signoff: signoff)
            #expect(found.count == 1 && found.first?.isMisreadKey == false && found.first?.message.zh.contains("所说的与读取的一致") == true, "\(step)\(signoff): \(found.map(\.message.zh))")
        }
        // A key with a word of anything else asks about that: the review done late, the party's
        // signature, whether a review of another kind passed.
        for step in [", outcome: passed, 是否涉密: 否", ", outcome: passed, assigned: false", ", outcome: passed, 完成情况说明: 按期",
                     ", outcome: passed, 是否按期完成: 否", ", outcome: passed, completed_on_time: false",
                     ", outcome: passed, 当事人是否签字: 否", ", outcome: passed, 是否通过公平竞争审查: 否", ", outcome: passed, sign_language: false",
                     // Naming only a person or the review asks nothing of these; nor does an outcome answered no.
                     ", outcome: passed, 公职律师: 无", ", outcome: passed, 是否复核: 否", ", outcome: passed, 附条件通过: 否",
                     ", outcome: passed, 退回: 否", ", outcome: passed, 备注: 无"] {
            let found = try problems(step)
            #expect(found.count == 1 && found.first?.isMisreadKey == false && found.first?.message.zh.contains("所说") == false, "\(step): \(found.map(\.message.zh))")
        }
        // A review's own opinion saying nothing (`审查意见: 无`) beside a passed outcome is read as
        // a signoff's `意见: 无` is: no opinion, held.
        let none = try problems(", outcome: passed, 审查意见: 无")
        #expect(none.count == 1 && none.first?.isMisreadKey == true && none.first?.message.zh.contains("不能读作审查通过") == true, "\(none.map(\.message.zh))")
    }

    /// Whether a review passed is asked of a review, or a step with an outcome, only; a step's
    /// `签字: 是` with no signoffs is in doubt; of a whole record, or in its facts, a key naming a
    /// review that says no is (`是否通过合法性审查: 否`), as a ledger's column imported says it.
    @Test func aYesOrNoKeyIsAskedWhereItsQuestionStands() throws {
        func problems(_ text: String) throws -> [RecordProblem] {
            RecordLoader.load(try document(text), file: "r.yaml", format: Self.checkAll).problems.filter { $0.code == .key }
        }
        let head = "id: K-5\nkind: major_administrative_decision\ntitle: t\n"
        let discussion = head + "steps:\n  - {type: collective_discussion, date: 2026-03-02, 会议是否通过: 否}\n"
        #expect(try problems(discussion).first?.isMisreadKey == false)
        let comment = head + "steps:\n  - {type: public_comment, start: 2026-03-02, end: 2026-03-30, 是否通过政府网站公开: 是}\n"
        #expect(try problems(comment).first?.isMisreadKey == false)
        // A signature is asked of a review or a step with signoffs: a discussion's `签字: 是` is told
        // the key it may mean; a party's, on a notice of rights, is its own.
        let unsigned = try problems(head + "steps:\n  - {type: collective_discussion, date: 2026-03-02, 签字: 是}\n")
        #expect(unsigned.first?.isMisreadKey == true)
        #expect(unsigned.first?.message.zh.contains("是否应为 signoffs？") == true, "\(unsigned.map(\.message.zh))")
        let review = try problems(head + "steps:\n  - {type: legality_review, date: 2026-03-02, outcome: passed, 法律顾问已签署: 是}\n")
        #expect(review.first?.message.zh.contains("而此步骤没有签署（signoffs）") == true, "\(review.map(\.message.zh))")
        let party = try problems("id: K-6\nkind: administrative_penalty\ntitle: t\nsteps:\n  - {type: notice_of_rights, date: 2026-03-02, 当事人是否签字: 否, 是否签字: 是}\n")
        #expect(party.allSatisfy { !$0.isMisreadKey }, "\(party.map(\.message.zh))")
        // The review's words on another step ask nothing of it (a discussion `是否经合法性审查`).
        let discussed = try problems(head + "steps:\n  - {type: collective_discussion, date: 2026-03-02, status: planned, 是否经合法性审查: 是}\n")
        #expect(discussed.allSatisfy { !$0.isMisreadKey }, "\(discussed.map(\.message.zh))")
        let steps = "steps:\n  - {type: legality_review, date: 2026-03-02, outcome: passed}\n"
        for (extra, held) in [("是否通过合法性审查: 否\n", true), ("\"列 U：是否通过合法性审查\": 否\n", true), ("是否通过合法性审查: 是\n", false),
                              ("合法性审查: 未审\n", true), ("审查结果: 退回修改\n", true),
                              ("是否办结: 否\n", false), ("facts: {合法性审查已完成: false}\n", true), ("facts: {是否办结: false}\n", false)] {
            let found = try problems(head + extra + steps)
            #expect(found.contains(where: \.isMisreadKey) == held, "\(extra): \(found.map(\.message.zh))")
        }
    }

    @Test func doneStepsAfterTheAsOfDateAreREC008() throws {
        let text = "id: F-1\nkind: other\ntitle: t\nsteps:\n  - {type: decision, date: 2026-09-01}\n  - {type: publication, date: 2026-09-02, status: planned}\n"
        let (_, problems) = try loadProblems(text, format: testFormat(asOf: "2026-06-01"))
        #expect(problems.map(\.code) == [.future])
        #expect(problems.first?.position == SourcePosition(line: 5, column: 28))
        _ = try loadRecord(text, format: testFormat(asOf: "2026-09-01"))
    }

    @Test(arguments: [
        ("{type: investigation, date: 2026-03-03, officers: P-012}", "write a list: officers: [P-012]"),
        ("{type: legality_review, date: 2026-03-03, signoffs: {person: P-1, role: legal_adviser}}", "expected a list of {person, role, date}"),
        ("{type: legality_review, date: 2026-03-03, signoffs: [{person: P-1, role: [legal_adviser]}]}", "has role a list, expected a text"),
        ("{type: 5, date: 2026-03-03}", "has type a number, expected a text"),
        ("{type: collective_discussion, date: 2026-03-03, meeting: executive}", "expected a mapping (type, ref, minutes, ...)"),
        ("{type: public_comment, date: 2026-02-01, start: 2026-01-02}", "has 'start' but no 'end'"),
        ("{type: public_comment, start: 2026-02-01, end: 2026-01-02}", "ends on 2026-01-02, before it starts on 2026-02-01"),
        ("{type: decision, date: 2026-03-03, by: [1001]}", "quote numeric ids"),
        ("{type: legality_review, submitted: 2026-03-10, date: 2026-03-03, outcome: passed}", "was submitted (2026-03-10) after its own date (2026-03-03)"),
    ])
    func wronglyShapedStepFieldsAreREC003(step: String, message: String) throws {
        let (_, problems) = try loadProblems("id: S-1\nkind: other\ntitle: t\nsteps:\n  - \(step)\n")
        #expect(problems.map(\.code) == [.step])
        #expect(problems.first?.message.en.contains(message) == true, "\(problems.first?.message.en ?? "")")
    }

    @Test(arguments: [("2026/11/16", "2026-11-16"), ("2026年11月16日", "2026-11-16"), ("2026-12-9", "2026-12-09"), ("2026.1.2", "2026-01-02")])
    func datesWrittenOtherWaysGetASuggestion(written: String, meant: String) throws {
        let (_, problems) = try loadProblems("id: D-1\nkind: other\ntitle: t\nsteps:\n  - {type: decision, date: \(written)}\n")
        #expect(problems.first?.message.en.contains("did you mean \(meant)?") == true)
        #expect(problems.first?.message.zh.contains("是否应为 \(meant)") == true)
    }

    @Test func aBlockedRecordKeepsWhatCouldBeRead() throws {
        let loaded = RecordLoader.load(try document("id: B-1\nkind: other\ntitle: t\nsteps:\n  - {type: decision, by: [P-9]}\n"), file: "r.yaml", format: testFormat())
        #expect(loaded.isBlocked)
        #expect(loaded.id == "B-1")
        #expect(loaded.record?.node["steps"]?.sequence?.first?["by"] != nil)
    }
}

extension String {
    /// The text with a line break after its first line kept (a helper for argument tables).
    fileprivate func replacingFirstLine() -> String { self + "\n" }
}

/// `RecordFormat.saysPassed`: a review's conclusion in words of its own, beside `outcome: passed`.
@Suite struct ConclusionInOwnWordsTests {
    @Test(arguments: [
        ("符合法律规定", true), ("合法有效", true), ("无异议", true), ("予以通过", true), ("是", true), ("OK", true),
        ("未发现与上位法相抵触的内容", true), ("该方案不违反法律法规规定", true), ("没有问题", true),
        ("内容合法，程序正当，建议提请常务会议审议", true), ("无条件通过", true), ("程序合法，裁量适当，无需调整", true),
        ("暂缓", false), ("待定", false), ("原则通过", false), ("修改后通过", false), ("无", false), ("否", false),
        ("存在合法性问题", false), ("同意，但须修改第三条", false), ("不予通过", false),
        ("no objection", true), ("Agreed.", true), ("经审查，同意提交常务会议审议", true),
        ("do not agree", false), ("disagree", false), ("not agreed", false), ("不能同意", false), ("需进一步研究", false),
        ("持保留意见", false), ("口头同意，书面意见后补", false), ("pending", false), ("TBD", false),
        // What the suggestions after an agreement speak of says nothing of it; a condition does.
        ("经审查，方案合法，建议进一步明确补偿标准", true), ("同意，无进一步意见", true), ("经审查，同意，无需修改", true),
        ("Lawful; no further comments", true), ("The draft does not conflict with any law or regulation. Approved.", true),
        ("同意，建议加强风险防控", true), ("同意，对于不同意搬迁的商户做好解释工作", true), ("同意，将口头告知改为书面告知", true),
        ("同意。第三条与第五条表述不一致，建议统一", true), ("详见泽司审〔2026〕44号审查意见书", true),
        ("并未同意", false), ("无法同意", false), ("无法确认其合法性", false), ("合法性不足", false), ("不同意提交", false),
        ("补偿标准明显低于法定标准，建议提高后提交", false), ("提交前须删除第八条", false), ("同意与否，请领导定夺", false),
        ("同意（待书面确认）", false), ("Approval refused", false), ("Lawfulness unclear", false),
    ])
    func aConclusionSaysPassedOrNot(text: String, passes: Bool) {
        #expect(RecordFormat.saysPassed(text) == passes, "\(text)")
    }

    @Test func aLongConclusionIsNotReadWordByWord() {
        #expect(!RecordFormat.saysPassed(String(repeating: "通过", count: 200)))
    }
}
