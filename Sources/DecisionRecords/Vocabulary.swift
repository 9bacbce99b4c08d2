/// The codes records use, by section (`kinds`, `step_types`, `statuses`, `outcomes`, `forms`,
/// `meeting_types`, `roles`, `boolean_facts`, and any section a user's vocabulary file adds), each
/// with its names in Chinese and English.
///
/// A record may write a code or one of its names; a name is read as its code. Names match after
/// trimming spaces (full-width spaces too); codes match exactly.
public struct Vocabulary: Sendable {
    /// Names by section and code.
    public private(set) var sections: [String: [String: LocalizedText]] = [:]
    /// Codes by section and name.
    private var codesByName: [String: [String: String]] = [:]
    /// Names a code is also read from but never shown by (`also`), by section and code: the
    /// other names the format gives (集体审议 beside 集体讨论, 签发 beside 作出决定).
    private var otherNamesByCode: [String: [String: [String]]] = [:]
    /// The record kinds a step type belongs to, for the types that belong to some only (`kinds:`
    /// of a `step_types` entry): the legality review of decisions and normative documents, the
    /// legal review of penalty cases. A failed review written with the other kind's type was read
    /// by no rule, and the case passed.
    public private(set) var stepTypeKinds: [String: [String]] = [:]
    /// Names a vocabulary file vouches mean a code that lets a record pass, though a word in them
    /// would otherwise change its meaning (`also_as_meant`), as `code ← name`: every report's
    /// set-up line names them, since such a name passes records where it is written.
    public private(set) var vouchedNames: [String] = []

    /// An empty vocabulary.
    public init() {}

    /// Adds (or renames) a code of a section, with other names it is also read from (`also`).
    public mutating func add(_ code: String, names: LocalizedText, also: [String] = [], to section: String) {
        sections[section, default: [:]][code] = names
        for name in [names.zh, names.en] + also {
            let key = Self.trimmed(name)
            if !key.isEmpty, codesByName[section]?[key] == nil { codesByName[section, default: [:]][key] = code }
        }
        if !also.isEmpty { otherNamesByCode[section, default: [:]][code, default: []] += also.map(Self.trimmed) }
        // A kind's Chinese short name (规范性文件, 处罚: legality's own audit tables name kinds so) is
        // read as the kind too: a clerk copying it was told the kind is not in the vocabulary, with
        // no suggestion.
        if section == RecordFormat.Section.shortKinds {
            let key = Self.trimmed(names.zh)
            let kinds = RecordFormat.Section.kinds
            if !key.isEmpty, codesByName[kinds]?[key] == nil { codesByName[kinds, default: [:]][key] = code }
        }
    }

    /// Says that a step type belongs to records of these kinds only.
    public mutating func restrict(stepType code: String, toKinds kinds: [String]) {
        stepTypeKinds[code] = kinds
    }

    /// Records a name vouched for a code (see `vouchedNames`).
    public mutating func vouch(_ name: String, for code: String) {
        vouchedNames.append("\(code) ← \(name)")
    }

    /// The names a code is also read from, beyond its Chinese and English names.
    public func otherNames(of code: String, in section: String) -> [String] {
        otherNamesByCode[section]?[code] ?? []
    }

    /// The other code of a section a code's names would clash with: one that goes by one of the
    /// names (a record writing it is read as that code), one of the names is itself a code, or
    /// (`isShortName`) one of the names is another kind's short name. nil when the names are free
    /// (or already the code's own).
    public func clash(of code: String, names: LocalizedText, also: [String] = [], in section: String) -> (name: String, code: String, isShortName: Bool)? {
        let known = codesByName[section] ?? [:]
        // A kind's short name (重大决策, shown in narrow columns) is a name readers know it by: a
        // kind named so (`other` also called 重大决策) took major decisions out of every pack.
        let shortNames = section == RecordFormat.Section.kinds ? sections[RecordFormat.Section.shortKinds] ?? [:] : [:]
        for name in [names.zh, names.en] + also {
            let key = Self.trimmed(name)
            if let other = known[key], other != code { return (name, other, false) }
            if key != code, sections[section]?[key] != nil { return (name, key, false) }
            if let other = shortNames.first(where: { $0.key != code && (Self.trimmed($0.value.zh) == key || Self.trimmed($0.value.en) == key) })?.key {
                return (name, other, true)
            }
        }
        if let other = known[code], other != code { return (code, other, false) }
        return nil
    }

    /// The names of the sections the vocabulary has.
    public var sectionNames: Set<String> { Set(sections.keys) }

    /// Whether a section exists.
    public func has(_ section: String) -> Bool { sections[section] != nil }

    /// The codes of a section.
    public func codes(in section: String) -> Dictionary<String, LocalizedText>.Keys {
        (sections[section] ?? [:]).keys
    }

    /// The names of a code in a section.
    public func names(of code: String, in section: String) -> LocalizedText? { sections[section]?[code] }

    /// The code a written value stands for: the value itself when it is a code, or the code of the
    /// name it is; nil when it is neither. (Takes the section out for this one question: code
    /// that asks many, as the record loader does, takes it out once with `section(_:)`.)
    public func code(for written: String, in section: String) -> String? {
        self.section(section).code(for: written)
    }

    /// One section, taken out once so that each code read from it hashes the written text alone
    /// (an empty section when the vocabulary has none of that name).
    public func section(_ name: String) -> Section {
        let bound = name == RecordFormat.Section.stepTypes ? stepTypeKinds : [:]
        return Section(name: name, codes: sections[name] ?? [:], codesByName: codesByName[name] ?? [:], kindsOfCode: bound)
    }

    /// The codes of one section and the names they go by. (A class: the loader hands a section to
    /// the reading of each coded field, and a struct of its four references was copied, each
    /// reference counted, for every field of every step.)
    public final class Section: Sendable {
        /// The section's name, such as `step_types`.
        public let name: String
        fileprivate let codes: [String: LocalizedText]
        fileprivate let codesByName: [String: String]
        /// The codes in order, which numbers them (`number(of:)`).
        public let numbering: Numbering
        /// Of step types: those tied to some record kinds, with the kinds (`stepTypeKinds`), as a
        /// list (asked of every step: two entries compared in place cost less than a hash).
        private let kindBound: [(code: String, kinds: [String])]
        /// Of step types: for each kind with types of its own among them, those types, in code
        /// order (what a record of it writes in place of another kind's type: `legal_review` for
        /// `legality_review` in a penalty case).
        public let ownBound: [String: [String]]
        /// The numbers (`numbering`) of the codes tied to kinds below 64, as bits: asked of every
        /// step, a bit costs no reference count, where a look at the list counted its texts, some
        /// 60 atomic operations a record.
        private let boundNumbers: UInt64

        fileprivate init(name: String, codes: [String: LocalizedText], codesByName: [String: String], kindsOfCode: [String: [String]] = [:]) {
            self.name = name
            self.codes = codes
            self.codesByName = codesByName
            let ordered = codes.keys.sorted()
            numbering = Numbering(ordered)
            kindBound = kindsOfCode.map { ($0.key, $0.value) }.sorted { $0.code < $1.code }
            boundNumbers = kindsOfCode.keys.compactMap { ordered.firstIndex(of: $0) }.filter { $0 < 64 }.reduce(0) { $0 | (1 << UInt64($1)) }
            var own: [String: [String]] = [:]
            for kind in Set(kindsOfCode.values.flatMap { $0 }) { own[kind] = kindsOfCode.filter { $0.value.contains(kind) }.keys.sorted() }
            ownBound = own
        }

        /// The codes a record of `kind` may not have: those tied to other kinds, when the kind has
        /// one of its own among them (none for a kind with none, `other`): no hint proposes them.
        public func codesNotOf(_ kind: String) -> Set<String> {
            guard ownBound[kind] != nil else { return [] }
            return Set(kindBound.filter { !$0.kinds.contains(kind) }.map(\.code))
        }

        /// Whether the code numbered `number` may be tied to kinds (`kinds(ofBound:)` tells).
        @inline(__always)
        public func mayBeBound(_ number: Int?) -> Bool {
            // (A code without a number, or numbered 64 or more, is looked up.)
            guard let number, number < 64 else { return true }
            return boundNumbers & (1 << UInt64(number)) != 0
        }

        /// The kinds a code (a step type) is tied to; nil for one tied to none.
        @inline(__always)
        public func kinds(ofBound code: String) -> [String]? {
            // (Length first: most types are none of them.)
            for entry in kindBound where entry.code.utf8.count == code.utf8.count && entry.code == code { return entry.kinds }
            return nil
        }

        /// Whether a text is one of the section's codes (as strings are equal; names do not count).
        public func isCode(_ written: String) -> Bool {
            number(of: written) != nil
        }

        /// A code's number: its place in `numbering`; nil when the text is no code of the section
        /// (as strings are equal; names do not count).
        public func number(of written: String) -> Int? {
            if numbering.isASCII {
                // A section has a handful of codes: comparing an ASCII text with them, length
                // first, costs less than hashing it.
                if let place = numbering.lookup.placeOfSameLength(written) { return place }
                // A text canonically equal to an ASCII code but not ASCII itself (the Kelvin sign
                // for K) is longer in bytes than the code: such a text goes by hash.
                guard !written.isAllASCII else { return nil }
            }
            guard codes[written] != nil else { return nil }
            return numbering.codes.firstIndex { $0 == written }
        }

        /// Every name of the section's codes (the Chinese, the English and the other names).
        public var names: [String] { Array(codesByName.keys) }

        /// The code a written value stands for: the value itself when it is a code, or the code
        /// of the name it is; nil when it is neither.
        public func code(for written: String) -> String? {
            if isCode(written) { return written }
            return code(named: written)
        }

        /// The code of which a written value is a name (after trimming spaces); nil when it is none.
        public func code(named written: String) -> String? {
            codesByName[Vocabulary.trimmed(written)]
        }
    }

    /// The codes of a section in order, each numbered by its place. A class: a record tells the
    /// numbering its steps' types were read with (`DecisionRecord.stepTypeNumbering`), and the
    /// engine compares type numbers only when it is its own (`===`).
    public final class Numbering: Sendable {
        /// The codes, sorted.
        public var codes: [String] { lookup.texts }
        /// Whether every code is ASCII (as the built-in ones are).
        public let isASCII: Bool
        /// The codes, searched length first.
        let lookup: ShortTextList

        init(_ codes: [String]) {
            lookup = ShortTextList(codes)
            isASCII = codes.allSatisfy(\.isAllASCII)
        }
    }

    /// The code or name closest to a value that is neither, for "did you mean" (see
    /// `suggestionPhrase`, which names the code of a name).
    /// - Parameter excluded: codes not to propose, by a code or a name (a step type of another
    ///   record kind: `合法性审核` in a penalty case was told 合法性审查, which no penalty rule reads).
    public func suggestion(for written: String, in section: String, excluding excluded: Set<String> = []) -> String? {
        // A value longer than any name is proposed none: each was compared with every name and
        // searched for each (a 16 KB value aliased as the type of 990 steps, a file of 33 KB, took
        // 92 s; a registry's or a ledger's cell the same).
        guard written.utf8.count <= Self.mostSuggestedBytes, let codes = sections[section] else { return nil }
        let names = codesByName[section] ?? [:]
        // Read as a reader would: traditional characters and full-width letters in their plain
        // forms (送達 is 送达, ＭＡＪＯＲ major), letters in lower case.
        let value = HintReading.plain(Self.trimmed(written))
        // A value saying "not" is proposed only what says "not" too (未通过 is 不通过, never 通过;
        // 非正式审查 is no formal review), and one that does not, only what does not.
        let negated = Self.isNegated(value)
        // Nor is a value proposed a name without the words that make it another thing: an opinion
        // solicited is no review (征求合法性审查意见 is not 合法性审查), a sign-round no discussion
        // (集体讨论（传签）), an assessment waived none made (风险评估（免于评估）), the notice of a
        // right to a hearing no notice of the hearing (听证告知 is not 听证通知): each hint turned an
        // unlawful record into one that passed (see `HintReading`).
        let qualifiers = HintReading.qualifiers(in: value)
        let candidates = (Array(codes.keys) + Array(names.keys)).filter { candidate in
            Self.isNegated(candidate) == negated && HintReading.holds(qualifiers, candidate)
                && (excluded.isEmpty || !excluded.contains(names[candidate] ?? candidate))
        }
        if let same = candidates.filter({ HintReading.plain($0) == value }).min(by: { $0.precedesInUTF8($1) }) { return same }
        // A Chinese value of two or three characters with one character changed is another word
        // more often than a typo (审查 is no 检查, 送审 no 送达, 党组会 no 党委会): only one with
        // characters added or dropped at an end (常务会, 已通过, 通过。) or a negation written with
        // another character of "not" (未通过 for 不通过) is proposed its name.
        // (A code as close as the closest name is proposed before it: `faild` is `failed`, not
        // its other name `fail`.)
        let closestCode = Suggestion.closest(to: value, in: candidates.filter { codes[$0] != nil })
        if var closest = Suggestion.closest(to: value, in: candidates) {
            if let code = closestCode, Suggestion.typoDistance(value, code) <= Suggestion.typoDistance(value, closest) { closest = code }
            let isShortChinese = HintReading.isChinese(value) && value.count < 4
            if !isShortChinese || negated || HintReading.differAtAnEnd(value, HintReading.plain(closest)) { return closest }
            // Another as close that differs at an end is proposed (常务会 is as near 局务会 as 常务会议).
            let atAnEnd = candidates.filter { HintReading.differAtAnEnd(value, HintReading.plain($0)) }
            if let end = Suggestion.closest(to: value, in: atAnEnd), Suggestion.typoDistance(value, end) <= Suggestion.typoDistance(value, closest) {
                return end
            }
        }
        // A name written inside a longer one (`县政府常务会议` for 常务会议, a meeting's type named
        // with its government) is too far by edits: the longest code or name the value holds.
        // (Codes of fewer than four letters, and single characters, are in too many words.) Only
        // where a longer name is the same thing more fully named: an outcome, a status or a role
        // held in a longer value may be its opposite or another (审查未通过 and 有条件通过 hold
        // 通过, 法律顾问助理 holds 法律顾问), and a hint to write it would turn a fault into a pass.
        guard Self.namedMoreFully.contains(section), !negated else { return nil }
        return candidates
            .filter { $0.count >= ($0.isAllASCII ? 4 : 2) && HintReading.plain($0) != value && value.contains(HintReading.plain($0)) }
            .max { ($0.count, $1) < ($1.count, $0) }
    }

    /// The longest value a code is proposed for (`suggestion`): some four times the longest
    /// name of the built-in vocabulary.
    static let mostSuggestedBytes = 256

    /// The sections whose names a longer value may hold as the same thing (see `suggestion`).
    static let namedMoreFully: Set<String> = [
        RecordFormat.Section.meetingTypes, RecordFormat.Section.stepTypes, RecordFormat.Section.kinds, RecordFormat.Section.forms,
    ]

    /// Whether a value may say "not": a Chinese negation (simplified or traditional), a cross, or
    /// an English word of one, glued or not (`notpassed`, `unpassed`, `passedn't`), full-width
    /// letters read as ASCII; letters of other alphabets' styles (𝗻𝗼) are taken as saying it. Both
    /// a value and the names it may be proposed are asked (see `suggestion`), so a word that merely
    /// begins so (`inspection`, `normative_document`) is still proposed for its typos.
    static func isNegated(_ value: String) -> Bool {
        // (Read scalar by scalar into bytes: a value's characters compared with each negation's,
        // and its words split as characters, cost some 26,000 instructions a name, asked of every
        // code and name of a section for each value no code, and 16,000 steps of unknown types
        // took a quarter of a minute.)
        var lowered: [UInt8] = []
        lowered.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            if negationScalars.contains(scalar) { return true }
            var code = scalar.value
            if (0xFF01...0xFF5E).contains(code) { code -= 0xFEE0 }
            if (0x1D400...0x1D7FF).contains(code) { return true }
            if code < 0x80 {
                let byte = UInt8(code)
                lowered.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            } else {
                // Another script's letter is part of a word, which begins with no English "not";
                // anything else parts words.
                lowered.append(scalar.properties.isAlphabetic ? otherLetter : 0x20)
            }
        }
        if HintReading.holds(lowered, "not") || HintReading.holds(lowered, "n't") { return true }
        let words = lowered.split { byte in byte != otherLetter && !((0x61...0x7A).contains(byte)) }
        return words.contains { word in negatingPrefixes.contains { word.starts(with: $0) } }
    }

    /// The characters saying "not" (Chinese, simplified and traditional, and crosses).
    private static let negationScalars = Set("不未非无没否沒無弗勿毋莫别別拒✗✘×❌".unicodeScalars)
    /// English words begin so when they say "not" (`no`, `non-`, `un-`, `im-`, `in-`, `dis-`).
    private static let negatingPrefixes = ["no", "non", "un", "im", "in", "dis"].map { Array($0.utf8) }
    /// A byte standing for a letter of another script in `isNegated`'s reading.
    private static let otherLetter: UInt8 = 0xFF

    /// `; did you mean 'CODE'?` for the code closest to a text that is neither a code nor a name
    /// of the section (`; did you mean 'CODE' (NAME)?` when the closest is a name), or nothing.
    public func suggestionPhrase(for written: String, in section: String) -> String {
        guard let closest = suggestion(for: written, in: section) else { return "" }
        guard let code = code(for: closest, in: section), code != closest else { return "; did you mean '\(closest)'?" }
        return "; did you mean '\(code)' (\(closest))?"
    }

    /// `suggestionPhrase(for:in:)` in Chinese: `；是否应为 CODE？`, `；是否应为 CODE（NAME）？` or nothing.
    public func chineseSuggestionPhrase(for written: String, in section: String) -> String {
        guard let closest = suggestion(for: written, in: section) else { return "" }
        guard let code = code(for: closest, in: section), code != closest else { return "；是否应为 \(closest)？" }
        return "；是否应为 \(code)（\(closest)）？"
    }

    /// The name of a code in whichever section has it, searching `order` first.
    public func name(of code: String, preferring order: [String]) -> LocalizedText? {
        for section in order { if let name = sections[section]?[code] { return name } }
        for section in sections.keys.sorted() { if let name = sections[section]?[code] { return name } }
        return nil
    }

    /// The first character of a text a reader does not see (a zero-width space or joiner, a
    /// byte-order mark, a bidirectional control), if any: a name holding one is no name a
    /// record's key matches.
    public static func invisibleCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first(where: KeyText.invisible)
    }

    /// Whether a character is one a reader does not see (see `invisibleCharacter(in:)`).
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        KeyText.invisible(scalar)
    }

    /// Whether a text shows nothing: empty, or spaces, line breaks and characters no one sees only.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || KeyText.invisible($0) }
    }

    /// A text without leading and trailing spaces, full-width ones included.
    public static func trimmed(_ text: String) -> String {
        // Most values have no space to trim: return them without building a new string. The text's
        // first and last bytes say so at once (its scalars, read through the generic views, cost
        // more than the rest of a registry's search of names).
        // (Read in the text's own storage: the generic `first` and `last` of its bytes cost more.)
        let plainEnds = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let first = bytes.first, let last = bytes.last else { return false }
            // The spaces as UTF-8: 20, 09, C2 A0 (no-break) and E3 80 80 (full-width); C2 and E3
            // lead a character, so one that ends the text is its last character.
            let count = bytes.count
            let spaceFirst = first == UInt8(ascii: " ") || first == UInt8(ascii: "\t")
                || (first == 0xC2 && count >= 2 && bytes[1] == 0xA0) || (first == 0xE3 && count >= 3 && bytes[1] == 0x80 && bytes[2] == 0x80)
            let spaceLast = last == UInt8(ascii: " ") || last == UInt8(ascii: "\t")
                || (last == 0xA0 && count >= 2 && bytes[count - 2] == 0xC2) || (last == 0x80 && count >= 3 && bytes[count - 3] == 0xE3 && bytes[count - 2] == 0x80)
            return !spaceFirst && !spaceLast
        }
        if plainEnds == true { return text }
        guard let head = text.unicodeScalars.first, let tail = text.unicodeScalars.last, isSpace(head) || isSpace(tail) else { return text }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, Self.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, Self.isSpace(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{3000}" || scalar == "\t" || scalar == "\u{A0}"
    }
}
