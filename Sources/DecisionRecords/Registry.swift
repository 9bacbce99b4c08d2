public import YAMLTree

/// A certificate a person holds, such as an enforcement certificate (行政执法证).
public struct Certificate: Sendable, Hashable {
    /// The certificate type, such as `enforcement`.
    public var type: String
    /// The certificate number, if given.
    public var number: String?
    /// First day of validity; nil means no lower bound.
    public var validFrom: Day?
    /// Last day of validity; nil means no upper bound.
    public var validUntil: Day?
    /// The day from which it was revoked, if it was.
    public var revoked: Day?

    /// Creates a certificate.
    public init(type: String, number: String? = nil, validFrom: Day? = nil, validUntil: Day? = nil, revoked: Day? = nil) {
        self.type = type
        self.number = number
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.revoked = revoked
    }

    /// The last day it is valid on, when it ends (its `valid_until`, or the day before it was
    /// revoked, the earlier); nil when it has no end.
    public var lastValidDay: Day? {
        switch (validUntil, revoked.map { $0.adding(days: -1) }) {
        case let (until?, revoked?): min(until, revoked)
        case let (until, revoked): until ?? revoked
        }
    }

    /// The first day from `first` through `last` on which none of `certificates` is valid; nil
    /// when one is valid on every day. (Walked from certificate to certificate: a gap between two,
    /// or a revocation in the middle of an investigation, is found whatever the period's length.)
    public static func firstDayWithout(_ certificates: [Certificate], from first: Day, through last: Day) -> Day? {
        var day = first
        while day <= last {
            let valid = certificates.filter { $0.isValid(on: day) }
            guard !valid.isEmpty else { return day }
            // (One without an end covers the rest.)
            guard let reach = valid.map(\.lastValidDay).reduce(Optional(day), { farthest, end in
                guard let farthest, let end else { return nil }
                return max(farthest, end)
            }) else { return nil }
            day = reach.adding(days: 1)
        }
        return nil
    }

    /// Valid on `day`: `valid_from <= day <= valid_until`, and `day` before `revoked`.
    public func isValid(on day: Day) -> Bool {
        if let validFrom, day < validFrom { return false }
        if let validUntil, validUntil < day { return false }
        if let revoked, revoked <= day { return false }
        return true
    }
}

/// A person that records refer to by id.
public struct Person: Sendable, Hashable {
    /// The person's id, such as `P-010`.
    public var id: String
    /// The person's name.
    public var name: String?
    /// The person's roles.
    public var roles: [String]
    /// Certificates held.
    public var certificates: [Certificate]
    /// Qualifications held, by type (such as `legal_profession`).
    public var qualifications: [String]

    /// Creates a person.
    public init(id: String, name: String? = nil, roles: [String] = [], certificates: [Certificate] = [], qualifications: [String] = []) {
        self.id = id
        self.name = name
        self.roles = roles
        self.certificates = certificates
        self.qualifications = qualifications
    }
}

/// The registry of people: who exists, what certificates and qualifications they hold.
public struct Registry: Sendable {
    /// People by id.
    public private(set) var people: [String: Person]
    /// The ids of the people of each name (spaces at the ends aside): a name is looked up, not
    /// searched for among every person (a rule asked it of each of 40,000 unknown people in a
    /// registry of 40,000, and took minutes).
    private var idsByName: [String: [String]] = [:]
    /// Who each numbered certificate is registered to, by its type and number.
    private var holders: [String: String] = [:]
    /// The first id registered of each id's form in one case and width (`HintReading.plain`): an
    /// id alike another is looked up, not compared with every id registered (a registry of 8,000
    /// people took ten seconds to load, 20,000 over a minute).
    private var idsByPlainForm: [String: String] = [:]
    /// The ids of the people given each role, by the role as written (a code or a name of one);
    /// in id order once `prepareForSearches()` has run.
    public private(set) var roleHolders: [String: [String]] = [:]
    /// The people by their ids and names shortened by a character, for `person(resembling:)` in a
    /// large registry (made by `prepareForSearches()`).
    private var resemblance: ResemblanceIndex?

    /// Creates a registry.
    public init(people: [Person] = []) {
        self.people = [:]
        for person in people where self.people[person.id] == nil { add(person) }
        sortRoleHolders()
    }

    /// How many people the registry holds: the work of a search through all of them.
    public var count: Int { people.count }

    /// The person with an id, if registered.
    public func person(_ id: String) -> Person? { people[id] }

    /// Whether a person with this id is registered. (Rules ask this of every id of every record:
    /// it finds the entry without copying the person out.)
    public func contains(_ id: String) -> Bool { people.index(forKey: id) != nil }

    /// One part of a registered person, read in place; nil when the id is not registered.
    /// (Copying a whole person retains each of its texts and lists, for a rule that reads one.)
    public func lookUp<Part>(_ id: String, _ part: (borrowing Person) -> Part) -> Part? {
        guard let index = people.index(forKey: id) else { return nil }
        return part(people.values[index])
    }

    /// The person with a name (spaces around it aside), when exactly one has it.
    public func person(named name: String) -> Person? {
        guard let ids = idsByName[Vocabulary.trimmed(name)], ids.count == 1 else { return nil }
        return people[ids[0]]
    }

    /// The ids of every person with this name (spaces at the ends aside), in UTF-8 order: two
    /// people of one name, where `person(named:)` finds none.
    public func ids(named name: String) -> [String] {
        (idsByName[Vocabulary.trimmed(name)] ?? []).sorted { $0.precedesInUTF8($1) }
    }

    /// The one person whose id or name differs from a text by a single character (a typo such as
    /// 孙敏 for 孙明, or ZY-0488 for ZY-048); nil when none or several do, or when the text is
    /// shorter than two characters. Every person is compared: a rule that asks it spends a step of
    /// its budget for every few people (see `count`).
    public func person(resembling text: String) -> Person? {
        let wanted = Vocabulary.trimmed(text)
        // (No id or name of a person is longer than `ResemblanceIndex.longestText`: nor is one searched for.)
        guard wanted.count >= 2, wanted.utf8.count <= ResemblanceIndex.longestText, people[wanted] == nil, person(named: wanted) == nil else { return nil }
        func resembles(_ id: String, _ name: String?) -> Bool {
            Suggestion.areOneEditApart(id, wanted) || name.map { Suggestion.areOneEditApart(Vocabulary.trimmed($0), wanted) } == true
        }
        guard let resemblance else { return onlyPerson(resembles) }
        var match: Person?
        for id in resemblance.candidates(for: wanted) {
            guard let person = people[id], resembles(person.id, person.name) else { continue }
            guard match == nil else { return nil }
            match = person
        }
        return match
    }

    /// Makes searches for a person resembling a text (`person(resembling:)`) look at the few people
    /// it may resemble, in a registry large enough for that to matter; call once every person is added.
    public mutating func prepareForSearches() {
        resemblance = count >= ResemblanceIndex.smallestIndexed ? ResemblanceIndex(people: people.values) : nil
        sortRoleHolders()
    }

    /// Puts each role's people in id order, once (a rule asks for them on every record).
    private mutating func sortRoleHolders() {
        for role in roleHolders.keys { roleHolders[role]?.sort { $0.precedesInUTF8($1) } }
    }

    /// Whether `person(resembling:)` looks at the few people a text may resemble (a large registry).
    public var isIndexedForSearches: Bool { resemblance != nil }

    /// The one person whose id and name pass `test`; nil when none or several do. People are read
    /// in place, their ids and names compared without a copy of any person or a list of matches:
    /// a record naming thousands of unknown people asks this of every person for each of them
    /// (with a full edit distance of every pair, 3,000 unknown ids against 10,000 people took 26 s).
    private func onlyPerson(_ test: (_ id: String, _ name: String?) -> Bool) -> Person? {
        var match: Dictionary<String, Person>.Index?
        var index = people.startIndex
        while index != people.endIndex {
            if test(people.keys[index], people.values[index].name) {
                guard match == nil else { return nil }
                match = index
            }
            people.formIndex(after: &index)
        }
        return match.map { people.values[$0] }
    }
}

/// The certificate and qualification types the run's rules ask the registry for
/// (`certificate_valid`'s and `has_qualification`'s `type`).
public struct RegistryTypes: Sendable {
    public var certificates: Set<String>
    public var qualifications: Set<String>
    /// The vocabulary's certificate and qualification types (`certificate_types`,
    /// `qualification_types`): a registry may write a type as its code or as one of its names
    /// (`执法证` is `enforcement`), read as the code, as a record's values are.
    public var certificateTypes: Vocabulary.Section?
    public var qualificationTypes: Vocabulary.Section?
    /// The roles of the vocabulary's `roles` and `registry_roles`, codes and names: a role a
    /// registry writes a slip from one of them (`legal_advisor`, `Legal_Adviser`, `法律顾问(外聘)`)
    /// is refused, as it made the registry one of no adviser, whose unroled people may sign as one.
    public var roleNames: Set<String> = []

    /// The types of a vocabulary's `certificate_types` and `qualification_types`, where it has them.
    public init(vocabulary: Vocabulary) {
        func section(_ name: String) -> Vocabulary.Section? { vocabulary.has(name) ? vocabulary.section(name) : nil }
        self.init(certificateTypes: section(RecordFormat.Section.certificateTypes), qualificationTypes: section(RecordFormat.Section.qualificationTypes))
        for name in [RecordFormat.Section.roles, RecordFormat.Section.registryRoles] {
            guard let roles = section(name) else { continue }
            roleNames.formUnion(vocabulary.codes(in: name))
            roleNames.formUnion(roles.names)
        }
    }

    public init(
        certificates: Set<String> = [], qualifications: Set<String> = [],
        certificateTypes: Vocabulary.Section? = nil, qualificationTypes: Vocabulary.Section? = nil
    ) {
        self.certificates = certificates
        self.qualifications = qualifications
        self.certificateTypes = certificateTypes
        self.qualificationTypes = qualificationTypes
    }
}

/// Reads registry documents.
public enum RegistryLoader {
    /// Adds the people of one registry document to `registry`. A certificate or qualification
    /// type one typo from a type the rules ask for (`asked`) is an error: `enforcment` made every
    /// officer's certificate invalid, and the findings named the officers, not the registry.
    /// - Throws: `InputError` naming the position of the first problem.
    public static func add(_ document: YAMLNode, file: String, to registry: inout Registry, asked: RegistryTypes = RegistryTypes()) throws(InputError) {
        func fail(_ node: YAMLNode, _ message: String, zh: String?) -> InputError {
            InputError(file: file, position: node.position, message: message, chineseMessage: zh)
        }
        guard document.mapping != nil else {
            throw fail(document, "a registry is a mapping with the key 'people', found \(document.kindDescription)",
                       zh: "人员名册应为含 people 键的映射，实际是\(document.chineseKindDescription)")
        }
        try requireKnownKeys(document, ["people"], of: "a registry", chinese: "人员名册", fail: fail)
        guard let peopleNode = document["people"] else { throw fail(document, "a registry needs the key 'people' (a list of people)", zh: "人员名册缺少 people 键（人员列表）") }
        guard let items = peopleNode.sequence else {
            throw fail(peopleNode, "'people' must be a list, found \(peopleNode.kindDescription)", zh: "people 必须是列表，实际是\(peopleNode.chineseKindDescription)")
        }
        for item in items {
            guard item.mapping != nil else {
                throw fail(item, "each person must be a mapping with at least 'id', found \(item.kindDescription)",
                           zh: "每名人员应为至少含 id 的映射，实际是\(item.chineseKindDescription)")
            }
            try requireKnownKeys(item, personKeys, of: "a person", chinese: "人员", fail: fail)
            guard let idNode = item["id"], let id = idNode.coreValue?.text, !id.isEmpty else { throw fail(item, "a person lacks 'id'", zh: "人员缺少 id") }
            try requireClearID(id, written: idNode.scalar?.text ?? id, at: idNode, in: registry, fail: fail)
            if let existing = registry.people[id] {
                throw fail(idNode, "the person id '\(id)' is registered twice (also as \(existing.name ?? id))",
                           zh: "人员编号 \(id) 登记了两次（另一处登记为 \(existing.name ?? id)）")
            }
            var person = Person(id: id, name: item["name"]?.coreValue?.text)
            person.roles = try texts(item["roles"], key: "roles", fail: fail)
            if let rolesNode = item["roles"] { try requireKnownRoles(person.roles, at: rolesNode, known: asked.roleNames, fail: fail) }
            for certificateNode in item["certificates"]?.sequence ?? [] {
                guard certificateNode.mapping != nil, let typeNode = certificateNode["type"], let written = typeNode.coreValue?.text else {
                    throw fail(certificateNode, "a certificate needs a 'type'", zh: "证件须有 type")
                }
                // (A name of a type is its code: `执法证` counted as no certificate, and an officer
                // holding a valid one was told to renew it.)
                // (In any case or width too: `ENFORCEMENT`, `ｅｎｆｏｒｃｅｍｅｎｔ` was no certificate.)
                let type = asked.certificateTypes?.code(for: written) ?? asked.certificateTypes?.code(for: HintReading.plain(Vocabulary.trimmed(written))) ?? written
                try requireAskedType(type, at: typeNode, asked: asked.certificates, naming: asked.certificateTypes, of: "certificate", chinese: "证件", fail: fail)
                try requireKnownKeys(certificateNode, certificateKeys, of: "a certificate", chinese: "证件", fail: fail)
                func day(_ key: String) throws(InputError) -> Day? {
                    guard let node = certificateNode[key] else { return nil }
                    // (A full year written as ledgers write it, `2025/4/30`, `2025年4月30日`, is that day.)
                    guard let day = RecordLoader.date(node) ?? node.scalar.flatMap({ Day(guessing: Vocabulary.trimmed($0.text)) }) else {
                        let lasting = node.scalar.map { ["长期", "长期有效", "无固定期限", "永久", "永久有效"].contains(Vocabulary.trimmed($0.text)) } ?? false
                        throw fail(node, "'\(key)' must be a date (YYYY-MM-DD), found '\(node.scalar?.text ?? node.kindDescription)'\(lasting ? "; a certificate without an end is written with the last day it is valid for as printed, or a far day such as 9999-12-31" : "")",
                                   zh: "\(key) 必须是日期（YYYY-MM-DD），实际是\(node.scalar.map { "“\($0.text)”" } ?? node.chineseKindDescription)\(lasting ? "；长期有效的证件，请写证件上的有效期，或写一个很远的日期，如 9999-12-31" : "")")
                    }
                    // A year mistyped into the century before (`1925-01-01` for 2025) made a
                    // certificate valid for a hundred years, and an officer's lapse passed; no step
                    // may be dated so either (`RecordReader.earliestDay`).
                    guard day >= RecordReader.earliestDay else {
                        throw fail(node, "'\(key)' is \(day), before 1950, which no certificate can be dated; is the year mistyped?",
                                   zh: "\(key) 是 \(day)，早于 1950 年，不可能是证件的日期；年份是否写错了？")
                    }
                    return day
                }
                // Both ends are required of a certificate the rules ask about: one without an end
                // was valid for ever (or since ever), and an officer whose certificate had lapsed
                // passed. (An office's own certificates, which no rule reads, may have none.)
                for key in ["valid_from", "valid_until"] where asked.certificates.contains(type) && certificateNode[key] == nil {
                    throw fail(certificateNode, "the \(type) certificate lacks '\(key)': a certificate is valid from valid_from to valid_until (YYYY-MM-DD), so both are needed",
                               zh: "\(type) 证件缺少 \(key)：证件自 valid_from 起至 valid_until 止有效（YYYY-MM-DD），两者都须写明")
                }
                let validFrom = try day("valid_from"), validUntil = try day("valid_until")
                // A certificate that ends before it starts is valid on no day: a mistyped year.
                if let validFrom, let validUntil, validUntil < validFrom, let node = certificateNode["valid_until"] {
                    throw fail(node, "the certificate ends (valid_until \(validUntil)) before it starts (valid_from \(validFrom)), so it is valid on no day; is a year mistyped?",
                               zh: "证件的截止日期（valid_until \(validUntil)）早于起始日期（valid_from \(validFrom)），没有一天有效；是否年份写错了？")
                }
                let certificate = Certificate(
                    type: type, number: certificateNode["number"]?.coreValue?.text,
                    validFrom: validFrom, validUntil: validUntil, revoked: try day("revoked"))
                // A number saying there is none (`无`, `未取得`, `已注销`) is no certificate: counted,
                // an officer without one passed as certified.
                if Self.saysNone(certificateNode["number"]) { continue }
                // A certificate belongs to one person: one number under two ids is one officer
                // registered twice, and "two officers" of an inspection were one (the two-officer rule passed).
                if let holder = registry.holder(of: certificate), holder != id, let number = certificate.number {
                    throw fail(certificateNode["number"] ?? certificateNode, "the \(type) certificate number '\(number)' is registered to \(holder) too; a certificate belongs to one person (one person under two ids? keep one)",
                               zh: "\(type) 证件号码“\(number)”也登记在 \(holder) 名下；一个证件只属于一个人（是否同一人以两个编号登记？请只保留一个）")
                }
                person.certificates.append(certificate)
            }
            if let certificates = item["certificates"], certificates.sequence == nil {
                throw fail(certificates, "'certificates' must be a list, found \(certificates.kindDescription)", zh: "certificates 必须是列表，实际是\(certificates.chineseKindDescription)")
            }
            if let qualifications = item["qualifications"], qualifications.sequence == nil {
                throw fail(qualifications, "'qualifications' must be a list, found \(qualifications.kindDescription)", zh: "qualifications 必须是列表，实际是\(qualifications.chineseKindDescription)")
            }
            for qualification in item["qualifications"]?.sequence ?? [] {
                guard let typeNode = qualification["type"], let written = typeNode.coreValue?.text else { throw fail(qualification, "a qualification needs a 'type'", zh: "资格须有 type") }
                let type = asked.qualificationTypes?.code(for: written) ?? written
                try requireAskedType(type, at: typeNode, asked: asked.qualifications, naming: asked.qualificationTypes, of: "qualification", chinese: "资格", fail: fail)
                try requireKnownKeys(qualification, qualificationKeys, of: "a qualification", chinese: "资格", fail: fail)
                // (`number: 无` or `未取得`, as an office fills in the column of one who has none: counted,
                // the reviewer's warning went and the audit called the case compliant.)
                if Self.saysNone(qualification["number"]) { continue }
                person.qualifications.append(type)
            }
            registry.add(person)
        }
    }

    static let personKeys = ["id", "name", "roles", "certificates", "qualifications"]

    /// Whether a certificate's or qualification's number says there is none: empty, or a word of
    /// absence (`无`, `未取得`, `否`, `已注销`).
    static func saysNone(_ node: YAMLNode?) -> Bool {
        guard let node else { return false }
        guard let text = node.scalar?.text else { return node.coreValue == .null }
        let number = Vocabulary.trimmed(text)
        return number.isEmpty || noneWords.contains(number) || RecordFormat.saysNo(number)
    }

    static let noneWords: Set<String> = [
        "无", "暂无", "没有", "未取得", "未考取", "未获得", "不具备", "否", "空", "—", "-", "/", "注销", "已注销", "吊销", "已吊销", "作废", "已作废", "none", "n/a",
    ]

    /// Refuses a person's id a reader cannot tell from another: written as a number whose digits
    /// are not its text (`id: 045` is 45, and `"045"` in a record was no one), holding a character
    /// that cannot be seen or one that looks like another (as a record's id may not), or the same
    /// as one registered but for case or width (`ZY-043`, `ＺＹ-043`, `zy-043` were three people, and
    /// a record could name whichever held the valid certificate).
    private static func requireClearID(
        _ id: String, written: String, at node: YAMLNode, in registry: Registry, fail: (YAMLNode, String, String?) -> InputError
    ) throws(InputError) {
        if case .int = node.coreValue, Vocabulary.trimmed(written) != id {
            throw fail(node, "the id '\(written)' is read as the number \(id); quote it ('\(written)') to keep it as written",
                       "人员编号 \(written) 被读作数字 \(id)；请加引号（'\(written)'）按原样保留")
        }
        if let hidden = RecordReader.unseenCharacter(in: id) {
            throw fail(node, "the person id '\(id.onOneLine)' holds a character that cannot be seen (\(hidden.code)) at place \(hidden.place + 1); remove it, or a record's id that looks the same is another person",
                       "人员编号“\(id.onOneLine)”的第 \(hidden.place + 1) 个字符是不可见字符 \(hidden.code)；请删去，否则记录中看起来相同的编号会被当作另一人")
        }
        if let alike = RecordReader.lookAlikeCharacter(in: id) {
            throw fail(node, "the person id '\(id.onOneLine)' holds \(alike.code) (\(alike.en)) at place \(alike.place + 1); write \(alike.meant)",
                       "人员编号“\(id.onOneLine)”的第 \(alike.place + 1) 个字符是 \(alike.code)（\(alike.zh)）；请改为 \(alike.meant)")
        }
        if let other = registry.idAlike(id) {
            throw fail(node, "the person id '\(id)' differs from '\(other)', already registered, only in case or width; one person under two ids? keep one",
                       "人员编号 \(id) 与已登记的 \(other) 仅大小写或全角半角不同；是否同一人以两个编号登记？请只保留一个")
        }
    }

    /// Refuses a role a slip from a role of the vocabulary (`legal_advisor`, `Legal_Adviser`,
    /// `法律顾问(外聘)`): read as an office's own, the registry had no adviser, and an unroled
    /// person signing as one passed. Roles of an office's own, far from every known one, are kept.
    private static func requireKnownRoles(_ roles: [String], at node: YAMLNode, known: Set<String>, fail: (YAMLNode, String, String?) -> InputError) throws(InputError) {
        guard !known.isEmpty else { return }
        let folded = Dictionary(known.map { (HintReading.plain($0), $0) }, uniquingKeysWith: { first, _ in first })
        for role in roles where !known.contains(role) {
            let plain = HintReading.plain(Vocabulary.trimmed(role))
            let meant = folded[plain] ?? folded[HintReading.plain(KeyText.named(role))]
                ?? (plain.count >= 6 ? Suggestion.closest(to: role, in: known.filter { $0.count >= 6 && $0.isAllASCII }.sorted()) : nil)
            guard let meant, !Vocabulary.isNegated(role) else { continue }
            throw fail(node, "the role '\(role)' is none the vocabulary names; did you mean '\(meant)'? (read as an office's own role, the registry would have no such person)",
                       "角色 \(role) 不是词汇表中的角色；是否应为 \(meant)？（按本单位自定义角色读取，名册中就没有担任该角色的人员）")
        }
    }
    static let certificateKeys = ["type", "number", "valid_from", "valid_until", "revoked"]
    static let qualificationKeys = ["type", "number"]

    /// A key the registry format does not define is an error, not a field passed over: a
    /// misspelt `valid_untill` left a certificate without an end, valid for ever, and an officer
    /// whose certificate had expired passed. Keys of an office's own start with `x_` or `x-`.
    /// (`what` names the node in English, `chinese` in Chinese; `fail` takes a message in both.)
    private static func requireKnownKeys(
        _ node: YAMLNode, _ known: [String], of what: String, chinese: String, fail: (YAMLNode, String, String?) -> InputError
    ) throws(InputError) {
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar?.text else { throw fail(pair.key, "a key of \(what) must be a text", "\(chinese)的键必须是文本") }
            if known.contains(key) || key.hasPrefix("x_") || key.hasPrefix("x-") { continue }
            throw fail(pair.key, "'\(key)' is not a key of \(what)\(Suggestion.phrase(for: key, in: known)) (expected \(known.joined(separator: ", ")); keys of your own start with x_)",
                       "\(key) 不是\(chinese)的键\(Suggestion.chinesePhrase(for: key, in: known))（可用的键：\(known.joined(separator: "、"))；自定义的键请以 x_ 开头）")
        }
    }

    /// A type no rule asks for but one typo from one that a rule does, or from a name of one
    /// (`执发证` for 执法证: kept as an office's own type, every officer's certificate was
    /// "invalid"); types of an office's own, far from every asked one, are kept.
    /// (`what` names the kind in English, `chinese` in Chinese.)
    private static func requireAskedType(
        _ type: String, at node: YAMLNode, asked: Set<String>, naming: Vocabulary.Section?, of what: String, chinese: String,
        fail: (YAMLNode, String, String?) -> InputError
    ) throws(InputError) {
        guard !asked.contains(type) else { return }
        // A name is a typo's only one edit away, in four characters or more, and never across a
        // "not" (执业证, a lawyer's, is one character from 执法证 and another document; 非行政执法证
        // says it is none; 法律职业资格（C证） is another qualification: each stopped the run).
        let names = naming.map { section in
            section.names.filter { name in
                name.count >= 4 && asked.contains(section.code(for: name) ?? "") && Suggestion.areOneEditApart(name, type)
            }
        } ?? []
        guard !Vocabulary.isNegated(type), let closest = Suggestion.closest(to: type, in: asked.sorted() + names.sorted()) else { return }
        throw fail(node, "the \(what) type '\(type)' is none the rules ask for; did you mean '\(closest)'? (a \(what) of a type no rule asks for is never counted)",
                   "\(chinese)类型 \(type) 不是规则所查询的类型；是否应为 \(closest)？（规则不查询的类型，其\(chinese)一律不计）")
    }

    private static func texts(_ node: YAMLNode?, key: String, fail: (YAMLNode, String, String?) -> InputError) throws(InputError) -> [String] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            throw fail(node, "'\(key)' must be a list, found \(node.kindDescription)", "\(key) 必须是列表，实际是\(node.chineseKindDescription)")
        }
        // An item that is no text (a list, a mapping, null) names nothing: passed over, a person
        // with `roles: [[enforcement_officer]]` had no role, and a signoff the registry contradicts passed.
        return try items.map { item throws(InputError) in
            guard item.scalar != nil, let text = item.coreValue?.text, !text.isEmpty else {
                throw fail(item, "each item of '\(key)' is a text, found \(item.scalar != nil ? "an empty value" : item.kindDescription)",
                           "\(key) 的每一项应为文本，此项却是\(item.scalar != nil ? "空值" : item.chineseKindDescription)")
            }
            return text
        }
    }
}

extension Registry {
    /// Adds a person whose id is not yet registered.
    mutating func add(_ person: Person) {
        resemblance = nil
        people[person.id] = person
        let plain = HintReading.plain(person.id)
        if idsByPlainForm[plain] == nil { idsByPlainForm[plain] = person.id }
        if let name = person.name.map(Vocabulary.trimmed), !name.isEmpty { idsByName[name, default: []].append(person.id) }
        for certificate in person.certificates {
            if let key = Self.certificateKey(certificate), holders[key] == nil { holders[key] = person.id }
        }
        for role in Set(person.roles) { roleHolders[role, default: []].append(person.id) }
    }

    /// A registered id other than `id` that differs from it only in case or width, if any.
    func idAlike(_ id: String) -> String? {
        idsByPlainForm[HintReading.plain(id)].flatMap { $0 != id ? $0 : nil }
    }

    /// The id of the person a certificate of this type and number is registered to, if any.
    func holder(of certificate: Certificate) -> String? {
        Self.certificateKey(certificate).flatMap { holders[$0] }
    }

    /// A certificate's type and number as a reader tells numbers apart — its letters and digits in
    /// one case and width, without spaces, dashes, dots or a `No.` before it (`3310 2500 043`,
    /// `３３１０２５０００４３`, `No.33102500043` and `zf0043` for `ZF0043` are each the same number:
    /// one officer under two ids so written made two, and the two-officer rule passed) — or nil
    /// when it has no number: a number has a digit (`待补`, `无`, `-` are placeholders, which people may share).
    private static func certificateKey(_ certificate: Certificate) -> String? {
        guard let written = certificate.number else { return nil }
        var number = HintReading.plain(written).filter { $0.isLetter || $0.isNumber }
        if number.hasPrefix("no"), number.dropFirst(2).first?.isNumber == true { number.removeFirst(2) }
        guard number.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        return certificate.type + "\u{0}" + number
    }
}
