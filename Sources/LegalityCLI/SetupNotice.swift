import DecisionRecords
import Reporters

/// What a CSV report cannot hold: the run's set-up (rules disabled or made milder, parameters
/// changed, the built-in packs left out, rules that could not run without a registry), which
/// every other format names. Said on standard error instead, so the person exporting sees that
/// the table was made with rules switched off (the CSV of a run with a rule disabled read
/// as a clean export).
enum SetupNotice {
    static func printForCSV(_ run: RunDescription, language: Language) {
        guard !run.disabledRules.isEmpty || !run.severityChanges.isEmpty || !run.parameterChanges.isEmpty
            || run.withoutBuiltinPacks || !run.notRunWithoutRegistry.isEmpty else { return }
        var setup = TextReporter.setup(run, language: language)
        if setup.hasSuffix("\n") { setup.removeLast() }
        FileSystem.writeStandardError(language == .zh
            ? "legality：注意：CSV 文件不含运行设置，请随表说明：\(setup)\n"
            : "legality: note: a CSV file holds no set-up; say it with the table: \(setup)\n")
    }
}
