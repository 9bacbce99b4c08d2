import Ledgers
import DecisionRecords
import Reporters
import RuleEngine
import RuleLanguage
import YAMLTree

/// Everything a run needs before records are read, with the configuration applied and
/// command-line options taking precedence over it.
struct PreparedRun {
    var configuration: Configuration
    var rules: RuleSet
    var calendar: WorkingCalendar
    var registries: RegistryLookup
    var language: Language
    var failOn: Severity?
    /// For `test`: the rule files that came from the paths given.
    var extraFiles: Set<String>
    /// How ledgers become records: the built-in mappings, then `--mapping` files.
    var ledgerMappings: [LedgerMapping] = []
    /// Whether `--no-builtin` left the built-in packs out (the record pack aside).
    var withoutBuiltinPacks = false
    /// Calendar files added to the built-in one (`--calendar` and the configuration's).
    var extraCalendars: [String] = []
    /// Rule files and folders added to the built-in packs (`--rules` and the configuration's).
    var extraRules: [String] = []
    /// Ledger mapping files and folders given (`--mapping`).
    var mappingPaths: [String] = []
    /// Prerequisites of discussion the configuration disabled or made milder, which the gate
    /// checks as they are (see `Configuration.sparingPrerequisites(of:)`).
    var sparedPrerequisites: [String] = []
    /// Whether the configuration said `fail_on: never`, which the gate does not take from it.
    var sparedFailOnNever = false
    /// The record paths the run was given (for the repository they lie in, see `sourceRoot(holding:)`).
    var recordPaths: [String] = []
    /// The first record file the run reads (the place of a finding of the whole run in SARIF).
    var firstRecordFile: String?
    /// Files the folder search passed over that may be records (`PathList.passedOver`).
    var passedOver: [String] = []
    /// The rules the configuration disabled, as loaded (`legality test` runs their examples all the
    /// same: the file is what is tested).
    var rulesDisabledByConfiguration: [Rule] = []

    /// The input limits of the options over the configuration's, with the ledger mappings.
    func limits(_ options: LimitOptions, paths: [String]) -> RecordLimits {
        var limits = options.resolved(configuration.limits, paths: paths)
        limits.ledgerMappings = ledgerMappings
        return limits
    }

    /// What reports say of the run's set-up, with the years the calendar did not cover once the
    /// records are checked.
    func description(uncoveredYears: Set<Int>) -> RunDescription {
        var described = description
        described.uncoveredYears = uncoveredYears.sorted()
        return described
    }

    /// What reports say of the run's set-up.
    var description: RunDescription {
        var described = RunDescription(
            configuration: configuration.file, disabledRules: configuration.disabled, registries: registries.files,
            severityChanges: configuration.severities.filter { !configuration.disabled.contains($0.key) },
            parameterChanges: configuration.parameters.filter { !configuration.disabled.contains($0.key) }.flatMap { rule, values in
                // Named with the value, so the reader sees what was changed (`roles = [legal_adviser,
                // reviewer]` widens who may sign a review, and the gate applies it).
                values.filter { !isDefault($0.value, of: $0.key, in: rule) }.map { "\(rule) \($0.key) = \(Self.shown($0.value))" }
            },
            withoutBuiltinPacks: withoutBuiltinPacks, extraCalendars: extraCalendars, extraRules: extraRules,
            notRunWithoutRegistry: registries.coversEveryRecord ? [] : rules.rules.filter(\.needsRegistry).map(\.id),
            someRecordsHaveRegistry: !registries.files.isEmpty, failLevel: failOn == .error ? nil : failOn?.rawValue ?? "never")
        described.repository = Self.sourceRoot(holding: recordPaths)
        described.recordPaths = recordPaths
        described.firstRecordFile = firstRecordFile
        described.vouchedNames = rules.vocabulary.vouchedNames
        described.hiddenRegistries = registries.hidden
        described.passedOver = passedOver
        described.calendarChanges = calendar.changedDays
        return described
    }

    /// The git repository of the run and the working folder (absolute): the repository the
    /// working folder is in (the nearest folder at or above it holding `.git`, as the
    /// configuration's search stops there), else the one the first record path that lies in a
    /// repository is in (a CI job run from the folder above its checkout); when none is, the
    /// working folder taken as the root (`./a/../b.yaml` named `b.yaml`, and a file above it by its
    /// absolute path, where SARIF named `../x.yaml` from a root it leaves).
    static func sourceRoot(holding recordPaths: [String]) -> (root: String, workingFolder: String) {
        // The working folder as the shell names it ($PWD, when it is the same folder), so that an
        // absolute path through a link (`/var` for `/private/var`) lies inside the root named.
        let physical = FileSystem.currentDirectory()
        let logical = FileSystem.environment("PWD").flatMap { $0.hasPrefix("/") && FileSystem.realPath($0) == physical ? $0 : nil }
        let working = logical ?? physical
        // (The physical folder too: a link into a repository, `X -> repo/county`, has no `.git`
        // above its logical path.)
        for folder in [working, physical] {
            if let root = enclosingRepository(of: folder) { return (root, folder) }
        }
        for path in recordPaths where path != "-" {
            if let root = enclosingRepository(of: LexicalPath.absolute(path, from: working)) { return (root, working) }
        }
        return (working, working)
    }

    /// The folder a registry search from the current folder may go up to (`Discovery.registrySearch`):
    /// the repository's root, or the folder of the configuration in force when it holds the
    /// repository or there is none. Run from a subfolder with no configuration, the registry at
    /// the root was passed over; and a configuration in the subfolder, or one named with
    /// `--config ../ci/legality.yaml` (`lang: zh` alone), ended the search there: the certificate
    /// rules did not run, and an expired certificate passed under a warning.
    static func registrySearchTop(configurationFolder: String?) -> String? {
        let repository = enclosingRepository(of: FileSystem.currentDirectory())
        guard let configurationFolder else { return repository }
        guard let repository else { return configurationFolder }
        let configurationReal = FileSystem.realPath(configurationFolder) ?? configurationFolder
        let repositoryReal = FileSystem.realPath(repository) ?? repository
        let holdsRepository = repositoryReal != configurationReal && repositoryReal.isPath(inside: configurationReal)
        return holdsRepository ? configurationFolder : repository
    }

    /// The nearest folder at or above an absolute folder that holds `.git`; nil when there is none.
    static func enclosingRepository(of absoluteFolder: String) -> String? {
        var folder = absoluteFolder
        while true {
            if FileSystem.kind(of: folder.appendingComponent(".git")) != .missing { return folder }
            if folder == "/" || folder.isEmpty { return nil }
            folder = folder.parentPath
        }
    }

    /// A parameter value as the set-up line shows it: `30`, `[executive, office]`.
    private static func shown(_ value: ParameterValue) -> String {
        func text(_ literal: Literal) -> String {
            // A text holding a comma is quoted, so it does not read as two items.
            if case .text(let text) = literal, text.contains(",") || text.contains("，") { return "\"\(text)\"" }
            return literal.written
        }
        return switch value {
        case .single(let literal): text(literal)
        case .list(let items): "[" + items.map(text).joined(separator: ", ") + "]"
        }
    }

    /// Whether a configured parameter value is the rule's own default (as `legality init` writes
    /// them, to be edited) and no version of its law sets another: such a value changes nothing,
    /// and the set-up line does not name it. (A configured value holds under every version.)
    private func isDefault(_ value: ParameterValue, of name: String, in ruleID: String) -> Bool {
        guard let rule = rules.rules.first(where: { $0.id == ruleID }), let parameter = rule.parameters.first(where: { $0.name == name }),
              !rule.versions.contains(where: { $0.parameters[name] != nil }) else { return false }
        return switch value {
        case .single(let literal): parameter.defaultList == nil && literal == parameter.defaultValue
        case .list(let items): items == parameter.defaultList
        }
    }

    /// The files found less those the run reads as something else: the rule packs, calendars and
    /// ledger mappings the configuration or the options name (`rules: [rules-local/]` beside the
    /// records made every whole-repository check read its rules as records, each a record in
    /// error, and a pre-commit hook handed over a changed rule file as one). A file named on the
    /// command line and passed over is said on standard error; a run left with no record stops,
    /// as one that found none does.
    /// - Parameter noneNamedIsFine: whether files named one by one that are all the run's own
    ///   leave a check of nothing (`check`, as a pre-commit hook runs it) rather than stop it.
    func records(among files: PathList, named paths: [String], noneNamedIsFine: Bool = false) throws(RunError) -> PathList {
        let folders = (extraRules + mappingPaths).filter { FileSystem.kind(of: $0) == .directory }
        // (The configuration and registries named by path too: `--config conf.yaml` or `--registry
        // people.yaml` inside the checked folder was read as a record lacking four keys.)
        var inputs = extraCalendars + (extraRules + mappingPaths).filter { FileSystem.kind(of: $0) != .directory }
            + [configuration.file].compactMap { $0 } + registries.files
        for folder in folders { inputs += (try? Discovery.yamlFiles(under: folder)) ?? [] }
        guard !inputs.isEmpty else { return files }
        let real = Set(inputs.compactMap(FileSystem.realPath).map(PathKey.init))
        // (Only a file of an input's name is resolved: a search of 20,000 files makes no 20,000 calls.)
        let names = Set(inputs.map(\.lastComponent))
        var passedOver: [String] = []
        let records = PathList(files.lazy.filter { file in
            guard names.contains(file.lastComponent), FileSystem.realPath(file).map({ real.contains(PathKey($0)) }) ?? false else { return true }
            passedOver.append(file)
            return false
        })
        let named = Set(paths)
        let namedAndPassedOver = passedOver.filter(named.contains)
        if !namedAndPassedOver.isEmpty {
            let list = namedAndPassedOver.joined(separator: ", ")
            FileSystem.writeStandardError(language == .zh
                ? "legality：\(list) 是本次运行读取的规则、日历、台账映射、配置或人员名册，不作为记录检查\n"
                : "legality: \(list): a rule, calendar, ledger mapping, configuration or registry this run reads, not checked as a record\n")
        }
        // Files named one by one that are all the run's own rules, calendars or mappings (a
        // pre-commit hook handed over a commit of a configured rule pack) were read as such, and
        // loaded: nothing is left to check, which is no mistake of the paths (it refused the commit).
        // (Every path given must be one: a folder given beside them that holds no record is no
        // folder of records, and stops the run as ever.)
        if noneNamedIsFine, records.isEmpty, !passedOver.isEmpty, Set(passedOver) == named {
            return records
        }
        if records.isEmpty, !files.isEmpty {
            throw RunError(
                message: "no record files among the paths given: \(passedOver.joined(separator: ", ")) \(passedOver.count == 1 ? "is a rule, calendar, ledger mapping, configuration or registry" : "are rules, calendars, ledger mappings, configurations or registries") this run reads",
                chinese: "所给路径中没有决策记录文件：\(passedOver.joined(separator: "、")) 是本次运行读取的规则、日历、台账映射、配置或人员名册")
        }
        return records
    }

    /// The waivers of the configuration, as of a day (a waiver's file matches a finding's file when
    /// both name the same file, however written); `paths` and `files` tell whether the run is one
    /// of files named one by one (see `WaiverLedger.isNamedFile`).
    func ledger(asOf: Day, paths: [String], files: PathList) -> WaiverLedger {
        var ledger = WaiverLedger(configuration.waivers, asOf: asOf) { findingFile, waiverFile in
            findingFile == waiverFile || (FileSystem.realPath(findingFile).map { $0 == FileSystem.realPath(waiverFile) } ?? false)
        }
        if !configuration.waivers.isEmpty, !paths.allSatisfy({ FileSystem.kind(of: $0) == .directory }) {
            // Resolved once (each waiver's file once more), not for every waiver and file.
            let named = Set(files.map { FileSystem.realPath($0) ?? $0 })
            ledger.isNamedFile = { named.contains(FileSystem.realPath($0) ?? $0) }
        }
        return ledger
    }

    func context(asOf: Day, meeting: Day? = nil, limits: RecordLimits? = nil) -> EvaluationContext {
        var context = EvaluationContext(
            rules: rules, calendar: calendar, registries: registries, asOf: asOf, meeting: meeting,
            parameterOverrides: configuration.parameters)
        if let limits { context.ruleStepBudget = limits.maxRuleSteps }
        return context
    }

    /// Loads configuration, rules, calendar and registry.
    /// - Parameter configurationMayPassAll: whether the configuration may make every item pass:
    ///   the gate takes no `fail_on: never`, and no disabled or milder prerequisite of discussion,
    ///   from it (a configuration committed with the records made every agenda item READY).
    static func prepare(
        _ options: RuleOptions, failOn: FailLevel? = nil, recordPaths: [String], recordFiles: PathList = PathList(), extraRules: [String] = [],
        needsRegistry: Bool = true, reportWording: Bool = false, examples: Bool = false, configurationMayPassAll: Bool = true
    ) throws(RunError) -> PreparedRun {
        var configuration = try loadConfiguration(options)
        noteConfigurationsNotRead(recordFiles.configurations, inForce: configuration.file)
        // (Outside the repository first: "does not exist" would tell a hostile configuration which files do.)
        if options.config == nil, let file = configuration.file { try requireInsideRepository(configuration, file: file) }
        for (path, position) in configuration.pathPositions.sorted(by: { $0.value < $1.value }) where FileSystem.kind(of: path) == .missing {
            throw RunError(
                message: "invalid configuration:\n\(configuration.file ?? ""):\(position.line):\(position.column): '\(path)' does not exist",
                chinese: "配置文件有误：\n\(configuration.file ?? ""):\(position.line):\(position.column)：\(path) 不存在")
        }
        var ruleOptions = options
        ruleOptions.rules = configuration.rules + options.rules
        // (A calendar named both in the configuration and on the command line is one file.)
        var calendarsNamed: Set<PathKey> = []
        ruleOptions.calendars = (configuration.calendars + options.calendars).filter { calendarsNamed.insert(PathKey(FileSystem.realPath($0) ?? $0)).inserted }
        if ruleOptions.registry == nil { ruleOptions.registry = configuration.registry }
        let (loaded, extraFiles) = try RunSetup.rules(ruleOptions, extra: extraRules, reportWording: reportWording, examples: examples)
        var spared: (rules: [String], failOnNever: Bool) = ([], false)
        if !configurationMayPassAll { (configuration, spared.rules, spared.failOnNever) = configuration.sparingPrerequisites(of: loaded) }
        let rules: RuleSet
        do {
            rules = try configuration.apply(to: loaded)
        } catch {
            throw RunError(message: "invalid configuration:\n" + error.description, chinese: "配置文件有误：\n" + error.description(chinese: true))
        }
        // A severity set to the rule's own changes nothing, and is not named as a change.
        let ownSeverities = Dictionary(loaded.rules.map { ($0.id, $0.severity) }, uniquingKeysWith: { first, _ in first })
        configuration.severities = configuration.severities.filter { ownSeverities[$0.key] != $0.value }
        let level = failOn ?? configuration.failOn.flatMap(FailLevel.init(rawValue:)) ?? .error
        var run = PreparedRun(
            configuration: configuration, rules: rules, calendar: try RunSetup.calendar(ruleOptions),
            registries: needsRegistry
                ? try RunSetup.registries(
                    ruleOptions, recordPaths: recordPaths, recordFiles: recordFiles, asked: RegistryTypes(askedBy: rules.rules, configuration: configuration, vocabulary: rules.vocabulary),
                    searchTop: registrySearchTop(configurationFolder: configuration.file?.parentPath))
                : RegistryLookup(nil),
            language: options.languageOption?.language ?? configuration.language ?? .zh,
            failOn: level.severity, extraFiles: extraFiles,
            // Ledger layouts are read only when a ledger is among the inputs (or one is named).
            ledgerMappings: options.mappings.isEmpty && !recordFiles.contains(where: LedgerInput.isLedger)
                ? [] : try RunSetup.ledgerMappings(options.mappings, kinds: Set(rules.kindNames.keys)),
            withoutBuiltinPacks: options.noBuiltin, extraCalendars: ruleOptions.calendars, extraRules: ruleOptions.rules,
            mappingPaths: options.mappings)
        noteRegistryNamesNotRead(recordFiles.registryNamed, read: run.registries.files)
        (run.sparedPrerequisites, run.sparedFailOnNever) = spared
        run.recordPaths = recordPaths
        run.firstRecordFile = recordFiles.first { $0 != "-" }
        run.passedOver = recordFiles.passedOver
        run.rulesDisabledByConfiguration = loaded.rules.filter { configuration.disabled.contains($0.id) }
        return run
    }

    /// The configuration named with `--config`, else `.legality.yaml` in the current folder or the nearest above.
    static func loadConfiguration(_ options: RuleOptions) throws(RunError) -> Configuration {
        let file: String
        if let explicit = options.config {
            guard FileSystem.kind(of: explicit) == .file else { throw RunError(message: "\(explicit): no such configuration file", chinese: "\(explicit)：配置文件不存在") }
            file = explicit
        } else if let found = discoverConfiguration() {
            // A folder, a pipe or a device of that name is no configuration, and not none either
            // (a pipe named .legality.yaml read as "no configuration").
            guard FileSystem.kind(of: found) == .file else {
                throw RunError(
                    message: "\(found): not a regular file; the configuration .legality.yaml must be a file",
                    chinese: "\(found)：不是普通文件；配置文件 .legality.yaml 必须是文件")
            }
            try refuseLinkLeavingRepository(found)
            file = found
        } else {
            return Configuration()
        }
        let bytes = try FileSystem.read(file)
        do {
            let documents = try YAMLParser.parse(bytes, file: file)
            guard let document = documents.first else { return Configuration() }
            // A second document was never read: its waivers, disabled rules and typos went unsaid
            // (`fail_on: never`, then `---` and `fail_on: error`, exited 0).
            // (An empty one, a `---` closing the file, holds nothing to lose.)
            if let second = documents.dropFirst().first(where: { $0.kind != .scalar || $0.coreValue != .null }) {
                let place = "\(file):\(second.position.line):\(second.position.column)"
                throw RunError(
                    message: "invalid configuration: \(place): a second YAML document; a configuration is one document (remove the `---` and merge the settings into the first)",
                    chinese: "配置文件有误：\(place)：第二个 YAML 文档；配置文件只能有一个文档（请删去 `---`，把其中的设置并入第一个文档）")
            }
            return try Configuration(document, file: file, folder: file.parentPath)
        } catch let error as YAMLError {
            throw RunError(message: "invalid configuration: \(error.description)", chinese: "配置文件有误：\(error.description(chinese: true))")
        } catch let error as RuleLoadError {
            throw RunError(message: "invalid configuration:\n" + error.description, chinese: "配置文件有误：\n" + error.description(chinese: true))
        } catch let error as RunError {
            throw error
        } catch {
            throw RunError(message: "invalid configuration: \(file): \(error)", chinese: "配置文件有误：\(file)：\(error)")
        }
    }

    /// A configuration found in a folder (not named with `--config`) comes with the repository, which
    /// may be anyone's (a CI job on a pull request): the registry, calendars and rules it names must
    /// lie inside that repository, links resolved. One that named `/etc/shadow` as its registry had
    /// the error message quote the file's first line, and `rules: [/proc/self]` walked the whole
    /// file system. (Named on the command line, a file may be anywhere.)
    private static func requireInsideRepository(_ configuration: Configuration, file: String) throws(RunError) {
        guard let root = FileSystem.realPath(repositoryRoot(holding: file.parentPath)) else { return }
        func isInside(_ real: String) -> Bool { real == root || root == "/" || real.hasPrefix(root + "/") }
        for (path, position) in configuration.pathPositions.sorted(by: { $0.value < $1.value }) {
            // (A path that does not exist is placed by its words: whether it exists is said after.)
            let real = FileSystem.realPath(path) ?? Self.absolute(path)
            // A folder is walked as it will be read, and a link in it that leads out is refused
            // (`rules: [myrules]` with `myrules/x.yaml -> /etc/shadow`), without following it.
            if isInside(real), FileSystem.kind(of: path) == .directory, let outside = Discovery.linkLeavingFolder(path, isInside: isInside) {
                throw RunError(
                    message: "invalid configuration:\n\(file):\(position.line):\(position.column): '\(path)' holds '\(outside)', a link that leads outside the repository (\(root)); a configuration found in a folder names only files inside its repository",
                    chinese: "配置文件有误：\n\(file):\(position.line):\(position.column)：'\(path)' 中的 '\(outside)' 是指向仓库（\(root)）之外的链接；自动找到的配置文件只能引用仓库内的文件")
            }
            guard !isInside(real) else { continue }
            throw RunError(
                message: "invalid configuration:\n\(file):\(position.line):\(position.column): '\(path)' lies outside the repository (\(root)); a configuration found in a folder names only files inside its repository: give a file elsewhere on the command line (--registry, --rules, --calendar)",
                chinese: "配置文件有误：\n\(file):\(position.line):\(position.column)：'\(path)' 位于仓库（\(root)）之外；自动找到的配置文件只能引用仓库内的文件，仓库外的文件请在命令行中给出（--registry、--rules、--calendar）")
        }
    }

    /// A path made absolute by its words alone (from the current folder; `.` and `..` applied).
    private static func absolute(_ path: String) -> String {
        LexicalPath.absolute(path, from: FileSystem.currentDirectory())
    }

    /// Says which configurations met among the records (`PathList.configurations`) the run does
    /// not read: only the one in force is, found from the current folder up (or named), and a
    /// department's own, among its records, was passed over unsaid (its `severity: {…: error}` held
    /// an item back only when run from the department's folder).
    private static func noteConfigurationsNotRead(_ found: [String], inForce: String?) {
        let inForceKey = inForce.map { PathKey(FileSystem.realPath($0) ?? $0) }
        let notRead = found.filter { PathKey(FileSystem.realPath($0) ?? $0) != inForceKey }
        guard let first = notRead.first else { return }
        let others = notRead.count > 1 ? (zh: " 等 \(notRead.count) 个配置文件", en: " and \(notRead.count - 1) more") : (zh: "", en: "")
        let current = inForce.map { (zh: "本次读取的是 \($0)", en: "this run reads \($0)") } ?? (zh: "本次没有读取配置文件", en: "this run reads none")
        FileSystem.writeStandardError(Interface.text(
            "legality：记录所在的文件夹中的 \(first)\(others.zh) 未被读取：只读取当前文件夹或上层文件夹中最近的 .legality.yaml（\(current.zh)）；要按它检查，请在它的文件夹中运行，或用 --config 指定\n",
            "legality: \(first)\(others.en), among the records, is not read: only the nearest .legality.yaml in the current folder or above it is (\(current.en)); to check by it, run in its folder, or name it with --config\n"))
    }

    /// Says which files named as a registry is (`Registry.yaml`, `registry.yml`) met among the
    /// records the run neither checks nor reads as its registry: with `--registry` given, a record
    /// so named was passed over unsaid (its failed review with it).
    private static func noteRegistryNamesNotRead(_ found: [String], read: [String]) {
        let readKeys = Set(read.map { PathKey(FileSystem.realPath($0) ?? $0) })
        for file in found where !readKeys.contains(PathKey(FileSystem.realPath(file) ?? file)) && !Self.holdsPeople(file) {
            FileSystem.writeStandardError(Interface.text(
                "legality：\(file) 的文件名是人员名册的名称，不作为记录检查，本次也没有作为名册读取；是记录的，请改名，或在命令行中写明此文件\n",
                "legality: \(file) is named as a registry is, so it is not checked as records, and this run does not read it as its registry; if it holds records, rename it, or name the file on the command line\n"))
        }
    }

    /// Whether a file reads as a registry: a line `people:` at its top (another folder's registry,
    /// which a run of records elsewhere does not read, is no record passed over).
    private static func holdsPeople(_ file: String) -> Bool {
        guard let bytes = try? FileSystem.read(file, limit: 16 << 20) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).contains { $0.hasPrefix("people:") }
    }

    /// The repository a configuration file's folder belongs to: the nearest folder at or above it
    /// that holds `.git`, else the folder itself.
    private static func repositoryRoot(holding folder: String) -> String {
        enclosingRepository(of: absolute(folder)) ?? folder
    }

    /// Refuses a configuration found (not named) that is a link leading outside its repository
    /// (outside any, the folder it is in): one linked to a file elsewhere was read, its settings
    /// applied, and its keys quoted in errors (a token's name among them), as the registry, rules
    /// and calendars it names never are.
    private static func refuseLinkLeavingRepository(_ path: String) throws(RunError) {
        guard FileSystem.isLink(path) else { return }
        let folder = FileSystem.realPath(path.parentPath) ?? absolute(path.parentPath)
        let root = repositoryRoot(holding: folder)
        let realRoot = FileSystem.realPath(root) ?? root
        guard let target = FileSystem.realPath(path), target.isPath(inside: realRoot) else {
            throw RunError(
                message: "\(path): the configuration is a link that leads outside the repository (\(realRoot)); it was not read (name a configuration kept elsewhere with --config)",
                chinese: "\(path)：配置文件是指向仓库（\(realRoot)）之外的链接，未读取（存放在别处的配置文件请用 --config 指定）")
        }
    }

    /// `.legality.yaml` in the current folder or the nearest folder above it, never above the
    /// repository's root (the first folder that holds `.git`), so a file outside the repository
    /// cannot change what a check in it reports.
    private static func discoverConfiguration() -> String? {
        var folder = FileSystem.currentDirectory()
        var relative = ""
        var found: String?
        while true {
            let candidate = folder.appendingComponent(".legality.yaml")
            // Named from the current folder (`.legality.yaml`, `../.legality.yaml`), as reports show it.
            if FileSystem.kind(of: candidate) != .missing {
                guard let nearer = found else {
                    found = relative + ".legality.yaml"
                    // (The search goes on to the repository's root, for a configuration the found one hides.)
                    if FileSystem.kind(of: folder.appendingComponent(".git")) != .missing { return found }
                    if folder == "/" || folder.isEmpty { return found }
                    folder = folder.parentPath
                    relative += "../"
                    continue
                }
                // A configuration nearer the records replaces the one above it whole: its rules,
                // severities and registry were lost without a word (a department's `lang: zh`).
                FileSystem.writeStandardError(Interface.text(
                    "legality：\(relative).legality.yaml 未被读取：只读取最近的配置文件 \(nearer)（配置不合并；需要上层配置中的规则、级别、名册等，请写入 \(nearer)）\n",
                    "legality: \(relative).legality.yaml is not read: only the nearest configuration, \(nearer), is (configurations are not merged; copy into \(nearer) what it needs of the one above)\n"))
                return nearer
            }
            // A configuration saved under a near name was passed over unsaid, and its waivers,
            // parameters and disabled rules with it.
            if FileSystem.kind(of: folder.appendingComponent(".legality.yml")) != .missing {
                FileSystem.writeStandardError(Interface.text(
                    "legality：\(relative).legality.yml 未被读取：配置文件名应为 .legality.yaml\n",
                    "legality: \(relative).legality.yml is not read: the configuration is named .legality.yaml\n"))
            }
            if FileSystem.kind(of: folder.appendingComponent(".git")) != .missing {
                // One just above the repository's root is not read, as cli.md says: said, since it
                // looked in force (its `fail_on: warning` and severities were ignored unsaid).
                let above = folder.parentPath
                if found == nil, above != folder, FileSystem.kind(of: above.appendingComponent(".legality.yaml")) != .missing {
                    FileSystem.writeStandardError(Interface.text(
                        "legality：\(relative)../.legality.yaml 未被读取：它在 git 仓库根目录之外（配置文件应放在仓库中）\n",
                        "legality: \(relative)../.legality.yaml is not read: it lies outside the git repository (keep the configuration inside it)\n"))
                }
                return found
            }
            if folder == "/" || folder.isEmpty { return found }
            folder = folder.parentPath
            relative += "../"
        }
    }
}
