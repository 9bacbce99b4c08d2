import Ledgers
import DecisionRecords
import RuleEngine
import RuleLanguage
import YAMLTree

/// Loads what a run needs before any record is read: rules, calendar, registry.
/// Every problem here stops the run with exit status 2 and a message naming file:line:column.
enum RunSetup {
    /// The compiled rules: the built-in packs (unless `noBuiltin`) and the user's.
    static func rules(_ options: RuleOptions) throws(RunError) -> RuleSet {
        try rules(options, extra: []).rules
    }

    /// The built-in rules alone (for the vocabulary of `init`'s schema).
    static func builtinRules() throws(RunError) -> RuleSet {
        try rules(noBuiltin: false, local: [], extra: []).rules
    }

    /// The compiled rules, plus the files of `extra` paths (each file once, even when a path
    /// repeats the built-in folder); also returns the files that came from `extra`.
    /// The annual report's wording (`rules/report/`) is read only when `reportWording` is asked for:
    /// other runs do not need it, and every file read costs start-up time.
    /// Rule examples are kept only when `examples` is asked for (`test`, `rules show`, `rules lint`).
    static func rules(
        _ options: RuleOptions, extra: [String], reportWording: Bool = false, examples: Bool = false
    ) throws(RunError) -> (rules: RuleSet, extraFiles: Set<String>) {
        try rules(
            noBuiltin: options.noBuiltin, local: options.rules, extra: extra, reportWording: reportWording, examples: examples,
            namedOtherwise: options.calendars + options.mappings)
    }

    /// Refuses a built-in rules folder that lacks what every run needs: the shared definitions,
    /// the record pack and the calendars. (`LEGALITY_RULES` naming an empty folder, as a container
    /// mounting a missing one makes, loaded no rule at all: a file that is not YAML checked clean,
    /// exit 0; naming the folder above it loaded the packs but no calendar.)
    static func requireBuiltinRules(in folder: String) throws(RunError) {
        // (A folder that holds no rule file is none: empty record/ and calendars/ passed, and
        // nothing was checked.)
        func holds(_ name: String) -> Bool {
            let path = folder.appendingComponent(name)
            guard name.hasSuffix(".yaml") else { return !((try? Discovery.yamlFiles(under: path)) ?? []).isEmpty }
            return FileSystem.kind(of: path) == .file
        }
        let missing = ["calendars", "definitions.yaml", Rule.recordPack].filter { !holds($0) }
        guard !missing.isEmpty else { return try requireManifestFiles(in: folder) }
        let inner = folder.appendingComponent("rules")
        let hint = FileSystem.kind(of: inner.appendingComponent("definitions.yaml")) == .file ? "; did you mean \(inner)?" : ""
        let hintZh = hint.isEmpty ? "" : "；是否应为 \(inner)？"
        throw RunError(
            message: "\(folder) is not legality's rules folder: it has no \(missing.joined(separator: ", ")), and every run needs definitions.yaml, record/ and calendars/\(hint) (set LEGALITY_RULES to the rules/ folder installed with legality)",
            chinese: "\(folder) 不是 legality 的规则文件夹：其中没有 \(missing.joined(separator: "、"))，而每次运行都需要 definitions.yaml、record/ 和 calendars/\(hintZh)（LEGALITY_RULES 应指向随 legality 安装的 rules/ 文件夹）")
    }

    /// Refuses a built-in rules folder missing a file its `manifest.yaml` lists: a partial copy,
    /// or a built-in rule deleted where it was meant to be disabled, left its checks undone while
    /// the report said "内置默认". (A folder without a manifest is not checked.)
    static func requireManifestFiles(in folder: String) throws(RunError) {
        let manifest = folder.appendingComponent("manifest.yaml")
        guard FileSystem.kind(of: manifest) == .file else { return }
        let listed: [String]
        do {
            let documents = try YAMLParser.parse(try FileSystem.read(manifest), file: manifest)
            listed = documents.first?["files"]?.sequence?.compactMap { $0.scalar?.text } ?? []
        } catch {
            throw RunError(message: "\(manifest): cannot be read: \(error)", chinese: "\(manifest)：无法读取：\(error)")
        }
        let missing = listed.filter { FileSystem.kind(of: folder.appendingComponent($0)) != .file }
        guard !missing.isEmpty else { return }
        let shown = missing.prefix(10).joined(separator: ", ") + (missing.count > 10 ? ", …" : "")
        throw RunError(
            message: "\(folder) is not the whole of legality's rules: it lacks \(shown), which its manifest.yaml lists; restore the folder installed with legality (to switch a rule off, disable it in the configuration)",
            chinese: "\(folder) 中的内置规则不完整：缺少 manifest.yaml 所列的 \(shown)；请恢复随 legality 安装的规则文件夹（要停用规则，请在配置中写 disable）")
    }

    /// - Parameter namedOtherwise: calendars and ledger layouts the run names as such, which may lie
    ///   in a folder of rules (`local/calendars/x.yaml`).
    static func rules(
        noBuiltin: Bool, local: [String], extra: [String], reportWording: Bool = false, examples: Bool = false, namedOtherwise: [String] = []
    ) throws(RunError) -> (rules: RuleSet, extraFiles: Set<String>) {
        var sources: [RuleSource] = []
        var seen: Set<String> = []
        var extraFiles: Set<String> = []
        guard let folder = Discovery.builtinRulesFolder() else {
            throw RunError(message: "cannot find the built-in rules folder; set LEGALITY_RULES to the project's rules/ folder", chinese: "找不到内置规则文件夹；请把 LEGALITY_RULES 设为项目的 rules/ 文件夹")
        }
        try requireBuiltinRules(in: folder)
        // `--no-builtin` drops the built-in packs, but never the record pack (a file that is not
        // YAML is always reported), the shared definitions or the vocabulary.
        let reportFolder = folder.appendingComponent("report")
        let manifest = folder.appendingComponent("manifest.yaml")
        for file in try Discovery.yamlFiles(under: folder) where !isCalendar(file) && file != manifest {
            if !reportWording, file.parentPath == reportFolder { continue }
            if noBuiltin, file.parentPath != folder, file.parentPath.lastComponent != Rule.recordPack { continue }
            if seen.insert(FileSystem.realPath(file) ?? file).inserted { sources.append(try source(file, root: folder)) }
        }
        let builtinFiles = Set(sources.map(\.path))
        // The files of each folder of added rules, looked at once the rules are loaded.
        var localFiles: [(path: String, files: [String])] = []
        for path in local + extra {
            let files = try Discovery.yamlFiles(under: path)
            // A rules folder of the user's that holds no rule file ran nothing: the rules meant to
            // run were elsewhere, and the report read as if they had found nothing.
            if files.isEmpty, local.contains(path) {
                throw RunError(
                    message: "\(path): no rule files (.yaml) found; the rules given with --rules or the configuration's 'rules' would not run",
                    chinese: "\(path)：没有找到规则文件（.yaml）；--rules 或配置中 rules 指定的规则不会执行")
            }
            if local.contains(path), !extra.contains(path) { localFiles.append((path, files)) }
            // Nor may `test` or `rules lint` of such a folder pass: nothing was tested or linted
            // (a rule saved as F04.yaml.txt by a text editor).
            if files.isEmpty, extra.contains(path) {
                throw RunError(
                    message: "\(path): no rule files (.yaml) found, so nothing was tested or checked; a rule file's name ends in .yaml",
                    chinese: "\(path)：没有找到规则文件（.yaml），没有可测试或检查的规则；规则文件名须以 .yaml 结尾")
            }
            // A calendar (or ledger layout) given among the rules was passed over unsaid, and the
            // deadlines it was meant to move were counted without it.
            // (The built-in folder's own, named as a path of rules, as `legality test rules` does, are
            // its calendars; so are those the run names as calendars or layouts.)
            let builtinRoot = (FileSystem.realPath(folder) ?? folder) + "/"
            let named = Set(namedOtherwise.map { FileSystem.realPath($0) ?? $0 })
            if let skipped = files.first(where: { file in
                let real = FileSystem.realPath(file) ?? file
                return isCalendar(file) && !real.hasPrefix(builtinRoot) && !named.contains(real)
            }) {
                throw RunError(
                    message: "\(skipped): a file in a folder named calendars, ledgers or starter is not read as rules; give a calendar under 'calendars:' in the configuration (or with --calendar), a ledger layout with --mapping, and keep rule files in other folders",
                    chinese: "\(skipped)：位于 calendars、ledgers 或 starter 文件夹中的文件不作为规则读取；工作日历请写在配置的 calendars: 下（或用 --calendar），台账映射请用 --mapping，规则文件请放在其他文件夹")
            }
            // (The built-in folder's manifest, as `legality test rules` names the folder, is no rule.)
            for file in files where !isCalendar(file) && !isBuiltinManifest(file, of: folder) {
                let real = FileSystem.realPath(file) ?? file
                if extra.contains(path) { extraFiles.insert(real) }
                if seen.insert(real).inserted {
                    sources.append(try source(file, root: FileSystem.kind(of: path) == .directory ? path : path.parentPath))
                }
            }
        }
        let loaded: RuleSet
        do {
            loaded = try RuleLoader.load(sources, examples: examples)
        } catch {
            throw RunError(message: "invalid rules:\n" + error.description, chinese: "规则文件有误：\n" + error.description(chinese: true))
        }
        try refuseRecordPack(of: loaded.rules.filter { !builtinFiles.contains($0.file) })
        try sayAddedFilesOfNoRule(localFiles, loaded: loaded)
        sayAddedRulesThatNeverFire(localFiles, loaded: loaded)
        try requireBuiltinRulesLoaded(builtinFiles, loaded: loaded, folder: folder)
        return (loaded, extraFiles)
    }

    /// Says each added rule that can never make a finding, plain from the rule alone (`kinds: []`,
    /// a `when` or `violation` false as written, a `when` asking for a kind its `kinds` leave out):
    /// only `rules lint` said so, and a run with the rule reported its records clean.
    static func sayAddedRulesThatNeverFire(_ folders: [(path: String, files: [String])], loaded: RuleSet) {
        let added = Set(folders.flatMap(\.files))
        for rule in loaded.rules where added.contains(rule.file) {
            // (A violation true as written makes a finding on every record: nothing passes unsaid.)
            if case .record(let check) = rule.body, RuleLint.truth(check.violation) == true { continue }
            guard let never = RuleLint.neverFires(rule) else { continue }
            let place = "\(rule.file):\(rule.position.line):\(rule.position.column)"
            FileSystem.writeStandardError(Interface.text(
                "legality：\(place)：规则 \(rule.id) \(never.zh)（本次检查中它不会报告任何问题；详见 legality rules lint）\n",
                "legality: \(place): the rule \(rule.id) \(never.en) (it reports nothing in this run; see legality rules lint)\n"))
        }
    }

    /// Refuses a folder of added rules whose rule files hold nothing (a save that did not happen, a
    /// truncated checkout): the report named the folder as added rules, and no rule of it ran. An
    /// empty file beside others, or a rule file saved under another name, is said, as `rules lint`
    /// says it. (Only files that gave no rule are read again.)
    static func sayAddedFilesOfNoRule(_ folders: [(path: String, files: [String])], loaded: RuleSet) throws(RunError) {
        let withRules = Set(loaded.rules.map(\.file))
        for (path, files) in folders where !files.isEmpty {
            let empty = files.filter { !withRules.contains($0) && RuleLint.holdsNothing($0) }
            if empty.count == files.count {
                throw RunError(
                    message: "\(path): its rule files hold nothing (empty, or only comments); the rules given with --rules or the configuration's 'rules' would not run",
                    chinese: "\(path)：其中的规则文件没有内容（空文件或只有注释）；--rules 或配置中 rules 指定的规则不会执行")
            }
            for file in empty {
                FileSystem.writeStandardError(Interface.text(
                    "legality：\(file)：没有内容（空文件或只有注释），未从中读到任何规则\n", "legality: \(file): holds nothing (empty, or only comments): no rule is read from it\n"))
            }
            sayFilesNotReadAsRules(under: [path], loaded: loaded)
        }
    }

    /// Names, on standard error, the files of rules folders that look meant as rules and are not
    /// read as such: saved under another name (`.yaml.txt`, `.json`), or hidden (`.LOCAL-003.yaml`,
    /// `.drafts/`). `rules lint` names them as warnings.
    /// (A file the run loaded all the same, named on its own, is not said.)
    static func sayFilesNotReadAsRules(under paths: [String], loaded: RuleSet) {
        let read = Set(loaded.rules.map { PathKey(FileSystem.realPath($0.file) ?? $0.file) })
        for file in RuleLint.filesNotRead(under: paths) where !read.contains(PathKey(FileSystem.realPath(file) ?? file)) {
            FileSystem.writeStandardError(Interface.text(
                "legality：\(file)：没有作为规则读取：规则文件名应以 .yaml 或 .yml 结尾（是否被编辑器另存为其他名称？请改名）\n",
                "legality: \(file): not read as rules: a rule file's name ends in .yaml or .yml (saved by an editor under another name? rename it)\n"))
        }
        for file in RuleLint.hiddenRuleFiles(under: paths) where !read.contains(PathKey(FileSystem.realPath(file) ?? file)) {
            FileSystem.writeStandardError(Interface.text(
                "legality：\(file)：没有作为规则读取：文件名或所在文件夹名以“.”开头，属于隐藏文件，其中的规则不会执行（如需执行，请去掉开头的“.”）\n",
                "legality: \(file): not read as rules: it is hidden (its name, or a folder's, starts with '.'), so its rule does not run (take the '.' away if it should run)\n"))
        }
    }

    /// Refuses a built-in rules folder one of whose packs' files yields no rule: emptied, or left
    /// with comments alone (a manifest only tells a file is there), its checks were undone while
    /// reports said "内置默认".
    static func requireBuiltinRulesLoaded(_ files: Set<String>, loaded: RuleSet, folder: String) throws(RunError) {
        let withRules = Set(loaded.rules.map(\.file))
        let packFolders = Set(loaded.rules.filter { files.contains($0.file) }.map { $0.file.parentPath })
        let empty = files.filter { packFolders.contains($0.parentPath) && !withRules.contains($0) }.sorted()
        guard let first = empty.first else { return }
        throw RunError(
            message: "\(first) defines no rule: the built-in rules are not whole; restore the folder installed with legality (to switch a rule off, disable it in the configuration)",
            chinese: "\(first) 中没有规则：内置规则不完整；请恢复随 legality 安装的规则文件夹（要停用规则，请在配置中写 disable）")
    }

    /// Refuses a user's rule in the pack `record` (written `pack: record`, or a rule in a folder
    /// named `record`): that pack is legality's record pack, whose rules check the format itself,
    /// so their step types and codes are not checked against the vocabulary, and they cannot be
    /// disabled. An office's rule placed in a folder named for record keeping loaded with a
    /// misspelt step type unsaid, and never fired.
    static func refuseRecordPack(of userRules: [Rule]) throws(RunError) {
        let misplaced = userRules.filter(\.isRecordPack)
        guard !misplaced.isEmpty else { return }
        let error = RuleLoadError(diagnostics: misplaced.map { rule in
            InputError(
                file: rule.file, position: rule.position,
                message: "\(rule.id) is in the pack 'record' (named by its folder or its 'pack'), which is legality's own record pack: its rules check the record format itself, are not checked against the vocabulary (a misspelt step type would go unsaid) and cannot be disabled; put the rule in a folder of another name, or give it 'pack: NAME'",
                chineseMessage: "\(rule.id) 属于 record 规则包（由所在文件夹或 pack 指定），这是 legality 自带的记录格式规则包：其规则检查记录格式本身，不按词汇表核对（拼错的步骤类型不会被发现），也不能停用；请把规则放在其他名称的文件夹中，或写明 pack: 名称")
        })
        throw RunError(message: "invalid rules:\n" + error.description, chinese: "规则文件有误：\n" + error.description(chinese: true))
    }

    /// Calendars, ledger mappings and the starter files of `init` live beside the rules but are not rules.
    /// Whether a file is the built-in rules folder's manifest, no rule file.
    private static func isBuiltinManifest(_ file: String, of folder: String) -> Bool {
        file.lastComponent == "manifest.yaml" && FileSystem.realPath(file.parentPath) == FileSystem.realPath(folder)
    }

    private static func isCalendar(_ file: String) -> Bool {
        ["calendars", "starter", "ledgers"].contains(file.parentPath.lastComponent)
    }

    /// The ledger mappings: the built-in ones (`rules/ledgers/`), then the files given; a later
    /// mapping with the id of an earlier one replaces it.
    static func ledgerMappings(_ files: [String], kinds: Set<String>) throws(RunError) -> [LedgerMapping] {
        var paths: [String] = []
        if let folder = Discovery.builtinRulesFolder() {
            let ledgers = folder.appendingComponent("ledgers")
            if FileSystem.kind(of: ledgers) == .directory { paths += try Discovery.yamlFiles(under: ledgers) }
        }
        for file in files { paths += try Discovery.yamlFiles(under: file) }
        var mappings: [LedgerMapping] = []
        for path in paths {
            let bytes = try FileSystem.read(path)
            do {
                for mapping in try LedgerMappingReader.read(bytes, file: path, kinds: kinds) {
                    mappings.removeAll { $0.id == mapping.id }
                    mappings.append(mapping)
                }
            } catch {
                throw RunError(message: "invalid ledger mapping:\n\(error.description)", chinese: "台账映射文件有误：\n\(error.description(chinese: true))")
            }
        }
        return mappings
    }

    private static func source(_ file: String, root: String) throws(RunError) -> RuleSource {
        let folder = file.parentPath
        var pack = folder == root ? root.lastComponent : folder.lastComponent
        // `--rules .` (or `./`, `..`): the folder's own name, not ".".
        if pack.isEmpty || pack == "." || pack == "..", let real = FileSystem.realPath(folder) { pack = real.lastComponent }
        return RuleSource(path: file, bytes: try FileSystem.read(file), defaultPack: pack)
    }

    /// The working-day calendar: the built-in one, then the user's files.
    static func calendar(_ options: RuleOptions) throws(RunError) -> WorkingCalendar {
        var files: [String] = []
        if let folder = Discovery.builtinRulesFolder() {
            let calendars = folder.appendingComponent("calendars")
            if FileSystem.kind(of: calendars) == .directory { files += try Discovery.yamlFiles(under: calendars) }
        }
        let builtIn = Set(files)
        // (Each named once: `PreparedRun` keeps one of a file named twice.)
        files += options.calendars
        var calendar = WorkingCalendar()
        for file in files {
            try eachDocument(of: file, what: "calendar") { document throws(InputError) in
                try calendar.add(document, file: file, builtIn: builtIn.contains(file))
            }
        }
        let minimum = WorkingCalendar.fewestWorkingDaysInAYear
        if let (year, count) = calendar.yearsWithFewWorkingDays(minimum: minimum).first {
            let named = files.joined(separator: ", ")
            throw RunError(
                message: "invalid calendar: the calendars (\(named)) leave \(year) only \(count) working days, fewer than \(minimum); a year has some 250, so holidays are listed wrongly",
                chinese: "日历有误：日历文件（\(named)）使 \(year) 年只有 \(count) 个工作日，少于 \(minimum) 个；一年约有 250 个工作日，节假日可能列错了")
        }
        return calendar
    }

    /// The registries: the one given applies to every record; else each record uses the nearest
    /// `registry.yaml` or `registry/` at or above its folder (see `Discovery.registrySearch`).
    static func registries(
        _ options: RuleOptions, recordPaths: [String], recordFiles: PathList, asked: RegistryTypes = RegistryTypes(), searchTop: String? = nil
    ) throws(RunError) -> RegistryLookup {
        if let explicit = options.registry {
            guard FileSystem.kind(of: explicit) != .missing else { throw RunError(message: "\(explicit): no such registry file", chinese: "\(explicit)：人员名册文件不存在") }
            let files = FileSystem.kind(of: explicit) == .directory ? try Discovery.yamlFiles(under: explicit) : [explicit]
            return RegistryLookup(try registry(files, asked: asked), files: files)
        }
        // (Folders and registry files by their bytes, as the file system tells them apart: see `PathKey`.)
        var byLocation: [[PathKey]: (files: [String], registry: Registry)] = [:]
        var byFolder: [(folder: String, registry: Registry)] = []
        var searched: Set<PathKey> = []
        var covers = true
        var hidden: [String: String] = [:]
        var memo = Discovery.RegistrySearchMemo()
        // Files come folder by folder: each folder is searched from its first file.
        for (folder, file) in recordFiles.folderRuns() {
            guard searched.insert(PathKey(folder)).inserted else { continue }
            // (The files of a folder search from the current folder are named without its `./`:
            // each took its own folder for the path given, and no two searches could share a step.)
            let root = recordPaths.first { path in
                PathKey(file) == PathKey(path) || file.isPath(inside: path) || (path.tidiedPath == "." && !file.hasPrefix("/"))
            } ?? folder
            let (files, hides) = try Discovery.registrySearch(from: folder, root: root, searchTop: searchTop, memo: &memo)
            guard let first = files.first else {
                covers = false
                continue
            }
            // (A registry linked to the one above is that one, and hides nothing.)
            if let hides, FileSystem.realPath(first).map({ PathKey($0) }) != FileSystem.realPath(hides).map({ PathKey($0) }) { hidden[first] = hides }
            let location = files.map(PathKey.init)
            if byLocation[location] == nil { byLocation[location] = (files, try registry(files, asked: asked)) }
            if let found = byLocation[location] { byFolder.append((folder, found.registry)) }
        }
        var lookup = RegistryLookup(byFolder: byFolder, coversEveryRecord: covers && !recordFiles.isEmpty, files: byLocation.values.flatMap(\.files))
        // Named in every report's set-up, not warned of: registries per folder are a layout the
        // format provides (two towns' staff), and a copy dropped beside a record is seen there.
        lookup.hidden = hidden.sorted { $0.key.precedesInUTF8($1.key) }.map { (nearer: $0.key, hidden: $0.value) }
        return lookup
    }

    /// The people of registry files, read together.
    private static func registry(_ files: [String], asked: RegistryTypes) throws(RunError) -> Registry {
        var registry = Registry()
        for file in files {
            try eachDocument(of: file, what: "registry") { document throws(InputError) in
                try RegistryLoader.add(document, file: file, to: &registry, asked: asked)
            }
        }
        registry.prepareForSearches()
        return registry
    }

    /// Hands each document of a setup file to `body`; a YAML or content problem stops the run
    /// with "invalid WHAT: file:line:column: message".
    private static func eachDocument(of file: String, what: String, _ body: (YAMLNode) throws(InputError) -> Void) throws(RunError) {
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.parse(try FileSystem.read(file), file: file)
        } catch let error as YAMLError {
            throw RunError(message: "invalid \(what): \(error.description)", chinese: "\(chineseName(what))有误：\(error.description(chinese: true))")
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(message: "invalid \(what): \(file): \(error)", chinese: "\(chineseName(what))有误：\(file)：\(error)")
        }
        // (An empty calendar file was listed as loaded, "另加日历", and added nothing.)
        if documents.isEmpty, what == "calendar" {
            throw RunError(message: "invalid calendar: \(file) holds nothing (empty, or only comments); a calendar is a mapping with 'years'",
                           chinese: "工作日历有误：\(file) 没有内容（空文件或只有注释）；工作日历应为含 years 的映射")
        }
        for document in documents {
            do {
                try body(document)
            } catch {
                throw RunError(message: "invalid \(what): \(error.description)", chinese: "\(chineseName(what))有误：\(error.description(chinese: true))")
            }
        }
    }

    private static func chineseName(_ what: String) -> String {
        what == "registry" ? "人员名册" : what == "calendar" ? "工作日历" : what
    }

    /// Today's local date.
    static func today() -> Day {
        let (year, month, day) = FileSystem.today()
        return Day(year: year, month: month, day: day) ?? Day(ordinal: 0)
    }
}
