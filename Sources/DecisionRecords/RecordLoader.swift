public import YAMLTree

/// Turns a YAML document into a decision record, collecting every problem rather than stopping
/// at the first. Codes written by their names (`kind: 重大行政决策`) are read as the codes, so the
/// record's tree holds codes wherever the vocabulary has them.
public enum RecordLoader {
    /// Reads one document as a record.
    /// - Parameters:
    ///   - document: the document's root node.
    ///   - file: the file's name as given or found.
    ///   - format: the vocabulary, known keys and as-of date to check against.
    public static func load(_ document: YAMLNode, file: String, format: RecordFormat) -> LoadedDocument {
        guard document.kind == .mapping else {
            // A document marker with nothing after it (`---` alone) is an empty document, not a scalar.
            let isEmpty = document.scalar?.text.isEmpty ?? false
            let problem = RecordProblem(
                code: .record,
                message: LocalizedText(
                    zh: isEmpty ? "文档是空的（只有 --- 分隔符），应为包含 id、kind、title 和 steps 的映射；多余的 --- 请删去"
                        : "文档是\(Wording.kind(document.kind, .zh))，应为包含 id、kind、title 和 steps 的映射",
                    en: isEmpty ? "the document is empty (a --- marker with nothing after it), expected a mapping with id, kind, title and steps; remove the extra ---"
                        : "the document is \(Wording.kind(document.kind, .en)), expected a mapping with id, kind, title and steps"),
                position: document.position)
            return .unreadable(problem)
        }
        return document.withBorrowed { root in RecordReader(format: format).read(root, tree: document, file: file) }
    }

    /// What a file that holds no document at all (empty, or only comments) is: no record, reported
    /// at the file's start as a document that is not one is (a `.record` problem), so an emptied
    /// record file never passes as "0 records checked".
    public static func noDocument() -> LoadedDocument {
        .unreadable(RecordProblem(
            code: .record,
            message: LocalizedText(
                zh: "文件中没有记录（空文件或只有注释），应为包含 id、kind、title 和 steps 的映射",
                en: "the file holds no record (it is empty or only comments), expected a mapping with id, kind, title and steps"),
            position: .start))
    }

    /// Reads a date scalar; nil when it is not a valid date.
    public static func date(_ node: YAMLNode) -> Day? {
        node.withBorrowed(date)
    }

    /// Reads a date scalar; nil when it is not a valid date.
    static func date(_ node: BorrowedNode) -> Day? {
        guard let text = node.scalar?.text else { return nil }
        return Day(parsing: text)
    }
}

/// The state of one record's load: the format and the problems found so far.
struct RecordReader {
    let format: RecordFormat
    var problems: [RecordProblem] = []
    /// The steps whose type could not be read (see `LoadedDocument.stepsOfUnreadableType`).
    var stepsOfUnreadableType: [Int] = []
    /// Whether the record's kind has its codes, booleans and keys checked.
    var checksValues = false
    /// The record's kind, as a code, once read.
    var recordKind: String?
    /// The day of the step whose meeting is being read (a meeting's `会议日期` saying another day
    /// leaves the discussion's day in doubt).
    var meetingStepDay: Day?
    /// The record's steps, while they are read (for `hasStep(ofTypeIn:)`).
    var allSteps: BorrowedNode?
    /// The keys of the user's own whose values were read (`ownKey`), and those passed over past
    /// `ownKeysRead`: said once, at the record.
    var ownKeys = (read: 0, passedOver: 0)

    /// Whether a step of the record has one of these types, by code or name: asked only of a
    /// record with a step of another kind's type (`belongsToRecordKind`), which is rare.
    func hasStep(ofTypeIn types: [String]) -> Bool {
        guard let steps = allSteps else { return false }
        return (0..<(steps.itemCount ?? 0)).contains { index in
            steps.item(index)["type"]?.scalar.flatMap { format.codes.stepTypes.code(for: $0.text) }.map(types.contains) ?? false
        }
    }

    init(format: RecordFormat) {
        self.format = format
    }

    /// Reads the record whose root mapping is `document`, borrowed from `tree`.
    /// (Consuming: the problems found are handed to the result, not copied.)
    consuming func read(_ document: BorrowedNode, tree: YAMLNode, file: String) -> LoadedDocument {
        // The tree, rewritten where a name stands for its code (most records write codes).
        var root = tree
        // Where the first key is: a missing key is reported there.
        var first = document.position
        for place in document.pairPlaces {
            first = document.key(at: place).position
            break
        }
        var id = requiredText("id", in: document, at: first)
        // (Bytes first: an id of at most 200 bytes has at most 200 characters, and counting bytes costs nothing.)
        if let written = id, written.utf8.count > RecordFormat.maxIDLength, written.unicodeScalars.count > RecordFormat.maxIDLength,
           let idNode = document["id"] {
            add(.record,
                zh: "id 有 \(written.unicodeScalars.count) 个字符，超过上限 \(RecordFormat.maxIDLength) 个；记录编号应为简短的编号（如文号、台账编号）",
                en: "the id has \(written.unicodeScalars.count) characters, more than the \(RecordFormat.maxIDLength) an id may have; an id is a short number such as a document's",
                at: idNode)
            id = written.clipped(to: RecordFormat.maxIDLength)
        }
        if let written = id, let hidden = Self.unseenCharacter(in: written), let idNode = document["id"] {
            let count = written.unicodeScalars.count
            let (zhPlace, enPlace) = hidden.place == 0 ? ("开头", "at its start") : hidden.place == count - 1 ? ("末尾", "at its end")
                : ("第 \(hidden.place + 1) 个字符", "as its character \(hidden.place + 1)")
            let what = hidden.code == "U+0020" ? ("空格", "a space") : ("不可见字符 \(hidden.code)", "a character that cannot be seen, \(hidden.code),")
            add(.record,
                zh: "编号（id）“\(written.clipped(to: 60).onOneLine)”的\(zhPlace)是\(what.0)，与看起来相同的编号并不相同，重复编号因此无从发现；请删去该字符（或重新输入编号）。修正前，此记录不作其他检查",
                en: "the id '\(written.clipped(to: 60).onOneLine)' holds \(what.1) \(enPlace), so it differs from an id that looks the same and a duplicate goes unnoticed; remove it (or type the id again). Until then the record is not checked further",
                at: idNode)
        }
        if let written = id, Self.unseenCharacter(in: written) == nil, let alike = Self.lookAlikeCharacter(in: written), let idNode = document["id"] {
            add(.record,
                zh: "编号（id）“\(written.clipped(to: 60).onOneLine)”的第 \(alike.place + 1) 个字符是 \(alike.code)（\(alike.zh)），与看起来相同的编号并不相同，重复编号因此无从发现；请改为 \(alike.meant)（或重新输入编号）。修正前，此记录不作其他检查",
                en: "the id '\(written.clipped(to: 60).onOneLine)' holds \(alike.code) (\(alike.en)) as its character \(alike.place + 1), so it differs from an id that looks the same and a duplicate goes unnoticed; write \(alike.meant) (or type the id again). Until then the record is not checked further",
                at: idNode)
        }
        var kind = requiredText("kind", in: document, at: first)
        let title = requiredText("title", in: document, at: first)
        if let written = kind, let kindNode = document["kind"] {
            if let code = format.codes.kinds.code(for: written) {
                kind = code
                if code != written { root = root.replacing("kind", with: code) }
            } else {
                unknownCode(written, at: kindNode, section: RecordFormat.Section.kinds, what: LocalizedText(zh: "记录类型", en: "kind"))
            }
        }
        checksValues = kind.map(format.checks(kind:)) ?? false
        recordKind = kind
        if !checksValues { kindInOtherWords(of: document, kind: kind) }
        if checksValues {
            unknownKeys(in: document, known: RecordFormat.knownRecordKeys, level: .record, what: LocalizedText(zh: "记录", en: "the record"))
            readFacts(document["facts"])
        } else if let facts = document["facts"], facts.kind != .mapping, facts.coreValue != .null {
            add(.record, zh: "facts 是\(Wording.kind(facts.kind, .zh))，应为映射", en: "facts is \(Wording.kind(facts.kind, .en)), expected a mapping", at: facts)
        }
        var steps: [Step] = []
        if let stepsNode = document["steps"] {
            allSteps = stepsNode
            if let count = stepsNode.itemCount {
                if count == 0 {
                    add(.record, zh: "steps 为空，记录至少要有一个步骤", en: "steps is empty; a record needs at least one step", at: stepsNode)
                }
                // Most records write codes: their steps, and the tree, are then kept as they are
                // (rebuilding them copies every step and the root mapping).
                var rewritten: [(index: Int, node: YAMLNode)] = []
                steps.reserveCapacity(count)
                for index in 0..<count {
                    if let node = readStep(stepsNode.item(index), index: index, into: &steps) { rewritten.append((index, node)) }
                }
                if !rewritten.isEmpty {
                    var nodes = (0..<count).map { stepsNode.item($0).owned }
                    for (index, node) in rewritten { nodes[index] = node }
                    root = root.replacing("steps", with: YAMLNode(.sequence(nodes), range: stepsNode.range, tag: stepsNode.tag))
                    // Steps refer to the rewritten tree's nodes, so rules read codes.
                    if let stepNodes = root["steps"]?.items {
                        for index in steps.indices { steps[index].node = stepNodes[steps[index].index] }
                    }
                }
                problems += Self.plansLeftBehind(in: steps, format: format) + Self.reviewsLeftOpen(in: steps, format: format)
                    + Self.publicationWithoutDecision(in: steps, kind: kind, format: format)
            } else {
                add(.record, zh: "steps 是\(Wording.kind(stepsNode.kind, .zh))，应为步骤列表", en: "steps is \(Wording.kind(stepsNode.kind, .en)), expected a list of steps", at: stepsNode)
            }
        } else {
            problems.append(missing("steps", at: first))
        }
        sayOwnKeysPassedOver(at: document)
        let displayed = id ?? displayedID(document).clipped(to: RecordFormat.maxIDLength)
        let numbering = format.codes.stepTypes.numbering
        return LoadedDocument(
            record: DecisionRecord(id: displayed, kind: kind ?? "", title: title ?? "", file: file, node: consume root, steps: consume steps,
                                   stepTypeNumbering: numbering),
            problems: problems, stepsOfUnreadableType: stepsOfUnreadableType)
    }

    /// The step types whose planned steps the record pack reports once the decision is made
    /// before them, or the case discussed: an investigation or inspection, which the rules of
    /// officers judge done alone, and a hearing, which the legal review's rule counts done alone.
    static let stepsDoneBeforeADecision: Set<String> = ["investigation", "inspection", "hearing"]

    /// A step problem (`Code.step`) for an investigation, inspection or hearing still `planned` on
    /// a day on or before the done decision or a collective discussion come by the as-of date (in
    /// the gate, the meeting's): it was done and not marked so, or not done at all. The rules of
    /// officers (two of them, certified, credentials shown) look at done steps alone, so a case
    /// decided after an inspection "planned" with one auxiliary officer passed, unsaid; and one
    /// discussed at the meeting went READY so, as did one whose hearing, still "planned", would
    /// have needed the legal review.
    static func plansLeftBehind(in steps: [Step], format: RecordFormat) -> [RecordProblem] {
        // (A record with no plan of these types is passed in one look, without a copy.)
        guard steps.contains(where: { $0.status == .planned && stepsDoneBeforeADecision.contains($0.type) }) else { return [] }
        // The decisions made and the discussions come by the as-of date, each a day a plan before
        // it is left behind by (a second discussion too: an investigation planned between two).
        let anchors = steps.filter { ($0.type == "decision" && $0.status == .done || $0.type == "collective_discussion") && $0.day <= format.asOf }
        return steps.compactMap { step -> RecordProblem? in
            guard step.status == .planned, stepsDoneBeforeADecision.contains(step.type),
                  let first = anchors.filter({ $0.day >= step.day }).min(by: { ($0.day.ordinal, $0.type == "decision" ? 0 : 1) < ($1.day.ordinal, $1.type == "decision" ? 0 : 1) })
            else { return nil }
            let (anchor, decided) = (first.day, first.type == "decision")
            return planLeftBehind(step, format: format) { name in
                let after: LocalizedText = decided
                    ? LocalizedText(zh: "但决定已于 \(anchor) 作出", en: "but the decision was made on \(anchor)")
                    : LocalizedText(zh: "但案件在 \(anchor) 集体讨论", en: "but the case is discussed on \(anchor)")
                let rules: LocalizedText = step.type == "hearing"
                    ? LocalizedText(zh: "举行了的，写 status: done（举行听证的案件须经法制审核）；没有举行的，删去这一步骤。标为计划的听证，法制审核的规则不计。",
                                    en: "If held, write status: done (a case heard needs the legal review); if not, remove the step. The rule of the legal review does not count a planned hearing.")
                    : LocalizedText(zh: "做了的，写 status: done 并如实填写执法人员；没有做的，删去这一步骤。标为计划的步骤，执法人员人数、证件和出示证件的规则都不检查。",
                                    en: "If done, write status: done with its officers as they were; if not, remove the step. The rules of officers, their certificates and credentials shown do not check a planned step.")
                return LocalizedText(
                    zh: "第 \(step.index + 1) 个步骤“\(name.zh)”标为计划（\(step.day)），\(after.zh)：它是做了而没有改为已完成，还是没有做？\(rules.zh)",
                    en: "step \(step.index + 1) (\(name.en)) is planned for \(step.day), \(after.en): was it done and not marked so, or not done at all? \(rules.en)")
            }
        }
    }

    /// A step problem (`Code.step`) at a planned step's status (else its date), worded with the
    /// step type's names, that keeps the record evaluated.
    private static func planLeftBehind(_ step: Step, format: RecordFormat, message: (LocalizedText) -> LocalizedText) -> RecordProblem {
        let name = format.vocabulary.names(of: step.type, in: RecordFormat.Section.stepTypes) ?? LocalizedText(zh: step.type, en: step.type)
        var problem = RecordProblem(code: .step, message: message(name), position: step.node["status"]?.position ?? step.dayPosition)
        problem.keepsEvaluation = true
        return problem
    }

    /// A step problem (`Code.step`) for a review still `planned` on a day on or before the as-of
    /// date (in the gate, the meeting's), after a review of its type done and on or before a
    /// collective discussion or decision itself come by the as-of date: the draft was sent again (a revised draft, new material), and no
    /// conclusion of that review is recorded. The rules read the latest review done, which passed,
    /// and the revised draft went to the meeting READY, unreviewed. (Without a review done before
    /// it, the rules of the missing review report it, pending until its day.)
    static func reviewsLeftOpen(in steps: [Step], format: RecordFormat) -> [RecordProblem] {
        // (A record with no planned review is passed in one look.)
        guard steps.contains(where: { $0.status == .planned && reviewTypes.contains($0.type) }) else { return [] }
        // (Once the discussion or decision after it has come: a re-review running late with the
        // meeting weeks away is no fault yet, as a first review late is not.)
        return steps.filter { plan in
            plan.status == .planned && reviewTypes.contains(plan.type) && plan.day <= format.asOf
                && steps.contains { $0.type == plan.type && $0.status == .done && $0.day <= plan.day && $0.index != plan.index }
                && steps.contains { ($0.type == "collective_discussion" || $0.type == "decision") && $0.day >= plan.day && $0.day <= format.asOf }
        }.map { plan in
            planLeftBehind(plan, format: format) { name in
                LocalizedText(
                    zh: "第 \(plan.index + 1) 个步骤“\(name.zh)”标为计划（\(plan.day)），日期已到（截至 \(format.asOf)），记录中没有这次审查的结论：审查做了而没有改为已完成，还是还没有审结？做了的，写 status: done 及其结论；没有审结的，再次送审的材料会前没有审查结论，不能按此前的审查上会。",
                    en: "step \(plan.index + 1) (\(name.en)) is planned for \(plan.day), a day now come (as of \(format.asOf)), and the record holds no conclusion of it: was it done and not marked so, or is it not concluded? If done, write status: done with its outcome; if not, the draft sent again has no review's conclusion before the meeting, and the earlier review does not stand for it.")
            }
        }
    }

    /// The kinds whose rules start from the decision (a major decision's review, discussion and
    /// publication; a penalty's notice, legal review and publication) and not from its publication.
    static let kindsJudgedByTheDecision: Set<String> = ["major_administrative_decision", "administrative_penalty"]

    /// A step problem (`Code.step`) for a record of such a kind with a done publication and no
    /// decision or collective discussion step at all: a decision published was made, and the
    /// record leaves it out. Every rule of the decision passed it over: a major decision recorded
    /// only as published, with no review, discussion or decision, was compliant. (One with a
    /// discussion, which made the decision, is judged from it.)
    static func publicationWithoutDecision(in steps: [Step], kind: String?, format: RecordFormat) -> [RecordProblem] {
        guard let kind, kindsJudgedByTheDecision.contains(kind),
              !steps.contains(where: { ($0.type == "decision" && $0.status == .done) || $0.type == "collective_discussion" }),
              let publication = steps.first(where: { $0.type == "publication" && $0.status == .done }) else { return [] }
        var problem = RecordProblem(
            code: .step,
            message: LocalizedText(
                zh: "第 \(publication.index + 1) 个步骤“公开”（\(publication.day)）公开了决定，而记录中没有已作出的决定（decision），也没有集体讨论：请补写作出决定的步骤及其日期（计划中的决定已作出的，改为已完成）；没有它，以决定为起点的规则（审查、集体讨论、公开期限等）都不检查这条记录。",
                en: "step \(publication.index + 1) (publication, \(publication.day)) published a decision, but the record has no decision made and no collective discussion: add the step of the decision with its date (mark a planned one made as done); without it, the rules that start from the decision (its review, discussion, publication in time) do not check the record."),
            position: publication.position)
        problem.keepsEvaluation = true
        return [problem]
    }

    /// The first character of an id that cannot be seen, named by its code point (`U+200B`), with
    /// its place among the id's characters (Unicode scalars, from 0), or nil: a control, format or default-ignorable character (a zero-width space, a bidirectional
    /// control, a soft hyphen, a Hangul filler), a line or paragraph separator, a space other than
    /// the ASCII and the ideographic one (a no-break space prints as a space), or white space at
    /// either end. (A private-use character is a character an office made, 造字, and is seen.) `SQ-1` and `SQ-1` followed by a zero-width space were two ids that printed
    /// the same, one failed and one passed, and no duplicate was found.
    static func unseenCharacter(in id: String) -> (code: String, place: Int)? {
        // Most ids are printable ASCII with no space at either end: passed by their bytes, in place.
        var id = id
        let plain = id.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            for byte in bytes where byte < 0x20 || byte > 0x7E { return false }
            return true
        }
        if plain { return nil }
        let scalars = Array(id.unicodeScalars)
        for (place, scalar) in scalars.enumerated() {
            let properties = scalar.properties
            let unseen: Bool = switch properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: true
            case .spaceSeparator: scalar != " " && scalar != "\u{3000}" || place == 0 || place == scalars.count - 1
            // (The braille blank U+2800 is a symbol that shows nothing.)
            default: properties.isDefaultIgnorableCodePoint || scalar == "\u{2800}" || ((place == 0 || place == scalars.count - 1) && properties.isWhitespace)
            }
            if unseen { return (scalar.codePointName, place) }
        }
        return nil
    }

    /// The first character of an id that looks like another an id is written with: a dash or
    /// minus sign other than `-` (U+2010–U+2013, U+2212, U+FE63; a word processor puts U+2011 or an en dash
    /// for a hyphen), a Greek or Cyrillic letter beside Latin ones (`ΖY-SJ-2025-217` with a Greek
    /// Zeta), a full-width letter, digit or hyphen beside ASCII ones (`ZY－SJ-2025-217`), a Kangxi
    /// radical or a compatibility ideograph (`泽⼯-2025-008`), a combining mark. `ZY‐SJ-2025-217` and `ZY-SJ-2025-217` were two ids that read the same: a duplicate,
    /// one failing and one passing, went unnoticed, and the gate took the failing one for another.
    static func lookAlikeCharacter(in id: String) -> (code: String, place: Int, zh: String, en: String, meant: String)? {
        var id = id
        // (Printable ASCII alone, most ids, has none: passed by its bytes.)
        if id.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) { return nil }
        let scalars = Array(id.unicodeScalars)
        let hasLatin = scalars.contains { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
        let hasASCII = hasLatin || scalars.contains { ("0"..."9").contains($0) || $0 == "-" }
        for (place, scalar) in scalars.enumerated() {
            switch scalar.value {
            // A full-width letter, digit or hyphen among ASCII ones (an input method's full-width
            // mode: `ZY－SJ-2025-217`); an id written in full width throughout reads as such.
            case 0xFF01...0xFF5E where hasASCII:
                let ascii = Unicode.Scalar(scalar.value - 0xFEE0).map { String(Character($0)) } ?? "?"
                return (scalar.codePointName, place, "全角字符，形似 \(ascii)", "a full-width character that looks like '\(ascii)'", ascii)
            case 0x2010...0x2013, 0x2212, 0xFE63:
                return (scalar.codePointName, place, "形似连字符的横线", "a dash that looks like a hyphen", "-")
            case 0x0370...0x03FF where hasLatin:
                return (scalar.codePointName, place, "希腊字母，形似拉丁字母", "a Greek letter that looks like a Latin one", latinAlike(scalar))
            case 0x0400...0x04FF where hasLatin:
                return (scalar.codePointName, place, "西里尔字母，形似拉丁字母", "a Cyrillic letter that looks like a Latin one", latinAlike(scalar))
            // A Kangxi radical or a CJK compatibility ideograph, as text copied from a PDF holds
            // (`泽⼯-2025-008` with U+2F2F for 工): it reads as the character it looks like.
            // (U+FA0E, FA0F, FA11, FA13, FA14, FA1F, FA21, FA23, FA24, FA27–FA29 are unified ideographs, 﨑 among them.)
            case 0xF900...0xFAFF where !Self.unifiedInCompatibilityBlock.contains(scalar.value):
                fallthrough
            case 0x2E80...0x2FDF, 0x2F800...0x2FA1F:
                return (scalar.codePointName, place, "部首或兼容汉字，形似常用汉字（多见于从 PDF 复制的文字）", "a radical or compatibility ideograph that looks like a common character (as text copied from a PDF holds)", "用输入法重新输入的该字 / the character typed again")
            // A combining mark (`é` written as `e` and U+0301): one character to a reader, two to a computer.
            // Hangul letters written apart (a file name from macOS gives 연길 as six of them).
            case 0x1100...0x11FF:
                return (scalar.codePointName, place, "分解写法的韩文字母（与相邻字母合成一个字）", "a Hangul letter written apart (one syllable with those beside it)", "该字的合成写法 / the syllable written as one character")
            case 0x0300...0x036F, 0x3099...0x309A, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
                return (scalar.codePointName, place, "组合附加符号（与前一字母合成一个字）", "a combining mark (one character with the letter before it)", "该字母的合成写法 / the letter written as one character")
            default: continue
            }
        }
        return nil
    }

    /// The unified ideographs of the compatibility block, which no other code point writes.
    private static let unifiedInCompatibilityBlock: Set<UInt32> = [0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29]

    /// The Latin letter a Greek or Cyrillic one looks like, or "the Latin letter" when there is none.
    private static func latinAlike(_ scalar: Unicode.Scalar) -> String {
        let alike: [UInt32: String] = [
            0x0391: "A", 0x0392: "B", 0x0395: "E", 0x0396: "Z", 0x0397: "H", 0x0399: "I", 0x039A: "K", 0x039C: "M", 0x039D: "N",
            0x039F: "O", 0x03A1: "P", 0x03A4: "T", 0x03A5: "Y", 0x03A7: "X", 0x03BF: "o", 0x03BD: "v",
            0x0410: "A", 0x0412: "B", 0x0415: "E", 0x041A: "K", 0x041C: "M", 0x041D: "H", 0x041E: "O", 0x0420: "P", 0x0421: "C",
            0x0422: "T", 0x0425: "X", 0x0430: "a", 0x0435: "e", 0x043E: "o", 0x0440: "p", 0x0441: "c", 0x0445: "x", 0x0443: "y",
        ]
        return alike[scalar.value] ?? "Latin letter / 拉丁字母"
    }

    /// The id as written when it is not a valid one (a number), so reports can still name the record.
    private func displayedID(_ document: BorrowedNode) -> String {
        guard let text = document["id"]?.scalar?.text, document["id"]?.coreValue != .null else { return "" }
        return text
    }

    // MARK: Top level

    private mutating func requiredText(_ key: String, in document: BorrowedNode, at first: SourcePosition) -> String? {
        guard let node = document[key] else {
            problems.append(missing(key, at: first))
            return nil
        }
        switch node.coreValue {
        case .string(let text) where !Vocabulary.trimmed(text).isEmpty:
            return text
        case .string, .null:
            add(.record, zh: "\(key) 为空，应为非空文本", en: "\(key) is empty, expected a non-empty text", at: node)
        case .some(let value):
            let written = (node.scalar?.text ?? "").onOneLine
            add(.record,
                zh: "\(key) 是\(Wording.kind(value, .zh))（\(written)），应为文本；请加引号：\(key): \"\(written)\"",
                en: "\(key) is \(Wording.kind(value, .en)) (\(written)), expected a text; quote it: \(key): \"\(written)\"", at: node)
        case .none:
            add(.record, zh: "\(key) 是\(Wording.kind(node.kind, .zh))，应为文本", en: "\(key) is \(Wording.kind(node.kind, .en)), expected a text", at: node)
        }
        return nil
    }

    private func missing(_ key: String, at position: SourcePosition) -> RecordProblem {
        RecordProblem(
            code: .record,
            message: LocalizedText(zh: "记录缺少必填字段 \(key)", en: "the record lacks the required key '\(key)'"),
            position: position)
    }

    /// Well-known boolean facts must be booleans.
    private mutating func readFacts(_ facts: BorrowedNode?) {
        guard let facts else { return }
        guard facts.kind == .mapping else {
            if facts.coreValue != .null {
                add(.record, zh: "facts 是\(Wording.kind(facts.kind, .zh))，应为映射", en: "facts is \(Wording.kind(facts.kind, .en)), expected a mapping", at: facts)
            }
            return
        }
        let booleans = format.codes.booleanFacts
        var unread = 0
        var given: FactsGiven?
        for place in facts.pairPlaces {
            guard let key = facts.keyText(at: place) else { continue }
            guard booleans.isCode(key) else {
                guard !RecordFormat.numberFacts.contains(key), !format.isReadByRule(key, at: .facts) else { continue }
                if RecordFormat.isExtension(key) {
                    ownKey(facts.key(at: place), key, value: facts.value(at: place), in: facts, level: .facts, what: LocalizedText(zh: "facts", en: "facts"))
                    continue
                }
                unread += 1
                guard unread <= Self.unreadFactsLookedAt else { continue }
                // (A step written under facts, `复审: {type: legality_review, outcome: failed}`, as
                // under any unread key: `stepOutside`. Asked of the first keys alone.)
                if unread <= Self.unreadKeysLookedAt, stepOutside(facts.value(at: place), key: key, keyNode: facts.key(at: place),
                                                                   what: LocalizedText(zh: RecordFormat.chineseName(of: .facts), en: RecordFormat.describe(.facts).name)) {
                    continue
                }
                let weighed = given ?? factsGiven(facts)
                given = weighed
                unknownFact(key, in: facts, at: place, given: weighed)
                continue
            }
            requireBoolean(facts.value(at: place), key: "facts.\(key)")
        }
        sayUnreadKeysNotLookedAt(
            unread, lookedAt: Self.unreadFactsLookedAt, in: facts, what: LocalizedText(zh: RecordFormat.chineseName(of: .facts), en: RecordFormat.describe(.facts).name))
    }

    /// How many keys of one mapping that neither the format nor a rule reads are each looked at
    /// (what it may be meant as: a fact, another key, a yes or no). Each is looked up among its
    /// mapping's keys: a facts mapping of 200,000 such keys took some 17 minutes.
    static let unreadKeysLookedAt = 64
    /// The same of a facts mapping, whose keys of an office's own are weighed without a search of
    /// the mapping each and are not reported unless meant as a known fact: a checklist of a hundred
    /// facts of its own is no hostile file.
    static let unreadFactsLookedAt = 1_000

    /// A key problem saying how many unread keys of a mapping were not looked at one by one, past
    /// `unreadKeysLookedAt`: one of them may be meant as a key the rules decide by, so the gate
    /// holds the item (a file could hide `状态: 计划` behind a thousand keys of nothing).
    /// (`what` is worded only when said: a step's name made for every step cost more than its reading.)
    mutating func sayUnreadKeysNotLookedAt(_ unread: Int, lookedAt: Int = unreadKeysLookedAt, in mapping: BorrowedNode, what describe: @autoclosure () -> LocalizedText) {
        guard unread > lookedAt else { return }
        let what = describe()
        let rest = unread - lookedAt
        add(.key,
            zh: "\(what.zh)中有 \(unread) 个字段既不是记录格式的字段，也没有规则读取它；前 \(lookedAt) 个已逐一检查，其余 \(rest) 个未逐一检查，其中可能有改变结论的字段，记录的意思不能确定；请删去不属于记录的字段",
            en: "\(what.en) holds \(unread) keys that are neither keys of the record format nor read by any rule; the first \(lookedAt) were looked at one by one, the other \(rest) were not and may hold one that changes the verdict, so what the record says is in doubt; remove the keys that are no part of the record",
            at: mapping, misreadKey: true)
    }

    /// A fact no rule reads that looks meant as a well-known one (`RecordFormat.factMeant`), or a
    /// yes-or-no fact in Chinese (`涉及公共利益: true`), where rules read codes. Each was read by no rule, and the rule the fact switches on (public
    /// comment for a decision affecting the public) passed the record unsaid. Other facts are
    /// free, as the format has them, and never reported.
    /// What `unknownFact` weighs a facts mapping's unread keys against, found once for the mapping
    /// (each is a search of its keys: found for every unread key, a mapping of 200,000 took minutes).
    private struct FactsGiven {
        /// The yes-or-no facts the Chinese hint lists.
        var yesOrNoFacts: [String]
        /// The well-known facts the mapping gives as no.
        var saidNo: [String]
        /// The facts a key may be meant as: those not given, and those given as no.
        var known: [String]
    }

    private func factsGiven(_ facts: BorrowedNode) -> FactsGiven {
        let booleans = format.codes.booleanFacts
        // (No fact the mapping already has is proposed: two would not load. One it has saying no
        // is looked for too: `major: false` beside `重大案件: 是` passed a major case unreviewed.)
        // (Only facts a rule of the record's kind reads: `重大: 是` in a major administrative
        // decision is no penalty case's `major`, and changes nothing there.)
        let unwritten = booleans.numbering.codes.filter { facts[$0] == nil }
        let yesOrNoFacts = unwritten.contains(where: mattersHere) ? unwritten.filter(mattersHere) : unwritten
        let saidNo = booleans.numbering.codes.filter { facts[$0].map(Self.saysNo) == true && mattersHere($0) }
        // (And the facts of an office's own its rules read: `budget` written where a rule reads
        // `budgte` was read by no rule, unsaid.)
        let ownRead = (format.factReads?.facts(forKind: recordKind) ?? []).filter {
            !booleans.isCode($0) && !RecordFormat.numberFacts.contains($0) && facts[$0] == nil
        }.sorted()
        let known = (unwritten + RecordFormat.numberFacts.filter { facts[$0] == nil }).filter(mattersHere) + saidNo + ownRead
        return FactsGiven(yesOrNoFacts: yesOrNoFacts, saidNo: saidNo, known: known)
    }

    private mutating func unknownFact(_ key: String, in facts: BorrowedNode, at place: Int, given: FactsGiven) {
        // A key with characters no one sees (a right-to-left override showing `kcir_ytilibats` as
        // `stability_risk`, a zero-width space) reads otherwise than it shows: neither what is
        // shown nor what is read can be taken as the fact (it was no fact at all, unsaid).
        if let hidden = key.unicodeScalars.first(where: KeyText.hidesText) {
            let digits = String(hidden.value, radix: 16, uppercase: true)
            let code = "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
            add(.key,
                zh: "facts 下有一个键含有看不见的字符（\(code)），显示的文字与读到的“\(key.onOneLine)”不同，记录的意思不能确定；请删去该键后重新输入",
                en: "a key of facts holds a character no one sees (\(code)), so what is shown differs from what is read ('\(key.onOneLine)') and what the record says is in doubt; delete the key and type it again",
                at: facts.key(at: place), misreadKey: true, fact: true)
            return
        }
        // A well-known fact written one level down (`facts: {facts: {major: true}}`, `案件情况:
        // {major: true}`, `tags: [major, complex]`): rules read the facts written directly under
        // facts, and the major case passed as an ordinary one, unsaid.
        if let nested = factWithin(facts.value(at: place), among: given.known.filter { !given.saidNo.contains($0) }) {
            let key = key.onOneLine
            add(.key,
                zh: "facts 下的 \(key) 中写有事实 \(nested)，规则只读取直接写在 facts 下的事实，不会读取它；应写成 facts: {\(nested): true}（或 false），并删去 \(key)",
                en: "the fact '\(nested)' is written within '\(key)' under facts, where no rule reads it (rules read the facts written directly under facts); write facts: {\(nested): true} (or false) and remove '\(key)'",
                at: facts.key(at: place), misreadKey: true, fact: true)
            return
        }
        let (yesOrNoFacts, saidNo, known) = (given.yesOrNoFacts, given.saidNo, given.known)
        let saysYesOrNo = Self.saysYesOrNo(facts.value(at: place))
        let valueText = facts.value(at: place).scalar?.text
        let meant = format.factMeant(byKey: key, valueSaysYesOrNo: saysYesOrNo, among: known)
        // A category whose value names the fact (`案件类型: 重大`).
        let meantByValue = meant == nil ? valueText.flatMap { format.factMeant(byCategory: key, value: $0, among: known) } : nil
        let chinese = HintReading.isChinese(key)
        // A fact saying a review is not done, passed or signed (`合法性审查已完成: false`): the
        // rules read the review from its step, whatever a fact says.
        if let text = facts.value(at: place).scalar?.text, let asked = format.readYesOrNo(key: key, value: text),
           yesNoKey(asked, facts.key(at: place), key.onOneLine, value: text.onOneLine, of: facts, level: .facts,
                    what: LocalizedText(zh: RecordFormat.chineseName(of: .facts), en: RecordFormat.describe(.facts).name)) {
            return
        }
        if let text = valueText, advisersOpinion(key, text, at: facts.key(at: place), what: LocalizedText(zh: RecordFormat.chineseName(of: .facts), en: RecordFormat.describe(.facts).name))
            || reviewsOpinion(key, text, at: facts.key(at: place), what: LocalizedText(zh: RecordFormat.chineseName(of: .facts), en: RecordFormat.describe(.facts).name)) {
            return
        }
        guard meant != nil || meantByValue != nil || (chinese && saysYesOrNo) else { return }
        let key = key.onOneLine
        let sayingNo = Self.saysNo(facts.value(at: place))
        let hint = meantByValue.map { meant in
            let value = (valueText ?? "").onOneLine
            let name = format.vocabulary.name(of: meant, preferring: [RecordFormat.Section.booleanFacts])?.zh ?? meant
            return saidNo.contains(meant)
                ? (zh: "；其值“\(value)”似指事实 \(meant)（\(name)），与 facts 中的 \(meant): false 相矛盾，以哪个为准无法确定；请核实后只保留属实的一项（属实的是 true，写 \(meant): true）",
                   en: "; its value '\(value)' looks meant as the fact '\(meant)', which facts gives as false: which of the two holds is unknown; find out which is true and keep that one alone (if it is, write \(meant): true)")
                : (zh: "；其值“\(value)”似指事实 \(meant)（\(name)），规则只读 facts: {\(meant): true}，应改写为该事实",
                   en: "; its value '\(value)' looks meant as the fact '\(meant)', and rules read only facts: {\(meant): true}: write that fact")
        } ?? meant.map { meant in
            !saidNo.contains(meant) ? (zh: "；是否应为 \(meant)？", en: "; did you mean '\(meant)'?")
                : sayingNo ? (zh: "；它似为事实 \(meant)，与 facts 中的 \(meant): false 相同，可删去", en: "; it looks meant as the fact '\(meant)', which facts gives as false too: remove it")
                : (zh: "；它似为事实 \(meant)，与 facts 中的 \(meant): false 相矛盾，以哪个为准无法确定；请核实后只保留属实的一项", en: "; it looks meant as the fact '\(meant)', which facts gives as false: which of the two holds is unknown; find out which is true and keep that one alone")
        }
            ?? (zh: "；是否类的事实请写代码，值写 true 或 false：\(yesOrNoFacts.map { "\($0)（\(format.vocabulary.name(of: $0, preferring: [RecordFormat.Section.booleanFacts])?.zh ?? $0)）" }.joined(separator: "、"))",
                en: "; a yes-or-no fact is written as a code, true or false: \(yesOrNoFacts.joined(separator: ", "))")
        // (The gate holds it back when it may say yes of a fact the rules read: a Chinese fact
        // of the office's own, `是否公开: 是`, is listed only.)
        let misread = meantByValue != nil || (meant != nil && !Self.saysNo(facts.value(at: place)))
        // A fact held back as one the rules read is not told to take the x_ prefix, which only
        // silenced it: `x_重大执法决定: true` passed a major case without legal review.
        let own = misread
            ? (zh: "（只有含义与之不同的本单位自定义事实才以 x_ 开头；是该事实的，请如实写明其代码和 true 或 false）",
               en: " (only a fact of your own meaning another thing takes the x_ prefix; if it is this fact, write its code, true or false, as the case is)")
            : (zh: "（自定义事实请以 x_ 开头）", en: " (prefix facts of your own with x_)")
        add(.key,
            zh: "facts 下的 \(key) 不是已知的事实，也没有规则读取它\(hint.zh)\(own.zh)",
            en: "the fact '\(key)' is no known fact and read by no rule\(hint.en)\(own.en)",
            at: facts.key(at: place), misreadKey: misread, fact: true)
    }

    /// The well-known yes-or-no fact among `known` that a value under facts holds one level down:
    /// a key of a mapping whose value says yes (`{major: true}`, `{重大案件: 是}`; not `{technical:
    /// 3}` or `{社会稳定风险: 低}`), or an item of a list that is the fact's code or a Chinese name
    /// of it (`[major]`; not the English word `stability` among an office's goals); nil when none.
    private func factWithin(_ value: BorrowedNode, among known: [String]) -> String? {
        let booleans = format.codes.booleanFacts
        func fact(_ text: String?) -> String? {
            text.flatMap { booleans.code(for: $0) }.flatMap { known.contains($0) ? $0 : nil }
        }
        if value.kind == .mapping {
            return value.pairPlaces.lazy.compactMap { place in
                Self.saysYes(value.value(at: place)) ? fact(value.keyText(at: place)) : nil
            }.first
        }
        guard let count = value.itemCount else { return nil }
        return (0..<count).lazy.compactMap { index in
            value.item(index).scalar.flatMap { item in
                booleans.isCode(item.text) || HintReading.isChinese(item.text) ? fact(item.text) : nil
            }
        }.first
    }

    /// Whether a value says yes: `true`, or a text saying yes as users write it (`是`, `有`, `yes`,
    /// `1`), not saying "not" in words of its own (`不复杂`, `非重大`, `not major`).
    static func saysYes(_ value: BorrowedNode) -> Bool {
        switch value.coreValue {
        case .bool(let truth): return truth
        case .int(let number): return number == 1
        case .string(let text): return RecordFormat.saysYesOrNo(text) && !RecordFormat.saysNo(text) && !Vocabulary.isNegated(text)
        default: return false
        }
    }

    /// Whether a value written under another name of `named` says, as a value of that field,
    /// another thing than `present` does: another day (`2026-11-24`, or `2026年11月24日`), another
    /// person's id (an item with a digit in it, `ZY-045`), another yes or no, another role code
    /// (an outcome: `outcomeDisagrees`). Text in words of its own (`王立新、李春燕`, a time of day)
    /// says nothing comparable.
    static func disagrees(_ value: BorrowedNode, with present: BorrowedNode, as named: String) -> Bool {
        switch named {
        case "date", "start", "end", "submitted":
            guard let day = RecordLoader.date(present) else { return false }
            return disagrees(value, withDay: day)
        case "by", "officers", "attendees", "person":
            let read = Set(texts(present))
            return texts(value).contains { item in item.contains(where: \.isNumber) && !read.contains(item) }
        case "credentials_shown", "minutes", "dissent_recorded":
            guard case .bool(let truth) = present.coreValue, let text = value.scalar?.text else { return false }
            if RecordFormat.saysYesOrNo(text) { return RecordFormat.saysNo(text) == truth }
            // (A no in words of its own against a true: `出示证件情况: 未出示`, `亮证: 未亮证`.)
            let plain = HintReading.plain(Vocabulary.trimmed(KeyText.unwrapped(text)))
            return truth && ["未", "没", "不", "无"].contains(where: plain.hasPrefix)
        default:
            return false
        }
    }

    /// Whether a review's outcome in words of its own (under a name of `outcome`: `审查结论`)
    /// says other than the `passed` read beside it: `暂缓`, `待定`, `原则通过`, `修改后通过`, `无` did,
    /// and the item went READY under a warning. Asked only of a text neither an outcome of the
    /// vocabulary nor a yes or no the words read (those are weighed before); it agrees when it says
    /// it passed, or that no fault was found, and nothing holds it back (`RecordFormat.saysPassed`:
    /// `符合法律规定`, `未发现与上位法相抵触的内容`, `可以提交常务会议审议`).
    func outcomeDisagrees(_ value: BorrowedNode, with present: BorrowedNode) -> Bool {
        guard let read = present.scalar.flatMap({ format.codes.outcomes.code(for: $0.text) }), read == "passed",
              let text = value.scalar?.text, text.contains(where: { !$0.isWhitespace }) else { return false }
        return !RecordFormat.saysPassed(text)
    }

    /// Whether a value is a day other than `day` (written as the format writes dates, or as
    /// Chinese users do); a value that is no day says nothing of it.
    static func disagrees(_ value: BorrowedNode, withDay day: Day) -> Bool {
        if let named = dayNamed(value, near: day) { return named != day }
        // (A month and day no year has, `2月30日`, is no day of the step's.)
        return value.scalar.map { monthAndDay(KeyText.unwrapped($0.text)) != nil } ?? false
    }

    /// The day a value names: as the format writes dates, or as Chinese users do, through the marks
    /// around it (`2026-12-11（补）`, `“2026-12-11”`); a month and day without the year (`12月11日`)
    /// in the year of `reference` (the step's day).
    static func dayNamed(_ value: BorrowedNode, near reference: Day?) -> Day? {
        if let written = RecordLoader.date(value) { return written }
        guard let text = value.scalar.map({ KeyText.unwrapped($0.text) }) else { return nil }
        if let written = Day(parsing: text) ?? Day(guessing: text) { return written }
        guard let (month, day) = monthAndDay(text), let year = reference?.components.year else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// `12月11日` (or with full-width digits) as its month and day; nil for any other text.
    static func monthAndDay(_ text: String) -> (month: Int, day: Int)? {
        let plain = HintReading.plain(text)
        guard plain.hasSuffix("日") || plain.hasSuffix("号"), let monthMark = plain.firstIndex(of: "月") else { return nil }
        let month = Int(plain[..<monthMark]), day = Int(plain[plain.index(after: monthMark)...].dropLast())
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (month, day)
    }

    /// The texts of a scalar, split at the marks lists are written with, or of a list's scalars.
    private static func texts(_ node: BorrowedNode) -> [String] {
        if let text = node.scalar?.text {
            return text.split(whereSeparator: { "、，,；; ".contains($0) }).map(String.init)
        }
        return (0..<(node.itemCount ?? 0)).compactMap { node.item($0).scalar?.text }
    }

    /// Whether a fact matters to this record: a loaded rule for records of its kind reads it.
    private func mattersHere(_ fact: String) -> Bool {
        format.factMatters(fact, toKind: recordKind)
    }

    /// A record of a kind no rule checks (`kind: other`) whose key of another name for the kind
    /// (`记录类型: 重大行政决策`, the vocabulary's `key_names`) gives a kind the rules check: its
    /// keys were not looked at, and a failed review passed as a record of no rules, unsaid.
    private mutating func kindInOtherWords(of document: BorrowedNode, kind: String?) {
        for place in document.pairPlaces {
            // (By a set of the names made once: a run of records of no checked kind asked the
            // vocabulary of every key of every record.)
            guard let written = document.keyText(at: place), let value = document.value(at: place).scalar?.text,
                  let other = kindNamed(byKey: written, value: value), other != kind, format.checks(kind: other) else { continue }
            let key = written.onOneLine
            add(.key,
                zh: "记录中的字段 \(key) 似为 kind，其值为记录类型 \(other)，而此记录的 kind 是 \(kind ?? "—")，不作实质检查；以哪个为准无法确定，请如实写明 kind，删去此字段",
                en: "the key '\(key)' of the record looks meant as 'kind', and its value is the kind '\(other)', but the record's kind is '\(kind ?? "-")', which is not checked: which holds is unknown; write the true kind, and remove this key",
                at: document.key(at: place), misreadKey: true)
        }
    }

    /// The kind a record's key names another way: a name of `kind`, or of a type or category, with the kind as its value
    /// (`记录类型: “重大行政决策”`, through its quotation marks), or a kind asked yes of
    /// (`是否重大行政决策: 是`); nil for any other key.
    private func kindNamed(byKey key: String, value: String) -> String? {
        // (A key of the office's own is never read, as everywhere else; `kind` is the kind itself.)
        guard key != "kind", !RecordFormat.isExtension(key) else { return nil }
        let kinds = format.codes.kinds
        // (Told by the value first — no longer than a kind's name, then a look-up — and the key
        // asked only then: a record of a kind no rule checks has every key asked, and reading each
        // key's words and value doubled its loading.)
        guard value.utf8.count <= format.kindValueBytes else { return nil }
        if let kind = kinds.code(for: value) ?? (KeyText.mayBeWrapped(value) ? kinds.code(for: KeyText.unwrapped(value)) : nil) {
            // (Or any key naming a type or category, `类型`, `决策类型`: with a kind the rules check
            // as its value, and the record's kind one they do not, the two disagree whatever it is.)
            return format.kindKeyNames.contains(key) || FactNames.namesACategory(KeyText.named(key)) ? kind : nil
        }
        guard FactNames.asks(key) else { return nil }
        let asked = String(FactNames.withoutAsking(Array(HintReading.plain(KeyText.named(key)))))
        let answer = KeyText.unwrapped(value)
        guard asked != HintReading.plain(KeyText.named(key)), RecordFormat.saysYesOrNo(answer) || answer == "是的", !RecordFormat.saysNo(answer) else { return nil }
        return kinds.code(for: asked)
    }

    /// Whether a step is a review (a legality review, a legal review) or of a type not read: its
    /// outcome and form are asked of; a discussion's or a decision's are not.
    static func mayBeAReview(_ step: BorrowedNode, format: RecordFormat) -> Bool {
        guard let written = step["type"]?.scalar?.text, let type = format.codes.stepTypes.code(for: written) else { return true }
        return type == "legality_review" || type == "legal_review"
    }

    /// The step field a value is a code or name of — a status, a review form or an outcome — with
    /// the code; nil for any other value. (`通过`, `计划`, `征求意见` are no title or channel.)
    ///
    /// With `statusOnly`, of a step that is no review (a discussion's `审议结果: 退回修改` is the
    /// meeting's result, of which no rule asks), its status alone.
    private func meantField(ofValue value: BorrowedNode?, statusOnly: Bool = false) -> (field: String, code: String)? {
        // (A list of one, `审查结论: [不通过]`, is read as its item.)
        let single = value.flatMap { $0.itemCount == 1 ? $0.item(0) : $0 }
        guard let written = single?.scalar?.text, single?.scalar?.style != .plain || written.count > 1 || !written.allSatisfy(\.isNumber) else { return nil }
        // (Through quotation marks and brackets: `审查结论: “不通过”` passed as `不通过` did not.)
        let text = KeyText.unwrapped(written)
        let codes = format.codes
        for (field, section) in statusOnly ? [("status", codes.statuses)] : [("status", codes.statuses), ("form", codes.forms), ("outcome", codes.outcomes)] {
            if let code = section.code(for: text) { return (field, code) }
        }
        return nil
    }

    /// Whether a value says no (`RecordFormat.saysNo`): a misread fact so written hides nothing.
    static func saysNo(_ value: BorrowedNode) -> Bool {
        switch value.coreValue {
        case .bool(let truth): return !truth
        case .int(let number): return number == 0
        case .string(let text): return RecordFormat.saysNo(text)
        case .null: return true
        default: return false
        }
    }

    /// Whether a fact's value says yes or no, as YAML does (`true`) or as Chinese users write it
    /// (`RecordFormat.saysYesOrNo`).
    private static func saysYesOrNo(_ value: BorrowedNode) -> Bool {
        switch value.coreValue {
        case .bool: return true
        case .int(let number): return number == 0 || number == 1
        case .string(let text): return RecordFormat.saysYesOrNo(text)
        default: return false
        }
    }

    // MARK: Shared checks

    mutating func add(_ code: RecordProblem.Code, zh: String, en: String, at node: BorrowedNode, misreadKey: Bool = false, fact: Bool = false) {
        var problem = RecordProblem(code: code, message: LocalizedText(zh: zh, en: en), position: node.position, isMisreadKey: misreadKey)
        problem.concernsFact = fact
        problems.append(problem)
    }

    /// A value problem for a value that is neither a code nor a name of a section.
    mutating func unknownCode(_ written: String, at node: BorrowedNode, section: String, what: LocalizedText) {
        let vocabulary = format.vocabulary
        let shown = written.onOneLine
        // (A step type of another record kind is never proposed: see `belongsToRecordKind`.)
        let excluded = section == RecordFormat.Section.stepTypes ? recordKind.map(format.codes.stepTypes.codesNotOf) ?? [] : []
        let suggestion = vocabulary.suggestion(for: written, in: section, excluding: excluded).map { closest -> (String, String) in
            let code = vocabulary.code(for: closest, in: section) ?? closest
            let name = vocabulary.names(of: code, in: section)
            let zhName = closest == code ? (name.map { "（\($0.zh)）" } ?? "") : "（即 \(code)）"
            let enName = closest == code ? (name.map { " (\($0.en))" } ?? "") : " (that is, \(code))"
            return ("；是否应为 \(closest)\(zhName)？", "; did you mean '\(closest)'\(enName)?")
        }
        let codes = vocabulary.codes(in: section).sorted()
        let listed = codes.count <= 8 ? codes.joined(separator: ", ") : codes.prefix(8).joined(separator: ", ") + ", …"
        add(.value,
            zh: "\(what.zh)“\(shown)”不在词汇表中，无法判断其含义\(suggestion?.0 ?? "")（可用的代码：\(listed)，也可写其中文名称）",
            en: "the \(what.en) '\(shown)' is not in the vocabulary, so its meaning is unknown\(suggestion?.1 ?? "") (codes: \(listed), or their names)",
            at: node)
    }

    /// A value problem for a boolean of the format or a well-known fact that is not a YAML 1.2 boolean.
    /// (`key` is only worded for a value that is no boolean: most are.)
    mutating func requireBoolean(_ node: BorrowedNode, key describe: @autoclosure () -> String) {
        if case .bool = node.coreValue { return }
        let key = describe()
        let written = (node.scalar?.text ?? Wording.kind(node.kind, .en)).onOneLine
        add(.value, zh: "\(key) 的值“\(written)”\(RecordLoader.booleanAdvice.zh)", en: "\(key) is '\(written)', \(RecordLoader.booleanAdvice.en)", at: node)
    }


    /// A key problem for each key of a mapping that neither the format nor a loaded rule knows.
    /// (`what` is only worded when a key is unknown: a step's name was two new strings per step.)
    mutating func unknownKeys(in node: BorrowedNode, known: ShortTextList, level: RecordFormat.Level, what describe: @autoclosure () -> LocalizedText) {
        // (Read by the pairs' places: a node made of every key and value held the document.)
        var unread = 0
        for place in node.pairPlaces {
            guard let key = node.keyText(at: place) else {
                collectionKey(node.key(at: place), of: describe())
                continue
            }
            // The format's keys are ASCII letters and underscores, which no other text equals: a
            // key of another length is none of them, and is not compared with each.
            guard !known.containsSameLength(key), !format.isReadByRule(key, at: level) else { continue }
            if RecordFormat.isExtension(key) {
                ownKey(node.key(at: place), key, value: node.value(at: place), in: node, level: level, what: describe())
                continue
            }
            unread += 1
            if unread <= Self.unreadKeysLookedAt { unknownKey(node.key(at: place), key, of: node, known: known.texts, level: level, what: describe) }
        }
        sayUnreadKeysNotLookedAt(unread, in: node, what: describe())
    }

    /// A key problem for a step's plain text over several lines holding a code field the step
    /// lacks and a value of it run together (`status:planned`, `状态：计划`): a line indented deeper
    /// than its siblings and written without the space after its colon, or with a full-width one,
    /// continues the text above it (`channel: 县政府门户网站 status:planned`), and a publication
    /// written as planned was read as done, unsaid. (At its siblings' indentation the same line is
    /// refused as YAML.) Only where the value is a code or a name of the field (`时间：上午9:30` or
    /// `类型：政策文件` in a note is text), and never in a key of the user's own (`x_备注`).
    mutating func keyFoldedIntoText(_ value: BorrowedNode, of key: String, in mapping: BorrowedNode, step: Int) {
        guard !RecordFormat.isExtension(key), let scalar = value.scalar, scalar.style == .plain else { return }
        let keyNames = format.vocabulary.section(RecordFormat.Section.keyNames)
        let sections = [("status", format.codes.statuses), ("outcome", format.codes.outcomes), ("form", format.codes.forms)]
        for word in scalar.text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0.isNewline }) {
            guard let colon = word.firstIndex(where: { $0 == ":" || $0 == "：" }), colon != word.startIndex, word.index(after: colon) != word.endIndex else { continue }
            let name = String(word[..<colon])
            let meant = keyNames.code(for: name) ?? name
            guard mapping[meant] == nil, let section = sections.first(where: { $0.0 == meant })?.1 else { continue }
            let written = String(word[word.index(after: colon)...])
            guard section.code(for: written) != nil else { continue }
            let shown = String(word).onOneLine
            add(.key,
                zh: "第 \(step) 个步骤中 \(key) 的文字跨行续写，其中“\(shown)”像是字段 \(meant) 和它的值，却被读作 \(key) 文字的一部分，没有规则读取它；应另起一行，与上一行的字段对齐，冒号用半角并在其后加一个空格（\(meant): \(written)）",
                en: "step \(step): the text of '\(key)' runs on over several lines, and '\(shown)' in it looks meant as the key '\(meant)' and its value, but is read as part of the text of '\(key)', by no rule; write it on a line of its own, aligned with the keys above, with an ASCII colon and a space after it (\(meant): \(written))",
                at: value, misreadKey: true)
            return
        }
    }

    /// Whether a value read as a field of the format (`meantField`) says what the record reads
    /// anyway: a passing outcome, or the field's default (`status: done`, `form: formal`).
    static func agrees(field: String, code: String) -> Bool {
        field == "outcome" ? RecordFormat.passingOutcomes.contains(code) : code == RecordFormat.defaultCodes[field]
    }

    /// Whether a step is a collective discussion (its type the code or a name of it).
    private func isDiscussion(_ step: BorrowedNode) -> Bool {
        guard case .string(let type)? = step["type"]?.coreValue else { return false }
        let discussion = "collective_discussion"
        return type == discussion || format.codes.stepTypes.code(named: type) == discussion
    }

    /// Keys that only a step has and a document never does (a document may be dated, signed by
    /// someone, `by`, and have a form of its own, `形式: 书面`).
    static let stepSigns: Set<String> = ["outcome", "status", "submitted", "signoffs", "meeting", "officers", "attendees", "credentials_shown"]

    /// A step problem when an unread key's value holds a step (`stepTypeWritten`); whether it did.
    mutating func stepOutside(_ value: BorrowedNode, key: String, keyNode: BorrowedNode, what: LocalizedText, meansSteps: Bool = false) -> Bool {
        guard let written = stepTypeWritten(in: value) else { return false }
        let shown = key.onOneLine
        let hint: (zh: String, en: String) = meansSteps
            ? ("是否应为 steps？步骤都应写在记录的 steps 下", "did you mean 'steps'? Every step belongs under the record's steps")
            : ("是否缩进错了？步骤应写在记录的 steps 下", "is it indented wrongly? Steps belong under the record's steps")
        add(.step,
            zh: "\(what.zh)中的字段 \(shown) 之下是一个步骤（类型 \(written.onOneLine)），不在记录的 steps 中，没有规则读取它，记录的程序因此不能确定；\(hint.zh)",
            en: "the key '\(shown)' of \(what.en) holds a step (of type \(written.onOneLine)) outside the record's steps, read by no rule, so what the record's procedure was is in doubt; \(hint.en)",
            at: keyNode, misreadKey: true)
        return true
    }

    /// The type of a step written in `value` or within it, two levels down at most (a mapping or
    /// a list of them, the first `unreadKeysLookedAt` entries of each): a mapping whose type is a
    /// step type of the vocabulary (code or name) and which has a key of a step's doing
    /// (`stepSigns`, or a review's form), each key as written or by a name of it
    /// (`{类型: 合法性审查, 结论: 不通过}`). A document is none: `{type: decision, ref: ..., date:
    /// ...}`, `决定书: {类型: 决定, 文号: ..., 签发人: 张局长, 形式: 纸质}`.
    func stepTypeWritten(in value: BorrowedNode, depth: Int = 0) -> String? {
        let keyNames = RecordFormat.Section.keyNames
        func code(ofKey key: String) -> String {
            RecordFormat.stepKeys.contains(key) ? key : format.vocabulary.code(for: key, in: keyNames) ?? key
        }
        if let count = value.itemCount {
            for index in 0..<min(count, Self.unreadKeysLookedAt) {
                if let type = stepTypeWritten(in: value.item(index), depth: depth) { return type }
            }
            return nil
        }
        guard value.kind == .mapping else { return nil }
        var type: String?
        var stepKey = false
        var looked = 0
        for place in value.pairPlaces {
            looked += 1
            guard looked <= Self.unreadKeysLookedAt, let key = value.keyText(at: place) else { break }
            let meant = code(ofKey: key)
            if meant == "type", case .string(let written)? = value.value(at: place).coreValue,
               format.codes.stepTypes.number(of: written) != nil || format.codes.stepTypes.code(named: written) != nil {
                type = written
            } else if Self.stepSigns.contains(meant) {
                stepKey = true
            } else if meant == "form", let form = value.value(at: place).scalar?.text, format.codes.forms.code(for: form) != nil {
                // (A review's form, not a document's `形式: 纸质`.)
                stepKey = true
            }
        }
        if let type, stepKey { return type }
        guard depth < 2 else { return nil }
        looked = 0
        for place in value.pairPlaces {
            looked += 1
            guard looked <= Self.unreadKeysLookedAt else { break }
            if let type = stepTypeWritten(in: value.value(at: place), depth: depth + 1) { return type }
        }
        return nil
    }

    /// A key problem for a key that is a list or a mapping (`? [a]`): none of the format's, it was
    /// passed over without a word.
    mutating func collectionKey(_ keyNode: BorrowedNode, of what: LocalizedText) {
        add(.key,
            zh: "\(what.zh)中有一个键是列表或映射，不是记录格式的字段，没有规则读取它",
            en: "\(what.en) has a key that is a list or a mapping, no key of the record format, read by no rule",
            at: keyNode)
    }

    /// A key problem for a key that is none of the format's `known` ones, unless a loaded rule
    /// reads it or it is the user's own (`x_...`). "Did you mean" proposes no key `mapping` already
    /// has (`resubmitted` beside `submitted` was told to be `submitted`, a duplicate key).
    mutating func unknownKey(
        _ keyNode: BorrowedNode, _ key: String, of mapping: BorrowedNode, known: [String], level: RecordFormat.Level, what describe: () -> LocalizedText
    ) {
        guard !format.isReadByRule(key, at: level), !RecordFormat.isExtension(key) else { return }
        let what = describe()
        // A step written under a key of its own (`补充步骤: [{type: legality_review, outcome:
        // failed}]`, `步骤:` beside `steps`, a re-review inside the review): no rule reads it,
        // and a failed review there left the record compliant and its item READY, under a warning.
        if let value = mapping[key] {
            // (`setps:` or `步骤:` holding the steps beside `steps`: said as meant for it.)
            let meansSteps = known.contains("steps")
                && (format.vocabulary.code(for: key, in: RecordFormat.Section.keyNames) == "steps" || Suggestion.closest(to: key, in: ["steps"]) != nil)
            if stepOutside(value, key: key, keyNode: keyNode, what: what, meansSteps: meansSteps) { return }
        }
        let key = key.onOneLine
        // A fact of the vocabulary written beside `facts`, not under it (`major: true` at the top):
        // no rule reads it there, and the rules read as if the fact were not given.
        // (At the record's level only: the record's own keys, among them `facts`.)
        if known.contains("facts"), format.vocabulary.codes(in: RecordFormat.Section.booleanFacts).contains(key) {
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 是一项事实，应写在 facts 下（facts: {\(key): …}）；写在这里，没有规则读取它",
                en: "the key '\(key)' of \(what.en) is a fact: write it under facts (facts: {\(key): ...}); here no rule reads it",
                at: keyNode, misreadKey: !(mapping[key].map(Self.saysNo) ?? false), fact: true)
            return
        }
        // A well-known fact written in a step, a meeting or a signoff (`stability_risk: true` in
        // the discussion): facts are the record's, under `facts`, and here no rule reads it.
        if !known.contains("facts"), format.codes.booleanFacts.isCode(key), mattersHere(key), let value = mapping[key] {
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 是一项事实，应写在记录的 facts 下（facts: {\(key): …}）；写在这里，没有规则读取它",
                en: "the key '\(key)' of \(what.en) is a fact: write it under the record's facts (facts: {\(key): ...}); here no rule reads it",
                at: keyNode, misreadKey: !Self.saysNo(value), fact: true)
            return
        }
        // A fact in other words written beside `facts` (`重大执法决定: true`, `major_case: true`,
        // `是否重大案件: 是`, as `legality import` writes a ledger's column it did not read): read
        // by no rule, and the rule the fact switches on passed the record unsaid.
        if known.contains("facts"), let value = mapping[key] {
            let facts = mapping["facts"]
            // (A fact `facts` gives as no is looked for too: `重大执法决定: true` beside `major: false`.)
            let candidates = (format.codes.booleanFacts.numbering.codes + RecordFormat.numberFacts).filter {
                (facts?[$0] == nil || facts?[$0].map(Self.saysNo) == true) && mattersHere($0)
            }
            // (Or a category whose value names the fact: `案件类型: 重大`.)
            if let meant = format.factMeant(byKey: key, valueSaysYesOrNo: Self.saysYesOrNo(value), among: candidates, typos: false)
                ?? value.scalar.flatMap({ format.factMeant(byCategory: key, value: $0.text, among: candidates) }) {
                let name = format.vocabulary.name(of: meant, preferring: [RecordFormat.Section.booleanFacts])?.zh ?? meant
                // (Beside the fact given as false in facts: the two disagree, or this one is a repeat.)
                let given = facts?[meant] != nil
                let contradiction = given && !Self.saysNo(value)
                let besides: (zh: String, en: String) = !given ? ("", "")
                    : contradiction ? ("，与 facts 中的 \(meant): false 相矛盾，以哪个为准无法确定", ", and contradicts facts' '\(meant): false': which of the two holds is unknown")
                    : ("，与 facts 中的 \(meant): false 相同，可删去", ", as facts' '\(meant): false' says too: remove it")
                add(.key,
                    zh: "\(what.zh)中的字段 \(key) 似为事实 \(meant)（\(name)），应写在 facts 下（facts: {\(meant): …}）；写在这里，没有规则读取它\(besides.zh)",
                    en: "the key '\(key)' of \(what.en) looks meant as the fact '\(meant)': write it under facts (facts: {\(meant): ...}); here no rule reads it\(besides.en)",
                    at: keyNode, misreadKey: !Self.saysNo(value), fact: true)
                return
            }
        }
        // A key of the format at another level (`status` in a signoff, `date` in a document): a
        // line indented one level too deep, whose meaning is lost where it stands.
        let levels = RecordFormat.levels(holding: key)
        if !levels.isEmpty {
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 是\(levels.map(\.zh).joined(separator: "、"))的字段，不属于这里；是否缩进错了？写在这里，没有规则读取它",
                en: "the key '\(key)' of \(what.en) is a key of \(levels.map(\.en).joined(separator: " or ")), not of this level; is it indented wrongly? Here no rule reads it",
                at: keyNode, misreadKey: RecordFormat.decisiveKeys.contains(key))
            return
        }
        // A step's key whose value is a status, a review form or an outcome of the vocabulary
        // (`审查状态: 计划中`, `方式: 征求意见`, `result: failed` beside `outcome: passed`) was
        // meant as that field, whatever it is called: unread, the review read as done, formal or
        // passed. Said with the field, and, when the step has the field already, that which of the
        // two holds is unknown.
        meant: if level == .step, let (field, code) = meantField(ofValue: mapping[key], statusOnly: !Self.mayBeAReview(mapping, format: format)) {
            // (One that agrees with what was read, or with the field's default, changes nothing:
            // `审查结论: 通过` beside `outcome: passed`, `审查方式: 正式审查` with no form, as a
            // paper form's labels are copied beside the codes.)
            let read = mapping[field].flatMap { meantField(ofValue: $0) }?.code ?? RecordFormat.defaultCodes[field]
            if read == code {
                // (Not an opinion whose words say more than the code they start with, read below:
                // `审查意见: 同意（第五条除外）` was told to be removed as the outcome said again, READY.)
                if RecordFormat.namesOpinion(key), mapping[key]?.scalar.map({ !RecordFormat.saysPassed($0.text, conditionsAllowed: code == "conditional") }) == true {
                    break meant
                }
                add(.key,
                    zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它，其值与此步骤的 \(field)（\(code)）相同；可删去，或以 x_ 开头",
                    en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule; its value is the step's '\(field)' (\(code)): remove it, or prefix it with x_",
                    at: keyNode)
                return
            }
            let already = mapping[field] != nil
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它，其值是 \(field) 的取值（\(code)）\(already ? "，与此步骤的 \(field) 不同，以哪个为准无法确定；请核实后把属实的取值写入 \(field)，删去此字段" : "；是否应为 \(field)？")",
                en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule, and its value is one of '\(field)' (\(code))\(already ? ", other than the step's own: which of the two holds is unknown; find out which is true, write that in '\(field)' and remove this key" : "; did you mean '\(field)'?")",
                at: keyNode, misreadKey: true)
            return
        }
        // A signoff's opinion in words of its own (`意见: 需进一步研究`, `opinion: pending`,
        // `意见: 无`): a signoff reads as an opinion given, and one saying no agreement, or no
        // opinion yet, went READY. It holds the item unless it says the person agreed
        // (`RecordFormat.saysPassed`: `同意`, `无异议`, `经审查，同意提交常务会议审议`).
        // (Read before a value read as an outcome and the words of yes or no, which read
        // `同意（口头）` and `同意，但第五条须修改后方可提交` by their first part. An adviser's, a
        // public lawyer's or a reviewer's: a head's `意见: 照办` is the head's.)
        // (One that is a status, an outcome or a form saying no, `结论: 不通过`, is told so below.)
        if level == .signoff, RecordFormat.namesOpinion(key), let text = mapping[key]?.scalar?.text, !RecordFormat.saysPassed(text),
           mapping["role"]?.scalar.flatMap({ format.codes.roles.code(for: $0.text) }).map(Self.opinionRoles.contains) ?? true,
           meantField(ofValue: mapping[key]).map(Self.agrees) ?? true {
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它；它是此人的意见（\(key): \(text.onOneLine)），不能读作同意，而签署只读作已出具意见，它所说的没有被检查；请核实：不同意或尚未出具意见的，不要写入 signoffs，审查的结论请如实写在审查步骤的 outcome 中；同意的，写明同意，或删去此字段",
                en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule; it is the person's opinion (\(key): \(text.onOneLine)), which does not read as agreeing, while a signoff reads only as an opinion given, so what it says was not checked; find out: leave one who did not agree or gave no opinion yet out of signoffs, and write the review's true outcome in its step; for one who agreed, say so, or remove this key",
                at: keyNode, misreadKey: true)
            return
        }
        // A review's own opinion or conclusion in words (`审查意见: 经审查，该方案超越法定权限`,
        // `结论: 请补正后重新报送`) beside an outcome read as passed: the rules read the outcome,
        // and the opinion saying otherwise went READY under a warning. Held unless it reads as
        // agreeing (`RecordFormat.saysPassed`), as a signoff's opinion is.
        // (One read as agreeing, its conditions too for a review passed on conditions, is read as
        // nothing else: the yes-or-no reading below held `第八条超越法定权限，应予删除；其余内容
        // 合法，删除后同意提交审议` of a conditional review.)
        var opinionAgrees = false
        if level == .step, RecordFormat.namesOpinion(key), let text = mapping[key]?.scalar?.text,
           let type = mapping["type"]?.scalar.flatMap({ format.codes.stepTypes.code(for: $0.text) }), Self.reviewTypes.contains(type),
           case let outcome = mapping["outcome"]?.scalar.flatMap({ format.codes.outcomes.code(for: $0.text) }),
           outcome.map(RecordFormat.passingOutcomes.contains) ?? true {
            opinionAgrees = RecordFormat.saysPassed(text, conditionsAllowed: outcome == "conditional")
            if !opinionAgrees, meantField(ofValue: mapping[key]).map(Self.agrees) ?? true {
                add(.key,
                    zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它；它是审查的意见或结论（\(key): \(text.onOneLine)），不能读作审查通过，而此步骤按审查通过（或附条件通过）读取，它所说的没有被检查；请核实后如实写明 outcome（未通过的写 failed，退回的写 returned，尚未审结的写 status: planned）；审查确已通过的，请如实写明审查意见（如“经审查，同意提交审议”）",
                    en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule; it is the review's opinion or conclusion (\(key): \(text.onOneLine)), which does not read as passing, while the step reads as a review passed (or passed on conditions), so what it says was not checked; find out, and write the true outcome (failed, returned, or status: planned for one not yet concluded); for a review that did pass, write its opinion as it is (such as 经审查，同意提交审议)",
                    at: keyNode, misreadKey: true)
                return
            }
        }
        // A signoff's key whose value is a status, an outcome or a form (`状态: 计划`, `结论: 不通过`,
        // `result: failed`): a signoff has none of them and reads as an opinion given, so one
        // saying not done, not passed or not formal was passed over, and the review with it.
        if level == .signoff, let (field, code) = meantField(ofValue: mapping[key]) {
            let agrees = Self.agrees(field: field, code: code)
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它，其值是 \(field) 的取值（\(code)）；签署没有 \(field)，读作已签署并出具意见"
                    + (agrees ? "，与此一致；可删去，或以 x_ 开头" : "，它所说的没有被检查：尚未签署的不要写入 signoffs，审查的结论请如实写在审查步骤的 outcome 中，删去此字段"),
                en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule, and its value is one of '\(field)' (\(code)); a signoff has no \(field) and reads as signed, an opinion given"
                    + (agrees ? ", as this says: remove it, or prefix it with x_" : ", so what this says was not checked: leave a signoff not yet made out of signoffs, write the review's true outcome in its step, and remove this key"),
                at: keyNode, misreadKey: !agrees)
            return
        }
        // The adviser's opinion written of the whole record (`法律顾问意见: 未出具`).
        if level == .record, let text = mapping[key]?.scalar?.text, advisersOpinion(key, text, at: keyNode, what: what) || reviewsOpinion(key, text, at: keyNode, what: what) { return }
        // A key asking yes or no of what the format says another way (`done: false`, `已完成: 否`,
        // `审查是否通过: 否`, a signoff's `signed: false`): read by no rule, the step was done, the
        // review as its outcome says, the signoff signed, whatever the key said.
        if !opinionAgrees, let text = mapping[key]?.scalar?.text, let asked = format.readYesOrNo(key: key, value: text),
           yesNoKey(asked, keyNode, key, value: text.onOneLine, of: mapping, level: level, what: what) {
            return
        }
        // A key one typo from one of the level's, else one the vocabulary names another way
        // (`日期` is `date`, `submit_date` is `submitted`: a key in Chinese got no hint at all).
        let candidates = known.filter { mapping[$0] == nil }
        // (A name asked as a question is one beside the key it names: `是否出示证件: 否` beside
        // `credentials_shown: true` went READY where `亮证: 否` was held. Only there: a party's
        // `是否签字` on a notice of rights is no signoff.)
        let named = format.vocabulary.code(for: key, in: RecordFormat.Section.keyNames)
            ?? (FactNames.asks(key) ? format.vocabulary.code(for: String(FactNames.withoutAsking(Array(key))), in: RecordFormat.Section.keyNames)
                .flatMap { known.contains($0) && mapping[$0] != nil ? $0 : nil } : nil)
        // (The key in other case or width first: `TYPE`, `ｓｕｂｍｉｔｔｅｄ` got no hint, where `Type` did.)
        let plainKey = HintReading.plain(key)
        let closest = candidates.first { HintReading.plain($0) == plainKey } ?? Suggestion.closest(to: key, in: candidates)
            ?? named.flatMap { candidates.contains($0) ? $0 : nil }
        // A name of a key the rules decide by beside the key itself saying another thing of its
        // kind (`执法人员: [ZY-045]` beside `officers`, `审查日期` beside another `date`), or a
        // meeting's date other than its discussion's (`会议日期`): what it says was not read, and
        // may not be what was (an uncertified officer listed beside `officers`). One saying what
        // was read, or in words of its own (`审查结论: 合法`, names for the ids), is listed.
        if closest == nil, let named, let value = mapping[key],
           known.contains(named) ? mapping[named].map({ named == "outcome" ? outcomeDisagrees(value, with: $0) : Self.disagrees(value, with: $0, as: named) }) ?? false
               : level == .meeting && named == "date" && meetingStepDay.map({ Self.disagrees(value, withDay: $0) }) ?? false {
            let elsewhere = !known.contains(named)
            if named == "outcome" {
                add(.key,
                    zh: "\(what.zh)中的字段 \(key) 似为 outcome，其内容不能读作通过，与此步骤的 outcome（passed）不一致，它没有被读取，以哪个为准无法确定；请核实后把属实的结论写入 outcome（通过 passed、附条件通过 conditional、不通过 failed；尚未审结的写 status: planned），删去此字段",
                    en: "the key '\(key)' of \(what.en) looks meant as the review's outcome, and what it says does not read as passed, unlike the step's outcome (passed): it was not read, and which of the two holds is unknown; find out, write the true outcome in 'outcome' (passed, conditional, failed; status: planned for a review not yet concluded), and remove this key",
                    at: keyNode, misreadKey: true)
                return
            }
            add(.key,
                zh: "\(what.zh)中的字段 \(key) 似为 \(named)，" + (elsewhere ? "其日期与此集体讨论的日期不同，而会议的日期以步骤的 date 为准，写在这里没有规则读取它" : "而这里已有 \(named)，所写不同，它没有被读取，以哪个为准无法确定")
                    + "；请把其内容如实并入 \(elsewhere ? "步骤的 date" : named)，删去此字段",
                en: "the key '\(key)' of \(what.en) looks meant as '\(named)', " + (elsewhere ? "a day other than the discussion's, whose day is the step's date: here no rule reads it" : "which is here already and says otherwise: this one was not read, and which of the two holds is unknown")
                    + "; put what it says into \(elsewhere ? "the step's date" : "'\(named)'"), and remove this key",
                at: keyNode, misreadKey: true)
            // Another day of a discussion (a meeting moved to the day its `会议日期` gives, the
            // step's date left as it was) may be its day: the gate puts the record on that day's
            // agenda too, held, where it was off it, with a failed review, and no word. (That day
            // alone: a typo in a discussion of years ago held it at every meeting since.)
            if named == "date", level == .meeting || (level == .step && isDiscussion(mapping)) {
                let stepDay = level == .meeting ? meetingStepDay : mapping["date"].flatMap(RecordLoader.date)
                problems[problems.count - 1].discussionDayNamed = Self.dayNamed(value, near: stepDay)
            }
            return
        }
        let misread = closest.map(RecordFormat.decisiveKeys.contains) ?? false
        // (A key held back as one the rules decide by is not told to take the x_ prefix, which
        // only silenced it: `x_staus: planned` passed unsaid.)
        let own = misread
            ? (zh: "（只有含义与之不同的自定义字段才以 x_ 开头或在词汇表文件中声明）", en: " (only a key of your own meaning another thing takes the x_ prefix or a vocabulary's declaration)")
            : (zh: "（自定义字段请以 x_ 开头，或在词汇表文件中声明）", en: " (prefix your own keys with x_, or declare them in a vocabulary file)")
        add(.key,
            zh: "\(what.zh)中的字段 \(key) 既不是记录格式的字段，也没有规则读取它\(closest.map { "；是否应为 \($0)？" } ?? "")\(own.zh)",
            en: "the key '\(key)' of \(what.en) is neither a key of the record format nor read by any rule\(closest.map { "; did you mean '\($0)'?" } ?? "")\(own.en)",
            at: keyNode, misreadKey: misread)
    }
}

extension RecordReader {
    /// A key problem for the adviser's opinion written of the whole record or in its facts
    /// (`法律顾问意见: 未出具`, `法律意见: 不同意`) that does not say the adviser agreed, in a record
    /// of a kind whose rules ask for the opinion: read by no rule, it went READY. True when added.
    mutating func advisersOpinion(_ key: String, _ text: String, at keyNode: BorrowedNode, what: LocalizedText) -> Bool {
        guard let kind = recordKind, Self.kindsWithAdvisers.contains(kind), RecordFormat.namesAdvisersOpinion(key),
              !RecordFormat.saysNothingHere(text), !RecordFormat.saysPassed(text) else { return false }
        add(.key,
            zh: "\(what.zh)中的字段 \(key.onOneLine) 既不是记录格式的字段，也没有规则读取它；它说法律顾问或公职律师的意见（\(key.onOneLine): \(text.onOneLine)），不能读作同意，而意见按审查步骤的签署（signoffs）读取，它所说的没有被检查；请核实：尚未出具或不同意的，不要写入 signoffs，审查的结论请如实写在审查步骤的 outcome 中；同意的，删去此字段",
            en: "the key '\(key.onOneLine)' of \(what.en) is neither a key of the record format nor read by any rule; it gives the adviser's or public lawyer's opinion (\(key.onOneLine): \(text.onOneLine)), which does not read as agreeing, while opinions are read from the review's signoffs, so what it says was not checked; find out: leave an opinion not given or not agreeing out of signoffs, and write the review's true outcome in its step; for one who agreed, remove this key",
            at: keyNode, misreadKey: true)
        return true
    }

    /// A key problem for the review's opinion or result written of the whole record or in its
    /// facts (`审查情况: 司法局审查意见为不合法，尚未修改`) that does not read as passing, in a
    /// record of a kind whose rules read a review: the rules read the review's step, and the record
    /// went READY with no finding at all. True when added.
    mutating func reviewsOpinion(_ key: String, _ text: String, at keyNode: BorrowedNode, what: LocalizedText) -> Bool {
        guard let kind = recordKind, Self.kindsWithReviews.contains(kind), RecordFormat.namesReviewsOpinion(key),
              !RecordFormat.saysNothingHere(text), !RecordFormat.saysPassed(text) else { return false }
        add(.key,
            zh: "\(what.zh)中的字段 \(key.onOneLine) 既不是记录格式的字段，也没有规则读取它；它说审查的意见或结果（\(key.onOneLine): \(text.onOneLine)），不能读作审查通过，而审查按其步骤读取，它所说的没有被检查；请核实后在审查步骤中如实写明 outcome（未通过的写 failed，退回的写 returned，尚未审结的写 status: planned）；审查通过的，删去此字段",
            en: "the key '\(key.onOneLine)' of \(what.en) is neither a key of the record format nor read by any rule; it gives the review's opinion or result (\(key.onOneLine): \(text.onOneLine)), which does not read as passing, while the review is read from its step, so what it says was not checked; find out, and write the true outcome in the review's step (failed, returned, or status: planned for one not yet concluded); for a review that passed, remove this key",
            at: keyNode, misreadKey: true)
        return true
    }

    /// The kinds whose rules read a legality review (of a decision, a document, a penalty).
    static let kindsWithReviews: Set<String> = ["major_administrative_decision", "normative_document", "administrative_penalty"]

    /// The roles whose signoff is an opinion on the draft's legality (`namesOpinion`).
    static let opinionRoles: Set<String> = ["legal_adviser", "public_lawyer", "reviewer"]

    /// The step types of a legality review (of a decision, of a penalty), whose own opinion key is read (`namesOpinion`).
    static let reviewTypes: Set<String> = ["legality_review", "legal_review"]

    /// The kinds whose rules ask for the adviser's or public lawyer's opinion.
    static let kindsWithAdvisers: Set<String> = ["major_administrative_decision", "normative_document"]
}

extension YAMLNode {
    /// A copy of a mapping with the value of `key` replaced by `value`.
    func replacing(_ key: String, with value: YAMLNode) -> YAMLNode {
        guard case .mapping(var pairs) = content, let index = pairs.firstIndex(where: { $0.key.scalar?.text == key }) else { return self }
        pairs[index].value = value
        return YAMLNode(.mapping(pairs), range: range, tag: tag)
    }

    /// A copy of a mapping with the scalar value of `key` replaced by a code (same place, plain style).
    func replacing(_ key: String, with code: String) -> YAMLNode {
        guard let old = self[key] else { return self }
        return replacing(key, with: YAMLNode(.scalar(YAMLScalar(text: code)), range: old.range))
    }
}

extension RecordLoader {
    /// How a value that is not a boolean is told to be written (a ledger words it for its cells:
    /// `LedgerProblems.yesOrNoCell`).
    public static let booleanAdvice = LocalizedText(
        zh: "不是布尔值；应写 true 或 false（yes、是、1 等均不算）",
        en: "which is not a boolean; write true or false (yes, 1 and \"true\" are not booleans)")
}
