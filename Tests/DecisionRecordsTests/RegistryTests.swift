import DecisionRecords
import Testing
import YAMLTree

@Suite("Registry")
struct RegistryTests {
    static let good = """
        people:
          - id: P-010
            name: 张三
            roles: [enforcement_officer, reviewer]
            certificates:
              - type: enforcement          # 行政执法证
                number: "37032300123"
                valid_from: 2019-01-01
                valid_until: 2024-12-31
                revoked: 2021-06-01
              - type: enforcement
                valid_from: 2022-01-01
                valid_until: 2027-12-31
            qualifications:
              - type: legal_profession
                number: "A20193703000000"
          - id: P-011
          - id: 12

        """

    /// The error that adding `text` to `registry` throws, or nil.
    func addError(_ text: String, to registry: inout Registry, file: String = "registry.yaml") throws -> InputError? {
        do {
            try RegistryLoader.add(try document(text), file: file, to: &registry)
            return nil
        } catch let error as InputError {
            return error
        }
    }

    func addError(_ text: String, file: String = "registry.yaml") throws -> InputError? {
        var registry = Registry()
        return try addError(text, to: &registry, file: file)
    }

    /// One certificate number under two ids is one officer registered twice: an inspection by
    /// "two officers" who were one passed. The same number in another file of the registry too.
    @Test func aCertificateNumberBelongsToOnePerson() throws {
        let twice = """
            people:
              - {id: ZY-041, name: 王立新, certificates: [{type: enforcement, number: '111', valid_from: 2020-01-01, valid_until: 2030-12-31}]}
              - {id: ZY-042, name: 王立新, certificates: [{type: enforcement, number: ' 111 ', valid_from: 2020-01-01, valid_until: 2030-12-31}]}
            """
        let error = try #require(try addError(twice))
        #expect(error.message.contains("the enforcement certificate number ' 111 ' is registered to ZY-041 too"), "\(error.message)")
        #expect(error.position.line == 3)
        var registry = Registry()
        #expect(try addError(String(twice.split(separator: "\n").prefix(2).joined(separator: "\n")), to: &registry) == nil)
        #expect(try addError("people:\n  - {id: ZY-043, certificates: [{type: enforcement, number: '111'}]}", to: &registry)?.message.contains("registered to ZY-041 too") == true)
        // Another type, or no number, is another certificate; one person may hold a number twice (a renewal).
        #expect(try addError(twice.replacingOccurrences(of: "{type: enforcement, number: ' 111 '", with: "{type: health, number: ' 111 '")) == nil)
        #expect(try addError("people:\n  - {id: A, certificates: [{type: x, number: '1'}, {type: x, number: '1'}]}") == nil)
        // A placeholder with no digit is no number, and people may share it.
        #expect(try addError("people:\n  - {id: A, certificates: [{type: x, number: 待补}]}\n  - {id: B, certificates: [{type: x, number: 待补}]}") == nil)
    }

    @Test func goodRegistry() throws {
        var registry = Registry()
        try RegistryLoader.add(try document(Self.good), file: "registry.yaml", to: &registry)
        #expect(Set(registry.people.keys) == ["P-010", "P-011", "12"])
        let person = try #require(registry.person("P-010"))
        #expect(person.name == "张三")
        #expect(person.roles == ["enforcement_officer", "reviewer"])
        #expect(person.qualifications == ["legal_profession"])
        #expect(person.certificates.count == 2)
        let first = person.certificates[0]
        #expect(first.type == "enforcement")
        #expect(first.number == "37032300123")
        #expect(first.validFrom == Day(parsing: "2019-01-01"))
        #expect(first.validUntil == Day(parsing: "2024-12-31"))
        #expect(first.revoked == Day(parsing: "2021-06-01"))
        #expect(person.certificates[1].validUntil == Day(parsing: "2027-12-31"))
        #expect(person.certificates[1].revoked == nil)
        let bare = try #require(registry.person("P-011"))
        #expect(bare.name == nil)
        #expect(bare.roles.isEmpty && bare.certificates.isEmpty && bare.qualifications.isEmpty)
        #expect(registry.person("P-999") == nil)
    }

    /// A registry may name a certificate's or qualification's type as the vocabulary does
    /// (`执法证` is `enforcement`): read as the code, with what the code demands (both ends of a
    /// certificate the rules ask for). Counted as no certificate, an officer holding a valid one
    /// was told to renew it.
    @Test func typesWrittenAsNamesAreReadAsCodes() throws {
        let asked = RegistryTypes(vocabulary: builtinVocabulary)
        var asked2 = asked
        asked2.certificates = ["enforcement"]
        var registry = Registry()
        try RegistryLoader.add(try document("""
            people:
              - {id: A, certificates: [{type: 执法证, valid_from: 2020-01-01, valid_until: 2030-12-31}], qualifications: [{type: 法律职业资格}]}
              - {id: B, certificates: [{type: 健康证}]}
            """), file: "registry.yaml", to: &registry, asked: asked2)
        #expect(registry.person("A")?.certificates.first?.type == "enforcement")
        #expect(registry.person("A")?.qualifications == ["legal_profession"])
        #expect(registry.person("B")?.certificates.first?.type == "健康证")
        // A type one typo from a name of an asked type is a mistake, as one from its code is.
        var typo = Registry()
        let error = #expect(throws: InputError.self) {
            try RegistryLoader.add(try document("people:\n  - {id: D, certificates: [{type: 行政执发证, valid_from: 2020-01-01, valid_until: 2030-12-31}]}\n"), file: "r.yaml", to: &typo, asked: asked2)
        }
        #expect(error?.description.contains("did you mean '行政执法证'") == true, "\(error?.description ?? "")")
        // A short name one character from another document's (执业证, a lawyer's) is that document.
        var lawyer = Registry()
        try RegistryLoader.add(try document("people:\n  - {id: E, certificates: [{type: 执业证}]}\n"), file: "r.yaml", to: &lawyer, asked: asked2)
        #expect(lawyer.person("E")?.certificates.first?.type == "执业证")
        // Nor one saying "not", or naming another qualification at more than one edit.
        var others = Registry()
        try RegistryLoader.add(try document("people:\n  - {id: F, certificates: [{type: 非行政执法证}], qualifications: [{type: 法律职业资格（C证）}]}\n"), file: "r.yaml", to: &others, asked: asked2)
        #expect(others.person("F")?.certificates.first?.type == "非行政执法证")
        var lacking = Registry()
        #expect(throws: InputError.self) {
            try RegistryLoader.add(try document("people:\n  - {id: C, certificates: [{type: 行政执法证, valid_from: 2020-01-01}]}\n"), file: "r.yaml", to: &lacking, asked: asked2)
        }
    }

    @Test func severalFilesAddUp() throws {
        var registry = Registry()
        try RegistryLoader.add(try document("people:\n  - id: A\n"), file: "one.yaml", to: &registry)
        try RegistryLoader.add(try document("people:\n  - id: B\n"), file: "two.yaml", to: &registry)
        #expect(registry.person("A") != nil)
        #expect(registry.person("B") != nil)
    }

    @Test func emptyPeopleListIsFine() throws {
        var registry = Registry()
        try RegistryLoader.add(try document("people: []\n"), file: "r.yaml", to: &registry)
        #expect(registry.people.isEmpty)
    }

    @Test func validityBoundaries() throws {
        let certificate = Certificate(
            type: "enforcement",
            validFrom: try day("2019-01-01"), validUntil: try day("2024-12-31"))
        #expect(!certificate.isValid(on: try day("2018-12-31")))
        #expect(certificate.isValid(on: try day("2019-01-01")))
        #expect(certificate.isValid(on: try day("2022-06-15")))
        #expect(certificate.isValid(on: try day("2024-12-31")))
        #expect(!certificate.isValid(on: try day("2025-01-01")))
    }

    @Test func revocationDayIsAlreadyInvalid() throws {
        let certificate = Certificate(
            type: "enforcement",
            validFrom: try day("2019-01-01"), validUntil: try day("2024-12-31"), revoked: try day("2021-06-01"))
        #expect(certificate.isValid(on: try day("2021-05-31")))
        #expect(!certificate.isValid(on: try day("2021-06-01")))
        #expect(!certificate.isValid(on: try day("2021-06-02")))
        #expect(!certificate.isValid(on: try day("2024-12-31")))
    }

    @Test func openEndedCertificate() throws {
        let certificate = Certificate(type: "enforcement")
        #expect(certificate.isValid(on: try day("1900-01-01")))
        #expect(certificate.isValid(on: try day("2999-12-31")))
        let fromOnly = Certificate(type: "enforcement", validFrom: try day("2020-01-01"))
        #expect(!fromOnly.isValid(on: try day("2019-12-31")))
        #expect(fromOnly.isValid(on: try day("2999-12-31")))
    }

    @Test func loadedCertificateValidity() throws {
        var registry = Registry()
        try RegistryLoader.add(try document(Self.good), file: "registry.yaml", to: &registry)
        let certificate = try #require(registry.person("P-010")?.certificates.first)
        #expect(certificate.isValid(on: try day("2021-05-31")))
        #expect(!certificate.isValid(on: try day("2021-06-01")))
    }

    @Test func duplicatePersonIdInOneFile() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n    name: 张三\n  - id: P-1\n", file: "dup.yaml"))
        #expect(error.file == "dup.yaml")
        #expect(error.position == pos(4, 9))
        #expect(error.message.contains("'P-1'"))
        #expect(error.message.contains("twice"))
        #expect(error.message.contains("张三"))
        #expect(error.description.hasPrefix("dup.yaml:4:9: "))
    }

    @Test func duplicatePersonIdAcrossFiles() throws {
        var registry = Registry()
        try RegistryLoader.add(try document("people:\n  - id: P-1\n"), file: "a.yaml", to: &registry)
        let error = try #require(try addError("people:\n  - {id: P-2}\n  - {id: P-1}\n", to: &registry, file: "b.yaml"))
        #expect(error.file == "b.yaml")
        #expect(error.position == pos(3, 10))
        #expect(error.message.contains("'P-1'"))
    }

    @Test func registryThatIsAList() throws {
        let error = try #require(try addError("- id: P-1\n"))
        #expect(error.position == pos(1, 1))
        #expect(error.message.contains("a list"))
    }

    @Test func registryWithoutPeople() throws {
        let error = try #require(try addError("# people\npersons:\n  - id: P-1\n"))
        #expect(error.position == pos(2, 1))
        #expect(error.message.contains("expected people"))
        let empty = try #require(try addError("x_note: 空名册\n"))
        #expect(empty.message.contains("'people'"))
    }

    @Test func peopleThatIsNotAList() throws {
        let error = try #require(try addError("people:\n  P-1: 张三\n"))
        #expect(error.position == pos(2, 3))
        #expect(error.message.contains("a mapping"))
    }

    @Test func personThatIsNotAMapping() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n  - P-2\n"))
        #expect(error.position == pos(3, 5))
        #expect(error.message.contains("a scalar"))
    }

    @Test func personWithoutId() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n  - name: 李四\n    roles: []\n"))
        #expect(error.position == pos(3, 5))
        #expect(error.message.contains("'id'"))
    }

    @Test func rolesThatAreNotAList() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n    roles: reviewer\n"))
        #expect(error.position == pos(3, 12))
        #expect(error.message.contains("'roles'"))
    }

    /// A certificate is valid from `valid_from` to `valid_until`: one of a type the rules ask for
    /// without either end is an error at the certificate, not a certificate valid for ever; one
    /// of a type no rule reads (an office's own) may have none.
    @Test(arguments: ["valid_from: 2020-01-01", "valid_until: 2030-12-31", "number: '1'"])
    func aCertificateTheRulesAskForNeedsBothEnds(written: String) throws {
        let text = "people:\n  - id: P-1\n    certificates:\n      - {type: enforcement, \(written)}\n"
        var registry = Registry()
        let asked = RegistryTypes(certificates: ["enforcement"])
        let written = try document(text)
        #expect(throws: InputError.self) { try RegistryLoader.add(written, file: "registry.yaml", to: &registry, asked: asked) }
        do throws(InputError) {
            try RegistryLoader.add(written, file: "registry.yaml", to: &registry, asked: asked)
        } catch {
            #expect(error.position == SourcePosition(line: 4, column: 9))
            let missing = text.contains("valid_from") ? "valid_until" : "valid_from"
            #expect(error.message.contains("lacks '\(missing)'"), "\(error.message)")
        }
        var other = Registry()
        try RegistryLoader.add(try document(text.replacingOccurrences(of: "enforcement", with: "driving")), file: "registry.yaml", to: &other, asked: asked)
        #expect(other.person("P-1")?.certificates.count == 1)
    }

    @Test func certificatesThatAreNotAList() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n    certificates: {type: enforcement}\n"))
        #expect(error.position == pos(3, 19))
        #expect(error.message.contains("'certificates'"))
    }

    @Test func certificateWithoutType() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n    certificates:\n      - number: \"1\"\n"))
        #expect(error.position == pos(4, 9))
        #expect(error.message.contains("'type'"))
    }

    @Test func certificateWithBadDate() throws {
        let text = """
            people:
              - id: P-1
                certificates:
                  - type: enforcement
                    valid_from: 2019-01-01
                    valid_until: 2024-02-30

            """
        let error = try #require(try addError(text, file: "bad-date.yaml"))
        #expect(error.position == pos(6, 22))
        #expect(error.message.contains("'valid_until'"))
        #expect(error.message.contains("2024-02-30"))
        #expect(error.description.hasPrefix("bad-date.yaml:6:22: "))
    }

    @Test func qualificationWithoutType() throws {
        let error = try #require(try addError("people:\n  - id: P-1\n    qualifications:\n      - legal_profession\n"))
        #expect(error.position == pos(4, 9))
        #expect(error.message.contains("'type'"))
    }

    @Test func registryInitialiserKeepsTheFirstOfTwoIds() {
        let registry = Registry(people: [Person(id: "P-1", name: "first"), Person(id: "P-1", name: "second")])
        #expect(registry.person("P-1")?.name == "first")
    }

    /// The one person whose id or name is a typo away, as a search of every pair by edit distance
    /// finds them (ids of one length, names shared, a name that is another's id, spaces around
    /// names), in a small registry searched person by person and in a large one searched through
    /// its index of shortened ids and names (100,000 people took minutes for 8,000 unknown names).
    @Test(arguments: [300, 900])
    func aPersonResemblingATextIsTheOneATypoAway(size: Int) {
        var people = (0..<size).map { Person(id: "P-" + String(String(1_000 + $0).dropFirst()), name: $0 % 50 == 0 ? nil : "人员\($0 % 120)") }
        people += [Person(id: "孙明", name: "P-999"), Person(id: "L-1", name: " 孙敏 "), Person(id: "L-2", name: "李四")]
        var registry = Registry(people: people)
        registry.prepareForSearches()
        #expect(registry.isIndexedForSearches == (size > 500))
        func expected(_ text: String) -> String? {
            let wanted = Vocabulary.trimmed(text)
            let named = people.filter { $0.name.map(Vocabulary.trimmed) == wanted }
            guard wanted.count >= 2, !people.contains(where: { $0.id == wanted }), named.count != 1 else { return nil }
            let matches = people.filter { person in
                ([person.id] + (person.name.map { [Vocabulary.trimmed($0)] } ?? [])).contains { Suggestion.editDistance($0, wanted) == 1 }
            }
            return matches.count == 1 ? matches[0].id : nil
        }
        let texts = ["P-0011", "P-01", "P-2999", "Q-123", "人员7", "人员119", "人员1190", "孙敏", "孙明明", "李五", " 李五 ", "P-99", "P-998", "X", "孙",
                     "P-8x9", "P-89", "P-0899", "9-899", "P899", "人员11a", "员119", "L-", "L-3", "L-11"]
        for text in texts {
            #expect(registry.person(resembling: text)?.id == expected(text), "\(text)")
        }
        #expect(registry.person(resembling: "孙明明")?.id == "孙明")
        #expect(registry.person(resembling: " 李五 ")?.id == "L-2")
        #expect(registry.person(resembling: "L-3") == nil, "two people are one edit away")
        // No one's id or name is kilobytes long: such a text is not searched for, nor indexed
        // (each costs the square of its length: a name of 160 KB took seconds, every run), in
        // a registry of any size.
        var long = Registry(people: people + [Person(id: "X-1", name: String(repeating: "长", count: 50_000))])
        long.prepareForSearches()
        #expect(long.person(resembling: String(repeating: "长", count: 50_001)) == nil, "the same at every size")
        #expect(registry.person(named: " 孙敏")?.id == "L-1")
        #expect(registry.person(named: "人员7") == nil, "a name two people share names no one")
    }

    /// Everyone of a name, in id order, where `person(named:)` finds no one for two of a name.
    @Test func theIdsOfANameAreEveryoneWhoHasIt() {
        let registry = Registry(people: [
            Person(id: "P-10", name: "张伟"), Person(id: "P-2", name: " 张伟\u{3000}"), Person(id: "P-3", name: "李四"), Person(id: "张伟", name: nil),
        ])
        #expect(registry.ids(named: "张伟") == ["P-10", "P-2"])
        #expect(registry.person(named: "张伟") == nil)
        #expect(registry.ids(named: " 李四 ") == ["P-3"])
        #expect(registry.ids(named: "王五").isEmpty)
        #expect(registry.ids(named: "  ").isEmpty)
    }

    /// A key the format does not define is an error at the key, with the key it most likely is:
    /// `valid_untill` left the certificate without an end, so an expired one passed as valid.
    @Test(arguments: [
        ("people:\n  - {id: P-1, certificates: [{type: enforcement, valid_from: 2020-04-01, valid_untill: 2025-03-31}]}\n", pos(2, 74), "'valid_untill' is not a key of a certificate; did you mean 'valid_until'?"),
        ("people:\n  - {id: P-1, rolse: [reviewer]}\n", pos(2, 15), "'rolse' is not a key of a person; did you mean 'roles'?"),
        ("people:\n  - {id: P-1, qualifications: [{type: legal_profession, numbr: A1}]}\n", pos(2, 57), "'numbr' is not a key of a qualification; did you mean 'number'?"),
        ("peeple: []\npeople: []\n", pos(1, 1), "'peeple' is not a key of a registry; did you mean 'people'?"),
        ("people:\n  - {id: P-1, 部门: 司法所}\n", pos(2, 15), "'部门' is not a key of a person (expected id, name, roles, certificates, qualifications; keys of your own start with x_)"),
    ])
    func anUnknownKeyIsAnError(text: String, position: SourcePosition, message: String) throws {
        let error = try #require(try addError(text))
        #expect(error.position == position)
        #expect(error.message.hasPrefix(message), "\(error.message)")
    }

    @Test func keysOfAnOfficesOwnStartWithX() throws {
        var registry = Registry()
        try RegistryLoader.add(try document("people:\n  - {id: P-1, x_部门: 司法所, certificates: [{type: enforcement, valid_from: 2020-01-01, valid_until: 2030-12-31, x-note: 换证中}]}\n"), file: "registry.yaml", to: &registry)
        #expect(registry.contains("P-1"))
    }

    /// The first day of a period on which no certificate is valid: a gap between two, a
    /// revocation, a start inside the period; none when they follow each other day by day, or
    /// one has no end. (PEN-002 checked a period's first and last days only, and an officer
    /// whose certificate lapsed in the middle of an investigation passed.)
    @Test func theFirstDayWithoutACertificateIsFoundInsideAPeriod() throws {
        var days: [String: Day] = [:]
        for text in ["2019-01-01", "2025-06-10", "2025-06-12", "2025-06-13", "2025-06-16", "2025-06-20", "2029-12-31", "2030-06-20"] {
            guard let parsed = Day(parsing: text) else {
                Issue.record("\(text) is no date")
                continue
            }
            days[text] = parsed
        }
        let day = { (text: String) in days[text] ?? Day(ordinal: 0) }
        let gap = [Certificate(type: "enforcement", validFrom: day("2019-01-01"), validUntil: day("2025-06-12")),
                   Certificate(type: "enforcement", validFrom: day("2025-06-16"), validUntil: day("2029-12-31"))]
        #expect(Certificate.firstDayWithout(gap, from: day("2025-06-10"), through: day("2025-06-20")) == day("2025-06-13"))
        #expect(Certificate.firstDayWithout(gap, from: day("2025-06-16"), through: day("2025-06-20")) == nil)
        let revoked = [Certificate(type: "enforcement", validFrom: day("2019-01-01"), validUntil: day("2029-12-31"), revoked: day("2025-06-13")),
                       Certificate(type: "enforcement", validFrom: day("2025-06-13"))]
        #expect(Certificate.firstDayWithout(revoked, from: day("2025-06-10"), through: day("2030-06-20")) == nil)
        #expect(Certificate.firstDayWithout(Array(revoked.prefix(1)), from: day("2025-06-10"), through: day("2025-06-20")) == day("2025-06-13"))
        let late = [Certificate(type: "enforcement", validFrom: day("2025-06-12"))]
        #expect(Certificate.firstDayWithout(late, from: day("2025-06-10"), through: day("2025-06-20")) == day("2025-06-10"))
        #expect(Certificate.firstDayWithout([], from: day("2025-06-10"), through: day("2025-06-10")) == day("2025-06-10"))
        #expect(revoked[0].lastValidDay == day("2025-06-12") && revoked[1].lastValidDay == nil && gap[0].lastValidDay == day("2025-06-12"))
    }
}
