import RuleEngine
import RuleLanguage
import Testing

/// What a county's rule author met (twenty-fifth session): rules that loaded clean and never fired
/// are refused where they load, with the reason.
@Suite struct RuleLanguageFourthRoundTests {
    /// A `let` named as a name the language gives hid it: `let: {param: ...}` made every
    /// `$param.threshold` missing, and the rule never fired.
    @Test(arguments: ["param", "as_of", "record", "facts", "steps", "meeting", "it", "registry_loaded"])
    func aLetMayNotTakeANameTheLanguageGives(name: String) throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("let: {\(name): 1}\nviolation: {eq: [$\(name == "it" ? "record.id" : name), 1]}"))
        #expect(error.contains("'\(name)' is a name the rule language gives ($\(name)); choose another name"), "\(error)")
    }

    /// A `let` named as a `for_each` variable hid the loop's item: the loop ran once per review and
    /// never looked at it.
    @Test func aLetMayNotTakeAForEachVariablesName() throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("""
            for_each: {review: {steps: {type: legality_review}}}
            let: {review: {first: {steps: {type: expert_review}}}}
            violation: {exists: $review}
            """))
        #expect(error.contains("'review' is declared twice in this rule"), "\(error)")
    }

    /// A `let` read by one above it is named as such, not as undefined.
    @Test func aLetReadAboveItsPlaceIsNamedSo() throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("let: {a: {add: [$b, 1]}, b: 5}\nviolation: {gt: [$a, 1]}"))
        #expect(error.contains("'$b' is a let written below the one that reads it; a let reads only the lets above it: move 'b' up"), "\(error)")
        // A let named as a shared definition, read above its place, read the shared one unsaid.
        let shadowed = try #require(RuleLanguageThirdRoundTests.loadError("let: {a: $anchor, anchor: 5}\nviolation: {exists: $a}"))
        #expect(shadowed.contains("'$anchor' is a let written below the one that reads it"), "\(shadowed)")
    }

    /// A step selection's field of a meeting or a signoff a typo from the format's was read from no
    /// record: `meeting.typ: executive` selected nothing, and the rule never fired (as a path,
    /// `$d.meeting.typ` was already refused).
    @Test(arguments: [("meeting.typ: executive", "'typ' in 'meeting.typ' is no key of a meeting; did you mean 'type'?"),
                      ("signoffs.rol: legal_adviser", "'rol' in 'signoffs.rol' is no key of a signoff; did you mean 'role'?")])
    func aSelectionFieldATypoFromTheFormatsIsRefused(field: String, message: String) throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("for_each: {d: {steps: {type: collective_discussion, \(field)}}}\nviolation: {exists: $d}"))
        #expect(error.contains(message), "\(error)")
        // A key of an office's own is read.
        #expect(RuleLanguageThirdRoundTests.loadError("for_each: {d: {steps: {type: collective_discussion, meeting.x_room: 3}}}\nviolation: {exists: $d}") == nil)
    }

    /// A selection's `type` written as a reference was taken for a step type of that name ("the
    /// step type '$param.review_types' is not in the vocabulary"); it says what to write instead.
    @Test func aSelectionsTypeAsAReferenceSaysWhatToWrite() throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("for_each: {d: {steps: {type: $record.kind}}}\nviolation: {exists: $d}"))
        #expect(error.contains("a selection's 'type' takes step types as written, not '$record.kind'; to select by a value, write where: {in: [$it.type, $record.kind]}"), "\(error)")
    }

    /// Two constants of which one is a date and the other no date never compare: the rule loaded
    /// and made a rule-error on every record, blamed on the record.
    @Test(arguments: ["gt: [2024-01-01, 30]", "eq: [2024-01-01, abc]", "lt: [true, 2024-01-01]"])
    func aDateComparedWithAConstantOfAnotherKindIsRefused(condition: String) throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("violation: {\(condition)}"))
        #expect(error.contains("which never compare"), "\(error)")
    }

    /// A date compares with a date, and with a plain number (which may be one): both load.
    @Test(arguments: ["lt: [2023-12-31, 2024-01-01]", "eq: [2024-01-01, \"15\"]"])
    func aDateComparedWithADateOrANumberTextLoads(condition: String) {
        #expect(RuleLanguageThirdRoundTests.loadError("for_each: {d: {steps: {type: decision}}}\nviolation: {all: [{exists: $d}, {\(condition)}]}") == nil)
    }

    /// A boolean field of the format asked for a text in a selection (`credentials_shown: no`,
    /// a text in YAML 1.2) never matched, and made a rule-error blamed on every record.
    @Test(arguments: ["credentials_shown: no", "meeting.minutes: \"true\"", "meeting.dissent_recorded: 是"])
    func aBooleanFieldAskedForATextIsRefused(field: String) throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("for_each: {s: {steps: {type: [inspection, collective_discussion], \(field)}}}\nviolation: {exists: $s}"))
        #expect(error.contains("is true or false, and"), "\(error)")
        #expect(RuleLanguageThirdRoundTests.loadError("for_each: {s: {steps: {type: inspection, credentials_shown: false}}}\nviolation: {exists: $s}") == nil)
    }

    /// `never_below` bounds a number: on a parameter of another kind it would bound nothing.
    @Test(arguments: ["{default: executive, never_below: 2}", "{default: [1, 2], never_below: 2}", "{default: 3, never_below: two}"])
    func neverBelowIsANumberOnANumber(parameter: String) throws {
        let error = try #require(RuleLanguageThirdRoundTests.loadError("parameters:\n  limit: \(parameter)\nviolation: {eq: [$record.id, $param.limit]}"))
        #expect(error.contains("never_below"), "\(error)")
        #expect(RuleLanguageThirdRoundTests.loadError("parameters:\n  limit: {default: 3, never_below: 2}\nviolation: {eq: [$record.id, $param.limit]}") == nil)
    }
}
