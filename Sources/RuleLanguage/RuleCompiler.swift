import DecisionRecords
import YAMLTree

/// Compiles one rule document: checks every key and expression and resolves names.
enum RuleCompiler {
    static func compile(_ node: YAMLNode, source: RuleSource, vocabulary: Vocabulary, compiler: inout ExpressionCompiler) -> Rule? {
        guard let pairs = node.mapping else {
            compiler.error(
                node, "a rule is a mapping with id, severity, title, message, basis and violation, found \(node.kindDescription)",
                zh: "规则应为包含 id、severity、title、message、basis 和 violation 的映射，实际是\(node.chineseKindDescription)")
            return nil
        }
        // A file of definitions, a vocabulary or the annual report's wording is told by its one
        // key: one misspelt (`defintions:`) made the file a rule without an id.
        let fileKeys = ["definitions", "vocabulary", "annual_report"]
        for pair in pairs {
            let key = pair.key.scalar?.text ?? ""
            guard !RuleLoader.ruleKeys.contains(key) else { continue }
            if let fileKey = Suggestion.closest(to: key, in: fileKeys) {
                compiler.error(
                    pair.key, "unknown key '\(key)'; did you mean '\(fileKey)'? (a file of shared definitions, a vocabulary or the annual report's wording has that one key)",
                    zh: "未知的键 \(key)；是否应为 \(fileKey)？（共用定义文件、词汇表文件或年报措辞文件只有这一个顶层键）")
                if node["id"] == nil { return nil }
            } else {
                compiler.error(
                    pair.key, "unknown key '\(key)' in a rule\(Suggestion.phrase(for: key, in: RuleLoader.ruleKeys))",
                    zh: "规则中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: RuleLoader.ruleKeys))")
            }
        }
        guard let idNode = node["id"], let id = idNode.coreValue?.text, !id.isEmpty else {
            compiler.error(node, "a rule needs an 'id', such as TOWN-001", zh: "规则须有 id，如 TOWN-001")
            return nil
        }
        let severity = severity(node["severity"], in: node, compiler: &compiler)
        let title = localized(node["title"], key: "title", in: node, required: true, compiler: &compiler)
        let description = localized(node["description"], key: "description", in: node, required: false, compiler: &compiler)
        let help = localized(node["help"], key: "help", in: node, required: false, compiler: &compiler)
        let basis = basis(node["basis"], in: node, compiler: &compiler)
        var parameters = parameters(node["parameters"], compiler: &compiler)
        compiler.parameters = Set(parameters.map(\.name))
        compiler.parametersRead = []
        let tags = texts(node["tags"], key: "tags", compiler: &compiler)
        let kinds = node["kinds"].map { kindsNode in
            // A kind must be in the vocabulary (its code or a name): a misspelt kind would make the rule never apply.
            zip(texts(kindsNode, key: "kinds", compiler: &compiler), kindsNode.sequence ?? [kindsNode]).map { kind, item in
                // Without a vocabulary of kinds (rules loaded on their own) there is nothing to check against.
                guard vocabulary.has(RecordFormat.Section.kinds) else { return kind }
                if let code = vocabulary.code(for: kind, in: RecordFormat.Section.kinds) { return code }
                let known = Array(vocabulary.codes(in: RecordFormat.Section.kinds)).sorted()
                compiler.error(
                    item,
                    "the kind '\(kind)' is not in the vocabulary\(Suggestion.phrase(for: kind, in: known)); known kinds: \(known.joined(separator: ", ")) (declare a kind of your own in a vocabulary file)",
                    zh: "记录类型 \(kind) 不在词汇表中\(Suggestion.chinesePhrase(for: kind, in: known))（已知的记录类型：\(known.joined(separator: "、"))；自定义的记录类型请在词汇表文件中声明）")
                return kind
            }
        }
        var prerequisite = false
        if let flag = node["prerequisite"] {
            if case .bool(let value) = flag.coreValue { prerequisite = value } else { compiler.error(flag, "'prerequisite' is true or false", zh: "prerequisite 应为 true 或 false") }
        }
        var absolute = false
        if let flag = node["absolute"] {
            if case .bool(let value) = flag.coreValue { absolute = value } else { compiler.error(flag, "'absolute' is true or false", zh: "absolute 应为 true 或 false") }
            // Only the gate honours it, and the gate runs prerequisites alone.
            if absolute, !prerequisite {
                compiler.error(flag, "'absolute: true' says no waiver makes a gate's item READY, and the gate runs only rules with 'prerequisite: true'; mark the rule a prerequisite too",
                               zh: "absolute: true 表示豁免不能使会前审查的议题可以上会，而会前审查只运行 prerequisite: true 的规则；请同时标明 prerequisite: true")
            }
        }
        let pack = node["pack"]?.coreValue?.text ?? source.defaultPack

        let body: RuleBody
        if let problemNode = node["when_load_problem"] {
            compiler.allowsProblem = true
            for key in ["violation", "let", "for_each", "when", "at", "about", "in_force_on", "evidence"] where node[key] != nil {
                compiler.error(node[key] ?? node, "a rule with 'when_load_problem' takes no '\(key)'", zh: "含 when_load_problem 的规则不能有 \(key)")
            }
            var codes: [RecordProblem.Code] = []
            for item in problemNode.sequence ?? [problemNode] {
                let text = item.scalar?.text ?? ""
                if let code = RecordProblem.Code(rawValue: text) {
                    codes.append(code)
                } else {
                    let names = RecordProblem.Code.allCases.map(\.rawValue)
                    compiler.error(
                        item, "unknown load problem '\(text)'\(Suggestion.phrase(for: text, in: names)); expected one of \(names.joined(separator: ", "))",
                        zh: "未知的加载问题 \(text)\(Suggestion.chinesePhrase(for: text, in: names))（应为以下之一：\(names.joined(separator: "、"))）")
                }
            }
            body = .loadProblems(codes)
        } else {
            let check = self.check(node, compiler: &compiler)
            let scope = node["scope"]?.scalar?.text ?? "record"
            switch scope {
            case "record": body = .record(check)
            case "run": body = .run(check)
            default:
                compiler.error(node["scope"] ?? node, "'scope' is record or run", zh: "scope 应为 record 或 run")
                body = .record(check)
            }
            // Outside the record pack, a rule reads records whose codes are checked: a step type or
            // code the vocabulary does not name is in no record the rule sees.
            if pack != Rule.recordPack {
                checkStepTypes(in: check.expressions, vocabulary: vocabulary, compiler: &compiler)
                checkCodes(in: check.expressions, vocabulary: vocabulary, compiler: &compiler)
                for index in parameters.indices {
                    guard let section = compiler.codeParameters[parameters[index].name], vocabulary.has(section) else { continue }
                    parameters[index].codeSection = section
                    compiler.noteCodes(
                        of: section, in: parameters[index].defaultList ?? [parameters[index].defaultValue], at: parameters[index].position,
                        context: LocalizedText(zh: "参数 \(parameters[index].name) 的默认值", en: "the default of parameter '\(parameters[index].name)'"))
                    compiler.noteCodes(
                        of: section, in: parameters[index].never, at: parameters[index].position,
                        context: LocalizedText(zh: "参数 \(parameters[index].name) 的 never 值", en: "a 'never' value of parameter '\(parameters[index].name)'"))
                }
            }
        }
        // A parameter used as a count of days must default to a whole number (a default of "二十"
        // would make every example fail with no reason), within the days date arithmetic counts,
        // and not below 0 where working days are counted forward (a default of -5 was taken as 0,
        // unsaid; one of 40,000 made a rule-error on every record).
        for parameter in parameters {
            for value in parameter.defaultList ?? [parameter.defaultValue] {
                if let problem = dayCountProblem(parameter.name, value, compiler: compiler) {
                    compiler.error(
                        at: parameter.position, "parameter '\(parameter.name)' \(problem.en), and its default is \(value.written)",
                        zh: "参数 \(parameter.name) \(problem.zh)，而其默认值为 \(value.written)")
                    break
                }
            }
        }
        for parameter in parameters where compiler.periodUnitParameters.contains(parameter.name) {
            if case .text(let unit) = parameter.defaultValue, ExpressionCompiler.periodUnits.contains(unit) { continue }
            compiler.error(
                at: parameter.position, "parameter '\(parameter.name)' is the unit of add_period: working_days, calendar_days or days",
                zh: "参数 \(parameter.name) 是 add_period 的单位，应为 working_days、calendar_days 或 days")
        }
        let message = template(node["message"], in: node, compiler: &compiler)
        let examples = examples(node["examples"], compiler: &compiler)
        let versions = basis.map { RuleVersions.read(node["versions"], basis: $0, parameters: parameters, compiler: &compiler) } ?? []
        // `in_force_on` picks a version: on a rule with none it would be read and ignored.
        if let inForceOn = node["in_force_on"], node["versions"] == nil {
            compiler.error(
                inForceOn, "'in_force_on' names the act whose day picks a version of the law, and the rule has no 'versions'",
                zh: "in_force_on 指明按哪个行为的日期选择法律版本，但该规则没有 versions")
        }
        // Which act's day picks the version, in words, for `rules show`: only a rule with versions has one to pick.
        let inForceOnLabel = localized(node["in_force_on_label"], key: "in_force_on_label", in: node, required: false, compiler: &compiler)
        if let label = node["in_force_on_label"], node["versions"] == nil {
            compiler.error(
                label, "'in_force_on_label' says in words which act's day picks a version of the law, and the rule has no 'versions'",
                zh: "in_force_on_label 用文字说明按哪个行为的日期选择法律版本，但该规则没有 versions")
        }
        // Texts compared with a code field: in the check, as parameters' defaults, as versions' values.
        if pack != Rule.recordPack { checkComparedCodes(compiler.codeComparisons, vocabulary: vocabulary, compiler: &compiler) }
        checkRegistryRoles(compiler.registryRoles, vocabulary: vocabulary, compiler: &compiler)
        checkRegistryTypes(compiler.registryTypes, vocabulary: vocabulary, compiler: &compiler)
        // A fact read by a name of the vocabulary's (`$facts.重大案件`, a name of `major`): records
        // write the code, which the rule never read, and a record writing the name is told to
        // write the code; the rule never fired on a record written right.
        let facts = vocabulary.section(RecordFormat.Section.booleanFacts)
        for read in compiler.fieldReads.sorted(by: { $0.key < $1.key }) where read.level == .facts {
            guard !facts.isCode(read.key), let code = facts.code(named: read.key) else { continue }
            compiler.error(
                node["id"] ?? node, "the rule reads the fact '\(read.key)', a name of the fact '\(code)': records write facts by their codes; read $facts.\(code)",
                zh: "规则读取的事实 \(read.key) 是事实 \(code) 的名称：记录中的事实以代码书写；请读取 $facts.\(code)")
        }
        // A well-known fact read outside `facts` (`$record.major`, `$the_decision.urgent`): records
        // write facts under `facts` (one written beside it is told to move there), so the rule
        // never fired on a record written right; and as a key a loaded rule reads, the record
        // writing it beside `facts` was no longer told, and the built-in rules of the fact stayed silent.
        // (Asked only of keys no level of the format has: the built-in rules read the format's.)
        let ownKeys = compiler.fieldReads.filter { $0.level != .facts && !Self.allFormatKeys.contains($0.key) }.sorted { $0.key < $1.key }
        for read in ownKeys where read.level != nil {
            guard facts.isCode(read.key) else { continue }
            compiler.error(
                node["id"] ?? node, "the rule reads '\(read.key)' outside facts, where records do not write it: '\(read.key)' is a fact of the vocabulary, written under facts; read $facts.\(read.key)",
                zh: "规则在 facts 之外读取 \(read.key)，记录不会写在那里：\(read.key) 是词汇表中的事实，写在 facts 下；请读取 $facts.\(read.key)")
        }
        // A key of the format read by another name of the vocabulary's (`$review.结论`, a name of
        // `outcome`): records write the key (a record writing the name is told to), so the rule
        // never fired on a record written right.
        let keyNames = ownKeys.isEmpty ? nil : vocabulary.section(RecordFormat.Section.keyNames)
        for read in ownKeys {
            guard let keyNames else { break }
            // (Only a key of the read's level, or of any level where that is not known: `$record.文号`
            // names a document's `ref`, which no record has at its top.)
            guard !keyNames.isCode(read.key), let code = keyNames.code(named: read.key),
                  read.level.map({ Self.formatKeys(at: $0).contains(code) }) ?? true else { continue }
            compiler.error(
                node["id"] ?? node, "the rule reads the key '\(read.key)', a name of the format's key '\(code)': records write the key, and one writing the name is told to write '\(code)'; read '\(code)'",
                zh: "规则读取的键 \(read.key) 是记录格式的键 \(code) 的名称：记录中写的是 \(code)（写成名称的，会被提示改为 \(code)）；请读取 \(code)")
        }
        let advice = misplacedReadAdvice(compiler.misplacedReads, vocabulary: vocabulary)
            + unreadParameterAdvice(parameters, read: compiler.parametersRead)
            + factTypoAdvice(read: compiler.fieldReads, examples: examples, at: node["id"]?.position ?? node.position)
        guard let title, let basis else { return nil }
        var rule = Rule(
            id: id, pack: pack, severity: severity, title: title, description: description, help: help,
            message: message, basis: basis, tags: tags, prerequisite: prerequisite, kinds: kinds,
            parameters: parameters, body: body, needsRegistry: compiler.readsRegistry, versions: versions, inForceOnLabel: inForceOnLabel,
            examples: examples, advice: advice,
            file: source.path, position: node.position)
        rule.absolute = absolute
        return rule
    }

    /// What is wrong with a value of a parameter used as a count of days, or nil: it must be a
    /// whole number within the days date arithmetic counts, not below 0 for working days. In both
    /// languages, each to follow the parameter's name (`parameter 'days' …`, `参数 days …`).
    /// (So is one used as a date, which must be a date: a count of days given as the date of
    /// `days: [$publication, $param.working_days]` made the rule never fire.)
    static func dayCountProblem(_ name: String, _ value: Literal, compiler: ExpressionCompiler) -> LocalizedText? {
        if compiler.dateParameters.contains(name) {
            if case .text(let text) = value, Day(parsing: text) != nil { return nil }
            return LocalizedText(zh: "用作日期，应为日期（YYYY-MM-DD）", en: "is used as a date, a date (YYYY-MM-DD)")
        }
        guard compiler.dayCountParameters.contains(name) else { return nil }
        let lowest = compiler.workingDayCountParameters.contains(name) ? 0 : -Day.mostDaysCounted
        let what = lowest == 0
            ? LocalizedText(zh: "用作工作日天数（向后推算）", en: "is used as a number of working days, counted forward")
            : LocalizedText(zh: "用作天数", en: "is used as a number of days")
        guard case .number(let days) = value else { return LocalizedText(zh: "\(what.zh)，应为数字", en: "\(what.en), a number") }
        guard days.isFinite, days == days.rounded(), days >= Double(lowest), days <= Double(Day.mostDaysCounted) else {
            return LocalizedText(
                zh: "\(what.zh)，应为 \(lowest) 到 \(Day.mostDaysCounted) 之间的整数",
                en: "\(what.en): a whole number from \(lowest) to \(Day.mostDaysCounted)")
        }
        return nil
    }

    /// Whether a `for_each` variable's or a `let`'s name is free: not a name the language gives
    /// (`$param`, `$as_of`, `$it`...), which it would hide (a let named `param` made every
    /// `$param.threshold` missing, and the rule never fired), nor one the rule already declares
    /// (a let named as a for_each variable hid the loop's item).
    private static func isFreeName(_ name: String, at key: YAMLNode, declared: Set<String>, compiler: inout ExpressionCompiler) -> Bool {
        if ExpressionCompiler.builtinRoots.contains(name) || name == "it" {
            compiler.error(key, "'\(name)' is a name the rule language gives ($\(name)); choose another name", zh: "\(name) 是规则语言自带的名称（$\(name)），请另取一个名称")
            return false
        }
        if declared.contains(name) {
            compiler.error(
                key, "'\(name)' is declared twice in this rule (as a for_each variable or a let); choose another name",
                zh: "\(name) 在此规则中声明了两次（作为 for_each 变量或 let 变量），请另取一个名称")
            return false
        }
        return true
    }

    private static func check(_ node: YAMLNode, compiler: inout ExpressionCompiler) -> Check {
        let seenAtStart = compiler.seenCounter
        // Loop variables are declared first so lets may read them; a loop's own list may
        // read only lets and earlier loop variables.
        var loops: [(name: String, slot: Int, node: YAMLNode)] = []
        /// The names the loops and lets declare, as they are declared (a set: a list rebuilt for
        /// every let made a rule of 16,000 lets take 25 s to load).
        var declared: Set<String> = []
        let loopTypes = Self.loopVariableTypes(of: node, compiler: compiler)
        if let loopNode = node["for_each"] {
            if let pairs = loopNode.mapping {
                for pair in pairs {
                    guard let name = pair.key.scalar?.text, RuleLoader.isName(name) else {
                        compiler.error(pair.key, "a for_each variable's name is a word of letters, digits and underscores", zh: "for_each 变量名应为由字母、数字和下划线组成的词")
                        continue
                    }
                    guard Self.isFreeName(name, at: pair.key, declared: declared, compiler: &compiler) else { continue }
                    declared.insert(name)
                    let type = loopTypes[name] ?? .other
                    let slot = compiler.declare(name, type: type)
                    // The list is compiled after the lets; its selection's types are read from it.
                    if let types = pair.value["steps"]?["type"].map(ExpressionCompiler.names(in:)) { compiler.slotStepTypes[slot] = types }
                    compiler.loopSlots.insert(slot)
                    loops.append((name, slot, pair.value))
                }
            } else {
                compiler.error(
                    loopNode, "'for_each' is a mapping of variable names to lists, such as {step: {steps: {type: inspection}}}",
                    zh: "for_each 应为变量名到列表的映射，如 {step: {steps: {type: inspection}}}")
            }
        }
        var lets: [Binding] = []
        if let letNode = node["let"] {
            if let pairs = letNode.mapping {
                compiler.letsBelow = Set(pairs.compactMap { $0.key.scalar?.text })
                defer { compiler.letsBelow = [] }
                for pair in pairs {
                    guard let name = pair.key.scalar?.text, RuleLoader.isName(name) else {
                        compiler.error(pair.key, "a let name is a word of letters, digits and underscores", zh: "let 变量名应为由字母、数字和下划线组成的词")
                        continue
                    }
                    compiler.letsBelow.remove(name)
                    guard Self.isFreeName(name, at: pair.key, declared: declared, compiler: &compiler) else { continue }
                    declared.insert(name)
                    compiler.resetReadLoopSlots()
                    let (expression, type) = compiler.compileTyped(pair.value)
                    let slot = compiler.declare(name, type: type)
                    if let types = compiler.stepTypes(of: expression) { compiler.slotStepTypes[slot] = types }
                    compiler.letExpressions[slot] = (expression, pair.value)
                    compiler.letLoopDependencies[slot] = compiler.readLoopSlots
                    compiler.letDepths[slot] = compiler.evaluationDepth(of: pair.value, named: name, at: pair.key)
                    lets.append(Binding(name: name, slot: slot, expression: expression, dependsOnLoop: !compiler.readLoopSlots.isEmpty))
                }
            } else {
                compiler.error(letNode, "'let' is a mapping of names to expressions", zh: "let 应为变量名到表达式的映射")
            }
        }
        var loopBindings: [Binding] = []
        for (position, loop) in loops.enumerated() {
            compiler.resetReadLoopSlots()
            let expression = compiler.compile(loop.node)
            let allowed = Set(loops.prefix(position).map(\.slot))
            if !compiler.readLoopSlots.isSubset(of: allowed) {
                compiler.error(
                    loop.node, "the list of for_each '\(loop.name)' may use only the for_each variables before it",
                    zh: "for_each 变量 \(loop.name) 的列表只能使用排在它之前的 for_each 变量")
            }
            loopBindings.append(Binding(name: loop.name, slot: loop.slot, expression: expression, dependsOnLoop: true))
        }
        compiler.resetReadLoopSlots()
        let when = node["when"].map { compiler.compileCondition($0) }
        if !compiler.readLoopSlots.isEmpty, let whenNode = node["when"] {
            compiler.error(
                whenNode, "'when' is checked before 'for_each', so it may not use a for_each variable; put that condition in 'violation'",
                zh: "when 在 for_each 之前检查，因此不能使用 for_each 变量；请把该条件写在 violation 中")
        }
        var violation: Expression = .literal(.bool(false))
        let seenBefore = compiler.seenCounter
        if let violationNode = node["violation"] {
            violation = compiler.compileCondition(violationNode)
            if compiler.seenCounter != seenBefore, !Self.seenBeforeStandsAtTop(violation) {
                compiler.error(
                    violationNode, "'seen_before' may stand only as the violation itself or directly in its 'all', where it is checked in file order",
                    zh: "seen_before 只能作为 violation 本身，或直接写在 violation 的 all 中（在那里按文件顺序检查）")
            }
        } else {
            compiler.error(
                node, "a rule needs 'violation' (the condition that makes a finding) or 'when_load_problem'",
                zh: "规则须有 violation（构成问题的条件）或 when_load_problem")
        }
        let seenAfterViolation = compiler.seenCounter
        let location = node["at"].map { compiler.compile($0) }
        let about = node["about"].map { compiler.compile($0) }
        let inForceOn = node["in_force_on"].map { compiler.compile($0) }
        var evidence: [(String, LocalizedText, Expression)] = []
        if let evidenceNode = node["evidence"] {
            if let pairs = evidenceNode.mapping {
                for pair in pairs {
                    let name = pair.key.scalar?.text ?? ""
                    // `name: VALUE`, or `name: {label: {zh: ..., en: ...}, value: VALUE}` for a label in both languages.
                    if pair.value.mapping?.count == 2, let valueNode = pair.value["value"], pair.value["label"] != nil {
                        let label = localized(pair.value["label"], key: "label", in: pair.value, required: true, compiler: &compiler)
                        evidence.append((name, label ?? LocalizedText(zh: name, en: name), compiler.compile(valueNode)))
                    } else {
                        evidence.append((name, LocalizedText(zh: name, en: name), compiler.compile(pair.value)))
                    }
                }
            } else {
                compiler.error(evidenceNode, "'evidence' is a mapping of labels to values", zh: "evidence 应为从证据名称到值的映射")
            }
        }
        if compiler.seenCounter != seenAfterViolation || seenBefore != seenAtStart {
            compiler.error(node, "'seen_before' may stand only in 'violation'", zh: "seen_before 只能写在 violation 中")
        }
        var check = Check(lets: lets, loops: loopBindings, when: when, violation: violation, location: location, about: about, evidence: evidence, slotCount: 0)
        check.inForceOn = inForceOn
        return check.withSlots(compiler.slotCount)
    }

    /// `seen_before` is answered in file order after records are checked in parallel, so it may
    /// only decide a finding directly: as the violation, or as one condition of its top `all`.
    static func seenBeforeStandsAtTop(_ violation: Expression) -> Bool {
        switch violation {
        case .seenBefore: return true
        case .all(let items): return items.filter { if case .seenBefore = $0 { return true } else { return false } }.count == 1
        default: return false
        }
    }

    /// The `for_each` variables' types, from their lists' (see `itemType`), told on copies of the
    /// compiler that are dropped. A list may read a let, and a let an earlier loop's variable
    /// (`sos: $r.signoffs` for `so: $sos`): the loops are typed, then the lets with them, then the
    /// loops again with the lets, three rounds, which type such chains two lets deep. (Typing the
    /// lets again for every loop took a rule of 1,500 loops and lets eleven seconds to load.)
    private static func loopVariableTypes(of node: YAMLNode, compiler: ExpressionCompiler) -> [String: StaticType] {
        guard let loops = node["for_each"]?.mapping else { return [:] }
        let lets = node["let"]?.mapping ?? []
        var types: [String: StaticType] = [:]
        for _ in 0..<3 {
            var typing = compiler
            for pair in loops { if let name = pair.key.scalar?.text { _ = typing.declare(name, type: types[name] ?? .other) } }
            for pair in lets {
                guard let name = pair.key.scalar?.text else { continue }
                let (_, type) = typing.compileTyped(pair.value)
                _ = typing.declare(name, type: type)
            }
            for pair in loops { if let name = pair.key.scalar?.text { types[name] = itemType(of: pair.value, compiler: typing) } }
        }
        return types
    }

    /// What a `for_each` variable is, from its list's type: a step of a list of steps (or of one
    /// step: `$first_discussion`), a signoff of a step's signoffs. The list is compiled on a copy
    /// of the compiler, whose diagnostics and slots are dropped (it is compiled for good after the
    /// lets, which it may read). A
    /// variable's type was told from how its list was written (a `steps:` selection, `$steps`):
    /// over a definition or `{first: …}` it had none, and its comparisons of codes with names and
    /// its typos went unchecked, and its reads of a signoff's keys were taken for reads anywhere.
    private static func itemType(of node: YAMLNode, compiler: ExpressionCompiler) -> StaticType {
        var scratch = compiler
        let (_, type) = scratch.compileTyped(node)
        return switch type {
        case .steps, .step: .step
        case .signoffs, .signoff: .signoff
        default: .other
        }
    }

    private static func severity(_ node: YAMLNode?, in rule: YAMLNode, compiler: inout ExpressionCompiler) -> Severity {
        guard let node else {
            compiler.error(rule, "a rule needs a 'severity': error, warning or info", zh: "规则须有 severity（级别）：error、warning 或 info")
            return .error
        }
        guard let text = node.scalar?.text, let severity = Severity(rawValue: text) else {
            let written = node.scalar?.text ?? node.kindDescription
            let chineseWritten = node.scalar?.text ?? node.chineseKindDescription
            compiler.error(
                node, "unknown severity '\(written)'\(Suggestion.phrase(for: written, in: Severity.allCases.map(\.rawValue))); expected error, warning or info",
                zh: "未知的级别 \(chineseWritten)\(Suggestion.chinesePhrase(for: written, in: Severity.allCases.map(\.rawValue)))（应为 error、warning 或 info）")
            return .error
        }
        return severity
    }

    /// - Parameter chineseKey: what the Chinese messages call the text (`名称`); by default `key`
    ///   as written.
    static func localized(
        _ node: YAMLNode?, key: String, chineseKey: String? = nil, in rule: YAMLNode, required: Bool, alsoAllowing others: [String] = [],
        compiler: inout ExpressionCompiler
    ) -> LocalizedText? {
        // The key as the Chinese messages begin with it: a key as written is set off by a space.
        let zhKey = chineseKey ?? "\(key) "
        guard let node else {
            if required {
                let named = chineseKey ?? " \(key)"
                compiler.error(
                    rule, "a rule needs '\(key)' in Chinese and English: {zh: ..., en: ...}",
                    zh: "规则须有中英文的\(named)：{zh: ..., en: ...}")
            }
            return nil
        }
        guard node.mapping != nil else {
            compiler.error(
                node, "'\(key)' is a mapping {zh: ..., en: ...}, found \(node.kindDescription)",
                zh: "\(zhKey)应为映射 {zh: ..., en: ...}，实际是\(node.chineseKindDescription)")
            return nil
        }
        for pair in node.mapping ?? [] where !(["zh", "en"] + others).contains(pair.key.scalar?.text ?? "") {
            // `{zh: 甲, en: Decide in time, or extend}`: the comma ended the text, and its rest became a key.
            var hint = ""
            var chineseHint = ""
            if case .null? = pair.value.coreValue, let found = pair.key.scalar?.text, found.contains(" ") {
                hint = "; found '\(found)' with no value: a comma inside {...} ends a text, so quote a text that holds one (\"...\")"
                chineseHint = "；其中“\(found)”没有值：{...} 中的逗号会结束文本，含逗号的文本请加引号（\"...\"）"
            }
            compiler.error(pair.key, "'\(key)' takes only 'zh' and 'en'\(hint)", zh: "\(zhKey)只能有 zh 和 en\(chineseHint)")
        }
        guard let zh = node["zh"]?.scalar?.text, let en = node["en"]?.scalar?.text else {
            compiler.error(node, "'\(key)' needs both 'zh' and 'en'", zh: "\(zhKey)须同时有 zh 和 en")
            return nil
        }
        return LocalizedText(zh: zh, en: en)
    }

    private static func template(_ node: YAMLNode?, in rule: YAMLNode, compiler: inout ExpressionCompiler) -> MessageTemplate {
        guard let node else {
            compiler.error(rule, "a rule needs 'message' in Chinese and English: {zh: ..., en: ...}", zh: "规则须有中英文的 message：{zh: ..., en: ...}")
            return MessageTemplate(zh: [], en: [])
        }
        guard node.mapping != nil, let zh = node["zh"], let en = node["en"], let zhText = zh.scalar?.text, let enText = en.scalar?.text else {
            compiler.error(node, "'message' is a mapping {zh: ..., en: ...} with both languages", zh: "message 应为映射 {zh: ..., en: ...}，中英文都要有")
            return MessageTemplate(zh: [], en: [])
        }
        return MessageTemplate(zh: compiler.template(zhText, at: zh), en: compiler.template(enText, at: en))
    }

    static func basis(_ node: YAMLNode?, in rule: YAMLNode, compiler: inout ExpressionCompiler) -> Basis? {
        guard let node else {
            compiler.error(rule, "a rule needs a 'basis': {instrument: ..., article: ...}", zh: "规则须有 basis（依据）：{instrument: ..., article: ...}")
            return nil
        }
        guard node.mapping != nil, let instrument = node["instrument"]?.scalar?.text else {
            compiler.error(node, "'basis' is a mapping with 'instrument' and optionally 'article' and 'en'", zh: "basis 应为包含 instrument 的映射，可另有 article 和 en")
            return nil
        }
        for pair in node.mapping ?? [] where !["instrument", "article", "en"].contains(pair.key.scalar?.text ?? "") {
            let key = pair.key.scalar?.text ?? ""
            compiler.error(
                pair.key, "unknown key '\(key)' in 'basis'\(Suggestion.phrase(for: key, in: ["instrument", "article", "en"]))",
                zh: "basis 中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: ["instrument", "article", "en"]))")
        }
        return Basis(instrument: instrument, article: node["article"]?.coreValue?.text ?? "", english: node["en"]?.scalar?.text)
    }

    private static func parameters(_ node: YAMLNode?, compiler: inout ExpressionCompiler) -> [Parameter] {
        guard let node else { return [] }
        guard let pairs = node.mapping else {
            compiler.error(node, "'parameters' is a mapping of names to defaults, such as {days: 20}", zh: "parameters 应为参数名到默认值的映射，如 {days: 20}")
            return []
        }
        var result: [Parameter] = []
        for pair in pairs {
            guard let name = pair.key.scalar?.text, RuleLoader.isName(name) else {
                compiler.error(pair.key, "a parameter's name is a word of letters, digits and underscores", zh: "参数名应为由字母、数字和下划线组成的词")
                continue
            }
            var valueNode = pair.value
            var description: String?
            var never: [Literal] = []
            var neverBelow: Double?
            var neverAbove: Double?
            var configurable = true
            var mayBeEmpty = false
            if pair.value.mapping != nil {
                guard let defaultNode = pair.value["default"] else {
                    compiler.error(pair.value, "parameter '\(name)' needs a 'default'", zh: "参数 \(name) 须有 default（默认值）")
                    continue
                }
                valueNode = defaultNode
                description = pair.value["description"]?.scalar?.text
                if let neverNode = pair.value["never"] {
                    never = (neverNode.sequence ?? [neverNode]).map(Literal.init)
                }
                if let belowNode = pair.value["never_below"] {
                    if case .number(let bound) = Literal(belowNode) { neverBelow = bound } else {
                        compiler.error(
                            belowNode, "'never_below' of parameter '\(name)' takes a number, the least the law allows",
                            zh: "参数 \(name) 的 never_below 应为数字，即法律允许的最小值")
                    }
                }
                if let aboveNode = pair.value["never_above"] {
                    if case .number(let bound) = Literal(aboveNode) { neverAbove = bound } else {
                        compiler.error(
                            aboveNode, "'never_above' of parameter '\(name)' takes a number, the most the law allows",
                            zh: "参数 \(name) 的 never_above 应为数字，即法律允许的最大值")
                    }
                }
                // (A misspelt key, `nevr:`, would be read as no rule at all.)
                if let configurableNode = pair.value["configurable"] {
                    if case .bool(let flag) = Literal(configurableNode) { configurable = flag } else {
                        compiler.error(configurableNode, "'configurable' of parameter '\(name)' is true or false", zh: "参数 \(name) 的 configurable 应为 true 或 false")
                    }
                }
                if let emptyNode = pair.value["may_be_empty"] {
                    if case .bool(let flag) = Literal(emptyNode) { mayBeEmpty = flag } else {
                        compiler.error(emptyNode, "'may_be_empty' of parameter '\(name)' is true or false", zh: "参数 \(name) 的 may_be_empty 应为 true 或 false")
                    }
                }
                let keys = ["default", "description", "never", "never_below", "never_above", "configurable", "may_be_empty"]
                for entry in pair.value.mapping ?? [] where !keys.contains(entry.key.scalar?.text ?? "") {
                    let key = entry.key.scalar?.text ?? ""
                    compiler.error(
                        entry.key,
                        "unknown key '\(key)' in parameter '\(name)'\(Suggestion.phrase(for: key, in: keys)); expected default, description, never, never_below, never_above, configurable or may_be_empty",
                        zh: "参数 \(name) 中有未知的键 \(key)\(Suggestion.chinesePhrase(for: key, in: keys))（可用的键：default、description、never、never_below、never_above、configurable、may_be_empty）")
                }
            }
            var parameter: Parameter
            if let items = valueNode.sequence {
                parameter = Parameter(name: name, defaultValue: .null, defaultList: items.map(Literal.init), description: description, position: valueNode.position)
            } else if valueNode.scalar != nil {
                parameter = Parameter(name: name, defaultValue: Literal(valueNode), defaultList: nil, description: description, position: valueNode.position)
            } else {
                compiler.error(valueNode, "parameter '\(name)' takes a number, a text or a list", zh: "参数 \(name) 应为数字、文本或列表")
                continue
            }
            parameter.never = never
            parameter.mayBeEmpty = mayBeEmpty
            parameter.neverBelow = neverBelow
            parameter.neverAbove = neverAbove
            parameter.configurable = configurable
            // (A bound on a parameter that is no number would bound nothing.)
            let numberDefault = if case .number = parameter.defaultValue, parameter.defaultList == nil { true } else { false }
            if neverBelow != nil || neverAbove != nil, !numberDefault {
                compiler.error(
                    valueNode, "parameter '\(name)' has a 'never_below' or 'never_above', so its default is a number",
                    zh: "参数 \(name) 有 never_below 或 never_above，因此其默认值应为数字")
            }
            if let forbidden = parameter.forbidden(in: parameter.defaultList.map(ParameterValue.list) ?? .single(parameter.defaultValue)) {
                compiler.error(
                    valueNode, "parameter '\(name)''s default holds '\(forbidden.written)', which its 'never', 'never_below' or 'never_above' rules out",
                    zh: "参数 \(name) 的默认值含有“\(forbidden.written)”，而其 never、never_below 或 never_above 排除了这个值")
            }
            result.append(parameter)
        }
        return result
    }


    private static func texts(_ node: YAMLNode?, key: String, compiler: inout ExpressionCompiler) -> [String] {
        guard let node else { return [] }
        let items = node.sequence ?? [node]
        return items.compactMap { item in
            guard let text = item.coreValue?.text else {
                compiler.error(item, "'\(key)' is a list of names", zh: "\(key) 应为名称列表")
                return nil
            }
            return text
        }
    }
}

extension Check {
    func withSlots(_ count: Int) -> Check {
        var copy = self
        copy.slotCount = count
        return copy
    }
}
