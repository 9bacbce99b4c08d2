public import DecisionRecords
public import RuleLanguage

/// Everything a run's evaluation reads besides the record: rules, calendar, registry, dates.
public struct EvaluationContext: Sendable {
    /// The compiled rules and definitions.
    public var rules: RuleSet
    /// The working-day calendar.
    public var calendar: WorkingCalendar
    /// The registry of people each record is checked against (registry rules are skipped for a
    /// record that has none).
    public var registries: RegistryLookup
    /// The as-of date.
    public var asOf: Day
    /// The meeting day, in the meeting gate.
    public var meeting: Day?
    /// The day of the run, in the meeting gate: a step recorded as done after it has not happened
    /// yet, whatever the meeting day (a review "done" on the meeting day, filled in the day before,
    /// went to the meeting READY).
    public var today: Day?
    /// Parameter values set by configuration, by rule id and parameter name.
    public var parameterOverrides: [String: [String: ParameterValue]]
    /// The most evaluation steps one rule may take on one record; a rule that needs more is
    /// stopped and reported (`rule-budget`).
    public var ruleStepBudget = EvaluationContext.defaultRuleStepBudget

    /// The default budget: far above what any sane rule takes on a large record (the built-in
    /// rules take a few thousand steps on a record of 100 steps).
    public static let defaultRuleStepBudget = 2_000_000

    /// Creates a context.
    public init(
        rules: RuleSet, calendar: WorkingCalendar, registries: RegistryLookup, asOf: Day, meeting: Day? = nil,
        parameterOverrides: [String: [String: ParameterValue]] = [:]
    ) {
        self.rules = rules
        self.calendar = calendar
        self.registries = registries
        self.asOf = asOf
        self.meeting = meeting
        self.parameterOverrides = parameterOverrides
    }

    /// Creates a context with one registry (or none) for every record.
    public init(rules: RuleSet, calendar: WorkingCalendar, registry: Registry?, asOf: Day, meeting: Day? = nil) {
        self.init(rules: rules, calendar: calendar, registries: RegistryLookup(registry), asOf: asOf, meeting: meeting)
    }

    /// What record loading checks against: the vocabulary, the keys rules read, the kinds some
    /// pack applies to, and the as-of date (and the day of the run, when earlier).
    public var format: RecordFormat {
        RecordFormat(vocabulary: rules.vocabulary, ruleReads: rules.readFields, factReads: rules.factReads, checkedKinds: rules.checkedKinds, asOf: asOf, today: today)
    }

    /// The effective value of each parameter of a rule: its override, else its default.
    public func effectiveParameters(for rule: Rule) -> [String: ParameterValue] {
        var result: [String: ParameterValue] = [:]
        for parameter in rule.parameters {
            result[parameter.name] = parameterOverrides[rule.id]?[parameter.name]
                ?? parameter.defaultList.map(ParameterValue.list) ?? .single(parameter.defaultValue)
        }
        return result
    }

    func parameters(for rule: Rule) -> [String: Value] {
        effectiveParameters(for: rule).mapValues(Value.from)
    }

    /// The parameter values of each version of a rule: the rule's defaults, then what the version
    /// changes, then the configuration's overrides (a town's setting holds under every version).
    func versionParameters(for rule: Rule) -> [[String: Value]] {
        rule.versions.map { version in
            var values: [String: ParameterValue] = [:]
            for parameter in rule.parameters {
                values[parameter.name] = parameterOverrides[rule.id]?[parameter.name]
                    ?? version.parameters[parameter.name]
                    ?? parameter.defaultList.map(ParameterValue.list) ?? .single(parameter.defaultValue)
            }
            return values.mapValues(Value.from)
        }
    }
}
