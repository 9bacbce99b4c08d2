import DecisionRecords
import YAMLTree

/// References: `$name.path` resolved to a slot, a definition, a parameter or a root of the record.
extension ExpressionCompiler {
    mutating func reference(_ written: String, at node: YAMLNode) -> (Expression, StaticType) {
        // Split at the dots in the name's bytes (a split by characters cost some 4,800
        // instructions a reference, and the built-in rules hold some 440, read at every start-up).
        let parts = written.dropFirst().utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let head = parts.first, !head.isEmpty, !parts.contains("") else {
            error(node, "'\(written)' is not a reference; write $name or $name.field", zh: "“\(written)”不是引用；请写成 $name 或 $name.field")
            return (.literal(.null), .other)
        }
        // A name with a space around it or a character no one sees (`"$facts.budget　"`, a
        // full-width space an input method left inside the quotes) names a key no record has: the
        // rule read nothing, passed lint and its examples, and never fired.
        if let (part, character) = Self.unseenCharacter(in: parts) {
            let meant = "$" + parts.map(Self.withoutUnseen).joined(separator: ".")
            let name = Self.characterName(character)
            error(node, "'\(part)' in the reference holds \(character.codePointName) (\(name.en)): no record's key holds it, so the rule would read nothing; write \(meant)",
                  zh: "引用中的“\(part)”含有 \(character.codePointName)（\(name.zh)）：记录的字段名不会含有这个字符，规则将读不到任何值；请写成 \(meant)")
            return (.literal(.null), .other)
        }
        var path = Array(parts.dropFirst())
        let root: ReferenceRoot
        var type = StaticType.other
        if head == "it" {
            guard let innermost = itSlots.last else {
                error(node, "$it is only defined inside 'where'", zh: "$it 只在 where 中有定义")
                return (.literal(.null), .other)
            }
            root = .slot(innermost.slot)
            type = innermost.type
        } else if let bound = lookup(head) {
            root = .slot(bound.slot)
            type = bound.type
            noteRead(ofSlot: bound.slot)
        } else if letsBelow.contains(head) {
            // (Asked before the shared definitions: a let named as one, read above its place, read
            // the shared one unsaid.)
            error(node, "'$\(head)' is a let written below the one that reads it; a let reads only the lets above it: move '\(head)' up",
                  zh: "$\(head) 是写在读取它的变量（let）下方的变量；变量只能读取其上方的变量：请把 \(head) 移到上方")
            return (.literal(.null), .other)
        } else if let index = definitions[head] {
            root = .definition(index)
            type = definitionTypes[head] ?? .other
            noteRead(ofDefinition: index)
        } else {
            switch head {
            case "record": root = .record
            case "facts": root = .facts
            case "steps": root = .steps; type = .steps
            case "as_of": root = .asOf
            case "meeting": root = .meeting
            case "registry_loaded": root = .registryLoaded
            case "problem" where allowsProblem: root = .problem
            case "param":
                guard let name = path.first else {
                    error(node, "$param needs a parameter name: $param.NAME", zh: "$param 后须写参数名：$param.NAME")
                    return (.literal(.null), .other)
                }
                guard parameters.contains(name) else {
                    error(node, "undefined parameter '\(name)'\(Suggestion.phrase(for: name, in: parameters)); declare it under 'parameters'",
                          zh: "未定义的参数 \(name)\(Suggestion.chinesePhrase(for: name, in: parameters))（请在 parameters 下声明）")
                    return (.literal(.null), .other)
                }
                path.removeFirst()
                root = .parameter(name)
                parametersRead.insert(name)
            case _ where definitionsBelow.contains(head):
                error(node, "'$\(head)' is a definition written below the one that reads it; a definition reads only those above it: move '\(head)' up",
                      zh: "$\(head) 是写在读取它的共用定义下方的共用定义；共用定义只能读取其上方的共用定义：请把 \(head) 移到上方")
                return (.literal(.null), .other)
            default:
                let visible = scopes.flatMap(\.keys) + Array(definitions.keys) + Self.builtinRoots + (itSlots.isEmpty ? [] : ["it"])
                error(node, "'$\(head)' is not defined\(Suggestion.phrase(for: head, in: visible)); define it under 'let' or 'for_each', or use one of $record, $facts, $steps, $as_of, $meeting, $param",
                      zh: "$\(head) 未定义\(Suggestion.chinesePhrase(for: head, in: visible))（请在 let 或 for_each 下定义，或使用 $record、$facts、$steps、$as_of、$meeting、$param 之一）")
                return (.literal(.null), .other)
            }
        }
        if (type == .step || type == .steps), let field = path.first, !Self.stepFields.contains(field),
           let suggestion = Suggestion.closest(to: field, in: Self.stepFields) {
            error(node, "unknown step field '\(field)' in '\(written)'; did you mean '\(suggestion)'?",
                  zh: "\(written) 中有未知的步骤字段 \(field)；是否应为 \(suggestion)？")
        }
        if let (key, place, suggestion) = Self.misspeltFormatKey(root: root, type: type, path: path) {
            error(node, "'\(key)' in '\(written)' is no key of \(place.en); did you mean '\(suggestion)'? (a key of your own may be read, but not one a typo from the format's: no record writes it)",
                  zh: "\(written) 中的 \(key) 不是\(place.zh)的键；是否应为 \(suggestion)？（可以读取自定义的键，但不能读取与记录格式的键仅一字之差的键：记录中不会有这样的键）")
        }
        if let (field, next, what, hint) = Self.pathPastAValue(root: root, type: type, path: path, written: written) {
            error(node, "'\(written)' reads '\(next)' of '\(field)', which is \(what.en), not a mapping: no record has it, and the rule would read nothing\(hint.en)",
                  zh: "\(written) 读取 \(field) 的 \(next)，而 \(field) 是\(what.zh)，不是映射，记录中没有这一项，规则将读不到任何值\(hint.zh)")
        }
        let knownStepTypes: [String]? = switch root {
        case .slot(let slot): slotStepTypes[slot]
        case .definition(let index): definitionStepTypes[index]
        default: nil
        }
        let resultType: StaticType = path.isEmpty ? type : Self.fieldType(root: root, type: type, path: path, stepTypes: knownStepTypes)
        noteFieldReads(root: root, type: type, path: path, written: written, at: node.position)
        return (.reference(Reference(root: root, path: path, text: written)), resultType)
    }

    /// Notes the record's fields a path reads, each at its level where the root's type or the
    /// fields before it tell it (`$record.title` a key of the record, `$decision.meeting.ref` a
    /// key of a meeting, `$it.role` over signoffs a key of a signoff), else at no level known.
    /// A parameter's path is no record field; a fact's first key is noted at `facts`.
    ///
    /// A key of the format read at a level the format does not put it (`$discussion.meeting.attendees`,
    /// a step's key read from its meeting) is noted with where it is written (`misplacedReads`):
    /// no record writes it there, and a rule asking for it never fired. (It also made the key
    /// known at that level, so a record writing it there was no longer told.)
    mutating func noteFieldReads(root: ReferenceRoot, type: StaticType, path: [String], written: String, at position: SourcePosition) {
        var level: RecordFormat.Level?
        switch root {
        case .parameter, .asOf, .meeting, .registryLoaded, .problem: return
        // A fact a rule reads is known under `facts` (one near a well-known fact, or in Chinese,
        // that no rule reads is reported: a typo there turned a rule off).
        case .facts:
            if let fact = path.first { fieldReads.insert(RecordFormat.FieldRead(level: .facts, key: fact)) }
            return
        case .record: level = .record
        default:
            switch type {
            case .step, .steps: level = .step
            case .signoff, .signoffs: level = .signoff
            case .meeting: level = .meeting
            default: level = nil
            }
        }
        for field in path {
            fieldReads.insert(RecordFormat.FieldRead(level: level, key: field))
            // (A fact may be named as any key of the format: the facts' keys are free.)
            if let level, level != .facts, RecordFormat.isKeyOfAnotherLevel(field, than: level) {
                misplacedReads.append(MisplacedRead(key: field, level: level, written: written, position: position))
            }
            switch (level, field) {
            case (.record?, "steps"): level = .step
            case (.record?, "facts"): level = .facts
            case (.facts?, _): return
            case (.step?, "meeting"): level = .meeting
            case (.step?, "signoffs"): level = .signoff
            case (.step?, "documents"): level = .document
            default: level = nil
            }
        }
    }

    /// A key of the record, of a meeting, of a signoff or of a document that a path reads under a
    /// name one typo from the format's own (`$record.orgen`, `$discussion.meeting.typ`, `$it.rol`
    /// over signoffs, `$review.documents.typ`): the key, what it is a key of, and the format's key.
    static func misspeltFormatKey(root: ReferenceRoot, type: StaticType, path: [String]) -> (String, LocalizedText, String)? {
        let record = LocalizedText(zh: "记录", en: "a record"), signoff = LocalizedText(zh: "签署", en: "a signoff")
        let meeting = LocalizedText(zh: "会议", en: "a meeting"), document = LocalizedText(zh: "文件", en: "a document")
        func misspelt(_ key: String, _ known: [String]) -> String? {
            // (A key of an office's own, `x_kind`, is none of the format's however near.)
            known.contains(key) || RecordFormat.isExtension(key) ? nil : Suggestion.closest(to: key, in: known)
        }
        var fields = path[...]
        var type = type
        if root == .record {
            guard let first = fields.first else { return nil }
            guard first == "steps" else { return misspelt(first, RecordFormat.recordKeys).map { (first, record, $0) } }
            fields = fields.dropFirst()
            type = .steps
        }
        if type == .signoff || type == .signoffs, let key = fields.first {
            return misspelt(key, RecordFormat.signoffKeys).map { (key, signoff, $0) }
        }
        if type == .meeting, let key = fields.first {
            return misspelt(key, RecordFormat.meetingKeys).map { (key, meeting, $0) }
        }
        guard type == .step || type == .steps, fields.count >= 2, let field = fields.first else { return nil }
        let key = fields[fields.startIndex + 1]
        switch field {
        case "meeting": return misspelt(key, RecordFormat.meetingKeys).map { (key, meeting, $0) }
        case "signoffs": return misspelt(key, RecordFormat.signoffKeys).map { (key, signoff, $0) }
        // (`$review.documents.typ` read no record's document, and the rule never fired.)
        case "documents": return misspelt(key, RecordFormat.documentKeys).map { (key, document, $0) }
        default: return nil
        }
    }

    /// The first part of a reference, and its character, that has a space at either end or a
    /// character no one sees anywhere.
    static func unseenCharacter(in parts: [String]) -> (String, Unicode.Scalar)? {
        for part in parts {
            // (Most parts are visible ASCII throughout, told by their bytes: their characters'
            // properties, asked of every part of every reference, were a fortieth of start-up.)
            if part.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { continue }
            if let hidden = Vocabulary.invisibleCharacter(in: part) { return (part, hidden) }
            let scalars = part.unicodeScalars
            if let edge = [scalars.first, scalars.last].compactMap({ $0 }).first(where: { $0.properties.isWhitespace }) { return (part, edge) }
        }
        return nil
    }

    /// What a space or an invisible character is, to name it where it cannot be seen.
    static func characterName(_ scalar: Unicode.Scalar) -> LocalizedText {
        switch scalar.value {
        case 0x20: LocalizedText(zh: "空格", en: "a space")
        case 0x3000: LocalizedText(zh: "全角空格", en: "a full-width space")
        case 0xA0: LocalizedText(zh: "不间断空格", en: "a no-break space")
        case 0x200B: LocalizedText(zh: "零宽空格", en: "a zero-width space")
        case 0x200C: LocalizedText(zh: "零宽非连接符", en: "a zero-width non-joiner")
        case 0x200D: LocalizedText(zh: "零宽连接符", en: "a zero-width joiner")
        case 0xFEFF: LocalizedText(zh: "字节顺序标记", en: "a byte-order mark")
        case _ where scalar.properties.isWhitespace: LocalizedText(zh: "空白字符", en: "a space of another width")
        default: LocalizedText(zh: "看不见的字符", en: "an invisible character")
        }
    }

    /// A name without the characters no one sees, and without spaces of any width at its ends.
    private static func withoutUnseen(_ part: String) -> String {
        var scalars = part.unicodeScalars.filter { !Vocabulary.isInvisible($0) }
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// A field of the format whose value is a single value or a list of ids, followed by more of a
    /// path (`$decision.date.year`, `$discussion.attendees.role`, `$review.outcome.code`): the field,
    /// the name after it, what the field holds, and what to write instead. Such a path was missing on
    /// every record, never a `rule-error`: a rule asking `ge: [$decision.date.year, 2024]` never
    /// fired, and one asking `in: [legal_adviser, $discussion.attendees.role]` fired on every record.
    static func pathPastAValue(root: ReferenceRoot, type: StaticType, path: [String], written: String) -> (String, String, LocalizedText, LocalizedText)? {
        let date = LocalizedText(zh: "日期", en: "a date"), ids = LocalizedText(zh: "人员编号或其列表", en: "a person id (or a list of them)")
        let text = LocalizedText(zh: "单个值", en: "a single value")
        enum Level { case record, step, meeting, signoff, document }
        var level: Level
        switch (root, type) {
        case (.record, _): level = .record
        case (_, .step), (_, .steps): level = .step
        case (_, .signoff), (_, .signoffs): level = .signoff
        case (_, .meeting): level = .meeting
        default: return nil
        }
        for (place, field) in path.enumerated() {
            let what: LocalizedText?
            switch (level, field) {
            case (.record, "steps"): level = .step; continue
            case (.record, "id"), (.record, "kind"), (.record, "title"), (.record, "organ"), (.record, "department"): what = text
            case (.step, "meeting"): level = .meeting; continue
            case (.step, "signoffs"): level = .signoff; continue
            case (.step, "documents"): level = .document; continue
            case (.step, "date"), (.step, "start"), (.step, "end"), (.step, "submitted"), (.signoff, "date"): what = date
            case (.step, "by"), (.step, "officers"), (.step, "attendees"), (.signoff, "person"): what = ids
            case (.step, "type"), (.step, "status"), (.step, "outcome"), (.step, "form"), (.step, "credentials_shown"), (.step, "channel"),
                 (.meeting, "type"), (.meeting, "ref"), (.meeting, "minutes"), (.meeting, "dissent_recorded"),
                 (.signoff, "role"), (.document, "type"), (.document, "ref"):
                what = text
            default: return nil
            }
            guard let what, place + 1 < path.count else { return nil }
            let next = path[place + 1]
            // The reference as far as the field (`$decision.date`): its head and the path to it.
            let parts = written.split(separator: ".", omittingEmptySubsequences: false)
            let field = parts.count > place + 1 ? parts[...(place + 1)].joined(separator: ".") : written
            let hint: LocalizedText = switch what {
            case date where next == "year" || next == "month":
                LocalizedText(zh: "；取年份请写成 {year: \(field)}，取月份请写成 {month: \(field)}", en: "; for a date's \(next), write {\(next): \(field)}")
            case ids:
                LocalizedText(zh: "；人员的角色、姓名请写成 {person_roles: …}、{person_name: …}", en: "; for a person's roles or name, write {person_roles: …} or {person_name: …}")
            default: LocalizedText(zh: "", en: "")
            }
            return (path[place], next, what, hint)
        }
        return nil
    }

    private func lookup(_ name: String) -> (slot: Int, type: StaticType)? {
        for scope in scopes.reversed() {
            if let bound = scope[name] { return bound }
        }
        return nil
    }
}
