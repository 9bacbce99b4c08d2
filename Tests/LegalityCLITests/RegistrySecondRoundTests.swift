import Foundation
import Testing

/// The registry of people as offices write it (the registry review): what let an uncertified
/// officer, an unqualified reviewer or an unroled signer pass, or told a certified officer to
/// renew, is now read, or refused with what to write.
@Suite struct RegistrySecondRoundTests {
    static let penaltyCase = """
        id: C-1
        kind: administrative_penalty
        title: 某案
        steps:
          - {type: case_filing, date: 2024-03-01}
          - {type: investigation, date: 2024-03-05, officers: [P-3, P-4]}
        """

    static func check(registry: String, record: String = penaltyCase, extra: [String: String] = [:]) throws -> CLIRunner.Result {
        let folder = try CLIRunner.folder(["registry.yaml": registry, "a.yaml": record].merging(extra) { $1 })
        return try CLIRunner.run(["check", "--as-of", "2024-03-31", "--format", "json", "--lang", "en", "a.yaml"], in: folder)
    }

    static func rules(_ result: CLIRunner.Result) throws -> [String] {
        (try CLIRunner.json(result.stdout)["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    /// A stale `registry.yaml` beside the current `registry/` folder (or a `Registry.yml`) was read
    /// alone, unsaid: an officer whose certificate had expired passed. Two registries stop the run.
    @Test func twoRegistriesInOneFolderStopTheRun() throws {
        let result = try Self.check(registry: Fixtures.registry, extra: ["registry/people.yaml": Fixtures.registry])
        #expect(result.status == 2)
        #expect(result.stderr.contains("two registries of people in one folder: registry.yaml and registry/"), "\(result.stderr)")
        let named = try Self.check(registry: Fixtures.registry, extra: ["Registry.yml": Fixtures.registry])
        #expect(named.status == 2 && named.stderr.contains("Registry.yml"), "\(named.stderr)")
    }

    /// A role a slip from the vocabulary's (`legal_advisor`, `Legal_Adviser`, `法律顾问(外聘)`)
    /// made a registry of no adviser, whose unroled people then signed as one and passed.
    @Test(arguments: ["legal_advisor", "Legal_Adviser", "法律顾问(外聘)", "ＬＥＧＡＬ_ＡＤＶＩＳＥＲ"])
    func aRoleASlipFromTheVocabularysIsRefused(role: String) throws {
        let registry = Fixtures.registry.replacingOccurrences(of: "roles: [head]", with: "roles: [\"\(role)\"]")
        let result = try Self.check(registry: registry)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains("is none the vocabulary names; did you mean"), "\(result.stderr)")
        // A role of the office's own, far from every known one, is kept.
        let own = Fixtures.registry.replacingOccurrences(of: "roles: [head]", with: "roles: [head, auxiliary, 办公室主任]")
        #expect(try Self.check(registry: own).status == 0)
    }

    /// One officer under two ids with the certificate number written two ways (spaced, full-width,
    /// `No.`, another case) was two officers, and the two-officer rule passed.
    @Test(arguments: ["3310 2500 043", "３３１０２５０００４３", "No.33102500043", "3310-2500-043"])
    func oneCertificateUnderTwoIdsIsFoundHoweverWritten(number: String) throws {
        let registry = """
            people:
              - {id: P-3, name: 赵东, certificates: [{type: enforcement, number: "33102500043", valid_from: 2019-01-01, valid_until: 2030-12-31}]}
              - {id: P-4, name: 赵东, certificates: [{type: enforcement, number: "\(number)", valid_from: 2019-01-01, valid_until: 2030-12-31}]}
            """
        let result = try Self.check(registry: registry)
        #expect(result.status == 2 && result.stderr.contains("is registered to P-3 too"), "\(result.stderr)")
    }

    /// A qualification or certificate whose number says there is none (`无`, `未取得`, `已注销`) is
    /// none: counted, the reviewer's warning went and the audit called the case compliant.
    @Test func aNumberSayingNoneIsNoQualification() throws {
        let record = Self.penaltyCase + "\n  - {type: legal_review, date: 2024-03-10, outcome: passed, by: [P-5]}\n"
        let base = Fixtures.registry + "\n  - {id: P-5, name: 钟亮, qualifications: [{type: legal_profession, number: NUMBER}]}\n"
        let none = try Self.check(registry: base.replacingOccurrences(of: "NUMBER", with: "无"), record: record)
        #expect(try Self.rules(none).contains("PEN-007"), "\(none.stdout)")
        let held = try Self.check(registry: base.replacingOccurrences(of: "NUMBER", with: "\"A20123310000411\""), record: record)
        let heldRules = try Self.rules(held)
        #expect(!heldRules.contains("PEN-007"), "\(held.stdout)")
        let revoked = Fixtures.registry.replacingOccurrences(of: "{type: enforcement, valid_from: 2019-01-01, valid_until: 2030-12-31}]}\n  - {id: P-4", with: "{type: enforcement, number: 已注销, valid_from: 2019-01-01, valid_until: 2030-12-31}]}\n  - {id: P-4")
        #expect(try Self.rules(try Self.check(registry: revoked)).contains("PEN-002"))
    }

    /// A certificate type in another case or width, or by a province's name for it (`ENFORCEMENT`,
    /// `综合执法证`), was no certificate, and a certified officer was told to renew.
    @Test(arguments: ["ENFORCEMENT", "ｅｎｆｏｒｃｅｍｅｎｔ", "综合执法证", "行政执法资格证"])
    func aCertificateTypeWrittenAnotherWayIsRead(type: String) throws {
        let registry = Fixtures.registry.replacingOccurrences(of: "type: enforcement", with: "type: \(type)")
        let result = try Self.check(registry: registry)
        let rules = try Self.rules(result)
        #expect(result.status == 0 && !rules.contains("PEN-002"), "\(result.stdout)\(result.stderr)")
    }

    /// Registry ids a reader cannot tell apart are refused: one a number whose digits are not its
    /// text (`id: 045`), one with a full-width letter among ASCII ones, one the same as another but
    /// for case (three people a record could choose among).
    @Test(arguments: [("id: 045", "is read as the number 45"), ("id: ＺＹ-043", "full-width"), ("id: p-3", "only in case or width")])
    func unclearRegistryIdsAreRefused(id: String, said: String) throws {
        let registry = Fixtures.registry + "\n  - {\(id), name: 某人}\n"
        let result = try Self.check(registry: registry)
        #expect(result.status == 2 && result.stderr.contains(said), "\(result.stderr)")
    }

    /// A full year written as ledgers write it is that day; `长期` is told how to write one.
    @Test func registryDatesAsLedgersWriteThem() throws {
        let chinese = Fixtures.registry.replacingOccurrences(of: "valid_until: 2030-12-31}]}\n  - {id: P-4", with: "valid_until: 2030年12月31日}]}\n  - {id: P-4")
        #expect(try Self.check(registry: chinese).status == 0)
        let lasting = Fixtures.registry.replacingOccurrences(of: "valid_until: 2030-12-31}]}\n  - {id: P-4", with: "valid_until: 长期}]}\n  - {id: P-4")
        let result = try Self.check(registry: lasting)
        #expect(result.status == 2 && result.stderr.contains("a far day such as 9999-12-31"), "\(result.stderr)")
    }
}
