public import RuleEngine
public import RuleLanguage

/// What a report says about how the run was set up: the configuration in force, the rules it
/// switched off, and the registries records were checked against.
public struct RunDescription: Sendable {
    /// The configuration file in force, if any.
    public var configuration: String?
    /// The ids of the rules the configuration disabled, sorted.
    public var disabledRules: [String]
    /// The registry files records were checked against, sorted.
    public var registries: [String]
    /// Registries beside records that hide one above them, as `nearer → hidden` pairs.
    public var hiddenRegistries: [(nearer: String, hidden: String)] = []
    /// The rules whose severity the configuration changed, with the severity they have, by id.
    public var severityChanges: [(rule: String, severity: Severity)]
    /// The rule parameters the configuration set, as `RULE name`, sorted (`legality rules show`
    /// gives their values): a deadline of 10,000 days is a rule that never fires.
    public var parameterChanges: [String]
    /// Calendar files read over the built-in one: local days off move every working-day deadline.
    public var extraCalendars: [String]
    /// The days those files changed from the built-in calendar (a make-up Saturday made a day
    /// off): each moves deadlines against the State Council's notice, and is named.
    public var calendarChanges: [WorkingCalendar.DayChange] = []
    /// Files the folder search passed over that may be records (in a hidden, `rules/` or
    /// `registry/` folder, or named like a copy of one, `a.yaml.bak`), sorted: said in every
    /// report's set-up, so a rate of 100 % is read with what was not checked (stderr alone said it).
    public var passedOver: [String] = []
    /// Rule files and folders added to the built-in packs (a town's own rules).
    public var extraRules: [String]
    /// Whether the built-in packs were left out (`--no-builtin`): only the record pack and the
    /// user's rules ran, so a clean report says nothing of the catalogue's rules.
    public var withoutBuiltinPacks: Bool
    /// The rules that need a registry of people and were not evaluated for the records that have
    /// none (all records, unless `someRecordsHaveRegistry`), sorted: a clean report says nothing of them.
    public var notRunWithoutRegistry: [String]
    /// Whether some records had a registry (then only the others went without these rules).
    public var someRecordsHaveRegistry: Bool
    /// The level at which findings fail the run, when it is not the default (`error`): `never`
    /// makes a run with errors end with status 0, and a gate call every item ready.
    public var failLevel: String?
    /// Years a working-day count reached that the calendar does not cover (counted Monday to
    /// Friday, their public holidays unknown), sorted; known only once the records are checked.
    public var uncoveredYears: [Int] = []
    /// The git repository of the run (outside one, the working folder taken as the root): the
    /// root and the working folder, both absolute (the working folder may lie inside the root or
    /// above it). SARIF's URIs are made relative to the root, as code scanning reads them (run
    /// from `county/`, a finding in `county/gas.yaml` named `gas.yaml` pointed at no file; run
    /// from the folder above the repository, `repo/gas.yaml`).
    public var repository: (root: String, workingFolder: String)?

    /// The paths of records the run was given (files or folders), as given.
    public var recordPaths: [String] = []
    /// The first record file the run reads.
    public var firstRecordFile: String?
    /// Names a vocabulary file vouches mean a code that lets a record pass (`code ← name`).
    public var vouchedNames: [String] = []

    /// Creates a description.
    public init(
        configuration: String? = nil, disabledRules: [String] = [], registries: [String] = [], severityChanges: [String: Severity] = [:],
        parameterChanges: [String] = [], withoutBuiltinPacks: Bool = false, extraCalendars: [String] = [], extraRules: [String] = [],
        notRunWithoutRegistry: [String] = [], someRecordsHaveRegistry: Bool = false, failLevel: String? = nil
    ) {
        self.failLevel = failLevel
        self.notRunWithoutRegistry = notRunWithoutRegistry.sorted()
        self.someRecordsHaveRegistry = someRecordsHaveRegistry
        self.extraCalendars = extraCalendars
        self.extraRules = extraRules
        self.parameterChanges = parameterChanges.sorted()
        self.withoutBuiltinPacks = withoutBuiltinPacks
        self.configuration = configuration
        self.disabledRules = disabledRules.sorted()
        self.registries = registries
        self.severityChanges = severityChanges.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// A run with no configuration, nothing disabled and no registry.
    public static let plain = RunDescription()
}
