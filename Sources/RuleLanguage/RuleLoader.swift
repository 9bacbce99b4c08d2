import DecisionRecords
public import YAMLTree
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rule or definitions file to load.
public struct RuleSource: Sendable {
    /// The file's path as it should appear in messages.
    public var path: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// The pack a rule belongs to when it does not say: the name of its folder.
    public var defaultPack: String

    /// Creates a source.
    public init(path: String, bytes: [UInt8], defaultPack: String) {
        self.path = path
        self.bytes = bytes
        self.defaultPack = defaultPack
    }
}

/// Rule files that cannot be used: every problem found, sorted by file and position.
public struct RuleLoadError: Error, Sendable, CustomStringConvertible {
    /// The problems.
    public var diagnostics: [InputError]

    /// Creates an error from its problems.
    public init(diagnostics: [InputError]) {
        self.diagnostics = diagnostics
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }

    /// The problems one a line, in Chinese when `chinese` is set (see `InputError.description(chinese:)`).
    public func description(chinese: Bool) -> String {
        diagnostics.map { $0.description(chinese: chinese) }.joined(separator: "\n")
    }
}

/// Loads, checks and compiles rule files and shared definitions.
///
/// A file holds one or more YAML documents; each is a rule (it has `id`), a set of shared
/// definitions (it has `definitions`) or names of step types for reports (it has `vocabulary`). Definitions are compiled first, in the order
/// the sources are given, so rules in any file may use them.
public enum RuleLoader {
    static let ruleKeys = [
        "id", "pack", "severity", "title", "message", "description", "help", "basis", "tags", "prerequisite", "absolute",
        "kinds", "parameters", "versions", "when", "let", "for_each", "violation", "at", "about", "in_force_on", "in_force_on_label", "evidence",
        "when_load_problem",
        "scope", "examples",
    ]

    /// Loads every source.
    /// - Parameter examples: whether rules keep their examples. Without them (a check, which
    ///   never runs them) the top-level `examples:` of each rule document is left out before parsing:
    ///   two thirds of the built-in rules' bytes. Should that ever leave a file unreadable, the
    ///   file is read again whole, so the problems reported are those of the file as written.
    /// - Throws: `RuleLoadError` with every problem found, when any is found.
    public static func load(_ sources: [RuleSource], examples: Bool = true) throws(RuleLoadError) -> RuleSet {
        var diagnostics: [InputError] = []
        var documents: [(source: RuleSource, node: YAMLNode)] = []
        for source in sources {
            if !examples, let shorter = withoutExamplesIfSame(source.bytes), let nodes = try? YAMLParser.parse(shorter, file: source.path) {
                documents += nodes.map { (source, $0) }
                continue
            }
            do {
                for node in try YAMLParser.parse(source.bytes, file: source.path) {
                    documents.append((source, node))
                }
            } catch {
                diagnostics.append(InputError(file: error.file, position: error.position, message: error.message, chineseMessage: error.chineseExplanation))
            }
        }
        var definitions: [Definition] = []
        var definitionIndex: [String: Int] = [:]
        var definitionTypes: [String: StaticType] = [:]
        var definitionStepTypes: [Int: [String]] = [:]
        var definitionChecks: [DefinitionCheck] = []
        var definitionDepths: [Int: Int] = [:]
        for (source, node) in documents where node["definitions"] != nil {
            compileDefinitions(
                node, source: source, into: &definitions, index: &definitionIndex, types: &definitionTypes, stepTypes: &definitionStepTypes,
                depths: &definitionDepths, checks: &definitionChecks, diagnostics: &diagnostics)
        }
        var rules: [Rule] = []
        var readFields = Set(definitionChecks.flatMap(\.fieldReads))
        var factReads = RecordFormat.FactReads()
        factReads.add(Self.facts(in: readFields), kinds: nil)
        var seenCounter = 0
        var ruleFiles: [String: String] = [:]
        /// The ids taken, by their upper-case form: ids differing only in case (`a-001`, `A-001`)
        /// are one rule to `rules show` and a reader, so the second is refused as a repeat.
        var idsByCase: [String: String] = [:]
        var vocabulary = Vocabulary()
        for (source, node) in documents where node["vocabulary"] != nil {
            var compiler = ExpressionCompiler(file: source.path, definitions: [:], seenCounter: 0)
            readVocabulary(node, into: &vocabulary, compiler: &compiler)
            diagnostics += compiler.diagnostics
        }
        // Definitions were compiled before the vocabulary was read: their step types and codes are
        // checked now, as rules' are.
        for definition in definitionChecks {
            var compiler = ExpressionCompiler(file: definition.file, definitions: [:], seenCounter: 0)
            RuleCompiler.checkStepTypes(in: [definition.expression], vocabulary: vocabulary, compiler: &compiler)
            RuleCompiler.checkCodes(in: [definition.expression], vocabulary: vocabulary, compiler: &compiler)
            RuleCompiler.checkComparedCodes(definition.comparisons, vocabulary: vocabulary, compiler: &compiler)
            diagnostics += compiler.diagnostics
        }
        for (source, node) in documents where node["definitions"] == nil && node["vocabulary"] == nil && node["annual_report"] == nil {
            var compiler = ExpressionCompiler(file: source.path, definitions: definitionIndex, seenCounter: seenCounter)
            compiler.definitionTypes = definitionTypes
            compiler.definitionStepTypes = definitionStepTypes
            compiler.definitionDepths = definitionDepths
            if let rule = RuleCompiler.compile(node, source: source, vocabulary: vocabulary, compiler: &compiler) {
                // An id of legality's own findings: a waiver of it hid every finding of both (a
                // local rule named `rule-budget` let a waiver hide "the rule could not finish").
                if Self.reservedIDs.contains(rule.id.lowercased()) {
                    compiler.error(
                        node["id"] ?? node, "the rule id '\(rule.id)' is the id of findings legality makes itself (\(Self.reservedIDs.sorted().joined(separator: ", "))); give the rule another",
                        zh: "规则编号 \(rule.id) 是 legality 自身报告的问题所用的编号（\(Self.reservedIDs.sorted().joined(separator: "、"))）；请另取编号")
                } else if let taken = idsByCase[Self.idKey(rule.id)], let other = ruleFiles[taken] {
                    let same = taken == rule.id ? "" : " as '\(taken)' (ids differing only in case or width are one id)"
                    let chineseSame = taken == rule.id ? "" : "（写作 \(taken)；仅大小写或全角半角不同的编号视为同一编号）"
                    compiler.error(
                        node["id"] ?? node, "the rule id '\(rule.id)' is already defined in \(other)\(same)",
                        zh: "规则编号 \(rule.id) 已在 \(other) 中定义\(chineseSame)")
                } else {
                    idsByCase[Self.idKey(rule.id)] = rule.id
                    ruleFiles[rule.id] = source.path
                    rules.append(rule)
                    readFields.formUnion(compiler.fieldReads)
                    factReads.add(Self.facts(in: compiler.fieldReads), kinds: rule.kinds)
                }
            }
            diagnostics += compiler.diagnostics
            seenCounter = compiler.seenCounter
        }
        let annualReport = readAnnualReport(documents, vocabulary: vocabulary, ruleIDs: Set(ruleFiles.keys), diagnostics: &diagnostics)
        guard diagnostics.isEmpty else { throw RuleLoadError(diagnostics: diagnostics.sorted()) }
        rules.sort { $0.id < $1.id }
        return RuleSet(
            rules: rules, definitions: definitions, seenCounterCount: seenCounter, vocabulary: vocabulary, readFields: readFields,
            factReads: factReads, annualReport: annualReport)
    }

    /// The facts among fields read.
    private static func facts(in reads: Set<RecordFormat.FieldRead>) -> [String] {
        reads.compactMap { $0.level == .facts ? $0.key : nil }
    }

    /// The annual report's wording from every `annual_report` document, later ones replacing earlier texts.
    private static func readAnnualReport(
        _ documents: [(source: RuleSource, node: YAMLNode)], vocabulary: Vocabulary, ruleIDs: Set<String>, diagnostics: inout [InputError]
    ) -> AnnualReportWording {
        let kinds = Set((vocabulary.sections[RecordFormat.Section.kinds] ?? [:]).keys)
        var reader = AnnualReportWordingReader()
        var lastFile = ""
        for (source, node) in documents where node["annual_report"] != nil {
            var compiler = ExpressionCompiler(file: source.path, definitions: [:], seenCounter: 0)
            reader.read(node, kinds: kinds, compiler: &compiler)
            diagnostics += compiler.diagnostics
            lastFile = source.path
        }
        var compiler = ExpressionCompiler(file: lastFile, definitions: [:], seenCounter: 0)
        let booleanFacts = Set((vocabulary.sections[RecordFormat.Section.booleanFacts] ?? [:]).keys)
        let stepTypes = Set((vocabulary.sections[RecordFormat.Section.stepTypes] ?? [:]).keys)
        reader.finish(ruleIDs: ruleIDs, booleanFacts: booleanFacts, stepTypes: stepTypes, compiler: &compiler)
        diagnostics += compiler.diagnostics
        return reader.wording
    }

    /// The ids of the findings legality makes itself (`ToolFinding`), which no rule may take.
    public static let reservedIDs: Set<String> = ["rule-budget", "rule-error", "registry-missing", "waiver-expired", "waiver-too-long", "waiver-unused"]

    /// A rule id as ids are told apart: in upper case, full-width letters, digits and marks as
    /// ASCII (`ＡＢＣ－００２` is ABC-002, as a reader and `rules show` take it).
    static func idKey(_ id: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in id.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let folded = Unicode.Scalar(scalar.value - 0xFEE0) { scalars.append(folded) } else { scalars.append(scalar) }
        }
        return String(scalars).uppercased()
    }

    /// `vocabulary: {SECTION: {code: {zh: ..., en: ...}}}`; any section name, so a rule can `label`
    /// codes of its own. Later files add codes and rename existing ones.
    private static func readVocabulary(_ node: YAMLNode, into vocabulary: inout Vocabulary, compiler: inout ExpressionCompiler) {
        for pair in node.mapping ?? [] where pair.key.scalar?.text != "vocabulary" {
            compiler.error(pair.key, "a vocabulary file holds only 'vocabulary'", zh: "词汇表文件只能有 vocabulary 一个键")
        }
        guard let sections = node["vocabulary"]?.mapping else {
            compiler.error(
                node["vocabulary"] ?? node, "'vocabulary' is a mapping of sections such as step_types, each {code: {zh: ..., en: ...}}",
                zh: "vocabulary 应为由各分类（如 step_types）组成的映射，每个分类为 {code: {zh: ..., en: ...}}")
            return
        }
        for pair in sections {
            let section = pair.key.scalar?.text ?? ""
            guard isName(section), let entries = pair.value.mapping else {
                compiler.error(
                    pair.key, "a vocabulary section is a name (such as step_types or service_forms) holding {code: {zh: ..., en: ...}}",
                    zh: "词汇表的分类应为一个名称（如 step_types 或 service_forms），其下为 {code: {zh: ..., en: ...}}")
                continue
            }
            // A section of a name of its own is for `label`; one a letter or two from a section
            // legality reads (`step_type`, `kind`) was taken as such, and its codes were read by
            // no record: its steps were unknown types, its keys unknown keys.
            let known = RecordFormat.Section.known.union(vocabulary.sectionNames)
            if !known.contains(section), let meant = Suggestion.closest(to: section, in: known) {
                compiler.error(
                    pair.key,
                    "'\(section)' is no section legality reads; did you mean '\(meant)'? (A section of a name of your own is only for 'label' in your rules; name it apart from the vocabulary's sections: \(known.sorted().joined(separator: ", ")).)",
                    zh: "\(section) 不是 legality 读取的词汇表分类；是否应为 \(meant)？（自定义名称的分类只供规则中的 label 使用，其名称应与词汇表的分类明显不同：\(known.sorted().joined(separator: "、"))。）")
                continue
            }
            for entry in entries {
                guard let code = entry.key.scalar?.text, !code.isEmpty else {
                    compiler.error(entry.key, "a vocabulary code is a text", zh: "词汇表中的代码应为文本")
                    continue
                }
                // A step is done or planned, and every rule asks which: a status of a vocabulary's own
                // (`concluded: {zh: 已办结}`) made its steps neither, and every rule passed them over.
                if section == RecordFormat.Section.statuses, StepStatus(rawValue: code) == nil {
                    compiler.error(
                        entry.key,
                        "a step's status is done or planned, as every rule reads it; '\(code)' would be neither, and rules would pass its steps over (give another name of a status with 'also': done: {zh: 已完成, en: done, also: [已办结]})",
                        zh: "步骤状态只能是 done 或 planned，每条规则都按此读取；\(code) 两者都不是，规则会跳过这样的步骤（状态的其他名称请用 also 给出：done: {zh: 已完成, en: done, also: [已办结]}）")
                    continue
                }
                // The questions a yes-or-no key asks are the four the loader compares with what it read.
                if section == RecordFormat.Section.yesNoWords, YesNoKey.Question(rawValue: code) == nil, ![YesNoWords.reviewCode, YesNoWords.personCode].contains(code) {
                    compiler.error(
                        entry.key,
                        "the words of yes-or-no keys are given for signed, passed, done or certified, the questions compared with what a record says, and for about and adviser, what they ask of; '\(code)' is none of them (give more words with 'also': done: {zh: 完成, en: done, also: [已办结]})",
                        zh: "yes_no_words 只能为 signed、passed、done、certified（与记录读取的结果比较）和 about、adviser（所问的对象）给出词语；\(code) 不在其中（更多词语请用 also 给出：done: {zh: 完成, en: done, also: [已办结]}）")
                    continue
                }
                // A new kind or step type one typo from one already declared (`administrative_penality`
                // beside `administrative_penalty`): declared as a rule's error message advised, a
                // misspelt kind loaded clean, and the rule applied to no record.
                if [RecordFormat.Section.kinds, RecordFormat.Section.stepTypes].contains(section),
                   case let codes = vocabulary.codes(in: section), !codes.contains(code),
                   case let length = code.unicodeScalars.count,
                   let near = codes.filter({ abs($0.unicodeScalars.count - length) <= 1 && Suggestion.typoDistance(code, $0) == 1 }).sorted().first {
                    compiler.error(
                        entry.key,
                        "'\(code)' is one typo from '\(near)', already in \(section): a misspelling of it? Records and rules writing '\(near)' would not be of '\(code)' (name a code of your own apart from the vocabulary's)",
                        zh: "\(code) 与 \(section) 中已有的 \(near) 只差一处（一个字母或两个字母的顺序），是否拼错了？写 \(near) 的记录和规则不属于 \(code)（自定义的代码请与词汇表中的代码明显区分）")
                    continue
                }
                let isStepType = section == RecordFormat.Section.stepTypes
                if let name = RuleCompiler.localized(entry.value, key: "a name", chineseKey: "名称", in: entry.value, required: true, alsoAllowing: isStepType ? ["also", "also_as_meant", "kinds"] : ["also", "also_as_meant"], compiler: &compiler) {
                    // (`also_as_meant`: other names the office vouches mean the code, though a word
                    // in them would otherwise change its meaning — 无异议 for passed.)
                    let vouched = otherNames(entry.value["also_as_meant"], compiler: &compiler)
                    let also = otherNames(entry.value["also"], compiler: &compiler) + vouched
                    if isStepType, let kinds = entry.value["kinds"] {
                        vocabulary.restrict(stepType: code, toKinds: kindList(kinds, compiler: &compiler))
                    }
                    // A name two codes share would be read from records (or a registry) as the first of
                    // them, without a word (in a section names are read from; the others only name codes
                    // in reports).
                    if RecordFormat.Section.readAsCodes.contains(section), let clash = vocabulary.clash(of: code, names: name, also: also, in: section) {
                        let (message, chinese): (String, String) = clash.isShortName
                            ? ("the name '\(clash.name)' of '\(code)' is already the short name of '\(clash.code)' in \(section), by which reports' narrow columns name it; readers would take the two kinds for one (give '\(code)' a name of its own)",
                               "\(code) 的名称“\(clash.name)”已是 \(section) 中 \(clash.code) 的简称（报告的窄栏目用它称呼该类型）；读者会把两种类型当作一种（请给 \(code) 另取一个名称）")
                            : clash.name == code
                            ? ("the code '\(code)' is already a name of '\(clash.code)' in \(section); records writing it are read as '\(clash.code)'",
                               "代码 \(code) 已是 \(section) 中 \(clash.code) 的名称；写了它的记录会被读作 \(clash.code)")
                            : ("the name '\(clash.name)' of '\(code)' is already \(clash.name == clash.code ? "a code" : "a name of '\(clash.code)'") in \(section); records writing it are read as '\(clash.code)' (give '\(code)' a name of its own)",
                               "\(code) 的名称“\(clash.name)”已是 \(section) 中\(clash.name == clash.code ? "的一个代码" : " \(clash.code) 的名称")；写了它的记录会被读作 \(clash.code)（请给 \(code) 另取一个名称）")
                        compiler.error(entry.key, message, zh: chinese)
                        continue
                    }
                    // A name a later file gives a code already read, holding a word that changes
                    // what the code means (`passed` also 未通过审查, `done` also 审查中): records
                    // writing it were read as the code, and a failed review went READY.
                    let read = vocabulary
                    if Vocabulary.namesPassARecord(code, in: section), read.names(of: code, in: section) != nil,
                       let (added, word) = ([name.zh, name.en] + also.filter { !vouched.contains($0) }).lazy.compactMap({ added in
                           read.wordsChangingMeaning(of: added, code: code, in: section).first.map { (added, $0) }
                       }).first {
                        compiler.error(
                            entry.key,
                            "the name '\(added)' given to '\(code)' in \(section) holds '\(word)', which none of the code's names holds and which may change what it means; records writing it would be read as '\(code)' (give it a code of its own; if it means '\(code)' all the same, list it under also_as_meant)",
                            zh: "为 \(section) 中 \(code) 增加的名称“\(added)”含有“\(word)”，该代码原有的名称都没有这个词，它可能改变含义；写了它的记录会被读作 \(code)（请为它另设代码；确与 \(code) 同义的，请列在 also_as_meant 中）")
                        continue
                    }
                    // A vouched name that the guard would refuse is named in every report.
                    for name in vouched where Vocabulary.namesPassARecord(code, in: section) && !read.wordsChangingMeaning(of: name, code: code, in: section).isEmpty {
                        vocabulary.vouch(name, for: code)
                    }
                    vocabulary.add(code, names: name, also: also, to: section)
                }
            }
        }
    }

    /// A step type's `kinds`: the record kinds it belongs to, a list of kind codes.
    private static func kindList(_ node: YAMLNode, compiler: inout ExpressionCompiler) -> [String] {
        let items = node.sequence ?? [node]
        var kinds: [String] = []
        for item in items {
            guard let text = item.scalar?.text, isName(text) else {
                compiler.error(item, "'kinds' lists the record kinds the step type belongs to, each a kind's code (such as administrative_penalty)",
                               zh: "kinds 列出该步骤类型所属的记录类型，每项应为记录类型的代码（如 administrative_penalty）")
                continue
            }
            kinds.append(text)
        }
        return kinds
    }

    /// A vocabulary entry's `also`: other names a record may write for the code (a text or a list
    /// of texts), read as the code and never shown.
    private static func otherNames(_ node: YAMLNode?, compiler: inout ExpressionCompiler) -> [String] {
        guard let node else { return [] }
        let items = node.sequence ?? [node]
        var names: [String] = []
        for item in items {
            guard let text = item.scalar?.text, item.scalar?.style != .plain || !["", "~", "null"].contains(text), !Vocabulary.trimmed(text).isEmpty else {
                compiler.error(item, "'also' lists other names of the code, each a text", zh: "also 列出该代码的其他名称，每项应为文本")
                continue
            }
            names.append(text)
        }
        return names
    }

    /// A definition's expression and the texts it compares with code fields, checked once the
    /// vocabulary is read.
    private struct DefinitionCheck {
        let file: String
        let expression: Expression
        let comparisons: [CodeComparison]
        let fieldReads: Set<RecordFormat.FieldRead>
    }

    private static func compileDefinitions(
        _ node: YAMLNode, source: RuleSource, into definitions: inout [Definition], index: inout [String: Int],
        types: inout [String: StaticType], stepTypes: inout [Int: [String]], depths: inout [Int: Int], checks: inout [DefinitionCheck],
        diagnostics: inout [InputError]
    ) {
        var compiler = ExpressionCompiler(file: source.path, definitions: index, seenCounter: 0)
        for pair in node.mapping ?? [] where pair.key.scalar?.text != "definitions" {
            compiler.error(
                pair.key, "a definitions file holds only 'definitions', found '\(pair.key.scalar?.text ?? "?")'",
                zh: "共用定义文件只能有 definitions 一个键，实际还有 \(pair.key.scalar?.text ?? "?")")
        }
        guard let pairs = node["definitions"]?.mapping else {
            compiler.error(node["definitions"] ?? node, "'definitions' is a mapping of names to expressions", zh: "definitions 应为名称到表达式的映射")
            diagnostics += compiler.diagnostics
            return
        }
        diagnostics += compiler.diagnostics
        let names = pairs.map { $0.key.scalar?.text ?? "" }
        for (place, pair) in pairs.enumerated() {
            var compiler = ExpressionCompiler(file: source.path, definitions: index, seenCounter: 0)
            compiler.definitionTypes = types
            compiler.definitionStepTypes = stepTypes
            compiler.definitionsBelow = Set(names[(place + 1)...])
            defer { diagnostics += compiler.diagnostics }
            guard let name = pair.key.scalar?.text, isName(name) else {
                compiler.error(pair.key, "a definition's name is a word of letters, digits and underscores", zh: "共用定义的名称应为由字母、数字和下划线组成的词")
                continue
            }
            if let earlier = index[name] {
                let first = definitions[earlier]
                compiler.error(
                    pair.key,
                    "'\(name)' is already defined in \(first.file):\(first.position.line):\(first.position.column) (a folder of the built-in rules named again, or copied beside them, defines every name twice: name your own rules' folder only)",
                    zh: "\(name) 已在 \(first.file):\(first.position.line):\(first.position.column) 定义过（再次指定内置规则的文件夹，或把它复制到内置规则旁边，会使每个名称都定义两次：只需指定自定义规则所在的文件夹）")
                continue
            }
            if ExpressionCompiler.builtinRoots.contains(name) {
                compiler.error(pair.key, "'\(name)' is already defined: it is a name of the rule language ($\(name))", zh: "\(name) 已有定义：它是规则语言自带的名称（$\(name)）")
                continue
            }
            compiler.definitionDepths = depths
            let (compiled, type) = compiler.compileTyped(pair.value)
            let depth = compiler.evaluationDepth(of: pair.value, named: name, at: pair.key)
            // (The compiler's copy let go first, so the table grows in place, not copied for each definition.)
            compiler.definitionDepths = [:]
            depths[definitions.count] = depth
            types[name] = type
            checks.append(DefinitionCheck(file: source.path, expression: compiled, comparisons: compiler.codeComparisons, fieldReads: compiler.fieldReads))
            if let selected = compiler.stepTypes(of: compiled) { stepTypes[definitions.count] = selected }
            if compiler.readsRegistry {
                compiler.error(pair.key, "a definition may not read the registry; do that in a rule", zh: "共用定义不能读取人员名册；请在规则中读取")
            }
            index[name] = definitions.count
            definitions.append(Definition(name: name, expression: compiled, slotCount: compiler.slotCount, file: source.path, position: pair.key.position))
        }
    }

    /// `withoutExamples`, unless leaving the examples out might change what the rest means: an
    /// anchor (`&name`) in the examples and an alias (`*name`) outside them, which may name it (an
    /// anchor redefined in an example's record changed what a later alias meant in the file
    /// `lint` and `test` read whole, so `check` ran another rule than the one they passed). Told
    /// by the two characters alone, wherever they stand: such a file is parsed whole.
    static func withoutExamplesIfSame(_ bytes: [UInt8]) -> [UInt8]? {
        let kept = withoutExamples(bytes)
        guard kept.contains(UInt8(ascii: "*")) else { return kept }
        // An ampersand left out is one of the examples'.
        let ampersand = UInt8(ascii: "&")
        return bytes.count(where: { $0 == ampersand }) > kept.count(where: { $0 == ampersand }) ? nil : kept
    }

    /// The bytes with each top-level `examples:` block left out: from a line that starts with
    /// `examples:` to the next line that starts with anything but a space, a tab or a comment (the
    /// next top-level key, or `---`), or the end. The block's lines stay as empty lines, so the
    /// lines and columns of what follows are as written, and the parser never sees its bytes.
    static func withoutExamples(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            let key = Array("examples:".utf8)
            var lineStart = 0
            var skipping = false
            while lineStart < buffer.count {
                // The line's end found by the C library (a loop over the bytes cost five
                // instructions a byte, 1.3 M at every start-up for the built-in rules).
                var lineEnd = buffer.count
                if let base = buffer.baseAddress, let newline = memchr(base + lineStart, 0x0A, buffer.count - lineStart) {
                    lineEnd = UnsafeRawPointer(newline) - UnsafeRawPointer(base)
                }
                let length = lineEnd - lineStart
                if length >= key.count, (0..<key.count).allSatisfy({ buffer[lineStart + $0] == key[$0] }) {
                    skipping = true
                } else if length > 0 {
                    // Anything else at the start of a line (the next top-level key, `---`, `...`)
                    // ends the block: the examples' own lines are indented.
                    let first = buffer[lineStart]
                    if first != 0x20, first != 0x09, first != 0x0D, first != UInt8(ascii: "#") { skipping = false }
                }
                if !skipping { result.append(contentsOf: buffer[lineStart..<lineEnd]) }
                if lineEnd < buffer.count { result.append(0x0A) }
                lineStart = lineEnd + 1
            }
        }
        return result
    }

    static func isName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.properties.isAlphabetic) else { return false }
        return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
